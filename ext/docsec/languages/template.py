"""Django and Jinja templates: the ``{{ ... }}`` expressions and ``{% ... %}``
tags of a block, each with the HTML context it is rendered into.

The reader is tolerant and never fails: template constructs are found first
(``{% verbatim %}``, ``{% raw %}`` and ``{% comment %}`` bodies are literal
text), masked, and a small HTML tokenizer then walks the masked text to tell,
for every expression, whether it lands in element text, in an attribute value
(which one, quoted or not, and what the value holds before it), in the raw
text of a ``<script>`` or ``<style>`` element, inside a tag outside any
value, or in an HTML comment.  ``{% autoescape off %}`` regions are tracked
so rules know where Django or Jinja stops escaping.

Security guides also show *pseudo-templates*: HTML with placeholders that
stand for a value of any engine (``<div>$varUnsafe</div>``,
``<a href="${url}">``, ERB's and JSP's ``<%= value %>``, PHP's
``<?= $value ?>``, Mustache's ``{{value}}`` and ``{{{value}}}``).  With
``dialect="pseudo"`` the same reader finds those placeholders instead of
Django's constructs and gives each the same HTML context; ``<% code %>``
scriptlets are read as tags.  ``Expression.raw`` tells a placeholder whose
engine writes it unescaped (``<%== %>``, EJS's ``<%- %>``, ``{{{ }}}``,
PHP's ``<?= ?>``, and JSP's ``<%= %>`` with ``dialect="jsp"``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from .lazy import lazy_property

# Pseudo-template placeholders: ERB/JSP/EJS tags, PHP's short echo, ``${...}``, ``$name``, Mustache.  This pattern
# states what a placeholder is; :func:`pseudo_spans` finds the same in linear time (the test suite holds them equal).
PSEUDO_CONSTRUCT = re.compile(r"<%[=\-#]*.*?%>|<\?=.*?\?>|\$\{[^{}\n]*\}|(?<![\w$\\])\$[A-Za-z_]\w*"
                              r"|\{\{\{.*?\}\}\}|\{\{.*?\}\}", re.DOTALL)
PSEUDO_OPENING = re.compile(r"<%|<\?=|\$\{|(?<![\w$\\])\$[A-Za-z_]|\{\{")
PSEUDO_CLOSING = {"<%": re.compile(r"%>"), "<?=": re.compile(r"\?>"), "{{{": re.compile(r"\}\}\}"),
                  "{{": re.compile(r"\}\}"), "${": re.compile(r"[{}\n]")}
NAME_REST = re.compile(r"\w*")
# A construct runs from its opening to the first closing of its kind (``{{ a }} }}`` ends at the first).
OPENING = re.compile(r"\{[{%#]")
CLOSING = {"{{": re.compile(r"\}\}"), "{%": re.compile(r"%\}"), "{#": re.compile(r"#\}")}
TAG_NAME = re.compile(r"</?([A-Za-z][\w:.-]*)")
ATTRIBUTE_NAME = re.compile(r"[^\s=>/\x00\"']+")
LITERAL_BODIES = {"verbatim": "endverbatim", "raw": "endraw", "comment": "endcomment"}
RAW_TEXT = frozenset({"script", "style"})
# <script type="..."> values that hold JavaScript or JSON the browser reads; others
# (text/x-template, text/html, ...) hold client-side templates.
SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module", "text/ecmascript",
                          "application/ecmascript", "application/json", "application/ld+json", "importmap"})
MASK = "\x00"
# Where the HTML reader's state can change next (a construct starts with a MASK): it skips the rest.
TEXT_STOPS = re.compile("[<\x00]")
COMMENT_STOPS = re.compile("-->|\x00")
VALUE_STOPS = {'"': re.compile('["\x00]'), "'": re.compile("['\x00]"), "": re.compile("[\\s>\x00]")}

# Contexts of an expression.
TEXT, ATTRIBUTE, SCRIPT, STYLE, TAG, COMMENT, CLIENT_TEMPLATE = (
    "text", "attribute", "script", "style", "tag", "comment", "client-template")


@dataclass(frozen=True)
class Expression:
    """One ``{{ ... }}``: its variable, its filters in order, and where it is rendered."""

    line: int
    column: int
    source: str  # the expression as written, without the braces
    variable: str  # the part before the first filter
    filters: tuple[str, ...]  # filter names (``default``, ``safe``)
    context: str  # TEXT, ATTRIBUTE, SCRIPT, STYLE, TAG, COMMENT or CLIENT_TEMPLATE
    element: str = ""  # the element the expression is in (lower case)
    attribute: str = ""  # the attribute name (lower case) in ATTRIBUTE context
    quote: str = ""  # '"', "'" or "" (unquoted) in ATTRIBUTE context
    before: str = ""  # the attribute value as written before the expression
    autoescape: bool = True  # False inside ``{% autoescape off %}``
    raw: bool = False  # a pseudo-template placeholder its engine writes unescaped (``<%== %>``, ``{{{ }}}``)
    as_written: str = ""  # a pseudo-template placeholder as written in the block

    @property
    def written(self) -> str:
        return self.as_written or "{{ " + self.source + " }}"


@dataclass(frozen=True)
class Tag:
    """One ``{% name arguments %}``."""

    line: int
    column: int
    name: str
    arguments: str
    start: int  # offset in the block text
    end: int


@dataclass(frozen=True)
class _Construct:
    start: int
    end: int
    kind: str  # "{{", "{%" or "{#"
    inner: str


class TemplateView:
    """The template constructs of a block, in document order."""

    def __init__(self, text: str, start_in_script: bool = False, dialect: str = "django", html: bool = False):
        self.text = text
        self.declared_html = html  # the block's label says it renders HTML (``html+django``, ``htmldjango``)
        # ``django`` (Django and Jinja), ``pseudo`` (placeholders of any engine) or ``jsp`` (pseudo, and
        # ``<%= %>`` writes unescaped)
        self.dialect = dialect
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.constructs = _constructs(text) if dialect == "django" else _pseudo_constructs(text)
        self.tags: list[Tag] = []
        self.expressions: list[Expression] = []
        self._read(start_in_script)

    @lazy_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @lazy_property
    def has_html(self) -> bool:
        """The block holds HTML elements (outside template constructs)."""
        return bool(re.search(r"<[A-Za-z][\w-]*[\s>/]|</[A-Za-z]", self._masked))

    @lazy_property
    def words_outside(self) -> int:
        """How many words the block writes outside its template constructs (a text e-mail writes sentences;
        a fragment of a page, often none)."""
        return len(re.findall(r"[A-Za-z]{2,}", self._masked))

    @lazy_property
    def _masked(self) -> str:
        chars = list(self.text)
        for construct in self.constructs:
            chars[construct.start:construct.end] = MASK * (construct.end - construct.start)
        return "".join(chars)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the text."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def region_end(self, tag: Tag, closing: str) -> int:
        """Offset where the region opened by ``tag`` closes (``closing``), nesting counted; else the end."""
        depth = 0
        for other in self.tags:
            if other.start <= tag.start:
                continue
            if other.name == tag.name:
                depth += 1
            elif other.name == closing:
                if depth == 0:
                    return other.start
                depth -= 1
        return len(self.text)

    def expressions_between(self, start: int, end: int) -> list[Expression]:
        return [e for e in self.expressions if start <= self._offset(e) < end]

    def _offset(self, expression: Expression) -> int:
        return self._line_starts[expression.line - 1] + expression.column - 1

    # -- reading ----------------------------------------------------------------

    def _read(self, start_in_script: bool) -> None:
        contexts = _html_contexts(self.text, self._masked, self.constructs, start_in_script)
        escaping: list[bool] = []
        for construct, context in zip(self.constructs, contexts):
            line, column = self.position(construct.start)
            if construct.kind == "{%":
                words = construct.inner.split(None, 1)
                if not words:
                    continue
                name = words[0].lower()
                arguments = words[1].strip() if len(words) > 1 else ""
                self.tags.append(Tag(line, column, name, arguments, construct.start, construct.end))
                if name == "autoescape":
                    escaping.append(arguments.lower().strip("\"'") not in ("off", "false"))
                elif name == "endautoescape" and escaping:
                    escaping.pop()
            elif construct.kind == "{{" and self.dialect != "django":
                source = self.text[construct.start:construct.end]
                opening, _ = _delimiters(source)
                self.expressions.append(Expression(
                    line, column, construct.inner, construct.inner, (), *context,
                    raw=opening in RAW_OPENINGS or (opening == "<%=" and self.dialect == "jsp"),
                    as_written=" ".join(source.split())))
            elif construct.kind == "{{":
                parts = split_filters(construct.inner)
                filters = tuple(_filter_name(part) for part in parts[1:])
                self.expressions.append(Expression(
                    line, column, construct.inner, parts[0].strip(), filters, *context,
                    autoescape=all(escaping)))


def split_filters(expression: str) -> list[str]:
    """``user.name|default:"a|b"|safe`` → ``['user.name', 'default:"a|b"', 'safe']``."""
    parts: list[str] = []
    current: list[str] = []
    depth, quote = 0, ""
    for char in expression:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth = max(depth - 1, 0)
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _filter_name(part: str) -> str:
    match = re.match(r"\s*([A-Za-z_]\w*)", part)
    return match.group(1).lower() if match else ""


# Placeholders whose engine writes the value as it is: ERB's ``<%==``, EJS's ``<%-``, Mustache's ``{{{``,
# PHP's short echo and JSP's expression (neither escapes).
RAW_OPENINGS = frozenset({"<%==", "<%-", "{{{", "<?="})


def _delimiters(source: str) -> tuple[str, str]:
    for opening, closing in (("<%==", "%>"), ("<%=", "%>"), ("<%-", "%>"), ("<?=", "?>"), ("${", "}"),
                             ("{{{", "}}}"), ("{{", "}}"), ("<%", "%>"), ("$", "")):
        if source.startswith(opening) and source.endswith(closing):
            return opening, closing
    return "", ""


def _pseudo_constructs(text: str) -> list[_Construct]:
    found: list[_Construct] = []
    for start, end in pseudo_spans(text):
        source = text[start:end]
        opening, closing = _delimiters(source)
        inner = source[len(opening):len(source) - len(closing)].strip(" \t\r\n-=")
        if source.startswith("<%#") or (source.startswith("<%") and not source.startswith(("<%=", "<%-"))):
            found.append(_Construct(start, end, "{%", inner))  # a scriptlet or a comment
        elif inner:
            found.append(_Construct(start, end, "{{", inner))
    return found


def pseudo_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each match of :data:`PSEUDO_CONSTRUCT` in ``text``, in linear time.

    Each opening looks for its closing once; an opening whose closing is nowhere after it means no later
    opening of its kind has one (the pattern looked again from every later opening: ``<?=`` repeated
    20,000 times took 26 s, ``<%= x`` 74 s).
    """
    unclosed: set[str] = set()
    position = 0
    while True:
        opening = PSEUDO_OPENING.search(text, position)
        if opening is None:
            return
        start, kind = opening.start(), opening.group()
        end = None
        if kind == "<%":
            after = start + 2
            while after < len(text) and text[after] in "=-#":
                after += 1
            end = _closed(text, "<%", after, unclosed)
        elif kind == "<?=":
            end = _closed(text, "<?=", start + 3, unclosed)
        elif kind == "${":
            stop = PSEUDO_CLOSING["${"].search(text, start + 2)
            end = stop.end() if stop is not None and stop.group() == "}" else None
        elif kind == "{{":
            end = _closed(text, "{{{", start + 3, unclosed) if text.startswith("{{{", start) else None
            if end is None:
                end = _closed(text, "{{", start + 2, unclosed)
        else:  # ``$name`` (``\w*`` always matches)
            rest = NAME_REST.match(text, opening.end())
            end = rest.end() if rest is not None else opening.end()
        if end is None:
            position = start + 1
            continue
        yield start, end
        position = end if end > start else start + 1


def _closed(text: str, kind: str, after: int, unclosed: set[str]) -> Optional[int]:
    """The end of the first closing of ``kind`` at or after ``after``, None when there is none (remembered)."""
    if kind in unclosed:
        return None
    closing = PSEUDO_CLOSING[kind].search(text, after)
    if closing is None:
        unclosed.add(kind)
        return None
    return closing.end()
def construct_spans(text: str, opening_pattern: re.Pattern[str] = OPENING) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each ``{{ ... }}``, ``{% ... %}`` and ``{# ... #}``, in order.

    What ``\\{\\{.*?\\}\\}|\\{%.*?%\\}|\\{#.*?#\\}`` (dot-all) finds, in linear time: each
    opening looks for its first closing once, and an opening with no closing after it means no
    later opening of its kind has one (that pattern looked again from every later opening: ``{{``
    repeated 20,000 times took seconds).  ``opening_pattern`` may find fewer kinds.
    """
    unclosed: set[str] = set()
    position = 0
    while True:
        opening = opening_pattern.search(text, position)
        if opening is None:
            return
        start = opening.start()
        kind = text[start:start + 2]
        closing = None if kind in unclosed else CLOSING[kind].search(text, start + 2)
        if closing is None:
            unclosed.add(kind)
            position = start + 1  # (``{{%`` may still open a tag at the next character)
            continue
        yield start, closing.end(), kind
        position = closing.end()


def _constructs(text: str) -> list[_Construct]:
    found: list[_Construct] = []
    literal_until: Optional[str] = None
    for start, end, kind in construct_spans(text):
        inner = text[start + 2:end - 2].strip("-+ \t\r\n")
        if literal_until is not None:
            if kind == "{%" and inner.split()[:1] == [literal_until]:
                literal_until = None
                found.append(_Construct(start, end, kind, inner))
            continue
        found.append(_Construct(start, end, kind, inner))
        if kind == "{%":
            first = (inner.split()[:1] or [""])[0].lower()
            literal_until = LITERAL_BODIES.get(first)
    return found


def _html_contexts(text: str, masked: str, constructs: list[_Construct],
                   start_in_script: bool) -> list[tuple[str, str, str, str, str]]:
    """(context, element, attribute, quote, before) at the start of each construct."""
    starts = {c.start: c.end for c in constructs}
    result: dict[int, tuple[str, str, str, str, str]] = {}
    state = SCRIPT if start_in_script else TEXT
    element = "script" if start_in_script else ""
    closing = False
    attribute = quote = ""
    value_start = 0
    attributes: dict[str, str] = {}
    i, n = 0, len(masked)
    while i < n:
        if i in starts:
            if state == "value":
                result[i] = (ATTRIBUTE, element, attribute, quote, text[value_start:i])
            elif state == "open":
                result[i] = (TAG, element, "", "", "")
            else:
                result[i] = (state, element if state in (SCRIPT, STYLE, CLIENT_TEMPLATE) else "", "", "", "")
            i = starts[i]
            continue
        char = masked[i]
        if state == TEXT:
            if masked.startswith("<!--", i):
                state, i = COMMENT, i + 4
                continue
            match = TAG_NAME.match(masked, i) if char == "<" else None
            if match:
                element, closing = match.group(1).lower(), masked[i + 1] == "/"
                state, attributes, i = "open", {}, match.end()
                continue
            i = _next_stop(TEXT_STOPS, masked, i + 1)
        elif state == COMMENT:
            if masked.startswith("-->", i):
                state, i = TEXT, i + 3
                continue
            i = _next_stop(COMMENT_STOPS, masked, i + 1)
        elif state in (SCRIPT, STYLE, CLIENT_TEMPLATE):
            end = "</" + element
            if char == "<" and masked[i:i + len(end)].lower() == end:
                match = TAG_NAME.match(masked, i)
                state, closing, attributes = "open", True, {}
                i = match.end() if match else i + len(end)
                continue
            i = _next_stop(TEXT_STOPS, masked, i + 1)
        elif state == "open":
            if char == ">":
                state = TEXT
                if not closing and element in RAW_TEXT:
                    state = STYLE if element == "style" else (
                        SCRIPT if attributes.get("type", "").strip().lower() in SCRIPT_TYPES else CLIENT_TEMPLATE)
                i += 1
            elif char.isspace() or char in "/\"'=":
                i += 1
            else:
                match = ATTRIBUTE_NAME.match(masked, i)
                if not match:
                    i += 1
                    continue
                attribute, i = match.group(0).lower(), match.end()
                j = i
                while j < n and masked[j] in " \t\r\n":
                    j += 1
                if j < n and masked[j] == "=":
                    j += 1
                    while j < n and masked[j] in " \t\r\n":
                        j += 1
                    quote = masked[j] if j < n and masked[j] in "\"'" else ""
                    value_start = j + 1 if quote else j
                    state, i = "value", value_start
                else:
                    attributes[attribute] = ""
        elif state == "value":
            if (quote and char == quote) or (not quote and (char.isspace() or char == ">")):
                attributes[attribute] = text[value_start:i]
                state = "open"
                i += 1 if quote else 0
                continue
            i = _next_stop(VALUE_STOPS[quote], masked, i + 1)
    return [result.get(c.start, (TEXT, "", "", "", "")) for c in constructs]


def _next_stop(stops: re.Pattern[str], masked: str, start: int) -> int:
    """The offset of the next match of ``stops`` from ``start``, or the end of the text."""
    found = stops.search(masked, start)
    return found.start() if found else len(masked)
