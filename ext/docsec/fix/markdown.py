"""MyST rewrites: wrap a block in ``:::{insecure-example}``, tag a ``{code-cell}``, lift guidance.

The block's construct (a fence, a ``{code-block}``-like directive in
backticks or colons, an indented block) keeps its lines byte for byte; the
wrapper is written at the construct's own indentation (and ``>`` quote
prefix), with a colon fence longer than any inside.  A notice paragraph that
is nothing but the legacy notice, right before the block, moves into
``:reason:``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from ..core import rfc2119
from ..core.legacy import ADMONITIONS
from ..model import CodeBlock, Marker
from .lines import Edit, Unfixable, body, is_blank
from .reasons import tidy

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it.token import Token

PREFIX = re.compile(r"[ \t>]*")
COLONS = re.compile(r"^[ \t>]*(:{3,})")
BACKTICKS = re.compile(r"^[ \t>]*(`{3,})")
FENCE_OPEN = re.compile(r"^(`{3,}|~{3,}|:{3,})")
TAGS_OPTION = re.compile(r"^(?P<lead>\s*:tags:\s*)(?P<value>.*)$")
YAML_TAGS = re.compile(r"^(?P<lead>\s*tags:\s*)\[(?P<items>.*)\]\s*$")
NEEDS_QUOTES = re.compile(r"""^[\s'"\[\]{}&*!|>%@`,?#-]|\s#|\s$""")
WRAPPED = frozenset({"fence", "fence-directive", "colon-directive", "indented"})


def mark(lines: list[str], block: CodeBlock, reason: str, marker_class: str,
         banner: Optional[str] = None) -> tuple[Edit, str]:
    """The edit that marks ``block`` (a wrapper, or a tag for a ``{code-cell}``) and the reason it writes.

    With ``banner`` (a legacy notice's reason), the reason is tidied (:func:`.reasons.tidy`); a notice
    paragraph that moves into it keeps its inline markup.
    """
    origin = block.origin
    if origin is None or origin.construct not in WRAPPED | {"code-cell"}:
        raise Unfixable(f"docsec cannot rewrite this kind of block ({origin.construct if origin else 'included'}); "
                        "wrap it in insecure-example by hand")
    if origin.construct == "code-cell":
        return _tag_code_cell(lines, origin.start, marker_class), ""
    construct = [body(line) for line in lines[origin.start - 1:origin.end]]
    prefix = _prefix(construct[0], origin.construct)
    _check_closed(construct, origin.construct, prefix)
    start = _notice_start(lines, origin.start, prefix, block.marker)
    notice = block.marker.notice
    if start != origin.start and notice is not None:  # the notice moves: its own words, markup and all
        reason = " ".join(body(line)[len(prefix):].strip() for line in lines[start - 1:notice[1]])
    if banner is not None:
        reason = tidy(reason, banner)
    fence = _wrapper_fence(construct, origin.enclosing_fences)
    blank = prefix.rstrip()
    head = [f"{prefix}{fence}{{insecure-example}}"]
    if reason:
        head.append(f"{prefix}:reason: {option_value(reason)}")
    head.append(blank)
    return Edit(start, origin.end, (*head, *construct, f"{prefix}{fence}")), " ".join(reason.split())


OPENING = re.compile(r"^(?P<prefix>[ \t>]*)(?P<fence>:{3,}|`{3,}|~{3,})\{(?P<name>[^}]+)\}(?P<rest>.*)$")


def replace_admonition(lines: list[str], holder: tuple[int, int]) -> Edit:
    """The edit that turns the legacy admonition opening on line ``holder[0]`` into ``insecure-example``.

    Its body stays as it is; a generic ``admonition`` keeps its title; the admonition's classes go.
    Anything else on its opening line or in its options cannot be carried over: :class:`Unfixable`.
    """
    start = holder[0]
    match = OPENING.match(body(lines[start - 1]))
    if match is None or match.group("name").strip().lower() not in ADMONITIONS:
        raise Unfixable("the admonition around the block does not open on a fence line of its own")
    prefix, fence, rest = match.group("prefix"), match.group("fence"), match.group("rest").strip()
    name = match.group("name").strip().lower()
    if rest and name != "admonition":
        raise Unfixable(f"the {name} admonition has text on its opening line")
    kept = []
    number = start + 1
    while number <= len(lines) and _is_option(body(lines[number - 1]), prefix):
        option = body(lines[number - 1])[len(prefix):].strip()
        key, _, value = option[1:].partition(":")
        if key.strip() != "class":
            raise Unfixable(f"the admonition has a :{key.strip()}: option that insecure-example does not take")
        classes = [name for name in value.split() if name.lower() not in ADMONITIONS]
        if classes:
            kept.append(f"{prefix}:class: {' '.join(classes)}")
        number += 1
    opening = f"{prefix}{fence}{{insecure-example}}" + (f" {rest}" if rest else "")
    return Edit(start, number - 1, (opening, *kept))


def _is_option(line: str, prefix: str) -> bool:
    text = line[len(prefix):].strip() if line.startswith(prefix) else ""
    return text.startswith(":") and not text.startswith(":::")


def _wrapper_fence(construct: list[str], enclosing: str) -> str:
    """``:::`` (longer than any colon fence inside); inside a ``:::`` directive, whose closing line it
    would repeat, a backtick fence longer than the construct's."""
    for character, runs in ((":", COLONS), ("`", BACKTICKS)):
        if character not in enclosing:
            return character * max([3, *(len(m.group(1)) + 1 for line in construct if (m := runs.match(line)))])
    raise Unfixable("the block sits in directives fenced with both ':::' and backticks; a wrapper would close "
                    "one of them. Wrap it in insecure-example by hand")


def option_value(text: str) -> str:
    """A one-line option value myst-parser reads back as ``text``: quoted when it must be."""
    text = " ".join(text.split())
    if not NEEDS_QUOTES.search(text):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _prefix(first: str, construct: str) -> str:
    prefix = PREFIX.match(first).group()  # type: ignore[union-attr]
    if "\t" in prefix:
        raise Unfixable("the block is indented with tabs; rewrite it by hand")
    if construct == "indented":  # the code is four spaces deeper than where it stands
        if not prefix.endswith("    "):
            raise Unfixable("cannot tell where this indented block stands; rewrite it by hand")
        return prefix[:-4]
    if not FENCE_OPEN.match(first[len(prefix):]):
        raise Unfixable("the block's fence does not start its line (a list marker before it?); "
                        "put the fence on its own line or rewrite it by hand")
    return prefix


def _check_closed(construct: list[str], kind: str, prefix: str) -> None:
    if kind == "indented":
        return
    opening = FENCE_OPEN.match(construct[0][len(prefix):])
    assert opening is not None
    last = construct[-1].strip().lstrip(">").strip()
    if len(construct) < 2 or not last or set(last) != {opening.group(1)[0]} or len(last) < len(opening.group(1)):
        raise Unfixable("the block's fence is not closed before the end of its container; close it first")


def _notice_start(lines: list[str], start: int, prefix: str, marker: Marker) -> int:
    """Where the rewrite starts: at the notice paragraph when it can move into ``:reason:``."""
    if marker.notice is None:
        return start
    first, last = marker.notice
    between = lines[last:start - 1]
    if last >= start or not all(is_blank(line.lstrip(" \t>")) for line in between):
        return start
    if PREFIX.match(lines[first - 1]).group() != prefix:  # type: ignore[union-attr]
        return start  # the notice opens a list item or a quote: leave it where it is
    return first


def _tag_code_cell(lines: list[str], start: int, marker_class: str) -> Edit:
    """Add ``marker_class`` to a ``{code-cell}``'s ``:tags:`` (colon options or a ``---`` block)."""
    fence_line = body(lines[start - 1])
    indent = PREFIX.match(fence_line).group()  # type: ignore[union-attr]
    following = body(lines[start]) if start < len(lines) else ""
    if following.strip() == "---":
        return _tag_yaml_block(lines, start + 1, marker_class)
    number = start + 1
    while number <= len(lines) and body(lines[number - 1]).strip().startswith(":") and \
            not body(lines[number - 1]).strip().startswith(":::"):
        match = TAGS_OPTION.match(body(lines[number - 1]))
        if match:
            return Edit(number, number, (match.group("lead") + _with_tag(match.group("value"), marker_class),))
        number += 1
    return Edit(start, start, (fence_line, f"{indent}:tags: [{marker_class}]"))


def _tag_yaml_block(lines: list[str], dashes: int, marker_class: str) -> Edit:
    number = dashes + 1
    while number <= len(lines) and body(lines[number - 1]).strip() != "---":
        text = body(lines[number - 1])
        if text.lstrip().startswith("tags:"):
            match = YAML_TAGS.match(text)
            if not match:
                raise Unfixable("the cell's tags are not a one-line [list]; add docsec-insecure to them by hand")
            return Edit(number, number, (f"{match.group('lead')}{_with_tag(match.group('items'), marker_class)}",))
        number += 1
    opening = body(lines[dashes - 1])
    return Edit(dashes, dashes, (opening, f"{PREFIX.match(opening).group()}tags: [{marker_class}]"))  # type: ignore[union-attr]


def _with_tag(value: str, marker_class: str) -> str:
    items = [item.strip() for item in value.strip().strip("[]").split(",") if item.strip()]
    return "[" + ", ".join([*items, marker_class]) + "]"


@dataclass(frozen=True)
class Unit:
    """What ``--guidance`` may lift into one ``security`` directive: a paragraph, a paragraph with the list
    it introduces, an ordered list, or one item of a bullet list (``item``: its marker's width, which the
    item's lines lose)."""

    first: int  # 1-based, inclusive
    last: int
    text: str  # its prose, to classify
    item: int = 0


def lift(lines: list[str], units: list[Unit]) -> list[Edit]:
    """Wrap each top-level unit that states an RFC 2119 requirement in ``:::{security}``.

    The RFC 2119 boilerplate states none (see :func:`docsec.core.rfc2119.level_of`).
    """
    edits = []
    for unit in units:
        if rfc2119.level_of(unit.text) is None:
            continue
        content = [body(line) for line in lines[unit.first - 1:unit.last]]
        if unit.item:  # a bullet item stands on its own: its lines lose the marker's indentation
            content = [content[0][unit.item:]] + [_outdent(line, unit.item) for line in content[1:]]
            before = [""] if unit.first > 1 and not is_blank(lines[unit.first - 2]) else []
            after = [""] if unit.last < len(lines) and not is_blank(lines[unit.last]) else []
            edits.append(Edit(unit.first, unit.last, (*before, ":::{security}", *content, ":::", *after)))
            continue
        prefix = PREFIX.match(body(lines[unit.first - 1])).group()  # type: ignore[union-attr]
        edits.append(Edit(unit.first, unit.last, (f"{prefix}:::{{security}}", *content, f"{prefix}:::")))
    return edits


def _outdent(line: str, width: int) -> str:
    spaces = len(line) - len(line.lstrip(" "))
    return line[min(spaces, width):]


LISTS = {"bullet_list_open": "bullet_list_close", "ordered_list_open": "ordered_list_close"}
ITEM_MARKER = re.compile(r"^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")


def guidance_units(text: str) -> list[Unit]:
    """The top-level units of a MyST text that ``--guidance`` judges (see :class:`Unit`): a paragraph
    ending in ":" right before a list goes with it, and so does a list's every item when it is ordered."""
    from ..sources.markdown import parse

    tokens = parse(text)
    lines = text.split("\n")
    units: list[Unit] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.level != 0 or token.map is None:
            index += 1
            continue
        if token.type == "paragraph_open":
            content = tokens[index + 1].content
            following = _next_top(tokens, index + 3)
            listed = tokens[following].map if following is not None and tokens[following].type in LISTS else None
            if content.rstrip().endswith(":") and following is not None and listed is not None:
                end = _closing(tokens, following)
                units.append(Unit(token.map[0] + 1, _last(lines, listed[1]),
                                  "\n".join([content, *_inline(tokens[following:end])])))
                index = end + 1
                continue
            units.append(Unit(token.map[0] + 1, token.map[1], content))
            index += 3
            continue
        if token.type in LISTS:
            end = _closing(tokens, index)
            if token.type == "ordered_list_open":
                units.append(Unit(token.map[0] + 1, _last(lines, token.map[1]), "\n".join(_inline(tokens[index:end]))))
            else:
                items = [i for i in range(index, end) if tokens[i].type == "list_item_open" and tokens[i].level == 1]
                for position, item in enumerate(items):
                    stop = items[position + 1] if position + 1 < len(items) else end
                    opening = tokens[item].map
                    marker = ITEM_MARKER.match(lines[opening[0]]) if opening else None
                    if opening is None or marker is None:
                        continue
                    units.append(Unit(opening[0] + 1, _last(lines, opening[1]), "\n".join(_inline(tokens[item:stop])),
                                      len(marker.group())))
            index = end + 1
            continue
        index += 1
    return units


def _next_top(tokens: list[Token], start: int) -> Optional[int]:
    for index in range(start, len(tokens)):
        if tokens[index].level == 0 and tokens[index].map is not None:
            return index
    return None


def _closing(tokens: list[Token], opening: int) -> int:
    wanted = LISTS[tokens[opening].type]
    for index in range(opening + 1, len(tokens)):
        if tokens[index].type == wanted and tokens[index].level == tokens[opening].level:
            return index
    return len(tokens) - 1


def _inline(tokens: list[Token]) -> list[str]:
    return [token.content for token in tokens if token.type == "inline"]


def _last(lines: list[str], end: int) -> int:
    """The 1-based last line of a range ending before 0-based ``end``, without its trailing blank lines."""
    while end > 1 and not lines[end - 1].strip():
        end -= 1
    return end


def top_level_paragraphs(text: str) -> list[tuple[int, int, str]]:
    """(first line, last line, raw text) of each paragraph outside lists, quotes and directives."""
    from ..sources.markdown import parse

    tokens = parse(text)
    found = []
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open" and token.level == 0 and token.map and index + 1 < len(tokens):
            found.append((token.map[0] + 1, token.map[1], tokens[index + 1].content))
    return found


def prose(text: str) -> list[str]:
    """Paragraphs and headings as plain text, in order, reading into every directive's body."""
    from ..core.legacy import plain
    from ..sources.markdown import parse

    found = []
    tokens = parse(text)
    for index, token in enumerate(tokens):
        if token.type == "inline" and index and tokens[index - 1].type in ("paragraph_open", "heading_open"):
            found.append(plain(token.content))
        elif token.type in ("fence", "colon_fence") and (token.info.strip().startswith("{") or
                                                         token.type == "colon_fence"):
            found.extend(prose(_directive_body(token.content)))
    return found


def _directive_body(content: str) -> str:
    lines = content.split("\n")
    if lines and lines[0].strip() == "---":
        end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), len(lines) - 1)
        return "\n".join(lines[end + 1:])
    start = 0
    while start < len(lines) and lines[start].lstrip().startswith(":") and not lines[start].lstrip().startswith(":::"):
        start += 1
    return "\n".join(lines[start:])
