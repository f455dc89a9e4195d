"""The scripts of an HTML block, for its JavaScript view: read with the standard library's HTML parser
(:class:`html.parser.HTMLParser`, which reads a ``<script>`` element's content as raw text, as browsers do),
everything outside ``<script>`` elements blanked so that lines and columns stay those of the block.

Scripts of another type (``type="text/template"``, ``application/json``, ``importmap``) are not JavaScript
and are left out.
"""

from __future__ import annotations

from html.parser import HTMLParser

JAVASCRIPT_TYPES = ("", "text/javascript", "application/javascript", "module", "text/ecmascript",
                    "application/ecmascript", "text/jsx", "text/babel")


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.pieces: list[tuple[int, int, str]] = []  # (1-based line, column, text) of each script's content
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            kind = (dict(attrs).get("type") or "").strip().lower()
            self._inside = kind in JAVASCRIPT_TYPES

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside and self.lasttag == "script" and data.strip():
            line, column = self.getpos()
            self.pieces.append((line, column, data))


def script_text(text: str) -> str:
    """``text`` with only the content of its JavaScript ``<script>`` elements kept, at their places."""
    parser = _Scripts()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError):  # (a malformed declaration the parser gives up on)
        pass
    lines = [""] * (text.count("\n") + 1)
    for line, column, data in parser.pieces:
        for offset, part in enumerate(data.split("\n")):
            index = line - 1 + offset
            if 0 <= index < len(lines):
                lines[index] = (" " * column + part) if offset == 0 else part
    return "\n".join(lines)
