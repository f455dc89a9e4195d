"""Code in raw HTML: the ``<pre>`` elements of a page's HTML blocks and ``raw`` directives.

A reader sees the text of a ``<pre>`` element as a code listing, so docsec
scans it, in all three front ends alike (see "Which blocks" in
docs/snippets.md): the HTML blocks of a Markdown page, ``{raw} html`` and
``.. raw:: html`` (Sphinx shows them; mystmd shows neither), and notebook
raw cells of format ``text/html``.  Everything else in raw HTML is not
code and is not read.

The HTML is read with :class:`html.parser.HTMLParser` (character references
decoded, as a browser shows them); the text of each ``<pre>`` is what a
browser shows, without the one line break that may follow the start tag.
Its language is the ``language-*`` or ``lang-*`` class of the ``<code>``
inside it, else of the ``<pre>`` itself, else none.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Optional

LANGUAGE_PREFIXES = ("language-", "lang-")


@dataclass(frozen=True)
class Pre:
    text: str
    language: str
    line: int  # 0-based line of the HTML where the text's first line is


def pre_blocks(html: str) -> list[Pre]:
    """The ``<pre>`` elements of ``html``, in order (an unclosed one runs to the end)."""
    if "<pre" not in html.lower():
        return []
    reader = _PreReader()
    try:
        reader.feed(html)
        reader.close()
    except Exception:  # noqa: BLE001 - HTMLParser is tolerant; never let a page stop the scan
        pass
    reader.finish()
    return reader.found


class _PreReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Pre] = []
        self.depth = 0
        self.parts: list[str] = []
        self.first_line: Optional[int] = None
        self.pre_language = ""
        self.code_language = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag == "pre":
            if self.depth == 0:
                self.parts, self.first_line = [], None
                self.pre_language, self.code_language = _language(attrs), ""
                self.start_line = self.getpos()[0] - 1
            self.depth += 1
        elif tag == "code" and self.depth and not self.code_language and not self.parts:
            self.code_language = _language(attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        if tag == "br" and self.depth:
            self.handle_data("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self.depth:
            self.depth -= 1
            if self.depth == 0:
                self._emit()

    def handle_data(self, data: str) -> None:
        if not self.depth:
            return
        if self.first_line is None:
            line = self.getpos()[0] - 1
            if not self.parts and data.startswith("\n"):  # the line break after <pre> is not shown
                data = data[1:]
                line += 1
            self.first_line = line
        self.parts.append(data)

    def finish(self) -> None:
        if self.depth:
            self._emit()
            self.depth = 0

    def _emit(self) -> None:
        text = "".join(self.parts)
        line = self.first_line if self.first_line is not None else self.start_line
        self.found.append(Pre(text, self.code_language or self.pre_language, line))
        self.parts, self.first_line = [], None


def _language(attrs: list[tuple[str, Optional[str]]]) -> str:
    for name, value in attrs:
        if name == "class" and value:
            for word in value.split():
                for prefix in LANGUAGE_PREFIXES:
                    if word.startswith(prefix) and len(word) > len(prefix):
                        return word[len(prefix):]
    return ""
