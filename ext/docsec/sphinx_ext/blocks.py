"""Turn the code nodes of a doctree into :class:`docsec.model.CodeBlock`.

Which nodes: ``literal_block`` and ``doctest_block``, except the source
echoed inside a ``system_message`` and the outputs of notebook code cells
(MyST-NB's ``cell_code_output``: only real outputs are outputs, not a block
an author gave the class ``output``); and the ``<pre>`` elements of raw HTML
(:mod:`docsec.sources._html`), as ``docsec check`` reads them.

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

When the code cannot be found where the doctree says (myst-parser's lines
drift inside deeply nested colon fences; a substitution's value, a
``literalinclude``'s ``:prepend:`` or the text of a ``<pre>`` are not
written as such in the file), the block takes the location ``docsec check``
gives the same code in that file: the source is read once with docsec's own
reader (:func:`docsec.sources.extract`, in the build's dialect), so both
front ends report the same lines.
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
from ..core.dialect import DEFAULT, Dialect
from ..core.locate import first_code_line
from ..languages.labels import code_cell_label
from ..model import NO_MARKER, CodeBlock, Location, Marker, MarkerKind, Span
from ..sources.legacy_nodes import legacy_marker
from .nodes import EXAMPLE_ATTR, MARKER_ATTR, REASON_ATTR
from .foreign import CODE_ATTR, LANGUAGE_ATTR

NOTEBOOK_LINES = 10000
TEXT_CELL_LINE_OFFSET = 2
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
    exact_only: bool = False  # code inside other markup (raw HTML): only docsec's reader can place it


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
        location, spans = locate(self.place, self.text, sources)
        return CodeBlock(self.text, self.language, location, self.marker, self.secure, spans=spans)


@dataclass(frozen=True)
class FoundBlock:
    node: nodes.Element
    block: CodeBlock
    example: int | None  # EXAMPLE_ATTR of the enclosing insecure-example


class Sources:
    """Reads each source file (or notebook cell) once per document."""

    def __init__(self, srcdir: Path, config: Config | None = None, dialect: Dialect = DEFAULT):
        self.srcdir = srcdir
        self.config, self.dialect = config or Config(), dialect
        self._lines: dict[str, list[str]] = {}
        self._cells: dict[str, list[list[str]]] = {}
        self._relative: dict[str, str] = {}
        self._read: dict[str, list[CodeBlock]] = {}

    def read(self, path: str) -> list[CodeBlock]:
        """The blocks ``docsec check`` finds in the file (read once; never raises)."""
        if path not in self._read:
            from ..sources import extract

            try:
                reader = self.dialect.reader_for_name(Path(path).name) or ""
                self._read[path] = extract(Path(path), self.relative(path), self.config, reader=reader,
                                           dialect=self.dialect).blocks
            except Exception:  # noqa: BLE001 - a reader problem costs the exact line, never the block
                self._read[path] = []
        return self._read[path]

    def exact(self, path: str, text: str, hint: int, cell: int | None = None) -> CodeBlock | None:
        """The block of ``path`` with this text nearest to ``hint`` as docsec's own reader locates it."""
        wanted = text.rstrip("\n")
        found = [block for block in self.read(path)
                 if block.text.rstrip("\n") == wanted and block.location.cell == cell]
        return min(found, key=lambda block: abs(block.location.line - hint)) if found else None

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
    from ..sources._html import pre_blocks

    highlight: str | None = None
    marker_classes = config.marker_class_set()
    for node, around in _code_nodes(doctree):
        if isinstance(node, addnodes.highlightlang):
            highlight = node["lang"]
            continue
        marker = _marker(node, around, marker_classes, config)
        example = around.insecure.get(EXAMPLE_ATTR) if around.insecure is not None else None
        if _raw_html(node):
            where = place(node, docpath, around)
            for pre in pre_blocks(node.astext()):
                yield node, RawBlock(pre.text, pre.language or highlight or highlight_language,
                                     replace(where, line=(where.line or 1) + pre.line, exact_only=True), marker,
                                     around.secure is not None, example)
            continue
        text = node[CODE_ATTR] if isinstance(node, nodes.raw) else node.astext()
        label = language(node, highlight, highlight_language)
        if around.cell is not None:  # a MyST-NB code cell: a kernel said to speak text runs code all the same
            label = code_cell_label(label)
        yield node, RawBlock(text, label, place(node, docpath, around), marker, around.secure is not None, example)


def _code_nodes(doctree: nodes.document) -> Iterator[tuple[nodes.Element, Surroundings]]:
    """Code nodes and ``highlightlang`` in document order, each with what surrounds it.

    One walk down the tree carries the surroundings along (instead of a walk up
    from every block) and skips hidden subtrees whole.
    """
    stack: list[tuple[nodes.Element, Surroundings]] = [(doctree, Surroundings())]
    while stack:
        node, around = stack.pop()
        if isinstance(node, CODE_NODES) or _recorded_raw(node) or _raw_html(node):
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
    """Echoed directive source in a system message, or a notebook code cell's output: not shown as code.

    Only MyST-NB's output containers are outputs: an author's ``:class: output`` or ``container:: output``
    shows code like any other block."""
    return isinstance(element, nodes.system_message) or element.get("nb_element") == "cell_code_output"


def _may_hold_code(node: nodes.Node) -> bool:
    """Paragraphs, titles and inline markup hold no code block: the walk need not go in.

    (Not every text element: Sphinx's ``versionadded`` and friends are text elements holding paragraphs
    and code blocks.)
    """
    return isinstance(node, nodes.Element) and (
        not isinstance(node, INLINE_ONLY) or isinstance(node, CODE_NODES) or _recorded_raw(node) or _raw_html(node))


def _recorded_raw(node: nodes.Node) -> bool:
    return isinstance(node, nodes.raw) and CODE_ATTR in node.attributes


def _raw_html(node: nodes.Node) -> bool:
    """Raw HTML (an HTML block of a MyST page, a ``raw`` directive, a notebook's raw HTML cell)."""
    return (isinstance(node, nodes.raw) and CODE_ATTR not in node.attributes
            and "html" in str(node.get("format", "")).lower().split())


def language(node: nodes.Element, highlight: str | None, default: str) -> str:
    if isinstance(node, nodes.doctest_block):
        return "pycon"
    if isinstance(node, nodes.raw):
        return str(node[LANGUAGE_ATTR])
    if node.get("language"):
        return str(node["language"])
    classes = node.get("classes", [])
    if "code" in classes and classes.index("code") + 1 < len(classes):  # docutils' code block (include :code:)
        return str(classes[classes.index("code") + 1])
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


def locate(place: Place, text: str, sources: Sources) -> tuple[Location, tuple[Span, ...]]:
    """Where the block is, and the spans of lines written elsewhere (see the module docstring)."""
    if place.included:
        lines = sources.lines(place.included)
        line = _confirmed(lines, place.start, text, 1)
        if line is None:
            exact = sources.exact(place.source, text, place.line)
            if exact is not None:
                return exact.location, exact.spans
            line = first_code_line(lines, place.start, text)
        return Location(sources.relative(place.included), line), ()
    source, line = place.source, place.line
    if source.endswith(".ipynb") and line > NOTEBOOK_LINES:
        cell, offset = divmod(line, NOTEBOOK_LINES)
        cell_lines = sources.cell(source, cell - 1)
        found = first_code_line(cell_lines, max(offset - 1, 1), text)
        if place.exact_only or not _starts_at(cell_lines, found, text):
            exact = sources.exact(source, text, found, cell)
            if exact is not None:
                return exact.location, exact.spans
        return Location(sources.relative(source), found, cell=cell), ()
    if line and place.text_cell:  # MyST-NB text notebook: the line is two past the ``{code-cell}`` fence
        line = max(line - TEXT_CELL_LINE_OFFSET, 1)
    lines = sources.lines(source)
    confirmed = None if place.exact_only else _confirmed(lines, line or 1, text)
    if confirmed is None:
        exact = sources.exact(source, text, line or 1)
        if exact is not None:
            return exact.location, exact.spans
        confirmed = line or 1 if place.exact_only else first_code_line(lines, line or 1, text)
    return Location(sources.relative(source), confirmed), ()


def _confirmed(lines: list[str], hint: int, text: str, *fallbacks: int) -> int | None:
    """``first_code_line`` from ``hint``; if the text is not there, from just before the block (some
    docutils versions give a ``doctest_block`` the line of its *last* line); None when neither holds it."""
    before = max(hint - text.count("\n") - 2, 1)
    for start in (hint, before, *fallbacks):
        found = first_code_line(lines, start, text)
        if _starts_at(lines, found, text):
            return found
    return None


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
