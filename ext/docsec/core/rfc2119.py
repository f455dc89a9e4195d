"""RFC 2119 / RFC 8174 requirement levels for ``security`` guidance.

Pure text logic, no Sphinx or docutils.  The mystmd plugin (``docsec.mjs``)
implements the same classification in JavaScript; both must pass the shared
vectors in ``tests/vectors/rfc2119_vectors.json``.

Per RFC 8174 only the ALL-CAPS words are keywords: "you must" is prose,
"you MUST" is a requirement.  A keyword in quotes or backticks (the key
word "MUST") is named, not used, and so are those of the boilerplate
sentence that says how they are to be interpreted (it cites RFC 2119,
RFC 8174 or BCP 14).  Emphasis is read through: ``**MUST** **NOT**`` is
MUST NOT.  MUST, SHALL and SHOULD followed by "not" or "never" in any case
are the prohibitions ("MUST never" is MUST NOT); NOT REQUIRED is a MAY.
Each keyword maps to one of five levels:

=================  ==============================================
level              keywords
=================  ==============================================
``must-not``       MUST NOT, SHALL NOT
``must``           MUST, REQUIRED, SHALL
``should-not``     SHOULD NOT, NOT RECOMMENDED
``should``         SHOULD, RECOMMENDED
``may``            MAY, OPTIONAL, NOT REQUIRED
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
    "MAY": "may", "OPTIONAL": "may", "NOT REQUIRED": "may",
}
NEGATED = {"must": "must-not", "should": "should-not"}
# Longer phrases first so "MUST NOT" is one keyword, not MUST followed by prose.  A keyword stands
# alone: no letter, digit, ``_`` or ``-`` touches it (MAYBE, MUST-HAVE and ENV_MAY are no keywords).
# MUST, SHALL and SHOULD followed by "not" or "never" in any case are the prohibitions.
KEYWORD = re.compile(
    r"(?<![\w-])(?:(?:MUST|SHALL|SHOULD)\s+(?:NOT|[Nn]ot|NEVER|[Nn]ever)|NOT\s+(?:RECOMMENDED|REQUIRED)"
    r"|MUST|REQUIRED|SHALL|SHOULD|RECOMMENDED|MAY|OPTIONAL)(?![\w-])"
)
# Emphasis markup is read through ("**MUST** **NOT**" is MUST NOT).
EMPHASIS = re.compile(r"[*_]")
OPENING_QUOTES = frozenset("\"'\u201c\u2018\u00ab`")
CLOSING_QUOTES = frozenset("\"'\u201d\u2019\u00bb`")
# The boilerplate that says how the keywords are to be read uses them in name only.
BOILERPLATE_CITES = re.compile(r"\b(?:RFC[\s-]*(?:2119|8174)|BCP[\s-]*14)\b", re.IGNORECASE)
BOILERPLATE_SAYS = re.compile(r"\binterpret", re.IGNORECASE)


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
    """Every RFC 2119 keyword ``text`` *uses*, in order.

    Only ALL-CAPS keywords count (RFC 8174); a keyword in quotes or backticks
    (the word "MUST") is named, not used; so are the keywords of the
    boilerplate sentence that cites RFC 2119, RFC 8174 or BCP 14.  Offsets are
    into ``text`` itself.
    """
    found = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        if _boilerplate(sentence):
            continue
        for match in KEYWORD.finditer(sentence):
            if _quoted(sentence, match.start(), match.end()):
                continue
            found.append(Keyword(start + match.start(), start + match.end(), match.group(),
                                 _level(match.group())))
    return found


def _level(keyword: str) -> str:
    words = keyword.split()
    if len(words) == 2 and words[0] != "NOT":  # MUST NOT, SHALL never, SHOULD Not ...
        positive = KEYWORD_LEVEL[words[0]]
        return NEGATED[positive]
    return KEYWORD_LEVEL[" ".join(words)]


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether the keyword at ``text[start:end]`` stands between quotes (``"MUST"``, ``\u201cMUST,\u201d``)."""
    before = start - 1
    while before >= 0 and text[before] in "*_":
        before -= 1
    after = end
    while after < len(text) and text[after] in "*_":
        after += 1
    if after < len(text) and text[after] in ",.;:" and after + 1 < len(text) and text[after + 1] in CLOSING_QUOTES:
        after += 1
    return before >= 0 and text[before] in OPENING_QUOTES and after < len(text) and text[after] in CLOSING_QUOTES


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


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: a sentence ends at ``.``, ``!`` or ``?`` before a blank."""
    spans, start = [], 0
    for match in SENTENCE_END.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def levels(text: str) -> list[str]:
    """The levels of the keywords ``text`` uses, in order (see :func:`find_keywords`)."""
    return [keyword.level for keyword in find_keywords(EMPHASIS.sub("", text))]


def level_of(text: str) -> str | None:
    """The requirement level of ``text``: that of its strongest keyword, or None.

    This is the one classification docsec makes of prose: a ``security``
    item without ``:level:``, a paragraph ``--fix --guidance`` lifts, a
    sentence of prose guidance; the mystmd plugin implements the same and
    both pass ``tests/vectors/rfc2119_vectors.json``.
    """
    return strongest(levels(text))


def requirement_sentences(text: str) -> list[tuple[str, str]]:
    """``(sentence, level)`` for each sentence of prose ``text`` that carries a keyword (its strongest)."""
    collapsed = " ".join(text.split())
    found = []
    for start, end in _sentences(collapsed):
        sentence = collapsed[start:end]
        level = level_of(sentence) if not _boilerplate(sentence) else None
        if level is not None:
            found.append((sentence, level))
    return found


def _boilerplate(sentence: str) -> bool:
    return bool(BOILERPLATE_CITES.search(sentence) and BOILERPLATE_SAYS.search(sentence))


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
