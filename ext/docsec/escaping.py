"""What docsec prints of what it read: control characters and line breaks made visible.

Everything docsec writes to a log or a terminal (the text and GitHub
reports, Sphinx warnings and the build summary, mystmd messages) may quote a
document: a rule's message names the code it found, a diagnostic the
directive it could not read, a path the file's name.  A hostile page could
then put a line break followed by ``::error file=...`` (a GitHub workflow
command) or an escape sequence for the terminal into the log.  Front ends pass
every such piece through :func:`printable`, which writes those characters as
``\\x1b`` or ``\\u2028``; tabs stay.

This module sits at the bottom, beside the data model: the engine, the
sources and every front end may use it.
"""

from __future__ import annotations

import re

# C0 controls but the tab, DEL and C1 controls; the Unicode line and paragraph separators; the
# bidirectional embedding, override and isolate controls (which reorder what a reader sees); lone surrogates
# (a file name that is not UTF-8, a notebook's "\\ud800"), which no UTF-8 output can hold.
UNPRINTABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` on one line, every control character, line break or bidi control shown as an escape."""
    if text.isprintable():  # the common case, and none of the characters above is printable
        return text
    return UNPRINTABLE.sub(_escape, text)


ESCAPED_BYTE = re.compile("[\udc80-\udcff]")  # how Python reads a byte of a file name that is not UTF-8


def file_name(text: str) -> str:
    """A path as text every report and file can hold: each byte of a name that is not UTF-8 (which Python
    reads as a lone surrogate) written ``%E9``."""
    if not ESCAPED_BYTE.search(text):
        return text
    return ESCAPED_BYTE.sub(lambda byte: f"%{ord(byte.group()) - 0xDC00:02X}", text)
