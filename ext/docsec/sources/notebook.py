"""Jupyter notebooks (.ipynb) → code blocks.

Cells are numbered from 1 over all cells.  A code cell is one block at line
1 of its cell, in the notebook's language as MyST-NB picks its lexer
(``language_info.pygments_lexer``, ``language_info.name``,
``kernelspec.language``, else ``python``; a kernel said to speak ``text`` runs code all the same, so such
a cell's content is sniffed); a marker class (``docsec-insecure``)
among its tags marks it.  Cells tagged ``remove-input`` / ``remove-cell`` are
not shown by MyST-NB and are skipped, as are empty code cells; outputs are never scanned.  Markdown
cells are read as MyST, with lines counted within the cell.  Raw cells are
skipped.  With legacy markers configured, a code cell right after a Markdown
cell that ends with a legacy notice (a paragraph holding a phrase, or a
legacy admonition) is marked by it, as in the page MyST-NB builds.

Version 4 notebooks are read as plain JSON (fast, no schema validation);
older versions are converted with nbformat.  Nothing in the notebook is
executed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

from ..core.config import Config
from ..core.dialect import DEFAULT, Dialect
from ..core.legacy import about_the_code
from ..model import NO_MARKER, CodeBlock, Diagnostic, Location, Marker, MarkerKind, Origin, Severity
from . import SourceResult
from ._text import read_text
from .markdown import HIDDEN_CELL_TAGS, notebook_language, read_markdown


def _malformed(display_path: str, what: str, line: int = 1, cell: Optional[int] = None) -> Diagnostic:
    return Diagnostic("malformed-notebook", f"{display_path} is not a readable Jupyter notebook: {what}; "
                      "open and save it in Jupyter, or fix the JSON", display_path, line, Severity.MEDIUM, cell)


def _load(text: str, display_path: str) -> tuple[Optional[dict[str, Any]], Optional[Diagnostic]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return None, _malformed(display_path, f"invalid JSON at line {error.lineno} column {error.colno} "
                                f"({error.msg})", error.lineno)
    except RecursionError:
        return None, _malformed(display_path, "JSON nested too deeply")
    if not isinstance(data, dict):
        return None, _malformed(display_path, f"the top level is a JSON {type(data).__name__}, not an object")
    major = data.get("nbformat")
    if not isinstance(major, int):
        return None, _malformed(display_path, "no integer 'nbformat' version")
    if major < 4:
        try:
            import nbformat

            data = nbformat.convert(nbformat.from_dict(data), 4)
        except Exception as error:  # noqa: BLE001 - nbformat raises many kinds of errors
            return None, _malformed(display_path, f"cannot convert nbformat {major} to 4 ({error})")
    elif major > 4:
        return None, _malformed(display_path, f"nbformat {major} is newer than docsec understands (4)")
    if not isinstance(data.get("cells"), list):
        return None, _malformed(display_path, "no 'cells' list")
    return data, None


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    if isinstance(source, list):
        return "".join(str(part) for part in source)
    return source if isinstance(source, str) else ""


def _tags(cell: dict[str, Any]) -> frozenset[str]:
    metadata = cell.get("metadata")
    tags = metadata.get("tags") if isinstance(metadata, dict) else None
    return frozenset(str(tag) for tag in tags) if isinstance(tags, list) else frozenset()


def read_notebook(text: str, path: Path, display_path: str, config: Config, dialect: Dialect = DEFAULT) -> SourceResult:
    result = SourceResult(display_path)
    data, problem = _load(text, display_path)
    if data is None:
        assert problem is not None
        result.diagnostics.append(problem)
        return result
    from ..languages.labels import code_cell_label  # (not at import: the languages package loads PyYAML)

    language = code_cell_label(notebook_language(data.get("metadata")) or "python")
    marker_classes = config.marker_class_set()
    walker = None
    follows: Optional[Marker] = None  # legacy marker the previous Markdown cell ends with
    for number, cell in enumerate(data["cells"], start=1):
        if not isinstance(cell, dict):
            result.diagnostics.append(_malformed(display_path, f"cell {number} is not a JSON object", cell=number))
            continue
        kind = cell.get("cell_type")
        source = _source(cell)
        if kind == "code":
            tags = _tags(cell)
            if not (tags & HIDDEN_CELL_TAGS or not source.strip()):  # MyST-NB shows neither
                marker = (Marker(MarkerKind.CELL_TAG) if tags & marker_classes
                          else about_the_code(follows, source) or NO_MARKER)
                result.blocks.append(CodeBlock(source, language, Location(display_path, 1, number), marker,
                                               origin=Origin("notebook-cell")))
        elif kind == "markdown":  # ``{highlight}`` carries over from cell to cell, as in Sphinx
            seen = (len(walker.blocks), len(walker.diagnostics)) if walker is not None else (0, 0)
            walker = read_markdown(source, path, display_path, config, cell=number, walker=walker, dialect=dialect)
            result.blocks.extend(walker.blocks[seen[0]:])
            result.diagnostics.extend(walker.diagnostics[seen[1]:])
            follows = walker.trailing
            continue
        elif kind == "raw" and dialect.raw_cells_as_code:  # mystmd: the cell's text as a code block
            if source.strip():
                result.blocks.append(CodeBlock(source, "", Location(display_path, 1, number),
                                               origin=Origin("notebook-cell")))
        elif kind == "raw" and dialect.raw_markdown_cells:
            walker = _raw_cell(cell, source, number, path, display_path, config, dialect, walker, result)
        follows = None
    return result


def _raw_cell(cell: dict[str, Any], source: str, number: int, path: Path, display_path: str, config: Config,
              dialect: Dialect, walker: Any, result: SourceResult) -> Any:
    """A raw cell as MyST-NB shows it, by its ``format``: Markdown (``nb_render_markdown_format``), plain
    text (a block in ``nb_render_text_lexer``) or HTML (its ``<pre>`` elements); others show no code."""
    from ._html import pre_blocks

    metadata = cell.get("metadata")
    mime = metadata.get("format") if isinstance(metadata, dict) else None
    if mime == "text/markdown":
        seen = (len(walker.blocks), len(walker.diagnostics)) if walker is not None else (0, 0)
        walker = read_markdown(source, path, display_path, config, cell=number, walker=walker, dialect=dialect,
                               syntax=dialect.raw_markdown_cells)
        walker.syntax = dialect.syntax
        result.blocks.extend(walker.blocks[seen[0]:])
        result.diagnostics.extend(walker.diagnostics[seen[1]:])
    elif mime == "text/plain" and source.strip():
        result.blocks.append(CodeBlock(source, dialect.raw_text_lexer, Location(display_path, 1, number),
                                       origin=Origin("notebook-cell")))
    elif mime == "text/html":
        for pre in pre_blocks(source):
            result.blocks.append(CodeBlock(pre.text, pre.language or dialect.highlight_language,
                                           Location(display_path, pre.line + 1, number)))
    return walker


def extract(path: Path, display_path: str, config: Config, text: Optional[str] = None,
            dialect: Dialect = DEFAULT) -> SourceResult:
    decoded = read_text(path, display_path, text)
    if decoded.text is None:
        return SourceResult(display_path, diagnostics=list(decoded.diagnostics))
    try:
        result = read_notebook(decoded.text, path, display_path, config, dialect)
    except Exception as error:  # noqa: BLE001 - never stop a whole run on one notebook
        result = SourceResult(display_path, diagnostics=[_malformed(
            display_path, f"{error.__class__.__name__}: {error}")])
    result.diagnostics[:0] = decoded.diagnostics
    return result
