"""reStructuredText rewrites: wrap a block in ``.. insecure-example::``, lift guidance into ``.. security::``.

The construct is re-indented by three spaces under the wrapper, which stands
at the construct's own indentation.  A ``::`` literal block keeps its
paragraph: ``text::`` becomes ``text:`` (what readers saw before) and the
block moves under the wrapper with an expanded ``::``.  A notice paragraph
that is nothing but the legacy notice moves into ``:reason:``.
"""

from __future__ import annotations

import re
from typing import Optional

from ..core import rfc2119
from ..core.legacy import ADMONITIONS
from ..model import CodeBlock, Marker
from .lines import Edit, Unfixable, body, indentation, is_blank, reindent
from .reasons import tidy

STEP = "   "
WRAPPED = frozenset({"rst-directive", "rst-doctest", "rst-literal"})


def mark(lines: list[str], block: CodeBlock, reason: str, banner: Optional[str] = None) -> tuple[Edit, str]:
    """The edit that wraps ``block`` and the reason it writes (tidied against ``banner`` when given; a
    notice paragraph that moves into it keeps its inline markup)."""
    origin = block.origin
    if origin is None or origin.construct not in WRAPPED:
        raise Unfixable(f"docsec cannot rewrite this kind of block ({origin.construct if origin else 'included'}); "
                        "wrap it in insecure-example by hand")
    construct = [body(line) for line in lines[origin.start - 1:origin.end]]
    if any("\t" in indentation(line) for line in construct):
        raise Unfixable("the block is indented with tabs; rewrite it by hand")
    if origin.construct == "rst-literal":
        return _literal(lines, origin.start, construct, reason, block.marker, banner)
    indent = indentation(construct[0])
    start = _notice_start(lines, origin.start, indent, block.marker)
    notice = block.marker.notice
    if start != origin.start and notice is not None:
        reason = _notice_text(lines, notice)
    reason = tidy(reason, banner) if banner is not None else reason
    edit = Edit(start, origin.end, (*_head(indent, reason), *reindent(construct, indent, STEP)))
    return edit, " ".join(reason.split())


def _notice_text(lines: list[str], notice: tuple[int, int]) -> str:
    return " ".join(body(line).strip() for line in lines[notice[0] - 1:notice[1]])


DIRECTIVE = re.compile(r"^(?P<indent>[ \t]*)\.\.[ \t]+(?P<name>[\w-]+)[ \t]*::(?P<rest>.*)$")


def admonition_end(lines: list[str], start: int) -> int:
    """The last line of the directive opening on 1-based line ``start`` (its indented body)."""
    indent = len(indentation(body(lines[start - 1])))
    end = start
    for number in range(start + 1, len(lines) + 1):
        text = body(lines[number - 1])
        if not text.strip():
            continue
        if len(indentation(text)) <= indent:
            break
        end = number
    return end


def replace_admonition(lines: list[str], holder: tuple[int, int]) -> Edit:
    """``.. danger::`` (or ``.. admonition:: Title`` with ``:class: danger``) on line ``holder[0]``
    becomes ``.. insecure-example::``; its body stays.  See :func:`.markdown.replace_admonition`."""
    start = holder[0]
    match = DIRECTIVE.match(body(lines[start - 1]))
    if match is None or match.group("name").lower() not in ADMONITIONS:
        raise Unfixable("the admonition around the block does not start on its directive line")
    indent, name, rest = match.group("indent"), match.group("name").lower(), match.group("rest").strip()
    if rest and name != "admonition":
        raise Unfixable(f"the {name} admonition has text on its directive line")
    kept = []
    number = start + 1
    while number <= len(lines):
        text = body(lines[number - 1])
        stripped = text.strip()
        if not stripped.startswith(":") or len(indentation(text)) <= len(indent):
            break
        key, _, value = stripped[1:].partition(":")
        if key.strip() != "class":
            raise Unfixable(f"the admonition has a :{key.strip()}: option that insecure-example does not take")
        classes = [item for item in value.split() if item.lower() not in ADMONITIONS]
        if classes:
            kept.append(f"{indentation(text)}:class: {' '.join(classes)}")
        number += 1
    opening = f"{indent}.. insecure-example::" + (f" {rest}" if rest else "")
    return Edit(start, number - 1, (opening, *kept))


def _head(indent: str, reason: str) -> list[str]:
    head = [f"{indent}.. insecure-example::"]
    if reason:
        head.append(f"{indent}{STEP}:reason: {' '.join(reason.split())}")
    return [*head, ""]


def _notice_start(lines: list[str], start: int, indent: str, marker: Marker) -> int:
    if marker.notice is None:
        return start
    first, last = marker.notice
    if last >= start or not all(is_blank(line) for line in lines[last:start - 1]):
        return start
    return first if indentation(body(lines[first - 1])) == indent else start


def _literal(lines: list[str], start: int, construct: list[str], reason: str, marker: Marker,
             banner: Optional[str] = None) -> tuple[Edit, str]:
    """``text::`` + indented block → ``text:`` + wrapper with ``::`` + the block."""
    introducer = start - 1
    while introducer >= 1 and is_blank(lines[introducer - 1]):
        introducer -= 1
    text = body(lines[introducer - 1]) if introducer >= 1 else ""
    if not text.rstrip().endswith("::"):
        raise Unfixable("cannot find the paragraph ending in '::' that introduces this literal block; "
                        "rewrite it by hand")
    indent = indentation(text)
    paragraph = _paragraph_start(lines, introducer, indent)
    code_indent = indentation(construct[0])
    if len(code_indent) <= len(indent):
        raise Unfixable("the literal block is not indented under its paragraph; rewrite it by hand")
    moves = marker.notice is not None and marker.notice == (paragraph, introducer)
    if moves:  # the notice's own words; its "::" says a literal block follows, readers saw ":" or nothing
        notice = _notice_text(lines, (paragraph, introducer))
        reason = notice[:-3] if notice.endswith(" ::") else notice[:-1]
    reason = tidy(reason, banner) if banner is not None else reason
    wrapped = [*_head(indent, reason), f"{indent}{STEP}::", "", *reindent(construct, indent, STEP)]
    written = " ".join(reason.split())
    if moves:
        return Edit(paragraph, start + len(construct) - 1, tuple(wrapped)), written
    stripped = text.rstrip()
    if stripped.strip() == "::":  # the expanded form: the paragraph is only "::"
        return Edit(introducer, start + len(construct) - 1, tuple(wrapped)), written
    shown = stripped[:-3] if stripped.endswith(" ::") else stripped[:-1]  # what readers saw: "text:" or "text"
    between = [body(line) for line in lines[introducer:start - 1]]
    return Edit(introducer, start + len(construct) - 1, (shown, *between, *wrapped)), written


def _paragraph_start(lines: list[str], last: int, indent: str) -> int:
    first = last
    while first > 1 and not is_blank(lines[first - 2]) and indentation(body(lines[first - 2])) == indent:
        first -= 1
    return first


def lift(lines: list[str], paragraphs: list[tuple[int, int, str]]) -> list[Edit]:
    """Wrap each top-level paragraph that states an RFC 2119 requirement in ``.. security::``."""
    edits = []
    for first, last, text in paragraphs:
        if rfc2119.level_of(text) is None:  # (the RFC 2119 boilerplate states no requirement)
            continue
        content = [body(line) for line in lines[first - 1:last]]
        indent = indentation(content[0])
        if content[-1].rstrip().endswith("::"):
            continue  # it introduces a literal block: leave the pair together
        edits.append(Edit(first, last, (f"{indent}.. security::", "", *reindent(content, indent, STEP))))
    return edits
