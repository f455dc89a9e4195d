"""The Python view of a block: one tolerant parse, resolved names, helpers.

Documentation snippets are fragments: placeholders, undefined names, a
header without its body.  :func:`parse_tolerant` reads a placeholder on a line
Python rejects as a name (``requests.get(<your-url>, verify=False)`` is a call
with the name ``_your_url_``), blanks the lines it still rejects (and gives a
bodiless header a ``pass``) until the rest parses, so a single broken line does
not hide the dangerous call three lines below it.  What it sets aside (the
lines it blanks, the replacement fields of one f-string past
:data:`MAX_FIELDS`) is kept (:attr:`PythonView.unread`), so the engine can
tell when a finding could hide there (``not_analysed`` in the docs).
"""

from __future__ import annotations

import ast
import operator
import re
import warnings
from itertools import islice
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Iterator, Mapping, Optional

from .lazy import lazy_property

MAX_REPAIRS = 40
# Replacement fields of one f-string handed to the parser: CPython 3.11 reads each field in time that
# grows with the literal (100,000 fields in one literal took 27 s); the fields after these are read as text.
MAX_FIELDS = 1_000
# A placeholder in operand position on a line Python rejects: ``<your-url>``, ``<path to file>``,
# ``$URL``, ``${URL}``.  Read as a name of the same length, so lines and columns stay where they are.
PLACEHOLDER = re.compile(r"<[A-Za-z][\w .:/-]*>|\$\{[A-Za-z_]\w*\}|\$[A-Za-z_]\w*")
NOT_NAME = re.compile(r"\W")
# Python 2 statements: ``print x`` (Python 3 says "Missing parentheses"), ``except E, e:``.
PRINT_STATEMENT = re.compile(r"^(\s*print)\s(?=\s*[^\s=(.,)])")
NEVER_CLOSED = re.compile(r"'([(\[{])' was never closed")
MISMATCHED_CLOSER = re.compile(r"closing parenthesis '(.)' does not match opening parenthesis '(.)'")
CLOSER_OF = {"(": ")", "[": "]", "{": "}"}
EXCEPT_COMMA = re.compile(r"^(\s*)except\s+([^,:#]+),\s*([A-Za-z_]\w*)\s*:\s*(#.*)?$")
# What may come right before a placeholder: an opening bracket, a comma, an operator, a keyword, the start,
# or a dot (``obj.<TAB>``, ``client.<method>``: an attribute).
OPERAND_BEFORE = re.compile(
    r"(?:^|[(\[{,=:+\-*/%&|^~@.]|\b(?:return|in|and|or|not|is|yield|await|lambda|if|else|assert|del))\s*$")
# Literals and comments of one line (a literal may be unterminated): placeholders are looked for between them.
LINE_PIECES = re.compile(r"""#.*|[A-Za-z]{0,2}(?:'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?)""")
# The start of a string literal (with its prefix) or of a comment, which may hold quotes.
LITERAL_START = re.compile(r"""#|(?<![A-Za-z0-9_])([A-Za-z]{0,2})('''|\"\"\"|'|")""")
LITERAL_END = {
    "'": re.compile(r"(?:[^'\\\n]|\\.)*'", re.DOTALL), '"': re.compile(r'(?:[^"\\\n]|\\.)*"', re.DOTALL),
    "'''": re.compile(r"(?:[^'\\]|\\.|'(?!''))*'''", re.DOTALL),
    '"""': re.compile(r'(?:[^"\\]|\\.|"(?!""))*"""', re.DOTALL),
}
FIELD_STOP = re.compile(r"[\\{]")  # in an f-string's body: an escape or a field's start
FIELD_INSIDE = re.compile(r"""[{}'"]""")  # in a field: nesting and the quotes of a literal inside it
QUOTE_STOP = {"'": re.compile("'"), '"': re.compile('"')}
BRACES_BLANKED = str.maketrans("{}", "  ")
STRING_METHODS = frozenset({"format", "join", "strip", "lstrip", "rstrip", "lower", "upper", "replace", "split"})
HEADER_END = re.compile(r":\s*(#.*)?$")
HEADER_LINE = re.compile(r"on line (\d+)")
# Fields that hold a name, a number or a string, or one of the context and operator singletons the
# parser shares between all nodes (``Load()``, ``Add()``, ``Eq()``): the view's walk does not enter them.
LEAF_FIELDS = frozenset({"id", "attr", "arg", "asname", "module", "level", "type_comment", "conversion", "is_async",
                         "kwd_attrs", "rest", "tag", "kind", "ctx", "op", "ops"})
SINGLETON_BASES = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)


def _node_classes(base: type) -> Iterator[type]:
    kind: type
    for kind in base.__subclasses__():
        yield kind
        yield from _node_classes(kind)


def _child_fields(kind: type) -> tuple[str, ...]:
    return tuple(name for name in getattr(kind, "_fields", ()) if name not in LEAF_FIELDS)


# For each node type, the fields that may hold child nodes, in ``_fields`` order.
CHILD_FIELDS: Mapping[type, tuple[str, ...]] = MappingProxyType(
    {kind: _child_fields(kind) for kind in _node_classes(ast.AST)})


def _child_values(fields: tuple[str, ...]) -> Callable[[ast.AST], tuple[Any, ...]]:
    """A function giving a node's values of ``fields``, in order, in one call."""
    if not fields:
        return lambda node: ()
    if len(fields) == 1:
        one = operator.attrgetter(fields[0])
        return lambda node: (one(node),)
    return operator.attrgetter(*fields)


CHILD_VALUES: Mapping[type, Callable[[ast.AST], tuple[Any, ...]]] = MappingProxyType(
    {kind: _child_values(fields) for kind, fields in CHILD_FIELDS.items()})
# The node types without child fields (``Name``, ``Constant``: a third of a tree's nodes): the index's
# walk records them without calling a getter.
LEAF_KINDS = frozenset(kind for kind, fields in CHILD_FIELDS.items() if not fields)
SINGLETON_KINDS = frozenset(kind for base in SINGLETON_BASES for kind in (base, *_node_classes(base)))
# Control characters but the line break: a literal holding one has an unprintable value.
CONTROL_BYTES = bytes([*range(0x00, 0x0a), *range(0x0b, 0x20), 0x7f])
# A source read as comments, string literals and the runs of other characters between them:
# it matches only when every literal's value is its text as written and on one line, but for
# the escapes of :data:`WRITTEN_ESCAPE` (the only backslashes it lets through outside comments).
# So no literal is followed by another across blanks and comments (implicit concatenation joins
# them), and none is a triple-quoted literal over several lines.  In one
# that follows an f or a t (an f- or t-string, or a word such as ``if``) a brace may only open
# a replacement field without braces, quotes, line breaks or ``=``, closed on the same line: then
# each value the literal gives (the text between fields, a format spec) is written as it is
# (a doubled brace ``{{`` is ``{``, a quote would start a literal of the field's own, and
# ``{x=}`` puts ``x=`` into the value).
# A quote that starts no literal the pattern knows (a line break in a replacement field) fails it.
#
# At any position at most one of the pieces below can match, and each matches in one way only
# (a run or a comment to its end, a literal to its closing quote, ``""`` never the start of
# ``"""``): a source is read in one way, so a failure costs no backtracking over the ways
# to read what came before, and the time stays linear.
WRITTEN_CODE = r"""[^'"\#\\]+ (?![^'"\#\\])"""
WRITTEN_COMMENT = r"""\#[^\n]* (?![^\n])"""
# The escapes a literal may hold and still count as written: each decodes to a line break or a
# tab, which no trigger holds, so a trigger found in the value lies between them, in text written
# as it is (the joined triggers read letters and digits only: see
# :attr:`PythonView.source_without_escapes`).  Not ``\\``: a backslash before an escaped line
# break is a line join to the trigger search, which would join the text around it in the value.
# In a raw literal both are written as they are (a backslash and a letter).
WRITTEN_ESCAPE = r"\\[nt]"
SIMPLE_ESCAPE = re.compile(WRITTEN_ESCAPE)


def _literal(never: str, field: str = "") -> str:
    """Any one-line literal whose text holds none of ``never`` but in a ``field``, and no
    backslash but in the escapes of :data:`WRITTEN_ESCAPE`."""
    plain2, plain1 = f'[^"\\n\\\\{never}]', f"[^'\\n\\\\{never}]"
    # Text without fields: runs of plain characters between escapes (unrolled: the runs go at C speed).
    other2, other1 = f"{plain2}*(?:{WRITTEN_ESCAPE}{plain2}*)*", f"{plain1}*(?:{WRITTEN_ESCAPE}{plain1}*)*"
    # A run of the text between the quotes (with fields: one field at a time, so it reads one way).
    run2, run1 = (f"{other2}(?:{field}{other2})*", f"{other1}(?:{field}{other1})*") if field else (other2, other1)
    return (f'(?: "{{3}} {run2} (?:"(?!""){run2})* "{{3}} | "(?!""){run2}"'
            f" | '{{3}} {run1} (?:'(?!''){run1})* '{{3}} | '(?!''){run1}' )")


# A replacement field without braces, quotes, line breaks or ``=`` (``{x=}`` writes ``x=`` into the value).
WRITTEN_FIELD = r"""\{[^{}'"\n=\\]*\}"""
WRITTEN_LITERAL = r"(?<![fFtT]) (?<![fFtT][rR])" + _literal("")
WRITTEN_FORMATTED = r"(?: (?<=[fFtT]) | (?<=[fFtT][rR]) )" + _literal("{}", WRITTEN_FIELD)
WRITTEN_PIECES = (WRITTEN_CODE, WRITTEN_COMMENT, WRITTEN_LITERAL, WRITTEN_FORMATTED)
# After a literal: no other literal (or a word of up to two letters and a quote) across blanks and comments.
WRITTEN_NOT_JOINED = r"""(?! (?:[ \t\r\n\f] | \#[^\n]*(?![^\n]))* [A-Za-z]{0,2}["'] )"""
WRITTEN = re.compile(f"(?: {WRITTEN_CODE} | {WRITTEN_COMMENT} | (?: {WRITTEN_LITERAL} | {WRITTEN_FORMATTED} )"
                     f" {WRITTEN_NOT_JOINED} )*", re.VERBOSE)


# A line whose last token is a literal (before a comment), and a line after the first whose first
# token is a literal (a prefix of up to two letters counted: ``rb"..."``; ``if"x"`` too, which only
# errs on the safe side).
LINE_ENDS_IN_LITERAL = re.compile(r"""["'] *(?:\#[^\n]*)?$""", re.MULTILINE)
NEXT_LINE_STARTS_WITH_LITERAL = re.compile(r"""\n *[A-Za-z]{0,2}["']""")


def values_as_written(source: str) -> bool:
    """True when every value the parse of ``source`` can give a string or bytes literal is
    written, as it is, between the quotes of one literal on one line of ``source``, but for
    the escapes ``\\n`` and ``\\t`` (so a trigger found in a value is found in the block's
    text, and a joined trigger in the block's text or :func:`without_escapes`), told without
    parsing.

    That holds when the source is ASCII without control characters but line breaks, reads as
    :data:`WRITTEN` (no backslash outside literals and comments, so no line joins; none in a
    literal but those escapes; no implicit concatenation, no literal over several lines, no f-
    or t-string with a brace), and no line ending in a literal comes before a line starting
    with one: the tolerant parse sets whole lines aside, and only the lines between two such
    could bring two literals together.  A value with an escaped line break or tab also comes as
    its ``repr``, which the trigger search reads as it reads the literal: quotes and
    backslashes removed, ``\\n`` an ``n``.  No trigger holds a line break or a tab, so one
    found in a value lies between them: in text written as it is.
    Conservative: ``if"{x}"`` counts as an f-string, ``"x" or"y"`` as concatenation; any
    doubt computes the values.
    """
    if not source.isascii() or len(source.encode("ascii").translate(None, CONTROL_BYTES)) < len(source):
        return False
    if WRITTEN.fullmatch(source) is None:
        return False
    if NEXT_LINE_STARTS_WITH_LITERAL.search(source) is None:  # (most blocks: one quick search)
        return True
    ending = LINE_ENDS_IN_LITERAL.search(source)
    return ending is None or NEXT_LINE_STARTS_WITH_LITERAL.search(source, ending.end()) is None


def without_escapes(source: str) -> Optional[str]:
    """``source`` with its escapes ``\\n`` and ``\\t`` removed, or ``None`` when it holds no
    backslash.  When :func:`values_as_written`, each value's letters and digits, in order, are
    those of a literal of this text (or of ``source``, for a raw literal): what
    :attr:`~docsec.languages.Views.joined_trigger_text` reads instead of the values."""
    if "\\" not in source:
        return None
    return SIMPLE_ESCAPE.sub("", source)


@dataclass(frozen=True)
class ParseResult:
    tree: Optional[ast.Module]
    dropped_lines: tuple[int, ...] = ()
    # Lines whose indentation was reduced to fit the fragment, line -> columns removed.
    shifted: dict[int, int] = field(default_factory=dict)
    # Text read as text, not code, by line: replacement fields past MAX_FIELDS (the dropped lines aside).
    unread: dict[int, str] = field(default_factory=dict)
    rewritten: tuple[int, ...] = ()  # lines read after a rewrite of the same length (see rewrite_line)

    @property
    def complete(self) -> bool:
        return self.tree is not None and not self.dropped_lines and not self.unread


def parse_quietly(source: str, mode: str = "exec") -> Any:
    """``ast.parse`` without the parser's own warnings.

    ``"a\\.b"`` warns (``SyntaxWarning`` on Python 3.12+): printed, that is
    noise about someone else's code; under ``-W error`` it is a
    ``SyntaxError`` that would blank the line and hide its finding.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(source, mode=mode)


def parse_tolerant(source: str) -> ParseResult:
    source, unread = bound_fields(source)
    lines: Optional[list[str]] = None  # split into lines at the first repair
    dropped: list[int] = []
    shifted: dict[int, int] = {}
    rewritten_lines: list[int] = []
    named: list[int] = []  # lines whose placeholders were read as names before the repairs line by line
    for _ in range(min(MAX_REPAIRS, source.count("\n") + 2)):  # one more than the lines
        try:
            tree = parse_quietly(source if lines is None else "\n".join(lines))
            return ParseResult(tree, tuple(dropped), shifted, unread, _merged(named, rewritten_lines))
        except SyntaxError as error:
            if lines is None:
                lines = source.split("\n")
                named = _placeholders_everywhere(source, lines)
                if named:
                    continue  # (one parse more, however many lines had placeholders)
            if not _repair(lines, error, dropped, shifted, rewritten_lines):
                break
        except RecursionError:  # an expression nested or chained deeper than the parser builds
            if lines is None:
                lines = source.split("\n")
            if not _drop_heaviest(lines, dropped):
                break
        except (ValueError, MemoryError):
            break
    return ParseResult(None, tuple(dropped), shifted, unread, _merged(named, rewritten_lines))


def _merged(*numbers: list[int]) -> tuple[int, ...]:
    return tuple(sorted(number for number in set().union(*numbers) if number > 0))


def _placeholders_everywhere(source: str, lines: list[str]) -> list[int]:
    """Read the placeholders of every line as names (in place), but for lines inside a literal that spans
    lines; the numbers of the lines changed.  A placeholder in operand position (``<url>``, ``$URL``) is never
    valid Python, so no line that parsed changes meaning: this spares one repair, and one parse, per line
    that holds one (a block of fifty such lines would otherwise run out of repairs)."""
    if "<" not in source and "$" not in source:
        return []
    inside = _lines_inside_literals(source)
    changed = []
    for index, line in enumerate(lines):
        if index + 1 not in inside and ("<" in line or "$" in line):
            text = placeholders_as_names(line)
            if text != line:
                lines[index] = text
                changed.append(index + 1)
    return changed


def _lines_inside_literals(source: str) -> set[int]:
    """Lines after the first of each literal (or comment-free string) that spans lines."""
    inside: set[int] = set()
    position, line = 0, 1  # ``line`` is the line of ``position``
    while True:
        start = LITERAL_START.search(source, position)
        if start is None:
            return inside
        if start.group() == "#":
            end = source.find("\n", start.end())
            if end < 0:
                return inside
            line += source.count("\n", position, end)
            position = end
            continue
        closing = LITERAL_END[start.group(2)].match(source, start.end())
        end = closing.end() if closing is not None else len(source)
        first = line + source.count("\n", position, start.start())
        spans = source.count("\n", start.start(), end)
        inside.update(range(first + 1, first + spans + 1))
        if closing is None:
            return inside
        line, position = first + spans, end


def _repair(lines: list[str], error: SyntaxError, dropped: list[int], shifted: Optional[dict[int, int]] = None,
            rewritten_lines: Optional[list[int]] = None) -> bool:
    number = error.lineno or 0
    if not 1 <= number <= len(lines):
        return _close_unterminated(lines, dropped)
    message = error.msg or ""
    if shifted is not None and ("unexpected indent" in message or "unindent does not match" in message):
        if _shift_left(lines, number, shifted, outdent="unindent" in message):
            return True
    if "expected an indented block" in message:
        on_line = HEADER_LINE.search(message)  # "... after 'if' statement on line 3"
        header = _header_end(lines, int(on_line.group(1)), number) if on_line else None
        header = header or _header_before(lines, number)
        if header is not None:
            lines[header - 1] = lines[header - 1].rstrip() + " pass"
            return True
    never_closed = NEVER_CLOSED.match(message)
    if never_closed and rewritten_lines is not None and -number not in rewritten_lines:
        rewritten_lines.append(-number)  # (once per opening bracket's line; negative: not a line rewritten)
        if _close_at_the_end(lines, number, CLOSER_OF[never_closed.group(1)]):
            return True
    end = getattr(error, "end_lineno", None) or number
    if "forgot a comma" in message and end > number and 1 <= end - 1 <= len(lines):
        before = lines[end - 2].rstrip()  # the item before the one the comma should separate it from
        if before and not before.endswith((",", "(", "[", "{", "\\")) and "#" not in before:
            lines[end - 2] = before + ","  # (columns of everything else are kept)
            if rewritten_lines is not None:
                rewritten_lines.append(end - 1)
            return True
    decorator = _bare_decorator(lines, number)
    if decorator is not None and rewritten_lines is not None and decorator not in rewritten_lines:
        rewritten_lines.append(decorator)  # a decorator with nothing after it: read as the call it makes
        lines[decorator - 1] = lines[decorator - 1].replace("@", " ", 1)
        return True
    if not lines[number - 1].strip():
        return _close_unterminated(lines, dropped)
    if rewritten_lines is not None and number not in rewritten_lines:
        rewritten_lines.append(number)  # once per line: if it still fails, it is blanked the next time
        text = rewrite_line(lines[number - 1], message, error.offset)
        if text != lines[number - 1]:
            lines[number - 1] = text
            return True
        rewritten_lines.pop()
    lines[number - 1] = ""
    dropped.append(number)
    return True


def rewrite_line(line: str, message: str, offset: Optional[int]) -> str:
    """A line Python rejects, rewritten to the same length so that it reads as what it shows: placeholders
    as names, a Python 2 ``print x`` as the expression printed (``print,x``), ``except E, e:`` as
    ``except(E,e):``, a stray closing bracket (``f(x))``) blanked, a closing bracket that does not match
    its opening one (``[1, 2)``) made to match."""
    text = placeholders_as_names(line)
    if "parentheses in call to 'print'" in message:
        text = PRINT_STATEMENT.sub(r"\1,", text, count=1)
    elif message.startswith("unmatched ") and offset and 0 < offset <= len(text) and text[offset - 1] in ")]}":
        text = text[:offset - 1] + " " + text[offset:]
    elif (mismatch := MISMATCHED_CLOSER.match(message)) and offset and 0 < offset <= len(text) \
            and text[offset - 1] == mismatch.group(1):
        text = text[:offset - 1] + CLOSER_OF[mismatch.group(2)] + text[offset:]  # ``[1, 2)``: ``[1, 2]``
    else:
        old_except = EXCEPT_COMMA.match(text)
        if old_except is not None:
            indent, types, name, comment = old_except.groups()
            shorter = f"{indent}except({types.strip()},{name}):"
            text = shorter + " " * (len(text) - len(shorter) - len(comment or "")) + (comment or "")
    return text


def placeholders_as_names(line: str) -> str:
    """``line`` with each placeholder in operand position outside literals and comments (``<your-url>``,
    ``$URL``) written as a name of the same length (``_your_url_``, ``_URL``)."""
    if "<" not in line and "$" not in line:
        return line
    pieces: list[str] = []
    position = 0
    for literal in LINE_PIECES.finditer(line):
        pieces.append(_names_in(line[position:literal.start()], "".join(pieces)))
        pieces.append(literal.group())
        position = literal.end()
    pieces.append(_names_in(line[position:], "".join(pieces)))
    return "".join(pieces)


def _names_in(code: str, before: str) -> str:
    if "<" not in code and "$" not in code:
        return code

    def name(match: re.Match[str]) -> str:
        if not OPERAND_BEFORE.search(before + code[:match.start()]):
            return match.group()  # ``a <b> c`` compares
        return NOT_NAME.sub("_", match.group())
    return PLACEHOLDER.sub(name, code)


def _drop_heaviest(lines: list[str], dropped: list[int]) -> bool:
    """Blank the line with the most operators and brackets, where an expression too deep to build is."""
    weights = [sum(map(line.count, "()[]{}+-*/%&|^<>,.@")) for line in lines]
    heaviest = max(range(len(lines)), key=weights.__getitem__, default=None)
    if heaviest is None or not lines[heaviest].strip():
        return False
    lines[heaviest] = ""
    dropped.append(heaviest + 1)
    return True


def bound_fields(source: str) -> tuple[str, dict[int, str]]:
    """``source`` with the rest of each f-string after its first :data:`MAX_FIELDS` replacement fields read
    as text (its braces blanked), and that text, by line.  A source with fewer braces than that is
    returned as it is."""
    if source.count("{") <= MAX_FIELDS:
        return source, {}
    pieces: list[str] = []  # the source up to ``done``, then the rest
    unread: dict[int, str] = {}
    done = 0
    for start, end, raw in _formatted_literals(source):
        past = next(islice(_fields(source, start, end, raw), MAX_FIELDS, None), None)
        if past is None:
            continue
        rest = source[past[0]:end]
        unread[source.count("\n", 0, past[0]) + 1] = rest
        pieces += [source[done:past[0]], rest.translate(BRACES_BLANKED)]
        done = end
    if not pieces:
        return source, {}
    return "".join([*pieces, source[done:]]), unread


def _formatted_literals(source: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, raw) of the body of each f- or t-string of ``source``, literals read the way the
    tokenizer reads them (a literal that does not close ends the search)."""
    position = 0
    while True:
        start = LITERAL_START.search(source, position)
        if start is None:
            return
        if start.group() == "#":
            end = source.find("\n", start.end())
            if end < 0:
                return
            position = end
            continue
        prefix, quote = start.group(1).lower(), start.group(2)
        closing = LITERAL_END[quote].match(source, start.end())
        if closing is None:
            return
        if "f" in prefix or "t" in prefix:
            yield start.end(), closing.end() - len(quote), "r" in prefix
        position = closing.end()


def _fields(source: str, start: int, end: int, raw: bool) -> Iterator[tuple[int, int]]:
    """(first, last) offsets of each top-level replacement field of an f-string's body."""
    index = start
    while index < end:
        found = FIELD_STOP.search(source, index, end)
        if found is None:
            return
        index, char = found.start(), found.group()
        if char == "\\":
            if not raw and source.startswith("N{", index + 1):
                close = source.find("}", index, end)
                index = end if close < 0 else close + 1
            else:
                index += 2
        elif source.startswith("{", index + 1):  # ``{{``
            index += 2
        else:
            close = _field_end(source, index + 1, end)
            yield index, close
            index = close


def _field_end(source: str, index: int, end: int) -> int:
    """The offset after the ``}`` that closes a field whose ``{`` is just before ``index``."""
    depth, quote = 1, ""
    while index < end:
        found = (QUOTE_STOP[quote] if quote else FIELD_INSIDE).search(source, index, end)
        if found is None:
            return end
        index, char = found.end(), found.group()
        if quote:
            quote = ""
        elif char in "'\"":
            quote = char
        elif char == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return index
    return end


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _shift_left(lines: list[str], number: int, shifted: dict[int, int], outdent: bool) -> bool:
    """Re-indent a fragment cut out of a deeper block, keeping every line in place.

    ``unexpected indent``: line ``number`` and the lines below it at least as
    deep move left to the previous statement's level.  ``unindent does not
    match``: they move to the nearest shallower level seen above.
    """
    line = lines[number - 1]
    depth = _indent(line)
    above = [_indent(text) for text in lines[: number - 1] if text.strip() and not text.lstrip().startswith("#")]
    if outdent:
        levels = [level for level in above if level < depth]
        target = max(levels, default=0)
    else:
        target = above[-1] if above else 0
    if not line.strip() or target >= depth:
        return False
    delta = depth - target
    for index in range(number - 1, len(lines)):
        text = lines[index]
        if text.strip() and _indent(text) < depth:
            break
        if text.strip():
            lines[index] = text[delta:]
            shifted[index + 1] = shifted.get(index + 1, 0) + delta
    return True


def _close_at_the_end(lines: list[str], number: int, closer: str) -> bool:
    """Close a bracket that line ``number`` left open at the end of its statement (before a comment): a call
    written over several lines whose last ``)`` the page forgot.  The statement runs on while lines are
    blank, deeper than line ``number``, or start with a closing bracket; nothing before the new one moves."""
    depth = _indent(lines[number - 1])
    last = number - 1
    for index in range(number, len(lines)):
        text = lines[index]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if _indent(text) > depth or text.lstrip()[0] in ")]}":
            last = index
            continue
        break
    line = lines[last]
    comment = next((piece.start() for piece in LINE_PIECES.finditer(line) if piece.group().startswith("#")),
                   len(line))
    code = line[:comment].rstrip()
    if not code.strip():
        return False
    lines[last] = code + closer + line[len(code):]
    return True


def _header_end(lines: list[str], start: int, number: int) -> Optional[int]:
    """The line that ends a header starting on line ``start`` (``with f(a,`` ... ``b):``), up to ``number``."""
    for candidate in range(start, min(number, len(lines)) + 1):
        if HEADER_END.search(lines[candidate - 1]):
            return candidate
    return None


def _bare_decorator(lines: list[str], number: int) -> Optional[int]:
    """The decorator line right before line ``number`` (comments and blank lines between), when line
    ``number`` cannot be what it decorates (the error is there, or the block ends)."""
    for candidate in range(min(number, len(lines) + 1) - 1, 0, -1):
        text = lines[candidate - 1].strip()
        if text and not text.startswith("#"):
            return candidate if text.startswith("@") else None
    return None


def _header_before(lines: list[str], number: int) -> Optional[int]:
    for candidate in range(number - 1, 0, -1):
        text = lines[candidate - 1]
        if text.strip():
            return candidate if HEADER_END.search(text) else None
    return None


def _close_unterminated(lines: list[str], dropped: list[int]) -> bool:
    """Blank the last non-empty line, the usual place of an unclosed bracket."""
    for number in range(len(lines), 0, -1):
        if lines[number - 1].strip():
            lines[number - 1] = ""
            dropped.append(number)
            return True
    return False


@dataclass(frozen=True)
class Call:
    node: ast.Call
    name: str  # resolved dotted name, e.g. "subprocess.run" or "requests.Session().get"

    @property
    def line(self) -> int:
        return self.node.lineno

    @lazy_property  # frozen dataclass: lazy_property writes __dict__ directly
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def written(self) -> str:
        """The callee as the snippet writes it, e.g. ``app.run``."""
        return ast.unparse(self.node.func)

    def keyword(self, name: str) -> Optional[ast.expr]:
        for keyword in self.node.keywords:
            if keyword.arg == name:
                return keyword.value
        return None

    def argument(self, position: int, name: str = "") -> Optional[ast.expr]:
        positional = [arg for arg in self.node.args if not isinstance(arg, ast.Starred)]
        if len(positional) > position and len(positional) == len(self.node.args[: len(positional)]):
            return self.node.args[position]
        return self.keyword(name) if name else None


@dataclass
class PythonView:
    """A parsed Python block with the queries rules need, computed once."""

    source: str
    tree: ast.Module
    lines: list[str]
    complete: bool = True
    dropped: int = 0  # lines the tolerant parse had to set aside
    column_offsets: dict[int, int] = field(default_factory=dict)
    # What the parse did not read as code, by line: the lines it set aside, fields read as text.
    unread: dict[int, str] = field(default_factory=dict)

    @lazy_property
    def aliases(self) -> dict[str, str]:
        aliases: dict[str, str] = {}
        for node in self.nodes_of(ast.Import, ast.ImportFrom):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        aliases.setdefault(top, top)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    if alias.name != "*":
                        aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for name, default in self._name_defaults(aliases).items():
            aliases.setdefault(name, default)
        return aliases

    def _name_defaults(self, imports: dict[str, str]) -> dict[str, str]:
        """Parameters whose default is a class or function named in the block (``server_class=HTTPServer``,
        ``loader=yaml.Loader``) -> that name resolved through the imports: a call of the parameter calls the
        default as far as the example shows."""
        found: dict[str, str] = {}
        for parameter, default in self.parameter_defaults.items():
            parts: list[str] = []
            node: ast.AST = default
            while isinstance(node, ast.Attribute):
                parts.append(node.attr)
                node = node.value
            if isinstance(node, ast.Name) and node.id not in ("None", "True", "False", "self", "cls"):
                parts.append(imports.get(node.id, node.id))
                found[parameter] = ".".join(reversed(parts))
        return found

    @lazy_property
    def parameter_defaults(self) -> dict[str, ast.expr]:
        """Parameter name -> its default, for the functions of the block (a name two functions give different
        defaults is left out: which one a use means is not told)."""
        found: dict[str, ast.expr] = {}
        clashing: set[str] = set()
        for function in self.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
            arguments: ast.arguments = function.args  # type: ignore[attr-defined]
            positional = [*arguments.posonlyargs, *arguments.args]
            pairs = [*zip(positional[len(positional) - len(arguments.defaults):], arguments.defaults),
                     *((a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None)]
            for argument, default in pairs:
                known = found.get(argument.arg)
                if known is not None and ast.unparse(known) != ast.unparse(default):
                    clashing.add(argument.arg)
                found[argument.arg] = default
        return {name: default for name, default in found.items() if name not in clashing}

    @lazy_property
    def nodes(self) -> list[ast.AST]:
        """Every node in :func:`ast.walk` order (breadth first), without the context and
        operator singletons (``Load()``, ``Add()``...) the parser shares between nodes."""
        return self._index[0]

    @lazy_property
    def parents(self) -> dict[ast.AST, ast.AST]:
        """Each node's parent (the last one :func:`ast.walk` reaches it from); the shared
        context and operator singletons have none.  Asked for by few checks, and only
        when they have a candidate, so not built by the index's walk."""
        parents: dict[ast.AST, ast.AST] = {}
        AST = ast.AST
        for node in self.nodes:
            for child in _child_values_of(node):
                if type(child) is list:
                    for item in child:
                        if isinstance(item, AST):
                            parents[item] = node
                elif isinstance(child, AST):
                    parents[child] = node
        return parents

    @lazy_property
    def _index(self) -> tuple[list[ast.AST], dict[type, list[int]]]:
        """One walk of the tree: the nodes in :func:`ast.walk` order and, for each node
        type, the positions of its nodes, so queries cost O(matches)."""
        nodes: list[ast.AST] = [self.tree]
        by_type: dict[type, list[int]] = {}
        append, AST, values_of, leaves = nodes.append, ast.AST, CHILD_VALUES.get, LEAF_KINDS
        for position, node in enumerate(nodes):  # the list grows as the walk goes: breadth first
            kind = type(node)
            positions = by_type.get(kind)
            if positions is None:
                by_type[kind] = [position]
            else:
                positions.append(position)
            if kind in leaves:
                continue
            values = values_of(kind)
            try:
                children = values(node) if values is not None else _field_values(node)
            except AttributeError:  # a node without one of its fields (built by hand, not parsed)
                children = _field_values(node)
            for child in children:
                if type(child) is list:
                    for item in child:
                        if isinstance(item, AST):
                            append(item)
                elif isinstance(child, AST):
                    append(child)
        return nodes, by_type

    def nodes_of(self, *kinds: type) -> list[ast.AST]:
        """The nodes of exactly these types (``ast.Call``, ``ast.Assign``...), in walk order."""
        nodes, by_type = self._index
        if not SINGLETON_KINDS.isdisjoint(kinds):  # not in the index: walk for them
            return [node for node in ast.walk(self.tree) if type(node) in kinds]
        found = [positions for positions in map(by_type.get, kinds) if positions]
        if len(found) > 1:  # several types: merge their positions back into walk order
            return [nodes[i] for i in sorted(i for positions in found for i in positions)]
        return [nodes[i] for i in found[0]] if found else []

    @lazy_property
    def string_values(self) -> list[str]:
        """The values of the string and bytes literals (bytes read as Latin-1): what a check
        reads from a string, implicit concatenation joined and escapes decoded.  A string with
        an unprintable character also comes as its ``repr``, as a subscript's name shows it
        (``d["\\token"]``)."""
        values = []
        for node in self.nodes_of(ast.Constant):
            value = node.value  # type: ignore[attr-defined]
            if isinstance(value, str):
                values.append(value)
                if not value.isprintable():
                    values.append(repr(value))
            elif isinstance(value, bytes):
                values.append(value.decode("latin-1"))
        return values

    @lazy_property
    def values_as_written(self) -> bool:
        """:func:`values_as_written` of :attr:`source`: whether every value :attr:`string_values`
        would give is written, as it is, in one literal of :attr:`source`."""
        return values_as_written(self.source)

    @lazy_property
    def source_without_escapes(self) -> Optional[str]:
        """:func:`without_escapes` of :attr:`source`."""
        return without_escapes(self.source)

    @lazy_property
    def calls(self) -> list[Call]:
        found = []
        for node in self.nodes_of(ast.Call):
            name = self.qualname(node.func)  # type: ignore[attr-defined]
            if name:
                found.append(Call(node, name))  # type: ignore[arg-type]
        return found

    @lazy_property
    def _call_by_node(self) -> dict[ast.Call, Call]:
        return {call.node: call for call in self.calls}

    def call_of(self, node: ast.Call) -> Optional[Call]:
        """The :class:`Call` for a call node, or ``None`` when its callee has no name (``f()()``, ``x[0]()``)."""
        return self._call_by_node.get(node)

    @lazy_property
    def _calls_by_short(self) -> dict[str, list[int]]:
        found: dict[str, list[int]] = {}
        for position, call in enumerate(self.calls):
            found.setdefault(call.short, []).append(position)
        return found

    def calls_named(self, *shorts: str) -> list[Call]:
        """Calls whose resolved name ends in one of ``shorts`` (``"loads"`` for ``pickle.loads``), in order."""
        calls, index = self.calls, self._calls_by_short
        if len(shorts) == 1:
            return [calls[i] for i in index.get(shorts[0], ())]
        named = index.keys() & shorts  # one C-level pass over the names; usually empty
        if not named:
            return []
        positions = sorted(i for short in named for i in index[short])
        return [calls[i] for i in positions]

    @lazy_property
    def assignments(self) -> dict[str, list[ast.expr]]:
        """Every value assigned to a plain name or ``obj.attr`` target."""
        assigned: dict[str, list[ast.expr]] = {}
        for node in self.nodes_of(ast.Assign, ast.AnnAssign, ast.AugAssign, ast.NamedExpr, ast.For, ast.AsyncFor,
                                  ast.With, ast.AsyncWith, ast.arguments):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._record(assigned, target, node.value)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                value = node.value if isinstance(node, ast.AnnAssign) else node
                self._record(assigned, node.target, value)  # type: ignore[arg-type]
            elif isinstance(node, ast.NamedExpr):
                self._record(assigned, node.target, node.value)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.arguments)):
                for bound in _bound_names(node):
                    assigned.setdefault(bound, []).append(node)  # type: ignore[arg-type]
        return assigned

    def assigned_where_read(self, name: ast.Name) -> list[ast.expr]:
        """The values assigned to ``name`` that it may hold where it is read: those of its own
        function, or of module level when the function assigns it none (another view's
        ``next_url`` is not this one's).  A snippet's functions are read as its reader would."""
        values = [value for value in self.assignments.get(name.id, []) if isinstance(value, ast.expr)]
        if len(values) < 2 and not any(self.function_of(value) for value in values):
            return values  # (one value, or module level only: nothing to tell apart)
        scope = self.function_of(name)
        sharing = self._declaring_global(name.id)  # functions that assign the module's variable (``global name``)
        local = [value for value in values if self.function_of(value) is scope and scope not in sharing]
        return local or [value for value in values if self.function_of(value) is None
                         or self.function_of(value) in sharing]

    def _declaring_global(self, name: str) -> set[Optional[ast.AST]]:
        """The functions of the block with a ``global name`` statement: what they assign, every function reads
        (a value one view stores, another renders)."""
        found: set[Optional[ast.AST]] = set()
        for statement in self.nodes_of(ast.Global):
            if name in statement.names:  # type: ignore[attr-defined]
                found.add(self.function_of(statement))
        return found

    def function_of(self, node: ast.AST) -> Optional[ast.AST]:
        """The function or lambda ``node`` is in, or ``None`` at module level."""
        parents = self.parents
        current = parents.get(node)
        while current is not None and not isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            current = parents.get(current)
        return current

    def _record(self, assigned: dict[str, list[ast.expr]], target: ast.AST, value: ast.expr) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._record(assigned, element, value if not isinstance(value, (ast.Tuple, ast.List)) else ast.Constant(None))
            return
        name = self.qualname(target) if isinstance(target, (ast.Name, ast.Attribute)) else None
        if name:
            assigned.setdefault(name, []).append(value)

    def qualname(self, node: ast.AST) -> Optional[str]:
        """Dotted name of an expression with import aliases resolved."""
        if isinstance(node, ast.Name):  # the common case, as the loop below would name it
            return self.aliases.get(node.id, node.id)
        parts: list[str] = []
        while True:
            if isinstance(node, ast.Attribute):
                parts.append(node.attr)
                node = node.value
            elif isinstance(node, ast.Call):
                inner = self.qualname(node.func)
                if inner is None:
                    return None
                parts.append(inner + "()")
                break
            elif isinstance(node, ast.Name):
                parts.append(self.aliases.get(node.id, node.id))
                break
            else:
                return None
        return ".".join(reversed(parts))

    @lazy_property
    def bindings(self) -> dict[str, list[ast.expr]]:
        """The expression each plain name is bound to, ``with ... as name`` included.

        Unlike :attr:`assignments`, a ``with`` target maps to its context
        expression (``with tarfile.open(p) as tar`` binds ``tar`` to the
        ``tarfile.open(p)`` call); loop targets and parameters are left out.
        """
        bound: dict[str, list[ast.expr]] = {}
        for node in self.nodes_of(ast.Assign, ast.AnnAssign, ast.NamedExpr, ast.With, ast.AsyncWith):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        bound.setdefault(target.id, []).append(node.value)
            elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)) and node.value is not None:
                if isinstance(node.target, ast.Name):
                    bound.setdefault(node.target.id, []).append(node.value)
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if isinstance(item.optional_vars, ast.Name):
                        bound.setdefault(item.optional_vars.id, []).append(item.context_expr)
        return bound

    @lazy_property
    def defined_names(self) -> frozenset[str]:
        """Names the snippet itself binds: imports, ``def``/``class``, assignments, parameters."""
        names = set(self.aliases)
        for node in self.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
        names.update(name for name in self.assignments if "." not in name)
        return frozenset(names)

    def is_builtin_call(self, call: Call, *builtins: str) -> bool:
        """True for a call of the builtin ``name(...)`` (or ``builtins.name``), not a
        method, not an imported function and not one the snippet defines."""
        func = call.node.func
        if isinstance(func, ast.Name):
            return func.id in builtins and func.id not in self.defined_names
        return call.name in {f"builtins.{name}" for name in builtins} | {f"__builtins__.{name}" for name in builtins}

    def origin_call(self, node: Optional[ast.AST], depth: int = 0) -> Optional[ast.Call]:
        """The call whose result a name holds (``tar = tarfile.open(p)``,
        ``with ZipFile(p) as zf``), or the node itself when it is a call.

        Follows names bound to other names; ``None`` when the name is bound
        to different calls or to something else."""
        if depth > 6 or node is None:
            return None
        if isinstance(node, ast.Call):
            return node
        if isinstance(node, ast.Await):
            return self.origin_call(node.value, depth + 1)
        if isinstance(node, ast.Name) and node.id not in self.aliases:
            values = self.bindings.get(node.id, [])
            if any(isinstance(n, ast.Name) and n.id == node.id for value in values for n in ast.walk(value)):
                return None  # ``df = df.dropna()``: no single origin
            origins = [self.origin_call(value, depth + 1) for value in values]
            names = {self.resolve(origin.func, depth + 1) for origin in origins if origin is not None}
            if origins and None not in origins and len(names) == 1:
                return origins[-1]
        return None

    def resolve(self, node: Optional[ast.AST], depth: int = 0) -> Optional[str]:
        """Like :meth:`qualname`, but a variable holding a call's result is replaced
        by that call: after ``tar = tarfile.open(p)``, ``tar.extractall`` resolves
        to ``tarfile.open().extractall``."""
        if node is None or depth > 6:
            return None
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if isinstance(node, ast.Await):
            node = node.value
        if isinstance(node, ast.Call):
            inner = self.resolve(node.func, depth + 1)
            if inner is None:
                return None
            base = inner + "()"
        elif isinstance(node, ast.Name):
            origin = self.origin_call(node, depth + 1) if node.id not in self.aliases else None
            inner = self.resolve(origin.func, depth + 1) if origin is not None else None
            base = inner + "()" if inner else self.aliases.get(node.id, node.id)
        else:
            return None
        return ".".join([base, *reversed(parts)])

    def receiver(self, call: Call) -> Optional[str]:
        """The resolved object a method is called on: ``tarfile.open()`` for ``tar.extractall()``."""
        func = call.node.func
        return self.resolve(func.value) if isinstance(func, ast.Attribute) else None

    def non_constant_parts(self, node: Optional[ast.AST], depth: int = 0) -> list[ast.expr]:
        """The pieces of a built string (f-string, ``+``, ``%``, ``.format``,
        ``.join``, list of arguments) that are not fixed text in the snippet."""
        if node is None:
            return []
        if depth > 8:
            return [node]  # type: ignore[list-item]
        if self.is_constant(node):
            return []
        if isinstance(node, ast.JoinedStr):
            return [p for v in node.values for p in self.non_constant_parts(
                v.value if isinstance(v, ast.FormattedValue) else v, depth + 1)]
        if isinstance(node, ast.BinOp):
            return self.non_constant_parts(node.left, depth + 1) + self.non_constant_parts(node.right, depth + 1)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return [p for e in node.elts for p in self.non_constant_parts(e, depth + 1)]
        if isinstance(node, ast.Starred):
            return self.non_constant_parts(node.value, depth + 1)
        if isinstance(node, ast.IfExp):
            return self.non_constant_parts(node.body, depth + 1) + self.non_constant_parts(node.orelse, depth + 1)
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in STRING_METHODS and self.is_constant(node.func.value)):
            arguments = [*node.args, *(k.value for k in node.keywords)]
            return [p for a in arguments for p in self.non_constant_parts(a, depth + 1)]
        if isinstance(node, ast.Name):
            values = self.assignments.get(node.id, [])
            if len(values) == 1 and isinstance(values[0], (ast.JoinedStr, ast.BinOp, ast.List, ast.Tuple, ast.Call)):
                return self.non_constant_parts(values[0], depth + 1)
        return [node]  # type: ignore[list-item]

    def calls_to(self, *names: str) -> Iterator[Call]:
        """Calls whose resolved name is, or ends with, one of ``names``."""
        wanted = set(names)
        for call in self.calls:
            if call.name in wanted or any(call.name.endswith("." + name) for name in wanted if "." in name):
                yield call

    def is_constant(self, node: Optional[ast.AST], depth: int = 0) -> bool:
        """True when the value is fixed text in the snippet, not outside data."""
        if node is None or depth > 8:
            return False
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(self.is_constant(v.value if isinstance(v, ast.FormattedValue) else v, depth + 1) for v in node.values)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return all(self.is_constant(e, depth + 1) for e in node.elts)
        if isinstance(node, ast.BinOp):
            return self.is_constant(node.left, depth + 1) and self.is_constant(node.right, depth + 1)
        if isinstance(node, ast.IfExp):  # "cls" if os.name == "nt" else "clear"
            return self.is_constant(node.body, depth + 1) and self.is_constant(node.orelse, depth + 1)
        if isinstance(node, ast.Name):
            values = self.assignments.get(node.id, [])
            if len(values) == 1 and isinstance(values[0], (ast.For, ast.AsyncFor)):
                loop = values[0]  # ``for name in ["a", "b"]:`` binds only fixed values
                return isinstance(loop.target, ast.Name) and self.is_constant(loop.iter, depth + 1)
            # Every value the name is ever given is fixed text (``cmd = "a"`` ... ``cmd = "b"``).
            return bool(values) and all(v is not node and self.is_constant(v, depth + 1) for v in values)
        return False

    def string_value(self, node: Optional[ast.AST]) -> Optional[str]:
        """The literal string a node holds, following one-time name assignment."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            values = self.assignments.get(node.id, [])
            if len(values) == 1 and values[0] is not node:
                return self.string_value(values[0])
        return None

    def is_true(self, node: Optional[ast.AST]) -> bool:
        return isinstance(node, ast.Constant) and node.value is True

    def is_false(self, node: Optional[ast.AST]) -> bool:
        return isinstance(node, ast.Constant) and node.value is False

    def text_of(self, node: ast.AST, limit: int = 60) -> str:
        """The source of an expression for a message, shortened to ``limit`` characters."""
        text = " ".join((self._as_written(node) or ast.unparse(node)).split())
        return text if len(text) <= limit else text[: limit - 3] + "..."

    def _as_written(self, node: ast.AST) -> Optional[str]:
        """The expression's own source text (``0o777`` stays ``0o777``), if the repaired
        parse still lines up with the snippet."""
        try:
            segment = self._segment(node)
            if segment and ast.dump(parse_quietly(f"({segment})", "eval").body) == ast.dump(node):
                return segment
        except (SyntaxError, ValueError, TypeError):
            pass
        return None

    def _segment(self, node: ast.AST) -> Optional[str]:
        """Like :func:`ast.get_source_segment`, but from the split lines, so a call
        costs the length of the segment, not of the whole block."""
        start, end = getattr(node, "lineno", None), getattr(node, "end_lineno", None)
        first, last = getattr(node, "col_offset", None), getattr(node, "end_col_offset", None)
        if start is None or end is None or first is None or last is None:
            return None
        if not 1 <= start <= end <= len(self.lines):
            return None
        chunk = [line.encode("utf-8") for line in self.lines[start - 1:end]]
        if len(chunk) == 1:
            return chunk[0][first:last].decode("utf-8", "replace")
        chunk[0], chunk[-1] = chunk[0][first:], chunk[-1][:last]
        return b"\n".join(chunk).decode("utf-8", "replace")

    def line_text(self, number: int) -> str:
        return self.lines[number - 1].strip() if 1 <= number <= len(self.lines) else ""

    def column(self, node: ast.AST) -> int:
        line = getattr(node, "lineno", 1)
        return getattr(node, "col_offset", 0) + 1 + self.column_offsets.get(line, 0)


def _field_values(node: ast.AST) -> list[Any]:
    return [getattr(node, name, None) for name in _child_fields(type(node))]


def _child_values_of(node: ast.AST) -> Any:
    """The values of a node's child fields, as the index's walk reads them."""
    values = CHILD_VALUES.get(type(node))
    try:
        return values(node) if values is not None else _field_values(node)
    except AttributeError:
        return _field_values(node)


def _bound_names(node: ast.AST) -> Iterator[str]:
    targets: list[ast.AST] = []
    if isinstance(node, (ast.For, ast.AsyncFor)):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    elif isinstance(node, ast.arguments):
        return (arg.arg for arg in [*node.posonlyargs, *node.args, *node.kwonlyargs, node.vararg, node.kwarg] if arg)
    return (n.id for t in targets for n in ([t] if isinstance(t, ast.Name) else ast.walk(t)) if isinstance(n, ast.Name))


def build_python_view(text: str, column_offsets: Optional[dict[int, int]] = None) -> Optional[PythonView]:
    """The view of a fragment, or ``None`` when nothing of it parses."""
    return parsed_view(*dedented(text, column_offsets))


def dedented(text: str, column_offsets: Optional[dict[int, int]] = None) -> tuple[str, dict[int, int]]:
    """A fragment without the indentation common to its lines, and the columns each line moved."""
    text, indent = _dedent(text)
    offsets = dict(column_offsets or {})
    if indent:
        for number in range(1, text.count("\n") + 2):
            offsets[number] = offsets.get(number, 0) + indent
    return text, offsets


def parsed_view(text: str, column_offsets: dict[int, int]) -> Optional[PythonView]:
    """The view of a :func:`dedented` fragment, or ``None`` when nothing of it parses."""
    parsed = parse_tolerant(text)
    if parsed.tree is None or (parsed.dropped_lines and not parsed.tree.body):
        return None
    offsets = dict(column_offsets) if parsed.shifted else column_offsets
    for number, delta in parsed.shifted.items():
        offsets[number] = offsets.get(number, 0) + delta
    lines = text.split("\n")
    unread = dict(parsed.unread)
    for number in parsed.dropped_lines:
        unread[number] = lines[number - 1] if number <= len(lines) else ""
    return PythonView(
        source=text,
        tree=parsed.tree,
        lines=lines,
        complete=parsed.complete,
        column_offsets=offsets,
        dropped=len(parsed.dropped_lines),
        unread=unread,
    )


def _dedent(text: str) -> tuple[str, int]:
    """Remove the indentation common to every line of a fragment."""
    if text and not text[0].isspace():
        return text, 0  # the first line is not blank and not indented
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    indent = min(indents, default=0)
    if not indent:
        return text, 0
    return "\n".join(line[indent:] for line in lines), indent
