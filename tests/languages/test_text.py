"""The text view's trigger form, against its plain definition."""

from __future__ import annotations

import random
import unicodedata


def test_trigger_form_removes_what_the_hidden_pattern_removes() -> None:
    """Without a backslash, removing quotes and backticks with ``str.replace`` gives what
    ``HIDDEN`` removes; with one, ``HIDDEN`` itself runs (line joins take their indentation)."""
    from docsec.languages.text import DOTTED_I, HIDDEN, trigger_form

    def plain(text: str) -> str:
        if not text.isascii():
            text = text + "\n" + unicodedata.normalize("NFKC", text).translate(DOTTED_I)
        return HIDDEN.sub("", text.lower())

    pieces = ["a", "B", "'", '"', "`", "\\", "\n", "\r\n", " ", "\t", "\u0130", "\uff54", "curl"]
    generator = random.Random(31)
    for _ in range(20000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
        assert trigger_form(text) == plain(text), text
    assert trigger_form('c"u"`r`l') == "curl" and trigger_form("cu\\\n   rl") == "curl"
