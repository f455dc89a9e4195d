"""reStructuredText rewrites: wrap a block in ``.. insecure-example::``, lift guidance into ``.. security::``.

The construct is re-indented by three spaces under the wrapper, which stands
at the construct's own indentation.  A ``::`` literal block keeps its
paragraph: ``text::`` becomes ``text:`` (what readers saw before) and the
block moves under the wrapper with an expanded ``::``.  A notice paragraph
that is nothing but the legacy notice moves into ``:reason:``.
"""

from __future__ import annotations

from ..core import rfc2119
from ..model import CodeBlock, Marker
from .lines import Edit, Unfixable, body, indentation, is_blank, reindent

STEP = "   "
WRAPPED = frozenset({"rst-directive", "rst-doctest", "rst-literal"})


def mark(lines: list[str], block: CodeBlock, reason: str) -> Edit:
    origin = block.origin
    if origin is None or origin.construct not in WRAPPED:
        raise Unfixable(f"docsec cannot rewrite this kind of block ({origin.construct if origin else 'included'}); "
                        "wrap it in insecure-example by hand")
    construct = [body(line) for line in lines[origin.start - 1:origin.end]]
    if any("\t" in indentation(line) for line in construct):
        raise Unfixable("the block is indented with tabs; rewrite it by hand")
    if origin.construct == "rst-literal":
        return _literal(lines, origin.start, construct, reason, block.marker)
    indent = indentation(construct[0])
    start = _notice_start(lines, origin.start, indent, block.marker)
    return Edit(start, origin.end, (*_head(indent, reason), *reindent(construct, indent, STEP)))


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


def _literal(lines: list[str], start: int, construct: list[str], reason: str, marker: Marker) -> Edit:
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
    wrapped = [*_head(indent, reason), f"{indent}{STEP}::", "", *reindent(construct, indent, STEP)]
    if marker.notice is not None and marker.notice == (paragraph, introducer):
        return Edit(paragraph, start + len(construct) - 1, tuple(wrapped))
    stripped = text.rstrip()
    if stripped.strip() == "::":  # the expanded form: the paragraph is only "::"
        return Edit(introducer, start + len(construct) - 1, tuple(wrapped))
    shown = stripped[:-3] if stripped.endswith(" ::") else stripped[:-1]  # what readers saw: "text:" or "text"
    between = [body(line) for line in lines[introducer:start - 1]]
    return Edit(introducer, start + len(construct) - 1, (shown, *between, *wrapped))


def _paragraph_start(lines: list[str], last: int, indent: str) -> int:
    first = last
    while first > 1 and not is_blank(lines[first - 2]) and indentation(body(lines[first - 2])) == indent:
        first -= 1
    return first


def lift(lines: list[str], paragraphs: list[tuple[int, int, str]]) -> list[Edit]:
    """Wrap each top-level paragraph that states an RFC 2119 requirement in ``.. security::``."""
    edits = []
    for first, last, text in paragraphs:
        if not rfc2119.find_keywords(text):
            continue
        content = [body(line) for line in lines[first - 1:last]]
        indent = indentation(content[0])
        if content[-1].rstrip().endswith("::"):
            continue  # it introduces a literal block: leave the pair together
        edits.append(Edit(first, last, (f"{indent}.. security::", "", *reindent(content, indent, STEP))))
    return edits
