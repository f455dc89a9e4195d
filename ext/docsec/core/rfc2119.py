"""RFC 2119 / RFC 8174 requirement levels for ``security`` guidance.

Pure text logic, no Sphinx or docutils: it belongs to the core and lives
here only until it moves to ``docsec.core`` (the Sphinx front end and the
mystmd plugin share it).

Per RFC 8174 only the ALL-CAPS words are keywords: "you must" is prose,
"you MUST" is a requirement.  Each keyword maps to one of five levels:

=================  ==============================================
level              keywords
=================  ==============================================
``must-not``       MUST NOT, SHALL NOT
``must``           MUST, REQUIRED, SHALL
``should-not``     SHOULD NOT, NOT RECOMMENDED
``should``         SHOULD, RECOMMENDED
``may``            MAY, OPTIONAL
=================  ==============================================

Ranking: absolute requirements (``must-not``, ``must``) outrank
recommendations (``should-not``, ``should``), which outrank ``may``.  Within
a tier a prohibition outranks the positive form (``must-not`` > ``must``):
security guidance that draws a red line ("MUST NOT disable certificate
verification") is the stronger message, and a reader scanning badges should
see the prohibition.  A declared level agrees with the body when the body
uses that level's keywords and nothing of a stronger tier.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

LEVELS = ("must-not", "must", "should-not", "should", "may")  # strongest first
TIER = {"must-not": 3, "must": 3, "should-not": 2, "should": 2, "may": 1}
LABELS = {"must-not": "MUST NOT", "must": "MUST", "should-not": "SHOULD NOT", "should": "SHOULD", "may": "MAY"}

KEYWORD_LEVEL = {
    "MUST NOT": "must-not", "SHALL NOT": "must-not",
    "MUST": "must", "REQUIRED": "must", "SHALL": "must",
    "SHOULD NOT": "should-not", "NOT RECOMMENDED": "should-not",
    "SHOULD": "should", "RECOMMENDED": "should",
    "MAY": "may", "OPTIONAL": "may",
}
# Longer phrases first so "MUST NOT" is one keyword, not MUST followed by prose.
KEYWORD = re.compile(
    r"\b(?:(?:MUST|SHALL|SHOULD)\s+NOT|NOT\s+RECOMMENDED|MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL)\b"
)


@dataclass(frozen=True)
class Keyword:
    start: int
    end: int
    text: str
    level: str


def parse_level(value: str) -> str:
    """``MUST NOT``, ``must_not``, ``Must-Not`` → ``must-not``; ValueError names the allowed values."""
    text = re.sub(r"[\s_-]+", "-", str(value).strip().lower())
    if text not in TIER:
        raise ValueError(f"unknown level {value!r}; use one of: {', '.join(reversed(LEVELS))}")
    return text


def find_keywords(text: str) -> list[Keyword]:
    """Every ALL-CAPS RFC 2119 keyword in ``text``, in order."""
    return [
        Keyword(match.start(), match.end(), match.group(), KEYWORD_LEVEL[" ".join(match.group().split())])
        for match in KEYWORD.finditer(text)
    ]


def split_keywords(text: str) -> Iterator[tuple[str, str | None]]:
    """Split ``text`` into ``(piece, level)`` runs; ``level`` is None for prose."""
    position = 0
    for keyword in find_keywords(text):
        if keyword.start > position:
            yield text[position:keyword.start], None
        yield keyword.text, keyword.level
        position = keyword.end
    if position < len(text):
        yield text[position:], None


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")


def requirement_sentences(text: str) -> list[tuple[str, str]]:
    """``(sentence, level)`` for each sentence of prose ``text`` that carries a keyword (its strongest)."""
    found = []
    for sentence in SENTENCE_END.split(" ".join(text.split())):
        level = strongest(keyword.level for keyword in find_keywords(sentence))
        if level is not None:
            found.append((sentence, level))
    return found


def strongest(levels: Iterable[str]) -> str | None:
    """The strongest level among ``levels`` (see the module docstring), or None."""
    present = set(levels)
    return next((level for level in LEVELS if level in present), None)


def disagreement(declared: str, found: Iterable[str]) -> str | None:
    """Why ``declared`` does not match the body's keyword levels ``found``, or None.

    No keywords in the body is no disagreement: the declared level stands.
    """
    present = set(found)
    if not present:
        return None
    top = strongest(present)
    assert top is not None
    if declared in present and TIER[declared] == TIER[top]:
        return None
    words = ", ".join(LABELS[level] for level in LEVELS if level in present)
    return f"declared level {LABELS[declared]} but the body uses {words} (strongest: {LABELS[top]})"
