"""The language-independent view: the block's lines as written."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from .lazy import lazy_property

# Escapes that spell a character by its code or name (``\x70``, ``\u0070``, ``\N{...}``, ``\160``):
# a block holding one may say in the language what its text does not, so no prefilter applies.
SPELLING_ESCAPE = re.compile(r"\\[xuUN0-7]")
# What the views may join or drop between the characters of a word: quotes, backslashes
# (escapes, line continuations with the indentation after them) and PowerShell backticks.
HIDDEN = re.compile(r"\\\r?\n[ \t]*|[\\'\"`]")
# Case-insensitive patterns match "ı" and "İ" as "i" (and "ſ", "K" as "s", "k", which NFKC already folds).
DOTTED_I = str.maketrans({"\u0130": "i", "\u0131": "i"})


@dataclass(frozen=True)
class TextView:
    text: str

    @lazy_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @lazy_property
    def trigger_text(self) -> Optional[str]:
        """The text rule triggers are looked for in, or ``None`` to run every rule.

        Lower-cased, with quotes, backslashes and backticks removed (``c"url"``
        and ``cu\\rl`` are ``curl`` to a shell), and NFKC-normalised text added
        for non-ASCII blocks (Python reads identifiers that way; with "ı" and "İ"
        as "i", since case-insensitive patterns read them so).  Removing those
        characters only ever joins text, so a trigger (which holds none of them,
        nor a line break or leading blank) that is a substring of what a view
        sees is a substring of this.
        """
        if "\\" in self.text and SPELLING_ESCAPE.search(self.text):
            return None
        return trigger_form(self.text)


def trigger_form(text: str) -> str:
    """``text`` as :attr:`TextView.trigger_text` reads it: lower-cased, NFKC text added when it
    is not ASCII, quotes, backslashes and backticks removed."""
    if not text.isascii():
        text = text + "\n" + unicodedata.normalize("NFKC", text).translate(DOTTED_I)
    text = text.lower()
    if "\\" in text:
        return HIDDEN.sub("", text)
    return text.replace("'", "").replace('"', "").replace("`", "")  # (what HIDDEN removes without a backslash)


# Signs that a value in an example stands for a secret rather than being one.
PLACEHOLDER = re.compile(
    r"^$|[$%]\{?\w|\$\(|`|<[^<>]*>|\{\{|\[[^\]]*\]$|\.\.\.|…|\*{3}|x{4}|X{4}|_{3}|#{3}"
    r"|example|sample|dummy|placeholder|redacted|changeme|change[-_.]?me|change[-_]?this|replace|insert|fill[-_]?in"
    r"|your|my[-_]?(?:secret|token|pass|key|api)|\bfake|\btest|\bfoo\b|\bbar\b|\btodo\b|secret[-_]?here|token[-_]?here"
    r"|key[-_]?here|0123456|123456|abcdef|abc123|(.)\1{5}",
    re.IGNORECASE,
)
WORDS_ONLY = re.compile(r"^[A-Za-z]+(?:[-_][A-Za-z]+)*$")
# Setting and variable names (``DB_PASSWORD``, ``api-key``) that hold a secret, and those that only name one.
SECRET_NAME = re.compile(
    r"(?:secret|token|passw(?:or)?d|passwd|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key"
    r"|credential|client[_-]?secret|signing[_-]?key|encryption[_-]?key)(?:$|[_-])",
    re.IGNORECASE,
)
NOT_A_SECRET = re.compile(
    r"(?:_id|_file|_path|_dir|_url|_uri|_host|_user|_username|_name|_type|_length|_len|_expiry|_ttl|_header"
    r"|_env|_cmd|_command|_stdin|_prompt|_policy|_id_\w+)$|(?:^|[_-])(?:id|file|path|url|stdin|env|prompt|ref)$",
    re.IGNORECASE,
)


def names_a_secret(name: str) -> bool:
    """``DB_PASSWORD``, ``stripe-api-key``: a name whose value is a secret (not ``PASSWORD_FILE``)."""
    return bool(SECRET_NAME.search(name)) and not NOT_A_SECRET.search(name)


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
