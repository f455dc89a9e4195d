"""A fast reader of reStructuredText *block structure*, for ``docsec check``.

docutils builds a state machine for every nested parse (each list item, block
quote and directive body), and that construction is most of the ~3 ms a file
``docsec check`` spent reading rST.  This module reads the same structure line
by line and returns exactly what :func:`.rst.read_rst` returns for a file --
the same blocks (text, language, location, marker, origin), the same
diagnostics, the same final ``highlight`` -- or ``None``: it *declines*, and
the file goes to docutils as before.  Declining is always allowed; it is the
answer whenever the reader meets something it does not model with certainty.

It follows docutils' own rules, function by function (docutils 0.22,
``docutils/parsers/rst/states.py`` and ``statemachine.py``), and reuses
docutils' own patterns, enumerator arithmetic, option converters and the
directive look-up :mod:`.rst` installs, so that a name means the same
directive to both readers:

* ``Body``: blank lines, block quotes (with attributions), bullet,
  enumerated (with docutils' sequence rules), field and option lists, ``>>>``
  doctest blocks, line blocks, grid and simple tables (their extent),
  explicit markup (footnotes, citations, hyperlink targets, substitution
  definitions, directives, comments), anonymous targets;
* ``Text`` and ``Line``: paragraphs, definition list items, section titles
  (underlined, or over- and underlined) and transitions at the top level,
  ``::`` literal blocks in all three spellings;
* directives: ``parse_directive_block`` (arguments, options, content) for
  every directive, then what each one shows: the stand-ins of :mod:`.rst`
  (``code-block``, ``highlight``, ``literalinclude``, the doctest family,
  ``insecure-example`` / ``secure-example``, ``seealso`` / ``todo``), other
  extensions' code directives (:mod:`._directives`), unknown directives
  (content read as rST), directives whose body is not rST (skipped), and
  docutils' admonitions, ``container``, ``compound``, ``topic``,
  ``sidebar``, ``epigraph`` / ``highlights`` / ``pull-quote``,
  ``parsed-literal`` and ``class`` (Sphinx's py-domain ``.. class::`` is
  docutils' ``class`` here);
* errors that only add a system message (which :func:`.rst.read_rst`
  ignores): a title or a long punctuation line inside a nested block, an
  unexpected indentation, a missing literal block, a ``class`` or
  ``container`` argument that is no class name (its content is dropped).

A construct that cannot show code is skipped without being modelled: a table,
a line block, a substitution definition or a directive of any other kind
whose lines hold neither ``::`` nor ``>>>`` (every code node -- a literal
block, a doctest block, a code directive, ``highlight`` -- is spelt with one
of the two, except directives that show code by themselves, which are always
modelled), as long as its *extent* follows docutils' rules.

It declines on: a docutils version it was not checked against; NUL
characters; files docutils fails on (the comment that ends an inclusion, an
enumerator longer than ``int()`` converts), so that they stay parse errors;
quoted (unindented) literal blocks; top-level title over- and underlines
docutils rejects; malformed grid tables; tables, line blocks and
substitution definitions that hold ``::`` or ``>>>``; directive blocks
docutils would reject (argument count, unknown or malformed options, content
where none is allowed) when the directive could show code; option list
markers docutils rejects; a ``topic`` or ``sidebar`` with code inside a
nested block; docutils directives not listed above whose lines hold ``::``
or ``>>>``; an ``include`` (docutils reads the included file); a ``raw`` HTML
directive that may hold a ``<pre>`` (or reads a ``:file:`` or ``:url:``).
:func:`.rst.extract` also keeps the legacy-marker judgements (``legacy`` in
the configuration) on the docutils path.

Parity is proven by ``tests/sources/test_rst_fast.py``: every rST file of the
repository, a generated tree and Sphinx's and Django's documentation, plus
Hypothesis-composed documents, must read the same with both readers whenever
this one does not decline.
"""

from __future__ import annotations

import functools
import re
import string
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable, Mapping, Optional, Union

from ..core.dialect import DEFAULT, Dialect
from ..model import Diagnostic, Location, Origin
from . import rst
from ._text import NO_CONTEXT, Context

# docutils versions whose parser this module was checked against (see the module docstring).
VERIFIED_DOCUTILS = frozenset({(0, 22)})
# docutils' Body transitions after "blank" and "indent", in its order ("text" matches everything else).
BODY_CONSTRUCTS = ("bullet", "enumerator", "field_marker", "option_marker", "doctest", "line_block",
                   "grid_table_top", "simple_table_top", "explicit_markup", "anonymous", "line")
# The characters each construct's pattern can start with (read off ``Body.patterns``; a test checks
# that classifying by them gives docutils' answer for every line of the corpora and for random lines).
STARTS = {
    "bullet": "-+*\u2022\u2023\u2043", "enumerator": "(#" + string.ascii_letters + string.digits,
    "field_marker": ":", "option_marker": "-+/", "doctest": ">", "line_block": "|", "grid_table_top": "+",
    "simple_table_top": "=", "explicit_markup": ".", "anonymous": "_", "line": string.punctuation,
}
CANDIDATES = {char: tuple(name for name in BODY_CONSTRUCTS if char in STARTS[name])
              for char in set("".join(STARTS.values()))}
# docutils' own directives the reader models, by qualified name (importing their modules to compare
# classes would cost start-up time: ``images`` imports urllib.request, ``body`` pygments).
DOCUTILS_MODELS = {
    **{f"docutils.parsers.rst.directives.admonitions.{name}": "nested" for name in (
        "Admonition", "Attention", "Caution", "Danger", "Error", "Hint", "Important", "Note", "Tip", "Warning")},
    "docutils.parsers.rst.directives.body.ParsedLiteral": "parsed_literal",
    "docutils.parsers.rst.directives.body.Container": "container",
    "docutils.parsers.rst.directives.body.Compound": "nested",
    "docutils.parsers.rst.directives.body.Topic": "topic",
    "docutils.parsers.rst.directives.body.Sidebar": "topic",
    "docutils.parsers.rst.directives.body.Epigraph": "quote_directive",
    "docutils.parsers.rst.directives.body.Highlights": "quote_directive",
    "docutils.parsers.rst.directives.body.PullQuote": "quote_directive",
    "docutils.parsers.rst.directives.misc.Class": "class_directive",
    # Never a code node outside a system message, whatever their lines hold.
    **{f"docutils.parsers.rst.directives.{name}": "skip" for name in (
        "misc.Include", "misc.Raw", "body.MathBlock", "images.Image", "body.Rubric", "parts.Contents",
        "parts.Sectnum")},
}
# Directives that show code whatever their lines hold; always modelled (or declined).
SHOWS_CODE = frozenset({"code_block", "highlight", "literal_include", "doctest_directive", "project_code", "include",
                        "raw",
                        "parsed_literal", "docutils.parsers.rst.directives.body.CodeBlock"})
LITERAL_NEXT = re.compile(r"(?<!\\)(\\\\)*::$")  # docutils' RSTState.paragraph
INCLUSION_END = 'end of inclusion from "'

Found = Union[rst.Found, rst.HighlightChange]


class Decline(Exception):
    """The reader met something it does not model with certainty; docutils reads the file."""


@dataclass
class Directive:
    """A directive block as ``parse_directive_block`` splits it."""

    name: str  # as written
    lineno: int  # 1-based line of the ``..`` line
    arguments: list[str]
    options: dict[str, Any]
    content: list[str]
    content_offset: int  # 0-based line of the first content line


class _QuietDocument:
    """What docutils' directive look-up reports to; its messages never reach a block."""

    current_line = None

    def __init__(self) -> None:
        self.reporter = self

    def info(self, *args: Any, **kwargs: Any) -> None:
        return None

    error = warning = info


@dataclass(frozen=True)
class Grammar:
    """docutils' patterns and helpers, and what each directive class does, built once."""

    patterns: dict[str, re.Pattern[str]]
    constructs: tuple[tuple[str, re.Pattern[str]], ...]  # explicit markup, in docutils' order
    target: re.Pattern[str]
    embedded_directive: re.Pattern[str]
    attribution: re.Pattern[str]
    simple_border: re.Pattern[str]
    quoted: re.Pattern[str]
    enum: Any  # an object with docutils' ``Body.enum``, for Body's enumerator methods
    parse_enumerator: Callable[..., tuple[str, str, str, Optional[int]]]
    make_enumerator: Callable[..., Any]
    parse_option_marker: Callable[..., Any]
    markup_error: type[Exception]
    column_width: Callable[[str], int]
    escape2null: Callable[[str], str]
    assemble_options: Callable[..., dict[str, Any]]
    class_option: Callable[[str], list[str]]
    language: Any  # docutils' English directive names
    original_lookup: Callable[[], Callable[..., Any]]
    stand_ins: dict[type, str]  # docsec's directive classes -> the method of _Reader that models each
    line_length_limit: int

    def classify(self, line: str) -> tuple[str, Optional[re.Match[str]]]:
        """The Body transition docutils takes for an unindented, non-blank ``line``."""
        for name in CANDIDATES.get(line[0], ()):
            match = self.patterns[name].match(line)
            if match:
                return name, match
        return "text", None

    def width(self, text: str) -> int:
        """docutils' ``column_width`` (East Asian wide characters count twice, combining ones not)."""
        return len(text) if text.isascii() else self.column_width(text)


@functools.lru_cache(maxsize=1)
def grammar() -> Optional[Grammar]:
    """The grammar, or None when the installed docutils is not one this reader was checked against."""
    import docutils
    from docutils import utils
    from docutils.parsers.rst import directives, languages, states

    if tuple(docutils.__version_info__[:2]) not in VERIFIED_DOCUTILS:
        return None
    machinery = rst._machinery()
    stand_ins = machinery["stand_ins"]
    body_state = states.Body
    patterns = {name: re.compile(pattern) if isinstance(pattern, str) else pattern
                for name, pattern in body_state.patterns.items()}
    kinds = {"footnote": "footnote", "citation": "footnote", "hyperlink_target": "hyperlink_target",
             "substitution_def": "substitution_def", "directive": "directive"}
    constructs = tuple((kinds[method.__name__], pattern) for method, pattern in body_state.explicit.constructs)
    enum = SimpleNamespace(enum=body_state.enum)

    def original_lookup() -> Callable[..., Any]:
        with rst._PARSE_LOCK:  # a parse in another thread replaces it for its duration
            return directives.directive  # type: ignore[no-any-return]

    models = {
        stand_ins["code-block"]: "code_block", stand_ins["highlight"]: "highlight",
        stand_ins["literalinclude"]: "literal_include", stand_ins["doctest"]: "doctest_directive",
        machinery["ProjectCode"]: "project_code", stand_ins["insecure-example"]: "example",
        stand_ins["seealso"]: "nested", machinery["Generic"]: "generic", machinery["Skip"]: "skip",
        stand_ins["include"]: "include", stand_ins["raw"]: "raw",
    }
    return Grammar(
        patterns=patterns, constructs=constructs, target=body_state.explicit.patterns.target,
        embedded_directive=re.compile(r"(%s)::( +|$)" % states.Inliner.simplename, re.MULTILINE),
        attribution=body_state.attribution_pattern, simple_border=body_state.simple_table_border_pat,
        quoted=re.compile(body_state.pats["nonalphanum7bit"]), enum=enum,
        parse_enumerator=functools.partial(body_state.parse_enumerator, enum),
        make_enumerator=functools.partial(body_state.make_enumerator, enum),
        parse_option_marker=functools.partial(body_state.parse_option_marker, None),
        markup_error=states.MarkupError, column_width=utils.column_width, escape2null=utils.escape2null,
        assemble_options=utils.assemble_option_dict, class_option=directives.class_option,
        language=languages.get_language("en"), original_lookup=original_lookup, stand_ins=models,
        line_length_limit=machinery["settings"].line_length_limit)


def read_rst_fast(text: str, lines: list[str], path: Path, display_path: str, marker_classes: frozenset[str],
                  directive_languages: Optional[Mapping[str, str]] = None,
                  dialect: Dialect = DEFAULT) -> Optional[rst.RstResult]:
    """What :func:`.rst.read_rst` returns for the file ``text`` (``lines``: its docutils lines), or None."""
    try:
        return read_or_decline(text, lines, path, display_path, marker_classes, directive_languages, dialect)
    except Decline:
        return None


def read_or_decline(text: str, lines: list[str], path: Path, display_path: str, marker_classes: frozenset[str],
                    directive_languages: Optional[Mapping[str, str]] = None,
                    dialect: Dialect = DEFAULT) -> rst.RstResult:
    """As :func:`read_rst_fast`, raising :class:`Decline` (with the reason) instead of returning None."""
    found = grammar()
    if found is None:
        raise Decline("a docutils version this reader was not checked against")
    if "\x00" in text:
        raise Decline("a NUL character")
    crash = _docutils_crash(text)
    if crash:  # docutils fails on the file, wherever the trigger is; extract() reports that
        raise Decline(crash)
    result = rst.RstResult(highlight=dialect.highlight_language)
    if lines and max(map(len, lines)) > found.line_length_limit:  # docutils reads nothing of the file
        number = next(index for index, line in enumerate(lines, 1) if len(line) > found.line_length_limit)
        result.diagnostics.append(rst.line_too_long(display_path, number, found.line_length_limit))
        return result
    reader = _Reader(found, path, display_path, directive_languages or {}, dialect)
    reader.body(lines, 0, True, NO_CONTEXT)
    result.diagnostics.extend(reader.diagnostics)
    rst.assemble(reader.found, result, display_path, lines, marker_classes)
    return result


# docutils' StringList and StateMachineWS helpers, on plain lists of lines.

def indented(lines: list[str], start: int, *, until_blank: bool = False, strip: bool = True,
             block_indent: Optional[int] = None, first_indent: Optional[int] = None) -> list[str]:
    """``StringList.get_indented``: the indented block from ``start`` (dedented when ``strip``).

    The state machine stands on the block's last line afterwards, so the next line read is
    ``start + len(block)``.
    """
    indent = block_indent
    end = start
    if block_indent is not None and first_indent is None:
        first_indent = block_indent
    if first_indent is not None:
        end += 1
    last = len(lines)
    while end < last:
        line = lines[end]
        if line and (line[0] != " " or (block_indent is not None and line[:block_indent].strip())):
            break
        stripped = line.lstrip()
        if not stripped:
            if until_blank:
                break
        elif block_indent is None:
            line_indent = len(line) - len(stripped)
            indent = line_indent if indent is None else min(indent, line_indent)
        end += 1
    block = lines[start:end]
    if first_indent is not None and block:
        block[0] = block[0][first_indent:]
    if indent and strip:
        begin = 0 if first_indent is None else 1
        block[begin:] = [line[indent:] for line in block[begin:]]
    return block


def trimmed(block: list[str], first: int) -> tuple[list[str], int]:
    """The block without its leading blank lines, and the index of its new first line."""
    skip = 0
    while skip < len(block) and not block[skip].strip():
        skip += 1
    return block[skip:], first + skip


def text_end(lines: list[str], start: int) -> int:
    """``get_text_block`` without ``flush_left``: where the run of non-blank lines ends."""
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return end


def may_show_code(lines: list[str]) -> bool:
    """Whether these lines could make a code node: every one is spelt with ``::`` or ``>>>``."""
    joined = "\n".join(lines)
    return "::" in joined or ">>>" in joined


@dataclass
class _Reader:
    """docutils' Body, Text and Line states over one document, collecting what read_rst collects."""

    grammar: Grammar
    path: Path
    display_path: str
    configured: Mapping[str, str]
    dialect: Dialect = DEFAULT
    found: list[Found] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    _directive_classes: dict[str, tuple[Any, str]] = field(default_factory=dict)
    _depth: int = 0  # how many nested parses deep the reader is
    _depths: list[int] = field(default_factory=list)  # the depth each found item was made at

    def emit(self, item: Found) -> None:
        self.found.append(item)
        self._depths.append(self._depth)

    # -- Body ------------------------------------------------------------------------------

    def body(self, lines: list[str], offset: int, top: bool, context: Context) -> None:
        """Parse ``lines`` (the first is the 0-based file line ``offset``) as docutils' Body state;
        ``top``: the document itself (titles allowed), not a nested block."""
        self._depth += 1
        try:
            self._body(lines, offset, top, context)
        finally:
            self._depth -= 1

    def _body(self, lines: list[str], offset: int, top: bool, context: Context) -> None:
        index, count = 0, len(lines)
        while index < count:
            line = lines[index]
            if not line:
                index += 1
            elif line[0] == " ":
                index = self.block_quote(lines, offset, index, context)
            else:
                kind, match = self.grammar.classify(line)
                if match is None:
                    index = self.text(lines, offset, index, top, context)
                else:
                    index = getattr(self, kind)(lines, offset, index, match, top, context)

    def block_quote(self, lines: list[str], offset: int, index: int, context: Context) -> int:
        block = indented(lines, index)
        self.quote(block, offset + index, context)
        return index + len(block)

    def quote(self, block: list[str], offset: int, context: Context) -> None:
        """``Body.block_quote``: quotes separated by attributions (``-- Author``)."""
        while block:
            quoted, attribution_end = self._split_attribution(block)
            self.body(quoted, offset, False, context)
            if attribution_end is None:
                return
            block, offset = block[attribution_end:], offset + attribution_end
            block, offset = trimmed(block, offset)

    def _split_attribution(self, block: list[str]) -> tuple[list[str], Optional[int]]:
        blank: Optional[int] = None
        nonblank_seen = False
        for index, raw in enumerate(block):
            line = raw.rstrip()
            if line:
                if nonblank_seen and blank == index - 1 and self.grammar.attribution.match(line):
                    end = _attribution_end(block, index)
                    if end:
                        return block[:index], end
                nonblank_seen = True
            else:
                blank = index
        return block, None

    def bullet(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
               context: Context) -> int:
        return self.list_item(lines, offset, index, match.end(), context)

    def list_item(self, lines: list[str], offset: int, index: int, indent: int, context: Context) -> int:
        if lines[index][indent:]:
            block = indented(lines, index, block_indent=indent)
            first = index
            if block:
                self.body(block, offset + first, False, context)
            return index + len(block)
        return self.first_known(lines, offset, index, indent, context)

    def first_known(self, lines: list[str], offset: int, index: int, indent: int, context: Context) -> int:
        """``get_first_known_indented`` and a nested parse of the block (fields, footnotes, ...)."""
        raw = indented(lines, index, first_indent=indent)
        block, first = trimmed(raw, index)
        if block:
            self.body(block, offset + first, False, context)
        return index + len(raw)

    def enumerator(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                   context: Context) -> int:
        """``Body.enumerator``, then ``EnumeratedList`` for the items that continue the list."""
        style, sequence, _, ordinal = self.grammar.parse_enumerator(match)
        if ordinal is None or not self._is_enumerated_item(lines, index, ordinal, sequence, style):
            return self.text(lines, offset, index, top, context)
        kind = "arabic" if sequence == "#" else sequence
        auto, last = sequence == "#", ordinal
        index = self.list_item(lines, offset, index, match.end(), context)
        patterns = self.grammar.patterns
        while True:
            while index < len(lines) and not lines[index]:
                index += 1
            if index >= len(lines) or lines[index][0] == " " or patterns["bullet"].match(lines[index]):
                return index
            match = patterns["enumerator"].match(lines[index])  # type: ignore[assignment]
            if match is None:
                return index
            next_style, sequence, _, ordinal = self.grammar.parse_enumerator(match, kind)
            if (ordinal is None or next_style != style
                    or (sequence != "#" and (sequence != kind or auto or ordinal != last + 1))
                    or not self._is_enumerated_item(lines, index, ordinal, sequence, next_style)):
                return index
            auto = auto or sequence == "#"
            index = self.list_item(lines, offset, index, match.end(), context)
            last = ordinal

    def _is_enumerated_item(self, lines: list[str], index: int, ordinal: Optional[int], sequence: str,
                            style: str) -> bool:
        if ordinal is None:
            return False
        if index + 1 >= len(lines):
            return True
        following = lines[index + 1]
        if not following[:1].strip():
            return True
        expected = self.grammar.make_enumerator(ordinal + 1, sequence, style)
        return bool(expected) and following.startswith(expected)

    def field_marker(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                     context: Context) -> int:
        return self.first_known(lines, offset, index, match.end(), context)

    def option_marker(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                      context: Context) -> int:
        try:
            self.grammar.parse_option_marker(match)
        except self.grammar.markup_error:
            raise Decline("an option list marker docutils rejects") from None
        raw = indented(lines, index, first_indent=match.end())
        block, first = trimmed(raw, index)
        if not block:  # no description: not an option list after all
            return self.text(lines, offset, index, top, context)
        self.body(block, offset + first, False, context)
        return index + len(raw)

    def doctest(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                context: Context) -> int:
        end = text_end(lines, index)
        self.emit(rst.Found("\n".join(lines[index:end]), offset + index + 1, "pycon",
                                    construct="rst-doctest", context=context))
        return end

    def line_block(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                   context: Context) -> int:
        """Line blocks hold inline text only; their extent is the run of ``|`` lines and continuations."""
        end = index + len(indented(lines, index, until_blank=True, first_indent=match.end()))
        pattern = self.grammar.patterns["line_block"]
        while end < len(lines) and lines[end]:  # the next line, right after the last: another "|" line?
            following = pattern.match(lines[end])
            if following is None:
                break
            end += len(indented(lines, end, until_blank=True, first_indent=following.end()))
        if may_show_code(lines[index:end]):
            raise Decline("a line block holding '::' or '>>>'")
        return end

    def grid_table_top(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                       context: Context) -> int:
        """``isolate_grid_table``, for well-formed tables only (their extent is then the text block)."""
        end = index
        while end < len(lines) and lines[end].strip():
            if lines[end][0] == " ":
                raise Decline("a grid table with an indented line")
            end += 1
        table = [line.strip() for line in lines[index:end]]
        width = len(table[0])
        well_formed = (all(line.isascii() and line[0] in "+|" and line[-1] in "+|" and len(line) == width
                           for line in table) and self.grammar.patterns["grid_table_top"].match(table[-1]))
        if not well_formed:
            raise Decline("a malformed grid table")
        if may_show_code(table):
            raise Decline("a grid table holding '::' or '>>>'")
        return end

    def simple_table_top(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                         context: Context) -> int:
        """``isolate_simple_table``: the extent, whether or not docutils can parse the table."""
        limit = len(lines) - 1
        top_length = len(lines[index].strip())
        found, found_at, end = 0, None, None
        row = index + 1
        while row <= limit:
            line = lines[row]
            if self.grammar.simple_border.match(line):
                if len(line.strip()) != top_length:  # a malformed table, ending at this border
                    end = row + 1
                    break
                found, found_at = found + 1, row
                if found == 2 or row == limit or not lines[row + 1].strip():
                    end = row + 1
                    break
            row += 1
        if end is None:
            end = found_at + 1 if found_at is not None else len(lines)
        if may_show_code(lines[index:end]):
            raise Decline("a simple table holding '::' or '>>>'")
        return end

    def line(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
             context: Context) -> int:
        """A line of repeated punctuation: a transition or a title's overline (``Body.line``, ``Line``)."""
        marker = lines[index]
        short = len(marker.strip()) < 4
        if not top:  # titles are not matched here: short lines are text, longer ones an error (one line)
            if marker.strip() == "::" or short:
                return self.text(lines, offset, index, top, context)
            return index + 1
        following = index + 1
        if following >= len(lines) or not lines[following]:  # a transition
            return self.text(lines, offset, index, top, context) if short else following + 1
        title = lines[following]
        if title[0] != " " and self.grammar.patterns["line"].match(title):  # Line.underline
            if short:
                return self.text(lines, offset, index, top, context)
            raise Decline("an invalid section title or transition")
        if following + 1 >= len(lines):
            if short:
                return self.text(lines, offset, index, top, context)
            raise Decline("an incomplete section title")
        underline = lines[following + 1].rstrip()
        overline = marker.rstrip()
        if not self.grammar.patterns["line"].match(underline) or overline != underline:
            if len(overline) < 4:
                return self.text(lines, offset, index, top, context)
            raise Decline("a section title whose over- and underline differ")
        if self.grammar.width(title.rstrip()) > len(overline) and len(overline) < 4:
            return self.text(lines, offset, index, top, context)
        return following + 2

    # -- Text --------------------------------------------------------------------------------

    def text(self, lines: list[str], offset: int, index: int, top: bool, context: Context) -> int:
        """A text line: the Text state decides from the line after it."""
        following = index + 1
        if following >= len(lines):  # a last paragraph: a literal block after it has no lines
            return following
        line = lines[following]
        if not line:
            if _literal_next(lines[index]):
                return self.literal_block(lines, offset, following, context)
            return following + 1
        if line[0] == " ":  # a definition list item
            block = indented(lines, following)
            self.body(block, offset + following, False, context)
            return following + len(block)
        if self.grammar.patterns["line"].match(line):  # Text.underline
            if self.grammar.width(lines[index]) > len(line) and len(line) < 4:
                return self.paragraph(lines, offset, following, context)
            return following + 1  # a title; in a nested block "unexpected section title", same lines
        return self.paragraph(lines, offset, following, context)

    def paragraph(self, lines: list[str], offset: int, start: int, context: Context) -> int:
        """``Text.text``: the paragraph goes on from ``start`` to a blank or indented line."""
        end = start
        while end < len(lines) and lines[end] and lines[end][0] != " ":
            end += 1
        if _literal_next(lines[end - 1]):
            return self.literal_block(lines, offset, end, context)
        return end

    def literal_block(self, lines: list[str], offset: int, start: int, context: Context) -> int:
        """``Text.literal_block`` from line ``start`` (after a paragraph ending in ``::``)."""
        raw = indented(lines, start)
        block, first = trimmed(raw, start)
        while block and not block[-1].strip():
            block.pop()
        after = start + len(raw)
        if block:
            self.emit(rst.Found("\n".join(block), offset + first + 1, context=context))
            return after
        if after < len(lines) and self.grammar.quoted.match(lines[after]):
            raise Decline("a quoted literal block")
        return after  # "literal block expected; none found"

    # -- explicit markup -------------------------------------------------------------------

    def explicit_markup(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                        context: Context) -> int:
        line = lines[index]
        for kind, pattern in self.grammar.constructs:
            construct = pattern.match(line)
            if construct:
                end = getattr(self, kind)(lines, offset, index, construct, top, context)
                if end is not None:
                    return end  # type: ignore[no-any-return]
                break  # docutils reports the construct as malformed and reads a comment
        return self.comment(lines, index, match)

    def anonymous(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                  context: Context) -> int:
        return index + len(indented(lines, index, until_blank=True, first_indent=match.end()))

    def comment(self, lines: list[str], index: int, match: re.Match[str]) -> int:
        if index + 1 >= len(lines) or not lines[index + 1].strip():
            rest = lines[index][match.end():]
            if not rest.strip():  # ".." alone: an empty comment, whatever is indented after it
                return index + 1
        return index + len(indented(lines, index, first_indent=match.end()))

    def footnote(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                 context: Context) -> int:
        return self.first_known(lines, offset, index, match.end(), context)

    def hyperlink_target(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                         context: Context) -> Optional[int]:
        raw = indented(lines, index, until_blank=True, strip=False, first_indent=match.end())
        escaped = ""
        for line in trimmed(raw, index)[0]:
            escaped += self.grammar.escape2null(line)
            if self.grammar.target.match(escaped):
                return index + len(raw)
        return None

    def substitution_def(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                         context: Context) -> int:
        """The extent only (a malformed definition is a comment of the same extent); declined when its
        embedded directive or content could make a code node."""
        raw = indented(lines, index, strip=False, first_indent=match.end())
        text = "\n".join(raw)
        if ">>>" in text:
            raise Decline("a substitution definition holding '>>>'")
        markers = text.count("::")
        if markers:
            embedded = self.grammar.embedded_directive.search(text)
            if markers > 1 or embedded is None or self.directive_class(embedded.group(1))[1] in SHOWS_CODE:
                raise Decline("a substitution definition that may show code")
        return index + len(raw)

    # -- directives --------------------------------------------------------------------------

    def directive(self, lines: list[str], offset: int, index: int, match: re.Match[str], top: bool,
                  context: Context) -> int:
        name = match.group(1)
        cls, model = self.directive_class(name)
        raw = indented(lines, index, first_indent=match.end())
        end = index + len(raw)
        if model not in SHOWS_CODE and (model == "skip" or not may_show_code(raw)):
            return end
        if model not in MODELLED:
            raise Decline(f"docutils' {name!r} directive holding '::' or '>>>'")
        getattr(self, model)(self.directive_parts(cls, name, raw, offset + index), top, context)
        return end

    def directive_class(self, name: str) -> tuple[Any, str]:
        """The class docutils runs for ``name`` (the look-up :mod:`.rst` installs while it parses), and
        the method that models it (else the class's qualified name)."""
        known = self._directive_classes.get(name)
        if known is None:
            lookup = rst._lookup(self.grammar.original_lookup(), rst._machinery(), self.configured)
            cls = lookup(name, self.grammar.language, _QuietDocument())[0]
            qualified = f"{cls.__module__}.{cls.__qualname__}"
            known = self._directive_classes[name] = (
                cls, self.grammar.stand_ins.get(cls) or DOCUTILS_MODELS.get(qualified, qualified))
        return known

    def directive_parts(self, cls: Any, name: str, raw: list[str], line_offset: int) -> Directive:
        """``parse_directive_block``; declined wherever docutils would report an error."""
        lineno = line_offset + 1
        block = raw
        if block and not block[0].strip():
            block, line_offset = block[1:], line_offset + 1
        while block and not block[-1].strip():
            block = block[:-1]
        takes_arguments = bool(cls.required_arguments or cls.optional_arguments)
        spec = cls.option_spec
        split = 0
        if block and (takes_arguments or spec):
            split = next((number for number, line in enumerate(block) if not line.strip()), len(block))
            arguments_block, content, content_offset = block[:split], block[split + 1:], line_offset + split + 1
        else:
            arguments_block, content, content_offset = [], block, line_offset
        options: dict[str, Any] = {}
        if spec:
            options, arguments_block, had_options = self.directive_options(spec, arguments_block)
            if arguments_block and not takes_arguments and had_options:
                raise Decline("directive content around its options")  # docutils' line numbers skip the gap
        if arguments_block and not takes_arguments:
            content, content_offset, arguments_block = arguments_block + block[split:], line_offset, []
        while content and not content[0].strip():
            content, content_offset = content[1:], content_offset + 1
        arguments = _arguments(cls, arguments_block) if takes_arguments else []
        if content and not cls.has_content:
            raise Decline(f"content in a {name!r} directive, which takes none")
        return Directive(name, lineno, arguments, options, content, content_offset)

    def directive_options(self, spec: Any, arguments_block: list[str]) -> tuple[dict[str, Any], list[str], bool]:
        """``parse_directive_options``: the field list from the first field-marker line on."""
        marker = self.grammar.patterns["field_marker"]
        start = next((number for number, line in enumerate(arguments_block) if marker.match(line)), None)
        if start is None:
            return {}, arguments_block, False
        fields = _option_fields(arguments_block[start:], marker)
        try:
            return self.grammar.assemble_options(fields, spec), arguments_block[:start], True
        except Exception:  # noqa: BLE001 - any converter error makes the directive an error
            raise Decline("directive options docutils rejects") from None

    def _origin(self, directive: Directive) -> Origin:
        return Origin("rst-directive", directive.lineno, directive.content_offset + len(directive.content))

    def code_block(self, directive: Directive, top: bool, context: Context) -> None:
        self.emit(rst.Found(
            rst.code_block_text(directive.content, directive.options), directive.content_offset + 1,
            directive.arguments[0] if directive.arguments else "", tuple(directive.options.get("class", [])),
            origin=self._origin(directive), context=context))

    def highlight(self, directive: Directive, top: bool, context: Context) -> None:
        self.emit(rst.HighlightChange(directive.arguments[0].strip()))

    def literal_include(self, directive: Directive, top: bool, context: Context) -> None:
        included = rst.include_code(self.path, self.display_path, directive.arguments[0], directive.options,
                                    self.dialect.include_extras, Location(self.display_path, directive.lineno))
        if not isinstance(included, tuple):
            self.diagnostics.append(rst.include_missing(included, self.display_path, directive.lineno, None))
            return
        text, language, shown_path, first, spans = included
        self.emit(rst.Found(text, first, language, tuple(directive.options.get("class", [])),
                            included=shown_path, context=context, spans=spans))

    def include(self, directive: Directive, top: bool, context: Context) -> None:
        shown = rst.include_shown(self.path, self.display_path, directive.arguments[0], directive.options)
        if shown is None:
            return
        if isinstance(shown, tuple):
            text, language, shown_path, first, classes = shown
            self.emit(rst.Found(text, first, language, tuple(classes), included=shown_path, context=context))
        elif isinstance(shown, Exception):
            self.diagnostics.append(rst.include_missing(shown, self.display_path, directive.lineno, None))
        else:
            raise Decline("an include of an rST fragment (docutils parses it where the directive is)")

    def raw(self, directive: Directive, top: bool, context: Context) -> None:
        shown = "html" in " ".join(directive.arguments).lower().split() and self.dialect.raw_directive
        if shown and ("file" in directive.options or "url" in directive.options
                      or any("<pre" in line.lower() for line in directive.content)):
            raise Decline("a raw HTML directive that may show a <pre>")

    def doctest_directive(self, directive: Directive, top: bool, context: Context) -> None:
        shown = rst.doctest_code(directive.name, directive.content, directive.options)
        if shown is not None:
            self.emit(rst.Found(shown[0], directive.content_offset + 1, shown[1],
                                        origin=self._origin(directive), context=context))

    def project_code(self, directive: Directive, top: bool, context: Context) -> None:
        shown = rst.project_code(directive.name, directive.arguments, directive.options, directive.content,
                                 self.configured)
        if shown is not None:
            code, language, classes = shown
            self.emit(rst.Found(code, directive.content_offset + 1, language, tuple(classes),
                                        origin=self._origin(directive), context=context))

    def parsed_literal(self, directive: Directive, top: bool, context: Context) -> None:
        if directive.content:  # else "content block expected"
            self.emit(rst.Found("\n".join(directive.content), directive.content_offset + 1, "",
                                        tuple(directive.options.get("class", [])), context=context))

    def example(self, directive: Directive, top: bool, context: Context) -> None:
        inner = context.inside(directive.name, rst.example_reason(directive.options))
        self.body(directive.content, directive.content_offset, False, inner)

    def nested(self, directive: Directive, top: bool, context: Context) -> None:
        self.body(directive.content, directive.content_offset, False, context)

    generic = nested  # without content there is nothing to parse

    def container(self, directive: Directive, top: bool, context: Context) -> None:
        if directive.arguments:
            try:
                self.grammar.class_option(directive.arguments[0])
            except ValueError:  # "invalid class attribute value": an error instead of the content
                return
        self.nested(directive, top, context)

    def topic(self, directive: Directive, top: bool, context: Context) -> None:
        if not top:
            raise Decline(f"a {directive.name!r} directive inside a body element")
        if "subtitle" in directive.options and not directive.arguments:
            raise Decline("a sidebar subtitle without a title")
        self.nested(directive, top, context)

    def class_directive(self, directive: Directive, top: bool, context: Context) -> None:
        """docutils' ``class`` (Sphinx's ``.. class::`` of the Python domain, without Sphinx): the nodes
        at the top of its content get the argument's class names, and take the directive's place."""
        try:
            names = tuple(self.grammar.class_option(directive.arguments[0]))
        except ValueError:  # "invalid class attribute value": an error instead of the content
            return
        start, depth = len(self.found), self._depth
        self.body(directive.content, directive.content_offset, False, context)
        for index in range(start, len(self.found)):
            item = self.found[index]
            if self._depths[index] == depth + 1:
                if isinstance(item, rst.Found):
                    self.found[index] = replace(item, classes=item.classes + names)
                self._depths[index] = depth

    def quote_directive(self, directive: Directive, top: bool, context: Context) -> None:
        """``epigraph``, ``highlights``, ``pull-quote``: their content is a block quote."""
        self.quote(directive.content, directive.content_offset, context)


MODELLED = frozenset(name for name in dir(_Reader) if not name.startswith("_")) & (
    set(DOCUTILS_MODELS.values()) | SHOWS_CODE | {"example", "nested", "generic", "skip"})


def _docutils_crash(text: str) -> str:
    """Why docutils 0.22 raises on ``text`` (and extract() reports a parse error), when a known trigger
    is anywhere in it: the comment that ends an inclusion (``include_log.pop()`` on an empty log), and
    an enumerator with more digits than ``int()`` converts."""
    if INCLUSION_END in text:
        return "the comment that ends an inclusion (docutils fails on it)"
    limit = getattr(sys, "get_int_max_str_digits", lambda: 0)()  # Python 3.11 (and 3.9.14, 3.10.7) on
    if limit and re.search("[0-9]{%d}" % (limit + 1), text):
        return "a number longer than int() converts (docutils fails on it as an enumerator)"
    return ""


def _literal_next(line: str) -> bool:
    """Whether a paragraph whose last line is ``line`` announces a literal block (``::``)."""
    return line.endswith("::") and LITERAL_NEXT.search(line) is not None


def _attribution_end(block: list[str], start: int) -> Optional[int]:
    """``Body.check_attribution``: the index after the attribution, None when its lines are ragged."""
    indent: Optional[int] = None
    index = start + 1
    for index in range(start + 1, len(block)):
        line = block[index].rstrip()
        if not line:
            break
        line_indent = len(line) - len(line.lstrip())
        if indent is None:
            indent = line_indent
        elif line_indent != indent:
            return None
    else:
        index += 1
    return index


def _option_fields(block: list[str], marker: re.Pattern[str]) -> list[tuple[str, Optional[str]]]:
    """``parse_extension_options`` and ``extract_options``: (name, value) of each field, in order."""
    fields: list[tuple[str, Optional[str]]] = []
    index = 0
    while index < len(block):
        match = marker.match(block[index])
        if match is None:  # "invalid option block"
            raise Decline("a directive option block that is not a field list")
        name = match.group()[1:]
        name = name[:name.rfind(":")]
        raw = indented(block, index, first_indent=match.end())
        body = trimmed(raw, index)[0]
        index += len(raw)
        if len(name.split()) != 1:
            raise Decline("a directive option name of several words")
        fields.append((name.lower(), "\n".join(body) if body else None))
    return fields


def _arguments(cls: Any, block: list[str]) -> list[str]:
    """``parse_directive_arguments``; declined where docutils reports a wrong number."""
    required, optional = cls.required_arguments, cls.optional_arguments
    text = "\n".join(block)
    arguments = text.split()
    if len(arguments) < required:
        raise Decline("a directive with too few arguments")
    if len(arguments) > required + optional:
        if not cls.final_argument_whitespace:
            raise Decline("a directive with too many arguments")
        arguments = text.split(None, required + optional - 1)
    return arguments
