"""The language-independent view: the block's lines as written."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from .credentials import is_placeholder as credential_placeholder, is_secret_name, looks_real
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
    kind: str = "text"  # the block's kind (labels.language_kind; "code" for JavaScript, Go...): settings are read
    # from text blocks only (INI, TOML, .env, JSON, plain text), not from code docsec has no view for

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


# Setting and variable names (``DB_PASSWORD``, ``api-key``) that hold a secret, and those that only name one.
SECRET_NAME = re.compile(
    r"(?:secret|token|passw(?:or)?d|passwd|pwd|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key"
    r"|credential|client[_-]?secret|signing[_-]?key|encryption[_-]?key)(?:$|[_-])",
    re.IGNORECASE,
)
NOT_A_SECRET = re.compile(
    r"(?:_id|_file|_path|_dir|_url|_uri|_host|_user|_username|_name|_type|_length|_len|_expiry|_ttl|_header"
    r"|_env|_cmd|_command|_stdin|_prompt|_policy|_id_\w+)$|(?:^|[_-])(?:id|file|path|url|stdin|env|prompt|ref)$"
    r"|^existing|[_.-]existing|existing(?=[A-Z_-])",
    re.IGNORECASE,
)


def names_a_secret(name: str) -> bool:
    """``DB_PASSWORD``, ``stripe-api-key``, ``PGPASSWORD``: a name whose value is a secret (not ``PASSWORD_FILE``)."""
    return (bool(SECRET_NAME.search(name)) or is_secret_name(name)) and not NOT_A_SECRET.search(name)


# Signs of a value in a shell, a Dockerfile or a YAML file that a literal never has.
SHELL_PLACEHOLDER = re.compile(r"[$%]\{?\w|\$\(|`")


def is_placeholder(value: str) -> bool:
    """True when ``value`` is an obvious stand-in: ``$TOKEN``, ``<token>``, ``your-key``, ``xxxx``, ``...``."""
    text = value.strip().strip("'\"")
    return bool(SHELL_PLACEHOLDER.search(text)) or credential_placeholder(text)


# A path to a credentials file (``GOOGLE_APPLICATION_CREDENTIALS=/path/to/key.json``): where a secret is, not one.
FILE_PATH_VALUE = re.compile(r"^(?:~|\.{1,2})?(?:/[\w.@-]+){2,}/?$|^[\w./~-]+\.(?:json|pem|key|crt|p12|pfx|ya?ml|env|txt"
                             r"|cfg|ini|conf)$")


def looks_like_secret(value: str, min_length: int = 6) -> bool:
    """True when ``value`` reads as a real password or key rather than a name or a placeholder.

    The same judgement as every other rule's (:func:`docsec.languages.credentials.looks_real`):
    ``min_length`` 6 or less reads the value as a password, 8 as a secret key, more as a token.
    """
    value = value.strip().strip("'\"")
    if len(value) < min_length or SHELL_PLACEHOLDER.search(value) or FILE_PATH_VALUE.match(value):
        return False
    kind = "password" if min_length <= 6 else "secret" if min_length <= 8 else "token"
    return looks_real(value, kind)
