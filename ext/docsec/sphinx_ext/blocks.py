"""Turn the code nodes of a doctree into :class:`docsec.model.CodeBlock`.

Which nodes: ``literal_block`` and ``doctest_block``, except the source
echoed inside a ``system_message`` and notebook cell outputs.

Language: the node's ``language``; for a ``literalinclude`` without
``:language:``, the included file's suffix (``.py`` → python); else the last ``highlightlang`` before it
(``.. highlight::``, which Sphinx applies only in a later post-transform);
else ``highlight_language``.  A ``doctest_block`` is ``pycon``.

Location: the line of the block's first line of code in the file it came
from, found with :func:`docsec.core.locate.first_code_line` from the line
docutils reports (the fence or directive line):

* ``literalinclude``: the included file itself, the line found by searching
  that file from ``linenostart`` (Sphinx sets it from ``:lines:``,
  ``:start-after:`` and friends); if the text cannot be found the line is
  approximate (``linenostart``);
* ``{code-cell}`` of a MyST-NB text notebook: myst-nb gives the line two
  past the cell's fence, so the search starts there, not after the code;
* ``.ipynb`` read by myst-nb: myst-nb numbers lines ``(cell_index + 1) *
  10000 + 1 + offset``; the block gets ``Location(cell=N)`` (1-based cell
  number) and the line inside that cell.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes

from ..core.config import Config
from ..core.locate import first_code_line
from ..languages.labels import code_cell_label
from ..model import NO_MARKER, CodeBlock, Location, Marker, MarkerKind
from ..sources.legacy_nodes import legacy_marker
from .nodes import EXAMPLE_ATTR, MARKER_ATTR, REASON_ATTR
from .foreign import CODE_ATTR, LANGUAGE_ATTR

NOTEBOOK_LINES = 10000
TEXT_CELL_LINE_OFFSET = 2
OUTPUT_CLASSES = frozenset({"output", "cell_output"})
CODE_NODES = (addnodes.highlightlang, nodes.literal_block, nodes.doctest_block)
INLINE_ONLY = (nodes.paragraph, nodes.title, nodes.subtitle, nodes.rubric, nodes.term, nodes.field_name,
               nodes.attribution, nodes.caption, nodes.line, nodes.Inline)
INCLUDED_LANGUAGES = {
    ".py": "python", ".pyw": "python", ".pycon": "pycon", ".sh": "bash", ".bash": "bash", ".zsh": "zsh",
    ".ps1": "powershell", ".console": "console", ".yaml": "yaml", ".yml": "yaml",
    ".dockerfile": "dockerfile", "dockerfile": "dockerfile", "containerfile": "dockerfile",
}


@dataclass(frozen=True)
class Place:
    """Where the doctree says a block is; :func:`locate` turns it into a :class:`Location`.

    Kept apart so the search in the source file can run in the scanning worker.
    """

    source: str  # absolute path of the file the node came from
    line: int  # docutils' line (0: unknown)
    included: str = ""  # a literalinclude's file (absolute) when it is another file
    start: int = 1  # a literalinclude's first line (``linenostart``)
    text_cell: bool = False  # a ``{code-cell}`` of a MyST-NB text notebook


@dataclass(frozen=True)
class RawBlock:
    """A code block as the doctree gives it: everything but its exact line."""

    text: str
    language: str
    place: Place
    marker: Marker = NO_MARKER
    secure: bool = False
    example: int | None = None  # EXAMPLE_ATTR of the enclosing insecure-example

    def located(self, sources: Sources) -> CodeBlock:
        return CodeBlock(self.text, self.language, locate(self.place, self.text, sources), self.marker, self.secure)


@dataclass(frozen=True)
class FoundBlock:
    node: nodes.Element
    block: CodeBlock
    example: int | None  # EXAMPLE_ATTR of the enclosing insecure-example


class Sources:
    """Reads each source file (or notebook cell) once per document."""

    def __init__(self, srcdir: Path):
        self.srcdir = srcdir
        self._lines: dict[str, list[str]] = {}
        self._cells: dict[str, list[list[str]]] = {}
        self._relative: dict[str, str] = {}

    def relative(self, path: str) -> str:
        if path not in self._relative:
            try:
                self._relative[path] = Path(os.path.relpath(path, self.srcdir)).as_posix()
            except ValueError:  # another drive on Windows
                self._relative[path] = Path(path).as_posix()
        return self._relative[path]

    def lines(self, path: str) -> list[str]:
        if path not in self._lines:
            try:
                self._lines[path] = Path(path).read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                self._lines[path] = []
        return self._lines[path]

    def cell(self, path: str, index: int) -> list[str]:
        if path not in self._cells:
            try:
                cells = json.loads(Path(path).read_text(encoding="utf-8")).get("cells", [])
            except (OSError, ValueError, AttributeError):
                cells = []
            self._cells[path] = [_cell_lines(cell) for cell in cells if isinstance(cell, dict)]
        cells = self._cells[path]
        return cells[index] if 0 <= index < len(cells) else []


def _cell_lines(cell: dict) -> list[str]:
    source = cell.get("source", "")
    return ("".join(source) if isinstance(source, list) else str(source)).split("\n")


def raw_blocks(doctree: nodes.document, docpath: str, config: Config,
               highlight_language: str) -> Iterator[tuple[nodes.Element, RawBlock]]:
    """Every code node of ``doctree`` that a reader sees, with its block (one walk, in document order)."""
    highlight: str | None = None
    marker_classes = config.marker_class_set()
    for node, around in _code_nodes(doctree):
        if isinstance(node, addnodes.highlightlang):
            highlight = node["lang"]
            continue
        text = node[CODE_ATTR] if isinstance(node, nodes.raw) else node.astext()
        marker = _marker(node, around, marker_classes, config)
        label = language(node, highlight, highlight_language)
        if around.cell is not None:  # a MyST-NB code cell: a kernel said to speak text runs code all the same
            label = code_cell_label(label)
        yield node, RawBlock(text, label, place(node, docpath, around),
                             marker, around.secure is not None,
                             around.insecure.get(EXAMPLE_ATTR) if around.insecure is not None else None)


def _code_nodes(doctree: nodes.document) -> Iterator[tuple[nodes.Element, Surroundings]]:
    """Code nodes and ``highlightlang`` in document order, each with what surrounds it.

    One walk down the tree carries the surroundings along (instead of a walk up
    from every block) and skips hidden subtrees whole.
    """
    stack: list[tuple[nodes.Element, Surroundings]] = [(doctree, Surroundings())]
    while stack:
        node, around = stack.pop()
        if isinstance(node, CODE_NODES) or _recorded_raw(node):
            if isinstance(node, addnodes.highlightlang) or not _hides(node):
                yield node, around
            continue
        if _hides(node):
            continue
        inner = around.inside(node)
        stack.extend((child, inner) for child in reversed(node.children) if _may_hold_code(child))


def code_blocks(doctree: nodes.document, docpath: str, sources: Sources, config: Config,
                highlight_language: str) -> Iterator[FoundBlock]:
    for node, raw in raw_blocks(doctree, docpath, config, highlight_language):
        yield FoundBlock(node, raw.located(sources), raw.example)


@dataclass(frozen=True)
class Surroundings:
    """What encloses a code node: the nearest example directives and MyST-NB code cell."""

    insecure: nodes.Element | None = None  # the nearest insecure-example
    secure: nodes.Element | None = None  # the nearest secure-example
    cell: nodes.Element | None = None  # the MyST-NB code cell

    def inside(self, element: nodes.Element) -> Surroundings:
        marker = element.get(MARKER_ATTR)
        if marker == "insecure":
            return replace(self, insecure=element)
        if marker == "secure":
            return replace(self, secure=element)
        if element.get("nb_element") == "cell_code":
            return replace(self, cell=element)
        return self


def _hides(element: nodes.Element) -> bool:
    """Echoed directive source in a system message, or a notebook cell output: not shown as code."""
    return isinstance(element, nodes.system_message) or element.get("nb_element") == "cell_code_output" or bool(
        OUTPUT_CLASSES.intersection(element["classes"]))


def _may_hold_code(node: nodes.Node) -> bool:
    """Paragraphs, titles and inline markup hold no code block: the walk need not go in.

    (Not every text element: Sphinx's ``versionadded`` and friends are text elements holding paragraphs
    and code blocks.)
    """
    return isinstance(node, nodes.Element) and (
        not isinstance(node, INLINE_ONLY) or isinstance(node, CODE_NODES) or _recorded_raw(node))


def _recorded_raw(node: nodes.Node) -> bool:
    return isinstance(node, nodes.raw) and CODE_ATTR in node.attributes


def language(node: nodes.Element, highlight: str | None, default: str) -> str:
    if isinstance(node, nodes.doctest_block):
        return "pycon"
    if isinstance(node, nodes.raw):
        return str(node[LANGUAGE_ATTR])
    if node.get("language"):
        return str(node["language"])
    included = node.get("source")
    if included:  # literalinclude without :language: -- the file's own kind beats the page's highlight
        name = Path(included).name.lower()
        by_suffix = INCLUDED_LANGUAGES.get(Path(name).suffix) or INCLUDED_LANGUAGES.get(name)
        if by_suffix:
            return by_suffix
    return highlight or default


def place(node: nodes.Element, docpath: str, around: Surroundings) -> Place:
    source, line = get_source_line(node)
    source = os.path.abspath(source or docpath)
    included = node.get("source")
    if included and os.path.abspath(included) != source:
        start = int(node.get("highlight_args", {}).get("linenostart", 1) or 1)
        return Place(source, line or 0, os.path.abspath(included), start)
    return Place(source, line or 0, text_cell=around.cell is not None)


def locate(place: Place, text: str, sources: Sources) -> Location:
    if place.included:
        return Location(sources.relative(place.included), _find(sources.lines(place.included), place.start, text, 1))
    source, line = place.source, place.line
    if source.endswith(".ipynb") and line > NOTEBOOK_LINES:
        cell, offset = divmod(line, NOTEBOOK_LINES)
        cell_lines = sources.cell(source, cell - 1)
        return Location(sources.relative(source), first_code_line(cell_lines, max(offset - 1, 1), text), cell=cell)
    if line and place.text_cell:  # MyST-NB text notebook: the line is two past the ``{code-cell}`` fence
        line = max(line - TEXT_CELL_LINE_OFFSET, 1)
    return Location(sources.relative(source), _find(sources.lines(source), line or 1, text))


def _find(lines: list[str], hint: int, text: str, *fallbacks: int) -> int:
    """``first_code_line`` from ``hint``; if the text is not there, from just before the block.

    Some docutils versions give a ``doctest_block`` the line of its *last* line.
    """
    before = max(hint - text.count("\n") - 2, 1)
    for start in (hint, before, *fallbacks):
        found = first_code_line(lines, start, text)
        if _starts_at(lines, found, text):
            return found
    return first_code_line(lines, hint, text)


def _starts_at(lines: list[str], line: int, text: str) -> bool:
    first = next((part.strip() for part in text.split("\n") if part.strip()), None)
    return first is not None and 1 <= line <= len(lines) and lines[line - 1].strip() == first


def _marker(node: nodes.Element, around: Surroundings, marker_classes: frozenset[str], config: Config) -> Marker:
    """The enclosing insecure-example, else a marker class, else a cell tag, else a legacy marker."""
    if around.insecure is not None:
        return Marker(MarkerKind.INSECURE, around.insecure.get(REASON_ATTR, ""))
    wrapper = node.parent if isinstance(node.parent, nodes.container) else None
    classes = set(node.get("classes", ())) | (
        set(wrapper.get("classes", ())) if wrapper is not None and "literal-block-wrapper" in wrapper["classes"]
        else set()
    )
    if classes & marker_classes:
        return Marker(MarkerKind.CLASS)
    cell = around.cell
    if cell is not None and set(cell.get("cell_metadata", {}).get("tags", ()) or ()) & marker_classes:
        return Marker(MarkerKind.CELL_TAG)
    if config.legacy:
        return legacy_marker(node, config.legacy) or NO_MARKER
    return NO_MARKER
