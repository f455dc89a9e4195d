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
