"""``docsec check`` finds pages as each project's tool finds them, and says what it skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_helpers import write

from docsec.cli.walk import Projects, collect

PAGE_MD = "# Page\n\n```python\neval(x)\n```\n"
PAGE_RST = "Page\n====\n\n.. code-block:: python\n\n   eval(x)\n"


def files(root: Path, names: dict[str, str]) -> None:
    for name, text in names.items():
        write(root / name, text)


def walked(root: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    walk = collect(["."], root, projects=Projects(root))
    return ([(target.display, target.reader) for target in walk.targets],
            [(item.path, item.reason) for item in walk.skipped])


def test_a_sphinx_project_reads_its_source_suffixes_minus_its_exclusions(tmp_path: Path) -> None:
    files(tmp_path, {
        "docs/conf.py": "extensions = ['myst_parser']\nsource_suffix = {'.rst': 'restructuredtext', "
                        "'.txt': 'markdown'}\nexclude_patterns = ['_build', 'drafts/*.md']\n"
                        "templates_path = ['_templates']\n",
        "docs/index.rst": PAGE_RST, "docs/notes.txt": PAGE_MD, "docs/page.md": PAGE_MD,
        "docs/venv/pyvenv.cfg": "home = /usr\n", "docs/venv/page.md": PAGE_MD,
        "docs/drafts/draft.md": PAGE_MD, "docs/drafts/draft.rst": PAGE_RST,
        "docs/_build/html/_sources/page.md": PAGE_MD, "docs/_templates/layout.md": PAGE_MD,
        "docs/sub/_sources/copy.rst": PAGE_RST, "docs/notebook.ipynb": "{}",
    })
    targets, skipped = walked(tmp_path)
    assert targets == [("docs/drafts/draft.rst", "rst"), ("docs/index.rst", "rst"), ("docs/notes.txt", "markdown"),
                       ("docs/page.md", "markdown"), ("docs/venv/page.md", "markdown")]
    assert skipped == [
        ("docs/_build/", "exclude_patterns of docs/conf.py"),
        ("docs/_templates/", "exclude_patterns of docs/conf.py"),
        ("docs/drafts/draft.md", "exclude_patterns of docs/conf.py"),
        ("docs/notebook.ipynb", "not a source_suffix of docs/conf.py"),
        ("docs/sub/_sources/", "exclude_patterns of docs/conf.py"),
    ]


def test_a_mystmd_project_skips_what_mystmd_skips(tmp_path: Path) -> None:
    files(tmp_path, {
        "book/myst.yml": "version: 1\nproject:\n  exclude: [drafts/**]\n",
        "book/index.md": PAGE_MD, "book/nb.ipynb": "{}", "book/notes.rst": PAGE_RST, "book/venv/page.md": PAGE_MD,
        "book/.hidden/page.md": PAGE_MD, "book/node_modules/page.md": PAGE_MD, "book/drafts/page.md": PAGE_MD,
        "book/_build/page.md": PAGE_MD, "book/other/myst.yml": "version: 1\n", "book/other/_build/page.md": PAGE_MD,
    })
    targets, skipped = walked(tmp_path)
    assert targets == [("book/index.md", "markdown"), ("book/nb.ipynb", "notebook"), ("book/venv/page.md", "markdown")]
    assert skipped == [
        ("book/.hidden/", "mystmd skips names starting with ."),
        ("book/_build/", "mystmd skips _build"),
        ("book/drafts/", "project.exclude of book/myst.yml"),  # drafts/** is the folder too
        ("book/node_modules/", "mystmd skips node_modules"),
        ("book/notes.rst", "mystmd reads only .md and .ipynb pages"),
        ("book/other/_build/", "mystmd skips _build"),  # a folder with its own myst.yml is its own project
    ]


def test_outside_any_project_only_gitignore_files_skip(tmp_path: Path) -> None:
    files(tmp_path, {
        ".gitignore": ".venv/\n*.tmp.md\n", "sub/.gitignore": "local/\n",
        "README.md": PAGE_MD, ".venv/lib/site.md": PAGE_MD, "venv/page.md": PAGE_MD, "scratch.tmp.md": PAGE_MD,
        "sub/local/page.md": PAGE_MD, "sub/page.rst": PAGE_RST, "node_modules/pkg/README.md": PAGE_MD,
    })
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "notes.md", PAGE_MD)
    targets, skipped = walked(tmp_path)
    assert [display for display, _ in targets] == ["README.md", "node_modules/pkg/README.md", "sub/page.rst",
                                                   "venv/page.md"]
    assert skipped == [(".venv/", ".gitignore of ."), ("scratch.tmp.md", ".gitignore of ."),
                       ("sub/local/", ".gitignore of sub")]
    # the .gitignore of a folder above the one walked applies too
    assert [display for display, _ in walked(tmp_path / "sub")[0]] == ["page.rst"]


def test_links_to_folders_are_followed_once_where_sphinx_follows_them(tmp_path: Path) -> None:
    files(tmp_path, {"docs/conf.py": "extensions = ['myst_parser']\n", "docs/page.md": PAGE_MD,
                     "elsewhere/linked.md": PAGE_MD})
    (tmp_path / "docs" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "docs" / "loop").symlink_to(tmp_path / "docs", target_is_directory=True)
    walk = collect(["."], tmp_path / "docs", projects=Projects(tmp_path / "docs"), project=tmp_path)
    assert [target.display for target in walk.targets] == ["linked/linked.md", "page.md"]
    assert walk.problems == []
    # the same link, when the project is docs/ alone, leads out of it: an error, and its page is not read
    walk = collect(["."], tmp_path / "docs", projects=Projects(tmp_path / "docs"), project=tmp_path / "docs")
    assert [target.display for target in walk.targets] == ["page.md"]
    assert [(problem.code, problem.path) for problem in walk.problems] == [("outside-project", "linked/linked.md")]


def test_a_page_the_tool_reads_with_a_parser_docsec_lacks_fails_closed(tmp_path: Path, docsec,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    files(tmp_path, {"conf.py": "source_suffix = {'.rst': 'restructuredtext', '.Rmd': 'jupytext'}\n",
                     "analysis.Rmd": "```{python}\neval(x)\n```\n", "index.rst": PAGE_RST})
    monkeypatch.chdir(tmp_path)
    run = docsec("check", "--format", "json", ".")
    report = json.loads(run.out)
    assert run.code == 2
    assert [(d["path"], d["code"], d["level"]) for d in report["diagnostics"]] == [
        ("analysis.Rmd", "unreadable-page", "error")]
    assert [(f["path"], f["line"], f["rule"]) for f in report["findings"]] == [("index.rst", 6, "DSP003")]


def test_a_projects_settings_that_cannot_be_read_are_reported_on_its_conf_py(tmp_path: Path, docsec,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    files(tmp_path, {"conf.py": "import os\nextensions = ['myst_parser']\nmyst_enable_extensions = "
                                "os.environ['MYST'].split()\nfrom shared import *\n",
                     "page.md": PAGE_MD})
    monkeypatch.chdir(tmp_path)
    run = docsec("check", "--format", "json", ".")
    diagnostics = [(d["path"], d["line"], d["code"], d["level"]) for d in json.loads(run.out)["diagnostics"]]
    assert diagnostics == [("conf.py", 3, "tool-config", "error"), ("conf.py", 4, "tool-config", "warning")]
    assert run.code == 2


def test_the_text_report_lists_what_was_skipped(tmp_path: Path, docsec, monkeypatch: pytest.MonkeyPatch) -> None:
    files(tmp_path, {".gitignore": "\n".join(f"skip{n}/" for n in range(7)) + "\n", "page.md": "# Page\n",
                     **{f"skip{n}/page.md": PAGE_MD for n in range(7)}})
    monkeypatch.chdir(tmp_path)
    last = docsec("check").out.splitlines()[-1]
    assert last == ("docsec: skipped 7 paths: skip0/ (.gitignore of .), skip1/ (.gitignore of .), "
                    "skip2/ (.gitignore of .), skip3/ (.gitignore of .), skip4/ (.gitignore of .) "
                    "and 2 more (see the JSON report)")
    assert os.getcwd() == str(tmp_path)


def test_a_mistyped_key_of_myst_yml_is_named_with_its_line_and_escaped(tmp_path: Path, docsec,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    files(tmp_path, {"myst.yml": 'version: 1\ndocsec:\n  "ignroe\\x1b[2J": [DSP003]\n', "page.md": PAGE_MD})
    monkeypatch.chdir(tmp_path)
    run = docsec("check", ".")
    assert run.code == 2
    assert run.err.startswith("docsec: error: myst.yml:3: docsec.ignroe\\x1b[2J = ['DSP003'] is invalid: "
                              "expected a known setting (did you mean docsec.ignore?)")
    assert "\x1b" not in run.err
