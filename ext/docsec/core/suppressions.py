"""Inline suppressions: ``# docsec: ignore[RULE-ID, ...] -- reason``."""

from __future__ import annotations

import re
from dataclasses import dataclass

COMMENT = re.compile(
    r"(?:#|//|--|<!--|;|REM\b)\s*docsec:\s*ignore"
    r"(?:\[(?P<ids>[^\]]*)\])?"
    r"(?:\s*(?:--|—|:)\s*(?P<reason>.*?))?\s*(?:-->)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Suppression:
    line: int
    rule_ids: frozenset[str]  # empty: every rule on that line
    reason: str

    def covers(self, rule_id: str, symbol: str) -> bool:
        return not self.rule_ids or rule_id in self.rule_ids or symbol.upper() in self.rule_ids


def find_suppressions(text: str) -> dict[int, Suppression]:
    found: dict[int, Suppression] = {}
    if "docsec" not in text:
        return found
    for number, line in enumerate(text.splitlines(), start=1):
        if "docsec" not in line:
            continue
        match = COMMENT.search(line)
        if match:
            ids = frozenset(i.strip().upper() for i in (match.group("ids") or "").split(",") if i.strip())
            found[number] = Suppression(number, ids, (match.group("reason") or "").strip())
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
