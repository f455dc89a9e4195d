"""Inline suppressions: ``# docsec: ignore[RULE-ID, ...] -- reason``.

A suppression is a comment (``#``, ``//``, ``--``, ``<!--``, ``;`` or ``REM``)
holding ``docsec: ignore``, optionally rule ids or symbols in brackets, then
optionally a separator (``--``, ``—`` or ``:``) and the reason, to the end of
the line (a closing ``-->`` is not part of it).  The first comment of a line
that reads so is the line's suppression.

The reader is linear in the line's length whatever it holds (a comment
repeated thousands of times, a bracket that never closes): it looks at each
occurrence of ``docsec`` once, reads the blanks around it once (each run of
blanks lies before or after one occurrence), and looks for a closing bracket
at most once per bracket (the first ``]`` after a position is the first after
any later position before it).  The scanning goes through the three patterns
below, whose cost is the text they pass over, so a test can count it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

DOCSEC_WORD = re.compile("docsec", re.IGNORECASE)  # found with finditer: one pass over the line
BLANKS = re.compile(r"\s*")  # matched at a position: always succeeds, costs the blanks it passes over
CLOSING_BRACKET = re.compile(r"\]")  # searched from a position: costs the text up to the bracket
OPENERS = ("<!--", "//", "--", "#", ";")
SEPARATORS = ("--", "\u2014", ":")


@dataclass(frozen=True)
class Suppression:
    line: int
    rule_ids: frozenset[str]  # empty: every rule on that line
    reason: str

    def covers(self, rule_id: str, symbol: str) -> bool:
        return not self.rule_ids or rule_id in self.rule_ids or symbol.upper() in self.rule_ids


class _Brackets:
    """The first ``]`` at or after a position, each looked for at most once per bracket."""

    def __init__(self, line: str) -> None:
        self.line = line
        self.searched_from = len(line) + 1  # the last search's start
        self.found = -1  # ... and what it found (-1: nothing after it)

    def after(self, start: int) -> int:
        if self.searched_from <= start and (self.found == -1 or self.found >= start):
            return self.found  # the first bracket after an earlier start, and none between
        match = CLOSING_BRACKET.search(self.line, start)
        self.searched_from, self.found = start, match.start() if match else -1
        return self.found


def _opened_before(line: str, at: int) -> bool:
    """Whether a comment opener, then blanks, come right before ``at`` (where ``docsec`` starts)."""
    end = at
    while end > 0 and line[end - 1].isspace():  # (the blanks before one occurrence: read once)
        end -= 1
    before = line[:end]
    if before.endswith(OPENERS):
        return True
    # ``REM`` as a word's end, then a boundary: a blank or ``docsec`` itself cannot follow a letter here
    return before[-3:].upper() == "REM" and (end < at or not line[at].isalnum())


def _suppression_at(line: str, at: int, brackets: _Brackets) -> Optional[tuple[frozenset[str], str]]:
    """The rule ids and reason of a suppression whose ``docsec`` starts at ``at``, or None."""
    if not _opened_before(line, at):
        return None
    position = at + len("docsec")
    if line[position:position + 1] != ":":
        return None
    position = BLANKS.match(line, position + 1).end()  # type: ignore[union-attr]
    if line[position:position + 6].lower() != "ignore":
        return None
    position += 6
    ids = ""
    if line[position:position + 1] == "[":
        close = brackets.after(position + 1)
        if close < 0:
            return None  # the bracket never closes: not a suppression's list
        ids, position = line[position + 1:close], close + 1
    position = BLANKS.match(line, position).end()  # type: ignore[union-attr]
    rest = line[position:]
    separator = next((s for s in SEPARATORS if rest.startswith(s) and not rest.startswith("-->")), None)
    if separator is None:
        if rest.rstrip() not in ("", "-->"):
            return None
        reason = ""
    else:
        reason = rest[len(separator):].rstrip()
        if reason.endswith("-->"):
            reason = reason[:-3]
        reason = reason.strip()
    return frozenset(i.strip().upper() for i in ids.split(",") if i.strip()), reason


def parse_line(line: str) -> Optional[tuple[frozenset[str], str]]:
    """The rule ids and reason of the first suppression comment of ``line``, or None."""
    brackets = _Brackets(line)
    for match in DOCSEC_WORD.finditer(line):
        found = _suppression_at(line, match.start(), brackets)
        if found is not None:
            return found
    return None


def find_suppressions(text: str) -> dict[int, Suppression]:
    found: dict[int, Suppression] = {}
    if "docsec" not in text:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        if "docsec" not in line:
            continue
        parsed = parse_line(line)
        if parsed is not None:
            found[number] = Suppression(number, *parsed)
    return found


OPENER_SIGNS = ("<!--", "//", "--", "#", ";", "REM")


def without_suppressions(text: str) -> str:
    """``text`` with each line's suppression comment removed (the code readers are shown).

    The comment goes from its opener to the end of the line, with the blanks
    before it; a line that held nothing else stays, empty, so line numbers
    and highlighted lines keep their place.
    """
    found = find_suppressions(text)
    if not found:
        return text
    lines = text.split("\n")
    for number in found:
        line = lines[number - 1]
        start = _comment_start(line)
        if start is not None:
            lines[number - 1] = line[:start].rstrip()
    return "\n".join(lines)


def _comment_start(line: str) -> "int | None":
    """Where the suppression comment of ``line`` opens: the opener right before (blanks aside) its ``docsec``."""
    lowered = line.lower()
    position = lowered.find("docsec")
    while position >= 0:
        end = position
        while end > 0 and line[end - 1].isspace():
            end -= 1
        before = line[:end].upper()
        sign = next((sign for sign in OPENER_SIGNS if before.endswith(sign)), None)
        if sign is not None and lowered.startswith("docsec:", position):
            return end - len(sign)
        position = lowered.find("docsec", position + 1)
    return None
