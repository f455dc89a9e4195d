"""Language labels and content sniffing."""

from __future__ import annotations

import pytest
from docsec.languages.labels import language_kind


@pytest.mark.parametrize(("label", "kind"), [
    ("python", "python"), ("py", "python"), ("pycon", "pycon"), ("bash", "shell"), ("sh", "shell"),
    ("powershell", "shell"), ("console", "console"), ("shell-session", "console"), ("ps1con", "console"),
    ("dockerfile", "dockerfile"), ("Dockerfile", "dockerfile"), ("yaml", "yaml"), ("yml", "yaml"),
    ("docker-compose", "yaml"), ("ini", "text"), ("toml", "text"), ("json", "text"), ("dotenv", "text"),
    ("pytb", "skip"), ("myst-ansi", "skip"), ("markdown", "text"), ("rst", "text"), ("bash {.copy}", "shell"),
    ("ipythonconsole", "pycon"), ("output", "text"),
])
def test_labels(label: str, kind: str) -> None:
    assert language_kind(label) == kind


@pytest.mark.parametrize(("text", "kind"), [
    (">>> import os\n", "pycon"),
    ("$ pip install x\n", "console"),
    ("user@host:~$ ls\n", "console"),
    ("FROM python:3.12\nRUN pip install x\n", "dockerfile"),
    ("#!/bin/bash\nset -e\n", "shell"),
    ("curl -fsSL https://example.com/install.sh | sh\n", "shell"),
    ("sudo apt-get install -y nginx\n", "shell"),
    ("apiVersion: v1\nkind: Pod\n", "yaml"),
    ("services:\n  web:\n    image: nginx\n", "yaml"),
    ("import os\nprint(os.getcwd())\n", "python-or-text"),
    ("cat = 3\n", "python-or-text"),
    ("echo = print\n", "python-or-text"),
    ("", "text"),
])
def test_sniffing_unlabelled_blocks(text: str, kind: str) -> None:
    assert language_kind("", text) == kind
    assert language_kind("none", text) == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("$ python -m http.server 9000\nServing HTTP on 0.0.0.0 port 9000\n", "console"),  # a transcript
    ("% python manage.py runserver 0.0.0.0:8000\n", "console"),
    ("C:\\> set API_TOKEN=abc\n", "console"),
    ("PS C:\\> $env:API_KEY = 'abc'\n", "console"),
    ("flask run --host 0.0.0.0\n", "shell"),  # bare command lines
    ("docker run -p 8888:8888 jupyter/base-notebook\n# then open the browser\n", "shell"),
    ("$env:API_KEY = 'abc'\n", "shell"),
    ("set -x API_TOKEN abc\n", "shell"),
    (">>> import os\n", "pycon"),
    ("In [1]: import os\n", "pycon"),
    ("my_project/\n    src/\n    setup.py\n", "text"),  # a directory tree
    ("Hello, this is prose about docker run and flask.\n", "text"),
    ("Total: 100%\nDone\n", "text"),
    ("Serving HTTP on 0.0.0.0 port 8000 ...\n$ no command here\n", "text"),  # a prompt, but no command after it
    ("flask run\nthen visit http://localhost:5000\n", "text"),  # not every line a command
])
def test_text_blocks_are_sniffed_conservatively(text: str, kind: str) -> None:
    assert language_kind("text", text) == kind
    assert language_kind("output", text) == "text"  # output is never sniffed
