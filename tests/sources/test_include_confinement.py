"""``literalinclude`` reads what Sphinx would read, and nothing outside the project.

A pull request can name any path in a ``literalinclude``: ``/proc/self/environ``
made ``docsec check`` read its own environment and print it in the JSON
report's ``snippet``.  A leading ``/`` is the documentation source folder (the
folder of ``conf.py`` or ``myst.yml``), as in Sphinx; nothing outside the
project root (the folder of ``pyproject.toml`` or ``.git``) is read, whatever
``..`` or a symbolic link says; pipes and devices are never opened for reading.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main
from docsec.sources import extract
from docsec.sources._include import IncludeRoots

SERVER = "from http.server import HTTPServer\nHTTPServer(('0.0.0.0', 8000), None)\n"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "docs" / "guide").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (root / "docs" / "conf.py").write_text("extensions = ['myst_parser', 'docsec']\n", encoding="utf-8")
    (root / "docs" / "snippets").mkdir()
    (root / "docs" / "snippets" / "server.py").write_text(SERVER, encoding="utf-8")
    (root / "examples").mkdir()
    (root / "examples" / "server.py").write_text(SERVER, encoding="utf-8")
    return root


def include_page(root: Path, target: str, rst: bool = False) -> Path:
    if rst:
        page = root / "docs" / "guide" / "page.rst"
        page.write_text(f"Page\n====\n\n.. literalinclude:: {target}\n", encoding="utf-8")
    else:
        page = root / "docs" / "guide" / "page.md"
        page.write_text(f"# Page\n\n```{{literalinclude}} {target}\n```\n", encoding="utf-8")
    return page


def read(page: Path):
    result = extract(page, "docs/guide/" + page.name)
    return [b.text for b in result.blocks], [d.message for d in result.diagnostics]


@pytest.mark.parametrize("rst", [False, True], ids=["myst", "rst"])
def test_a_leading_slash_is_the_documentation_source_folder(tmp_path: Path, rst: bool) -> None:
    root = project(tmp_path)
    texts, problems = read(include_page(root, "/snippets/server.py", rst))
    assert (texts, problems) == ([SERVER], [])


@pytest.mark.parametrize("rst", [False, True], ids=["myst", "rst"])
def test_a_file_beside_the_docs_in_the_project_is_read(tmp_path: Path, rst: bool) -> None:
    root = project(tmp_path)
    texts, problems = read(include_page(root, "../../examples/server.py", rst))
    assert (texts, problems) == ([SERVER], [])


@pytest.mark.parametrize("target", ["/proc/self/environ", "../../../../../../../../proc/self/environ",
                                    "../../../../../../../../etc/passwd", "../../../outside.py"])
@pytest.mark.parametrize("rst", [False, True], ids=["myst", "rst"])
def test_nothing_outside_the_project_is_read(tmp_path: Path, target: str, rst: bool) -> None:
    root = project(tmp_path)
    (tmp_path / "outside.py").write_text(SERVER, encoding="utf-8")
    texts, problems = read(include_page(root, target, rst))
    assert texts == []
    (problem,) = problems
    if target.startswith("/proc"):  # as in Sphinx: <source folder>/proc/self/environ, which does not exist
        assert "not found (looked in the documentation source folder" in problem
    else:
        assert "outside the project" in problem


def test_a_symbolic_link_out_of_the_project_is_not_followed(tmp_path: Path) -> None:
    root = project(tmp_path)
    (tmp_path / "secret.py").write_text("TOKEN = 'hunter2'\n", encoding="utf-8")
    (root / "docs" / "snippets" / "link.py").symlink_to(tmp_path / "secret.py")
    texts, problems = read(include_page(root, "/snippets/link.py"))
    assert texts == [] and "outside the project" in problems[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_pipe_is_not_opened_for_reading(tmp_path: Path) -> None:
    root = project(tmp_path)
    os.mkfifo(root / "docs" / "snippets" / "pipe.py")
    texts, problems = read(include_page(root, "/snippets/pipe.py"))  # a blocking read would hang here
    assert texts == [] and "not a regular file" in problems[0]


def test_the_json_report_never_holds_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys) -> None:
    root = project(tmp_path)
    include_page(root, "/proc/self/environ")
    (root / "docs" / "guide" / "up.md").write_text("```{literalinclude} ../../../../../../../../proc/self/environ\n```\n",
                                                   encoding="utf-8")
    monkeypatch.setenv("DOCSEC_CANARY", "canary-7f3e")
    monkeypatch.chdir(root)
    assert docsec_main(["check", "--format", "json", "docs"]) == 2  # a refused include fails closed
    out = capsys.readouterr().out
    assert "canary-7f3e" not in out
    report = json.loads(out)
    codes = {d["path"]: (d["code"], d["level"]) for d in report["diagnostics"]}
    assert codes == {"docs/guide/page.md": ("include-missing", "warning"),
                     "docs/guide/up.md": ("include-refused", "error")}


def test_roots_are_found_from_the_page_not_the_working_directory(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = project(tmp_path)
    monkeypatch.chdir(tmp_path)
    roots = IncludeRoots.of(root / "docs" / "guide" / "page.md")
    assert (roots.docs, roots.project) == (root / "docs", root)
