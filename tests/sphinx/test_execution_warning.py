"""The build says when another extension will run documentation code, and the documented recipes turn it off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docsec_sphinx_helpers import CONF

ROOT = Path(__file__).resolve().parents[2]
PAGE = {"index.md": "# Title\n\n```python\nprint('hello')\n```\n"}


def execution_warnings(built) -> list[str]:
    return [line for line in built.warnings.splitlines() if "[docsec.execution]" in line
            or "this build executes documentation code" in line]


def test_myst_nb_default_execution_is_named_with_the_way_to_turn_it_off(build) -> None:
    conf = CONF.replace('["myst_parser", "docsec"]', '["myst_nb", "docsec"]')
    built = build(PAGE, buildername="dummy", conf=conf)
    (warning,) = execution_warnings(built)
    assert "MyST-NB will execute notebooks (nb_execution_mode = 'auto')" in warning
    assert "-D nb_execution_mode=off" in warning


def test_execution_off_gives_no_warning(build) -> None:
    conf = CONF.replace('["myst_parser", "docsec"]', '["myst_nb", "docsec"]') + 'nb_execution_mode = "off"\n'
    assert execution_warnings(build(PAGE, buildername="dummy", conf=conf)) == []


def test_myst_parser_alone_runs_nothing(build) -> None:
    assert execution_warnings(build(PAGE, buildername="dummy")) == []


def test_directives_that_always_run_code_are_named(build) -> None:
    conf = CONF.replace('["myst_parser", "docsec"]',
                        '["myst_parser", "docsec", "IPython.sphinxext.ipython_directive"]')
    (warning,) = execution_warnings(build(PAGE, buildername="dummy", conf=conf))
    assert "IPython's `ipython` directive runs its code" in warning


def documented_conf_snippets() -> list[tuple[str, str]]:
    """Every ```python block of the docs that puts myst_nb in the extensions: a notebook gate recipe."""
    found = []
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for block in re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.S):
            if "extensions" in block and "myst_nb" in block:
                found.append((page.relative_to(ROOT).as_posix(), block))
    return found


def test_the_docs_show_a_notebook_recipe() -> None:
    assert documented_conf_snippets()


@pytest.mark.parametrize(("page", "snippet"), documented_conf_snippets())
def test_every_documented_notebook_recipe_turns_execution_off(build, page: str, snippet: str) -> None:
    built = build(PAGE, buildername="dummy", conf=snippet + "\nexclude_patterns = ['_build']\n")
    assert execution_warnings(built) == [], page


def test_the_jupyter_book_recipe_turns_execution_off() -> None:
    text = (ROOT / "docs" / "notebooks.md").read_text(encoding="utf-8")
    recipe = text[text.index("## Jupyter Book 1"):]
    assert re.search(r"execute:\s*\n\s+execute_notebooks:\s*\"?off\"?", recipe), recipe[:600]
