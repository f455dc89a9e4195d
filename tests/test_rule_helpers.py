"""Helpers the rules share, against their plain definitions."""

from __future__ import annotations

import random
import re

from docsec.rules.python._secret_heuristics import words


def test_words_split_names_as_the_plain_definition_does() -> None:
    camel = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")

    def plain(identifier: str) -> list[str]:  # the tail after the last separator, each alphanumeric run split
        tail = re.split(r"[.\[\]'\"]+", identifier.strip(".[]'\""))[-1] if identifier else ""
        return [part.lower() for chunk in re.split(r"[^A-Za-z0-9]+", tail) for part in camel.findall(chunk)]

    generator = random.Random(5)
    for _ in range(20000):
        identifier = "".join(generator.choice("aBz9_.[]'\"-\u00e9 \u0131\u017fKxY0") for _ in range(generator.randint(0, 12)))
        assert words(identifier) == plain(identifier), identifier
    assert words("app.config['SECRET_KEY']") == ["secret", "key"] and words("dbPassword2") == ["db", "password", "2"]


def test_secret_and_password_names_as_the_plain_definition_does() -> None:
    from docsec.rules.python import _secret_heuristics as h

    def plain_secret(identifier: str) -> bool:
        parts = h.words(identifier)
        if any(a == "cookie" and b == "secret" for a, b in zip(parts, parts[1:])):
            return True
        if not parts or any(p in h.META_WORDS for p in parts):
            return False
        return (any(p in h.PASSWORD_WORDS or p in h.SECRET_WORDS for p in parts) or h._names_key(parts)
                or "".join(parts) in h.SECRET_WORDS)

    def plain_password(identifier: str) -> bool:
        parts = h.words(identifier)
        return any(p in h.PASSWORD_WORDS for p in parts) and not any(p in h.META_WORDS for p in parts)

    vocabulary = ["cookie", "secret", "key", "keys", "api", "to", "ken", "pass", "word", "url", "db", "Token",
                  "PASSWORD", "x", "2", "auth", "session", "name"]
    generator = random.Random(11)
    for _ in range(20000):
        identifier = generator.choice(["", "_", ".", "['", "-"]).join(
            generator.choice(vocabulary) for _ in range(generator.randint(0, 4)))
        assert h.is_secret_name(identifier) == plain_secret(identifier), identifier
        assert h.is_password_name(identifier) == plain_password(identifier), identifier
