"""Language labels and content sniffing."""

from __future__ import annotations

import pytest
from docsec.languages.labels import language_kind


@pytest.mark.parametrize(("label", "kind"), [
    ("python", "python"), ("py", "python"), ("pycon", "pycon"), ("bash", "shell"), ("sh", "shell"),
    ("powershell", "shell"), ("console", "console"), ("shell-session", "console"), ("ps1con", "console"),
    ("dockerfile", "dockerfile"), ("Dockerfile", "dockerfile"), ("yaml", "yaml"), ("yml", "yaml"),
    ("docker-compose", "yaml"), ("ini", "text"), ("toml", "text"), ("json", "text"), ("dotenv", "text"),
    ("pytb", "skip"), ("markdown", "skip"), ("bash {.copy}", "shell"),
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
