"""Language labels and content sniffing."""

from __future__ import annotations

import pytest
from docsec.languages.labels import language_kind


@pytest.mark.parametrize(("label", "kind"), [
    ("python", "python"), ("py", "python"), ("pycon", "pycon"), ("bash", "shell"), ("sh", "shell"),
    ("powershell", "powershell"), ("console", "console"), ("shell-session", "console"), ("ps1con", "console"),
    ("dockerfile", "dockerfile"), ("Dockerfile", "dockerfile"), ("yaml", "yaml"), ("yml", "yaml"),
    ("docker-compose", "yaml"), ("ini", "text"), ("toml", "text"), ("json", "yaml"), ("dotenv", "text"),
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


@pytest.mark.parametrize(("label", "kind"), [
    ("js", "javascript"), ("javascript", "javascript"), ("jsx", "javascript"), ("node", "javascript"),
    ("mjs", "javascript"), ("ts", "typescript"), ("typescript", "typescript"), ("tsx", "tsx"),
    ("sql", "sql"), ("postgresql", "sql"), ("postgres", "sql"), ("mysql", "sql"), ("plpgsql", "sql"),
    ("psql", "text"), ("sqlite3", "text"),  # Pygments' console sessions, with prompts and output
    ("js+django", "template-script"), ("html+jinja", "template"),
    ("java", "java"), ("csharp", "csharp"), ("cs", "csharp"), ("c#", "csharp"), ("php", "php"), ("go", "go"),
    ("golang", "go"), ("ruby", "ruby"), ("rb", "ruby"),
    ("rust", "rust"), ("rs", "rust"), ("hcl", "hcl"), ("terraform", "hcl"), ("tf", "hcl"),
    # PowerShell has a view of its own, and keeps its shell view (tests/languages/test_powershell.py).
    ("powershell", "powershell"), ("ps1", "powershell"), ("pwsh", "powershell"),
    ("nginx", "nginx"), ("apache", "apache"), ("apacheconf", "apache"), ("caddyfile", "caddy"),
    ("systemd", "systemd"),
])
def test_tree_sitter_labels(label: str, kind: str) -> None:
    assert language_kind(label) == kind


@pytest.mark.parametrize(("text", "kind"), [
    ("const cp = require('child_process');\n", "javascript"),
    ("const { exec } = require('child_process');\n", "javascript"),
    ("import express from 'express';\nconst app = express();\n", "javascript"),
    ("import { readFile } from \"node:fs/promises\";\n", "javascript"),
    ("async function main() {\n  await run();\n}\n", "javascript"),
    ("SELECT id, title FROM posts WHERE published;\n", "sql"),
    ("CREATE USER app WITH PASSWORD 'x';\n", "sql"),
    ("GRANT SELECT ON users TO app;\n", "sql"),
    # Not unmistakable: left to Python, as before.
    ("let = 3\n", "python-or-text"),
    ("import express\n", "python-or-text"),
    ("select = 1\n", "python-or-text"),
    ("document.title = 'x'\n", "python-or-text"),
    ("from os import path\n", "python-or-text"),
])
def test_sniffing_javascript_and_sql(text: str, kind: str) -> None:
    assert language_kind("", text) == kind


@pytest.mark.parametrize(("label", "text", "kind"), [
    ("ini", "[Unit]\nDescription=Worker\n\n[Service]\nExecStart=/usr/bin/worker\n", "systemd"),
    ("ini", "[database]\nhost = db\n", "text"),
    ("conf", "server {\n    listen 80;\n}\n", "nginx"),
    ("conf", "# TLS\nssl_protocols TLSv1.2 TLSv1.3;\n", "nginx"),
    ("conf", "<VirtualHost *:443>\n</VirtualHost>\n", "apache"),
    ("cfg", "max_connections = 10\n", "text"),
    (None, "fn main() {\n}\n", "rust"),
    (None, "use std::process::Command;\n", "rust"),
    (None, 'resource "aws_s3_bucket" "logs" {\n}\n', "hcl"),
    (None, "$wc = New-Object Net.WebClient\n", "powershell"),
    (None, "Get-ChildItem -Path C:\\logs\n", "powershell"),
    (None, "[Service]\nUser=root\n", "systemd"),
    (None, "server {\n    listen 80;\n}\n", "nginx"),
    (None, "<VirtualHost *:443>\n", "apache"),
    (None, "x = 1\n", "python-or-text"),
])
def test_configuration_and_new_languages_are_sniffed(label, text: str, kind: str) -> None:
    assert language_kind(label, text) == kind
@pytest.mark.parametrize("label", [
    "py\u200bthon",  # a zero-width space
    "pyth\u043en",  # a Cyrillic o
    "\u0440\u0443",  # Cyrillic "ру": py
    "\uff50\uff59\uff54\uff48\uff4f\uff4e",  # fullwidth
    "p\u00adython",  # a soft hyphen
    "PYTH\u039fN",  # a Greek capital omicron
])
def test_a_label_spelled_with_invisible_or_look_alike_characters_is_read_as_the_label_it_shows(label: str) -> None:
    from docsec.languages.labels import unusual_label

    assert language_kind(label, "import os\n") == "python"
    assert unusual_label(label) == ("py" if label == "\u0440\u0443" else "python")


@pytest.mark.parametrize("label", ["python", "bash", "баш", "日本語", ""])
def test_ordinary_and_unknown_labels_are_not_unusual(label: str) -> None:
    from docsec.languages.labels import unusual_label

    assert unusual_label(label) is None


@pytest.mark.parametrize(("label", "read_as"), [
    ("text", ""), ("none", ""), ("", ""), ("plaintext", ""), ("python3", "python3"), ("R", "R"), ("ipython3", "ipython3"),
])
def test_a_code_cell_whose_kernel_speaks_text_is_unlabelled(label: str, read_as: str) -> None:
    from docsec.languages.labels import code_cell_label

    assert code_cell_label(label) == read_as


@pytest.mark.parametrize(("label", "text", "kind"), [
    ("html", "<p>Hi</p>\n<script>\neval(location.hash.slice(1));\n</script>\n", "html"),
    ("html", "<p>Hi</p>\n", "text"),
    ("xml", "<root><script>x()</script></root>\n", "text"),
    (None, "<div id='out'></div>\n<script>\nout.innerHTML = location.hash;\n</script>\n", "html"),
])
def test_html_blocks_with_scripts_have_their_scripts_read(label, text: str, kind: str) -> None:
    assert language_kind(label, text) == kind


def test_an_html_blocks_scripts_keep_their_lines_and_columns() -> None:
    from docsec.languages._html_scripts import script_text

    text = ('<body>\n<p>eval is a word here</p>\n<script type="application/json">{"eval": 1}</script>\n'
            "<script>var a = location.hash;\ndocument.write(a);</script>\n</body>\n")
    lines = script_text(text).split("\n")
    assert len(lines) == len(text.split("\n"))
    assert lines[:3] == ["", "", ""]  # prose and a JSON script are not JavaScript
    assert lines[3] == " " * len("<script>") + "var a = location.hash;"
    assert lines[4] == "document.write(a);"


@pytest.mark.parametrize(("text", "kind"), [
    ('{\n  "ssl": {"verify": false},\n  "url": null\n}\n', "yaml"),  # JSON's literals: JSON
    ('{"a": 1, "b": [1, 2]}\n', "python-or-text"),  # a Python dict as much as JSON: read as Python
    ('{"a": true,\n', "python-or-text"),  # not a whole JSON document
])
def test_an_unlabelled_json_document_is_read_as_json(text: str, kind: str) -> None:
    assert language_kind(None, text) == kind
