"""The real-docs figures in README.md and docs/evaluation-figures.md are what the evaluation command prints.

They are written by ``python benchmarks/realdocs/evaluate.py --write``; this test runs the evaluation
(docsec, Bandit and Ruff on the corpus: a few seconds) and fails when a rule change moved a figure
without the files being written again.  It also pins the corpus's integrity: every label matches the
blocks docsec extracts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "realdocs"))

import evaluate  # noqa: E402


@pytest.fixture(scope="module")
def figures():
    blocks = evaluate.load_blocks()
    evaluate.run_docsec(blocks)
    available = evaluate.run_python_tools(blocks)
    if not all(available.values()):
        pytest.fail("Bandit and Ruff are test dependencies (pip install -e '.[test]')")
    tools = ["docsec", "bandit", "ruff"]
    return evaluate.figures(blocks, tools), tools


def test_readme_shows_the_held_out_figures_of_a_fresh_run(figures) -> None:
    result, tools = figures
    text = evaluate.README.read_text(encoding="utf-8")
    shown = text[text.index(evaluate.README_START) + len(evaluate.README_START):text.index(evaluate.README_END)]
    assert shown.strip() == "\n".join(evaluate.headline(result, tools)).strip(), \
        "README's figures are stale: run `python benchmarks/realdocs/evaluate.py --write`"


def test_docs_show_every_language_and_class_row_of_a_fresh_run(figures) -> None:
    result, tools = figures
    page = evaluate.DOCS_PAGE.read_text(encoding="utf-8")
    for half in ("held_out", "development"):
        for line in evaluate.table(result, tools, half):
            assert line.replace("## ", "### ") in page, f"stale or missing: {line[:80]}"
    held_out = result["held_out"]["projects"]
    assert held_out >= 0.4 * (held_out + result["development"]["projects"]), "collect a fresh held-out batch"
