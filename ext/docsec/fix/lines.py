"""Line-level edits that keep every byte they do not touch.

A file is a list of lines *with* their endings, so CRLF, CR and a missing
final newline survive; new lines take the file's own line ending.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
INDENT = re.compile(r"[ \t]*")


class Unfixable(Exception):
    """This block cannot be rewritten safely; the message says why and what to do."""


def split_lines(text: str) -> list[str]:
    """Lines with their endings; only ``\\r\\n``, ``\\r`` and ``\\n`` end a line (as Markdown counts)."""
    return LINE.findall(text)


def newline_of(text: str) -> str:
    for ending in ("\r\n", "\r", "\n"):
        if ending in text:
            return ending
    return "\n"


def body(line: str) -> str:
    """The line without its ending."""
    return line.rstrip("\r\n")


def indentation(line: str) -> str:
    return INDENT.match(line).group()  # type: ignore[union-attr]


def is_blank(line: str) -> bool:
    return not line.strip()


@dataclass(frozen=True)
class Edit:
    """Replace 1-based lines ``start`` to ``end`` (inclusive) with ``new`` (lines without endings)."""

    start: int
    end: int
    new: tuple[str, ...]

    def overlaps(self, other: "Edit") -> bool:
        return self.start <= other.end and other.start <= self.end


def apply(lines: list[str], edits: list[Edit], newline: str) -> str:
    """The text with every edit made; edits must not overlap."""
    ordered = sorted(edits, key=lambda edit: edit.start)
    for first, second in zip(ordered, ordered[1:]):
        if first.overlaps(second):
            raise Unfixable(f"two rewrites meet at lines {second.start}-{first.end}; rewrite these blocks by hand")
    result = list(lines)
    for edit in reversed(ordered):
        last = result[edit.end - 1]
        ending = last[len(body(last)):]  # empty only on a last line without a final newline
        new = [text + newline for text in edit.new[:-1]] + ([edit.new[-1] + ending] if edit.new else [])
        result[edit.start - 1:edit.end] = new
    return "".join(result)


def reindent(lines: list[str], indent: str, extra: str) -> list[str]:
    """``lines`` (without endings) with ``extra`` inserted after ``indent``; blank lines stay empty."""
    out = []
    for line in lines:
        if is_blank(line):
            out.append("")
        elif not line.startswith(indent):
            raise Unfixable("a line of the block is indented less than its first line; rewrite it by hand")
        else:
            out.append(indent + extra + line[len(indent):])
    return out
