"""The language-independent view: the block's lines as written."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class TextView:
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()


# Signs that a value in an example stands for a secret rather than being one.
PLACEHOLDER = re.compile(
    r"^$|[$%]\{?\w|\$\(|`|<[^<>]*>|\{\{|\[[^\]]*\]$|\.\.\.|…|\*{3}|x{4}|X{4}|_{3}|#{3}"
    r"|example|sample|dummy|placeholder|redacted|changeme|change[-_.]?me|change[-_]?this|replace|insert|fill[-_]?in"
    r"|your|my[-_]?(?:secret|token|pass|key|api)|\bfake|\btest|\bfoo\b|\bbar\b|\btodo\b|secret[-_]?here|token[-_]?here"
    r"|key[-_]?here|0123456|123456|abcdef|abc123|(.)\1{5}",
    re.IGNORECASE,
)
WORDS_ONLY = re.compile(r"^[A-Za-z]+(?:[-_][A-Za-z]+)*$")


def is_placeholder(value: str) -> bool:
    """True when ``value`` is an obvious stand-in: ``$TOKEN``, ``<token>``, ``your-key``, ``xxxx``, ``...``."""
    return bool(PLACEHOLDER.search(value.strip().strip("'\"")))


def looks_like_secret(value: str, min_length: int = 6) -> bool:
    """True when ``value`` reads as a real password or key rather than a name or a placeholder.

    A real-looking value is long enough, is not a placeholder, and is not a
    plain word (``postgres``, ``password``, ``admin``): it mixes letters with
    digits or symbols, or is a long random-looking string.
    """
    value = value.strip().strip("'\"")
    if len(value) < min_length or is_placeholder(value) or WORDS_ONLY.match(value):
        return False
    classes = sum(bool(re.search(p, value)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9]"))
    return classes >= 2 and bool(re.search(r"[A-Za-z]", value)) or len(value) >= 20
