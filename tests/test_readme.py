"""README and packaging say what a new user and a contributor need, and stay true."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from docsec import __version__

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_the_pre_commit_rev_is_the_release_of_this_version() -> None:
    for text in (README, (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")):
        assert re.findall(r"rev: (v\S+)", text) == [f"v{__version__}"]


def test_a_sphinx_user_is_told_to_install_the_sphinx_extra() -> None:
    assert 'pip install "docsec[sphinx]"' in README
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {name.split(">=")[0] for name in extras["sphinx"]} == {"sphinx", "myst-parser"}


def test_the_docs_extra_installs_only_what_the_docs_use() -> None:
    """conf.py (read, not run) uses myst_parser, docsec and its own extension, and Sphinx's alabaster theme."""
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert extras["docs"] == ["docsec[sphinx]"]
    values = {target.id: node.value for node in ast.parse((ROOT / "conf.py").read_text(encoding="utf-8")).body
              if isinstance(node, ast.Assign) for target in node.targets if isinstance(target, ast.Name)}
    assert set(ast.literal_eval(values["extensions"])) <= {"myst_parser", "docsec", "docsec_docs"}
    assert ast.literal_eval(values["html_theme"]) == "alabaster"  # ships with Sphinx
    assert "myst-nb>=1.1" in extras["test"] and "furo>=2024.8" in extras["test"]  # the tests use them


def test_the_test_command_says_how_long_it_takes_and_what_it_installs() -> None:
    for needed in (".cache/mystmd/", "npm", "/usr/bin/chromium", "DOCSEC_NO_NPM=1", "about six\nminutes"):
        assert needed in README, needed


def test_build_output_is_ignored_by_git() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"build/", "dist/", "_build/"} <= set(ignored)


def test_the_mystmd_gate_needs_no_strict() -> None:
    assert "myst build --strict" not in README
    assert "myst build " in README
