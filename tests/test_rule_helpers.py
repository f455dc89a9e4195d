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
