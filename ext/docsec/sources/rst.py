"""reStructuredText → code blocks, with docutils and without Sphinx.

The document is parsed at the block level only (inline markup cannot hold
code blocks, so roles are never looked up and cannot make noise), with
settings that never print, exit, include files or pass raw content through.

While a document is parsed, directive look-up goes through
:func:`_lookup` (the hook Sphinx itself patches): nothing is registered in
docutils' global tables, so other docutils users are unaffected.  Look-up
order:

1. docsec's stand-ins for Sphinx and docsec directives, faithful to what
   Sphinx puts in the doctree: ``code-block`` / ``sourcecode`` / ``code``
   (language from the argument, else the current ``highlight``),
   ``highlight``, ``literalinclude`` (the file is read here, see
   :mod:`._include`), ``include`` (an rST fragment is parsed where the
   directive is and its blocks located in the fragment; ``:literal:`` and
   ``:code:`` make one block), ``raw`` (the ``<pre>`` elements of HTML, see
   :mod:`._html`), ``doctest`` / ``testcode`` / ``testoutput`` (``pycon``,
   ``python``, ``none``; ``testsetup``, ``testcleanup`` and ``:hide:`` are
   hidden by Sphinx and skipped), ``insecure-example`` / ``secure-example``;
2. directives of other extensions whose content is code (Django's
   ``console``, sphinx-tabs' ``code-tab``, sphinx-prompt's ``prompt``,
   ``ipython``, ``jupyter-execute``, ...) and the project's own from the
   ``directive_languages`` setting: one block (see :mod:`._directives`);
3. docutils' own directives (``note``, ``container``, ``parsed-literal``,
   tables, ...);
4. directives whose body is not reStructuredText (``toctree``, ``mermaid``,
   ``graphviz``, ...): skipped;
5. any other name (``security``, ``versionadded``, ``tab``, ``only``,
   ``autoclass``, ``py:function``, ...): its content is parsed as
   reStructuredText, so code inside is still found.

``::`` blocks take the language of the last ``highlight`` before them, else
``default`` (Sphinx's ``highlight_language``); ``>>>`` paragraphs
(``doctest_block``) are ``pycon``.

:func:`extract` (``docsec check``) first asks :mod:`.rst_fast`, a line-based
reader of the same block structure that gives exactly what :func:`read_rst`
gives or declines; docutils reads the files it declines.
"""

from __future__ import annotations

import copy
import functools
import io
import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Mapping, Optional, Sequence, Union

from ..core.config import Config
from ..core.dialect import DEFAULT, Dialect
from ..core.legacy import NO_LEGACY, LegacyMarkers
from ..model import CodeBlock, Diagnostic, Location, Origin, Severity, Span
from . import SourceResult
from ._directives import code_language, is_code_directive
from ._text import NO_CONTEXT, Context, block_marker, make_block, read_text

if TYPE_CHECKING:  # pragma: no cover
    from docutils import nodes

    from ._include import IncludedText, IncludeError

NON_RST_BODIES = frozenset({
    "toctree", "mermaid", "graphviz", "graph", "digraph", "productionlist", "plantuml", "uml",
    "tabularcolumns", "bibliography", "index", "jinja", "inheritance-diagram", "autosummary",
})
DOCTEST_LANGUAGES = {"doctest": "pycon", "testcode": "python", "testoutput": "none"}
HIDDEN_DIRECTIVES = frozenset({"testsetup", "testcleanup"})
BLANKLINE = re.compile(r"^\s*<BLANKLINE>", re.MULTILINE)
DOCTEST_FLAGS = re.compile(r"[ \t]*#\s*doctest:.+$", re.MULTILINE)
LINE_LIMIT_MESSAGE = re.compile(r"Line (\d+) exceeds the line-length-limit")

_PARSE_LOCK = threading.RLock()


@dataclass
class RstResult:
    blocks: list[CodeBlock] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    highlight: str = "default"


@dataclass(frozen=True)
class Found:
    """A code node as :func:`read_rst` turns it into a block; docutils' doctree and the
    fast reader (:mod:`.rst_fast`) both describe what they found with these."""

    text: str
    line: int  # the parser's 1-based line for the code (confirmed against the source by make_block)
    language: str = ""  # empty: the ``highlight`` language in force
    classes: tuple[str, ...] = ()
    construct: str = "rst-literal"  # the origin's construct when the node has no origin of its own
    origin: Optional[Origin] = None
    included: str = ""  # the display path of the file the code is in, when not the document (includes)
    context: Context = NO_CONTEXT
    spans: tuple[Span, ...] = ()  # ``literalinclude``'s :prepend: / :append: lines
    included_lines: Optional[tuple[str, ...]] = field(default=None, compare=False)  # to confirm its line there
    exact: bool = False  # ``line`` is the code's line (code inside other markup: not looked for)


@dataclass(frozen=True)
class HighlightChange:
    """Where a ``highlight`` directive stood: the language of the blocks after it."""

    language: str


@dataclass
class _DocumentState:
    """What the stand-in directives of one parse need; hung on the document."""

    path: Path
    display_path: str
    line_offset: int
    cell: Optional[int]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    directive_languages: Mapping[str, str] = field(default_factory=dict)
    dialect: Dialect = DEFAULT
    included: tuple[str, ...] = ()  # the files being included (no circular include)


@functools.lru_cache(maxsize=1)
def _machinery() -> dict[str, Any]:
    """docutils classes and the stand-in directives, built once on first use."""
    import docutils.frontend
    import docutils.utils
    from docutils import nodes
    from docutils.parsers.rst import Directive, Parser, directives, states

    class highlight_marker(nodes.Element):
        """Where a ``highlight`` directive stood (Sphinx's ``highlightlang``)."""

    class example(nodes.container):
        """An ``insecure-example`` / ``secure-example`` wrapper."""

    class included(nodes.Element):
        """The content of an ``include``d rST file, parsed where the directive is."""

    class raw_html(nodes.Element):
        """The HTML of a ``raw`` directive (its ``<pre>`` elements are code a reader sees)."""

    class AnyOptions(dict):  # type: ignore[type-arg]
        """An option spec that accepts every option (unknown directives)."""

        def __bool__(self) -> bool:
            return True

        def __contains__(self, key: object) -> bool:
            return True

        def __getitem__(self, key: str) -> Callable[[Optional[str]], str]:
            return directives.unchanged

    def state_of(directive: Directive) -> _DocumentState:
        return directive.state_machine.document.docsec_state  # type: ignore[no-any-return]

    class CodeBlock(Directive):
        """Sphinx's ``code-block`` / ``sourcecode`` / ``code``."""

        optional_arguments = 1
        has_content = True
        option_spec: ClassVar[dict[str, Any]] = {
            "class": directives.class_option, "force": directives.flag, "name": directives.unchanged,
            "linenos": directives.flag, "lineno-start": directives.unchanged,
            "emphasize-lines": directives.unchanged, "caption": directives.unchanged,
            "dedent": directives.unchanged, "number-lines": directives.unchanged,
        }

        def run(self) -> list[nodes.Node]:
            code = code_block_text(self.content, self.options)
            node = nodes.literal_block(code, code, classes=list(self.options.get("class", [])))
            if self.arguments:
                node["language"] = self.arguments[0]
            node.line = self.lineno
            node["docsec_line"] = self.content_offset + 1
            node["docsec_origin"] = directive_origin(self)
            return [node]

    class Highlight(Directive):
        required_arguments = 1
        option_spec: ClassVar[dict[str, Any]] = {"linenothreshold": directives.unchanged, "force": directives.flag}

        def run(self) -> list[nodes.Node]:
            return [highlight_marker(language=self.arguments[0].strip())]

    def optional_int(argument: Optional[str]) -> Optional[int]:
        if argument is None:
            return None
        value = int(argument)
        if value < 0:
            raise ValueError("negative value; must be positive or zero")
        return value

    class LiteralInclude(Directive):
        """Sphinx's ``literalinclude``, with Sphinx's option checks (a bad value makes it an error)."""

        required_arguments = 1
        final_argument_whitespace = True
        option_spec: ClassVar[dict[str, Any]] = {
            "dedent": optional_int, "linenos": directives.flag, "lineno-start": int,
            "lineno-match": directives.flag, "tab-width": int, "language": directives.unchanged_required,
            "force": directives.flag, "encoding": directives.encoding, "pyobject": directives.unchanged_required,
            "lines": directives.unchanged_required, "start-after": directives.unchanged_required,
            "end-before": directives.unchanged_required, "start-at": directives.unchanged_required,
            "end-at": directives.unchanged_required, "prepend": directives.unchanged_required,
            "append": directives.unchanged_required, "emphasize-lines": directives.unchanged_required,
            "caption": directives.unchanged, "class": directives.class_option, "name": directives.unchanged,
            "diff": directives.unchanged_required,
        }

        def run(self) -> list[nodes.Node]:
            state = state_of(self)
            line = self.lineno + state.line_offset
            included = include_code(state.path, state.display_path, self.arguments[0], self.options,
                                    state.dialect.include_extras, Location(state.display_path, line, state.cell))
            if not isinstance(included, tuple):
                state.diagnostics.append(include_missing(included, state.display_path, line, state.cell))
                return []
            text, language, shown_path, first, spans = included
            node = nodes.literal_block(text, text, classes=list(self.options.get("class", [])))
            if language:
                node["language"] = language
            node.line = self.lineno
            node["docsec_path"] = shown_path
            node["docsec_line"] = first
            node["docsec_spans"] = spans
            return [node]

    class Include(Directive):
        """docutils' ``include`` as Sphinx runs it: an rST file is parsed where the directive is; with
        ``:literal:`` or ``:code:`` the file is one block.  Read through docsec's confined reader."""

        required_arguments = 1
        final_argument_whitespace = True
        option_spec: ClassVar[dict[str, Any]] = {
            "literal": directives.flag, "code": directives.unchanged, "encoding": directives.encoding,
            "parser": directives.unchanged, "tab-width": int, "start-line": int, "end-line": int,
            "start-after": directives.unchanged_required, "end-before": directives.unchanged_required,
            "number-lines": directives.unchanged, "class": directives.class_option, "name": directives.unchanged,
        }

        def run(self) -> list[nodes.Node]:
            from ._include import IncludedText

            state = state_of(self)
            line = self.lineno + state.line_offset
            argument = self.arguments[0]
            shown = include_shown(state.path, state.display_path, argument, self.options)
            if shown is None:
                return []
            if not isinstance(shown, (tuple, IncludedText)):
                state.diagnostics.append(include_missing(shown, state.display_path, line, state.cell))
                return []
            if isinstance(shown, tuple):
                text, language, shown_path, first, classes = shown
                node = nodes.literal_block(text, text, classes=classes)
                if language:
                    node["language"] = language
                node["docsec_path"] = shown_path
                node["docsec_line"] = first
                return [node]
            found = shown
            text = found.text
            tab_width = self.options.get("tab-width", 8)
            if "parser" in self.options or str(found.path) in state.included or len(state.included) >= 16:
                if "parser" not in self.options:
                    state.diagnostics.append(Diagnostic(
                        "include-circular", f"include {argument.strip()!r} includes itself; docutils stops there too",
                        state.display_path, line, Severity.MEDIUM, state.cell))
                return []
            from docutils.statemachine import StringList, string2lines

            lines = string2lines(text, tab_width if tab_width >= 0 else 8, convert_whitespace=True)
            node = included(docsec_source=found.display_path, docsec_real=str(found.path),
                            docsec_lines=tuple([""] * found.first_line + lines), docsec_offset=found.first_line)
            outer = (state.included, state.display_path)
            state.included = (*state.included, str(found.path))
            try:
                self.state.nested_parse(StringList(lines, str(found.path)), found.first_line, node, match_titles=True)
            finally:
                state.included = outer[0]
            return [node]

    class Raw(Directive):
        """docutils' ``raw``: with the ``html`` format, its ``<pre>`` elements show code."""

        required_arguments = 1
        optional_arguments = 0
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            state = state_of(self)
            formats = self.arguments[0].lower().split()
            if "html" not in formats or not state.dialect.raw_directive:
                return []
            if "file" in self.options or "url" in self.options:
                state.diagnostics.append(Diagnostic(
                    "raw-source", "a raw directive that reads a :file: or :url: shows content docsec does not read; "
                    "put the HTML in the page", state.display_path, self.lineno + state.line_offset,
                    Severity.HIGH, state.cell))
                return []
            return [raw_html(docsec_html="\n".join(self.content), docsec_line=self.content_offset)]

    class TestDirective(Directive):
        """``sphinx.ext.doctest``'s directives: shown as Sphinx shows them."""

        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            shown = doctest_code(self.name, self.content, self.options)
            if shown is None:
                return []
            code, language = shown
            node = nodes.literal_block(code, code, language=language)
            node.line = self.lineno
            node["docsec_line"] = self.content_offset + 1
            node["docsec_origin"] = directive_origin(self)
            return [node]

    class Example(Directive):
        """docsec's ``insecure-example`` / ``secure-example``: a marked container."""

        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            node = example(kind=self.name, reason=example_reason(self.options))
            self.state.nested_parse(self.content, self.content_offset, node)
            return [node]

    class ProjectCode(Directive):
        """A directive of another extension whose content is code (see :mod:`._directives`)."""

        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            state = state_of(self)
            shown = project_code(self.name, self.arguments, self.options, self.content, state.directive_languages)
            if shown is None:
                return []
            code, language, classes = shown
            node = nodes.literal_block(code, code, language=language, classes=classes)
            node.line = self.lineno
            node["docsec_line"] = self.content_offset + 1
            node["docsec_origin"] = directive_origin(self)
            return [node]

    class Generic(Directive):
        """Any directive docutils does not know: its content is parsed as reStructuredText."""

        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            node = nodes.container()
            if self.content:
                self.state.nested_parse(self.content, self.content_offset, node)
            return [node]

    class SphinxAdmonition(Directive):
        """Sphinx's ``seealso`` and ``todo``: admonitions, as Sphinx builds them."""

        has_content = True  # text on the directive line is the first content line
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            node = nodes.admonition(classes=[self.name])
            self.state.nested_parse(self.content, self.content_offset, node)
            return [node]

    class Skip(Directive):
        optional_arguments = 1
        final_argument_whitespace = True
        has_content = True
        option_spec = AnyOptions()

        def run(self) -> list[nodes.Node]:
            return []

    stand_ins: dict[str, type[Directive]] = {
        "code-block": CodeBlock, "sourcecode": CodeBlock, "code": CodeBlock,
        "highlight": Highlight, "literalinclude": LiteralInclude, "include": Include, "raw": Raw,
        "insecure-example": Example, "secure-example": Example,
        "seealso": SphinxAdmonition, "todo": SphinxAdmonition,
        **{name: TestDirective for name in (*DOCTEST_LANGUAGES, *HIDDEN_DIRECTIVES)},
    }
    settings = docutils.frontend.get_default_settings(Parser)
    settings.report_level = 5
    settings.halt_level = 5
    settings.file_insertion_enabled = False
    settings.raw_enabled = False
    settings.tab_width = 8
    inliner = states.Inliner()
    # Code blocks are block-level: skip inline markup (fast, and roles never make noise).
    inliner.parse = lambda text, lineno, memo, parent: ([nodes.Text(text)], [])  # type: ignore[method-assign]
    return {
        "nodes": nodes, "utils": docutils.utils, "directives": directives, "Parser": Parser,
        "settings": settings, "inliner": inliner, "stand_ins": stand_ins, "Generic": Generic, "Skip": Skip,
        "ProjectCode": ProjectCode,
        "highlight_marker": highlight_marker, "example": example, "included": included, "raw_html": raw_html,
    }


def directive_origin(directive: Any) -> Origin:
    """From the directive line to its last content line (1-based, absolute)."""
    return Origin("rst-directive", directive.lineno, directive.content_offset + len(directive.content))


# What the stand-ins show, as pure functions of the directive's parts, so that docutils'
# directives and the fast reader (:mod:`.rst_fast`) cannot disagree.

def code_block_text(content: Sequence[str], options: Mapping[str, Any]) -> str:
    """The code a ``code-block`` shows: its content, dedented as ``:dedent:`` asks."""
    from ._include import dedent_text

    code = "\n".join(content)
    if "dedent" in options:
        code = dedent_text(code, options["dedent"] or "")
    return code


def doctest_code(name: str, content: Sequence[str], options: Mapping[str, Any]) -> Optional[tuple[str, str]]:
    """(code, language) a ``sphinx.ext.doctest`` directive shows; None when Sphinx hides it."""
    if name in HIDDEN_DIRECTIVES or "hide" in options:
        return None
    code = "\n".join(content)
    if name == "doctest":
        code = BLANKLINE.sub("", code)
        if "no-trim-doctest-flags" not in options:
            code = DOCTEST_FLAGS.sub("", code)
    return code, DOCTEST_LANGUAGES[name]


def example_reason(options: Mapping[str, Any]) -> str:
    return str(options.get("reason") or "").strip()


def include_code(path: Path, display_path: str, argument: str, options: Mapping[str, Any], extras: bool = True,
                 directive: Optional[Location] = None
                 ) -> Union[tuple[str, str, str, int, tuple[Span, ...]], "IncludeError"]:
    """(code, language, display path, first line, spans) a ``literalinclude`` shows, or why it cannot be read."""
    from ._include import IncludeError, read_include, spans

    plain = {k: "" if v is None else str(v) for k, v in options.items() if k != "class"}
    try:
        included = read_include(path, display_path, argument, plain, extras)
    except IncludeError as error:
        return error
    where = directive or Location(display_path, 1)
    return (included.text, plain.get("language", "").strip() or included.language, included.display_path,
            included.line, spans(included, where.path, where.line, where.cell))


def include_shown(path: Path, display_path: str, argument: str, options: Mapping[str, Any]
                  ) -> Union[None, "IncludeError", tuple[str, str, str, int, list[str]], "IncludedText"]:
    """What an rST ``include`` shows: nothing (None: docutils' own ``<...>`` sets), why it cannot be read,
    ``(code, language, display path, first line, classes)`` for ``:literal:`` / ``:code:``, or the text of the
    fragment to parse where the directive is."""
    from ._include import IncludeError, file_language, read_included_text

    stripped = argument.strip()
    if stripped.startswith("<") and stripped.endswith(">"):
        return None
    try:
        found = read_included_text(path, display_path, argument, options)
    except IncludeError as error:
        return error
    if "literal" not in options and "code" not in options:
        return found
    text = found.text
    tab_width = options.get("tab-width", 8)
    if tab_width is not None and tab_width >= 0:
        text = text.expandtabs(min(tab_width, 64))
    code = options.get("code")
    if "literal" in options:  # a literal block of the file: Sphinx names it by the file's suffix
        language = file_language(found.display_path)
    else:
        text = text.removesuffix("\n")
        language = code.strip() if code else ""
    return text, language, found.display_path, found.first_line + 1, list(options.get("class", []))


def include_missing(error: "IncludeError", display_path: str, line: int, cell: Optional[int]) -> Diagnostic:
    from ._include import include_diagnostic

    return include_diagnostic(error, display_path, line, cell)


def project_code(name: str, arguments: Sequence[str], options: Mapping[str, Any], content: Sequence[str],
                 configured: Mapping[str, str]) -> Optional[tuple[str, str, list[str]]]:
    """(code, language, classes) of another extension's code directive; None when it shows none."""
    language = code_language(name, arguments[0] if arguments else "", options, configured)
    if not language or not content:
        return None
    return "\n".join(content), language, str(options.get("class") or "").split()


def _lookup(original: Callable[..., Any], machinery: dict[str, Any],
            configured: Mapping[str, str]) -> Callable[..., Any]:
    stand_ins, generic, skip = machinery["stand_ins"], machinery["Generic"], machinery["Skip"]

    def directive(name: str, language_module: Any, document: Any) -> tuple[Any, list[Any]]:
        normal = name.lower()
        if normal in stand_ins and normal not in configured:
            return stand_ins[normal], []
        if is_code_directive(normal, configured):
            return machinery["ProjectCode"], []
        found, messages = original(name, language_module, document)
        if found is not None and getattr(found, "__module__", "").startswith("docutils."):
            return found, messages
        return (skip if normal in NON_RST_BODIES else generic), []

    return directive


def read_rst(text: str, path: Path, display_path: str, marker_classes: frozenset[str], lines: list[str], *,
             first_line: int = 0, context: Context = NO_CONTEXT, highlight: str = "default",
             cell: Optional[int] = None, line_offset: int = 0,
             directive_languages: Optional[Mapping[str, str]] = None,
             legacy: LegacyMarkers = NO_LEGACY, dialect: Dialect = DEFAULT) -> RstResult:
    """Code blocks of rst ``text`` whose first line is the 0-based file line ``first_line``.

    ``lines`` are the file's lines (to confirm each block's first line);
    ``highlight`` is the language in force before the text (MyST ``eval-rst``);
    ``directive_languages`` maps the project's own code directives to their language;
    ``legacy`` are the configured legacy markers (see :mod:`docsec.core.legacy`).
    """
    m = _machinery()
    nodes = m["nodes"]
    directive_languages = directive_languages or {}
    state = _DocumentState(path, display_path, line_offset, cell, directive_languages=directive_languages,
                           dialect=dialect)
    document = _parse("\n" * first_line + text, path, state)
    result = RstResult(diagnostics=state.diagnostics, highlight=highlight)
    for message in document.findall(nodes.system_message):
        match = LINE_LIMIT_MESSAGE.search(message.astext())
        if match:
            result.diagnostics.append(line_too_long(display_path, int(match.group(1)),
                                                    document.settings.line_length_limit, line_offset, cell))
    assemble(_found_in(document, context, legacy), result, display_path, lines, marker_classes, cell, line_offset)
    return result


def _found_in(document: Any, context: Context, legacy: LegacyMarkers) -> list[Union[Found, HighlightChange]]:
    """The code nodes and ``highlight`` changes of a doctree, in document order."""
    from .legacy_nodes import legacy_marker

    from ._html import pre_blocks

    m = _machinery()
    nodes, example, highlight_marker = m["nodes"], m["example"], m["highlight_marker"]
    included, raw_html = m["included"], m["raw_html"]
    wanted = (nodes.literal_block, nodes.doctest_block, highlight_marker, raw_html)
    found: list[Union[Found, HighlightChange]] = []
    for node in document.findall(lambda n: isinstance(n, wanted)):
        if isinstance(node, highlight_marker):
            found.append(HighlightChange(node["language"]))
            continue
        if _in_system_message(node, nodes):
            continue
        block_context = _context(node, context, example)
        if legacy:
            block_context = block_context.after(legacy_marker(node, legacy))
        inside = _nearest(node, included)
        source = str(inside["docsec_source"]) if inside is not None else ""
        source_lines = inside["docsec_lines"] if inside is not None else None
        if isinstance(node, raw_html):
            for pre in pre_blocks(node["docsec_html"]):
                found.append(Found(pre.text, node["docsec_line"] + pre.line + 1, pre.language or "", (), "rst-raw",
                                   included=source, context=block_context, included_lines=source_lines, exact=True))
            continue
        doctest = isinstance(node, nodes.doctest_block)
        path = node.get("docsec_path") or source
        found.append(Found(
            node.astext(), node.get("docsec_line") or node.line or 1, "pycon" if doctest else node.get("language") or "",
            tuple(node.get("classes", [])), "rst-doctest" if doctest else "rst-literal", node.get("docsec_origin"),
            path, block_context, tuple(node.get("docsec_spans") or ()),
            source_lines if path == source and source else None))
    return found


def _nearest(node: Any, kind: type) -> Any:
    parent = node.parent
    while parent is not None and not isinstance(parent, kind):
        parent = parent.parent
    return parent


def assemble(found: Sequence[Union[Found, HighlightChange]], result: RstResult, display_path: str, lines: list[str],
             marker_classes: frozenset[str], cell: Optional[int] = None, line_offset: int = 0) -> None:
    """Turn what a reader found into ``result``'s blocks and final highlight language."""
    for item in found:
        if isinstance(item, HighlightChange):
            result.highlight = item.language
            continue
        language = item.language or result.highlight
        marker = block_marker(item.context, item.classes, marker_classes, item.text)
        if item.included:
            if item.exact:
                block = CodeBlock(item.text, language, Location(item.included, item.line), marker,
                                  item.context.secure)
            else:
                block = make_block(item.text, language, item.included, list(item.included_lines or ()), item.line,
                                   marker, item.context.secure, spans=item.spans)
            result.blocks.append(block)
            continue
        if item.exact:
            result.blocks.append(CodeBlock(item.text, language, Location(display_path, item.line + line_offset, cell),
                                           marker, item.context.secure))
            continue
        block = make_block(item.text, language, display_path, lines, item.line, marker,
                           item.context.secure, cell, line_offset, item.origin)
        if block.origin is None:  # a ``::`` literal block or a ``>>>`` paragraph: its own lines
            start = block.location.line - line_offset
            block = replace(block, origin=Origin(item.construct, start, start + item.text.count("\n")))
        result.blocks.append(block)


def line_too_long(display_path: str, line: int, limit: int, line_offset: int = 0,
                  cell: Optional[int] = None) -> Diagnostic:
    return Diagnostic(
        "line-too-long", f"line {line} of {display_path} is longer than docutils' limit of "
        f"{limit} characters, so docutils and Sphinx do not read this file at all; "
        "break the line", display_path, line + line_offset, Severity.MEDIUM, cell)


def _parse(text: str, path: Path, state: _DocumentState) -> Any:
    """The doctree of ``text``, with docsec's directive look-up in force only during the parse."""
    m = _machinery()
    settings = copy.copy(m["settings"])
    settings.warning_stream = io.StringIO()
    document = m["utils"].new_document(str(path), settings)
    document.docsec_state = state
    parser = m["Parser"](inliner=m["inliner"])
    directives = m["directives"]
    with _PARSE_LOCK:
        original = directives.directive
        directives.directive = _lookup(original, m, state.directive_languages)
        try:
            parser.parse(text, document)
        finally:
            directives.directive = original
    return document


def paragraphs(text: str, path: Path, top_level: bool = False) -> list[tuple[int, int, str, str]]:
    """(first line, last line, raw text, text as shown) of each paragraph and title, in order; with
    ``top_level``, only paragraphs directly in a section (not in lists or directives)."""
    nodes = _machinery()["nodes"]
    document = _parse(text, path, _DocumentState(path, str(path), 0, None))
    kinds = nodes.paragraph if top_level else (nodes.paragraph, nodes.title)
    found = []
    for node in document.findall(lambda n: isinstance(n, kinds)):
        if top_level and not (isinstance(node.parent, (nodes.section, nodes.document)) and node.line):
            continue
        raw = node.rawsource or node.astext()
        found.append((node.line or 0, (node.line or 0) + raw.count("\n"), raw, node.astext()))
    return found


def top_level_paragraphs(text: str, path: Path) -> list[tuple[int, int, str]]:
    return [(first, last, raw) for first, last, raw, _ in paragraphs(text, path, top_level=True)]


def parse_problems(text: str, path: Path) -> int:
    """How many warnings and errors docutils reports for ``text`` (to judge a rewrite)."""
    nodes = _machinery()["nodes"]
    document = _parse(text, path, _DocumentState(path, str(path), 0, None))
    return sum(1 for message in document.findall(nodes.system_message) if message.get("level", 0) >= 2)


def _in_system_message(node: nodes.Node, nodes: Any) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.system_message, nodes.raw, nodes.comment)):
            return True
        parent = parent.parent
    return False


def _context(node: nodes.Node, outer: Context, example: type) -> Context:
    wrappers: list[Any] = []
    parent = node.parent
    while parent is not None:
        if isinstance(parent, example):
            wrappers.append(parent)
        parent = parent.parent
    context = outer
    for wrapper in reversed(wrappers):  # outermost first, so the innermost reason wins
        context = context.inside(str(wrapper["kind"]), str(wrapper["reason"]))
    return context


def docutils_lines(text: str) -> list[str]:
    """Lines as docutils numbers them (tabs expanded to 8 columns)."""
    import docutils.statemachine

    return docutils.statemachine.string2lines(text, tab_width=8, convert_whitespace=True)  # type: ignore[no-any-return]


def extract(path: Path, display_path: str, config: Config, text: Optional[str] = None,
            dialect: Dialect = DEFAULT) -> SourceResult:
    decoded = read_text(path, display_path, text)
    result = SourceResult(display_path, diagnostics=list(decoded.diagnostics))
    if decoded.text is None:
        return result
    lines = docutils_lines(decoded.text)
    read = None if config.legacy else _read_fast(decoded.text, lines, path, display_path, config, dialect)
    try:
        if read is None:
            read = read_rst(decoded.text, path, display_path, config.marker_class_set(), lines,
                            highlight=dialect.highlight_language, directive_languages=config.directive_languages,
                            legacy=config.legacy, dialect=dialect)
    except Exception as error:  # noqa: BLE001 - a docutils bug must not stop a whole run
        result.diagnostics.append(Diagnostic(
            "parse-error", f"could not parse {display_path} as reStructuredText "
            f"({error.__class__.__name__}: {error}); please report this with the file",
            display_path, 1, Severity.MEDIUM))
        return result
    result.blocks.extend(read.blocks)
    result.diagnostics.extend(read.diagnostics)
    return result


def _read_fast(text: str, lines: list[str], path: Path, display_path: str, config: Config,
               dialect: Dialect = DEFAULT) -> Optional[RstResult]:
    """The fast reader's result (:mod:`.rst_fast`), or None when docutils must read the file.

    Legacy markers are judged on docutils' doctree, so with ``legacy`` configured docutils reads
    every file.  An error in the fast reader costs time, never a block: docutils reads the file.
    """
    from .rst_fast import read_rst_fast

    try:
        return read_rst_fast(text, lines, path, display_path, config.marker_class_set(), config.directive_languages,
                             dialect)
    except Exception:  # noqa: BLE001 - see the docstring
        return None


__all__ = ["RstResult", "extract", "paragraphs", "read_rst", "top_level_paragraphs"]
