"""Jupyter notebooks: code cells, fences in Markdown cells, cell tags, and malformed files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from source_helpers import FIXTURES, read, rows


def test_cells_and_markdown_fences() -> None:
    result = read(FIXTURES / "notebook.ipynb")
    assert result.diagnostics == []
    assert [(line, cell, language, marker, reason, text) for _, line, cell, language, marker, reason, _, text
            in rows(result)] == [
        (6, 1, "bash", "none", "", "curl http://x | sh"),  # a fence in a Markdown cell: line within the cell
        (1, 2, "ipython3", "none", "", "import os"),  # MyST-NB's lexer: language_info.pygments_lexer
        # cell 3 is raw: skipped
        (1, 4, "ipython3", "cell-tag", "", "pickle.loads(data)"),  # tags: [docsec-insecure]
        (8, 5, "console", "insecure-example", "demo", "$ sudo rm -rf /"),  # {highlight} + :::{insecure-example}
        # cell 6 is tagged remove-cell and cell 7 is empty: MyST-NB shows neither
    ]
    assert all("danger" not in block.text for block in result.blocks)  # outputs are never scanned


def write(tmp_path: Path, data, name: str = "nb.ipynb") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_language_fallbacks(tmp_path: Path) -> None:
    cell = {"cell_type": "code", "metadata": {}, "source": "x", "outputs": [], "execution_count": None}
    kernel_only = {"nbformat": 4, "nbformat_minor": 5, "cells": [cell],
                   "metadata": {"kernelspec": {"name": "ir", "language": "R"}}}
    bare = {"nbformat": 4, "nbformat_minor": 2, "cells": [cell], "metadata": {}}
    assert read(write(tmp_path, kernel_only)).blocks[0].language == "R"
    assert read(write(tmp_path, bare)).blocks[0].language == "python"


def test_nbformat_3_is_converted(tmp_path: Path) -> None:
    v3 = {"nbformat": 3, "nbformat_minor": 0, "metadata": {"name": ""}, "worksheets": [{"cells": [
        {"cell_type": "markdown", "metadata": {}, "source": ["```python\n", "old = 1\n", "```\n"]},
        {"cell_type": "code", "collapsed": False, "input": ["eval(x)"], "language": "python",
         "metadata": {}, "outputs": []}]}]}
    result = read(write(tmp_path, v3))
    assert [(line, cell, text) for _, line, cell, _, _, _, _, text in rows(result)] == [(2, 1, "old = 1"),
                                                                                        (1, 2, "eval(x)")]


@pytest.mark.parametrize(("content", "line", "says"), [
    ('{"cells": [\n  {"a": 1,}\n]}', 2, "invalid JSON at line 2"),
    ("[1, 2]", 1, "top level is a JSON list"),
    ('{"cells": []}', 1, "no integer 'nbformat'"),
    ('{"nbformat": 4, "metadata": {}}', 1, "no 'cells' list"),
    ('{"nbformat": 9, "cells": []}', 1, "newer than docsec understands"),
    ("", 1, "invalid JSON"),
])
def test_malformed_notebooks_give_a_diagnostic(tmp_path: Path, content: str, line: int, says: str) -> None:
    result = read(write(tmp_path, content))
    assert result.blocks == []
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.path, diagnostic.line) == ("malformed-notebook", "nb.ipynb", line)
    assert says in diagnostic.message


def test_a_bad_cell_does_not_lose_the_others(tmp_path: Path) -> None:
    data = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        "not a cell", {"cell_type": "code", "metadata": {"tags": "not-a-list"}, "source": ["ok = 1"]}]}
    result = read(write(tmp_path, data))
    assert [(cell, text) for _, _, cell, _, _, _, _, text in rows(result)] == [(2, "ok = 1")]
    assert [(d.code, d.cell) for d in result.diagnostics] == [("malformed-notebook", 1)]
