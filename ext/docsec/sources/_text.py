"""Reading a source file as text, and the small pieces every format shares.

Nothing here raises on bad input: a file that cannot be read, is binary or
is not UTF-8 comes back as a :class:`~docsec.model.Diagnostic` that names the
file and says what to do, beside whatever text could be decoded.
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Optional

from ..core.legacy import about_the_code
from ..core.locate import first_code_line
from ..model import (
    NO_MARKER,
    CodeBlock,
    Diagnostic,
    Location,
    Marker,
    MarkerKind,
    Origin,
    Severity,
    Span,
)

# Larger files are still read; above this size we only say why it is slow.
MAX_BYTES = 50 * 1024 * 1024
BINARY_SNIFF = 8192


@dataclass
class Decoded:
    text: Optional[str]
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_text(path: Path, display_path: str, text: Optional[str] = None) -> Decoded:
    """The file's text (``text`` if given), or ``None`` with a diagnostic."""
    if text is not None:
        if "\x00" in text[:BINARY_SNIFF]:
            return Decoded(None, [_binary(display_path, text.index("\x00"))])
        return Decoded(text.removeprefix("\ufeff"))
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a FIFO or /dev/zero would block or never end
            return Decoded(None, [Diagnostic(
                "unreadable-file", f"{display_path} is not a regular file (a pipe, socket or device); docsec "
                "reads .md, .rst, .txt and .ipynb files. Remove or exclude it", display_path, 1, Severity.MEDIUM)])
        data = path.read_bytes()
    except OSError as error:
        reason = error.strerror or error.__class__.__name__
        return Decoded(None, [Diagnostic(
            "unreadable-file", f"cannot read {display_path}: {reason}; check the path and its permissions",
            display_path, 1, Severity.MEDIUM)])
    return decode(data, display_path)


def decode(data: bytes, display_path: str) -> Decoded:
    diagnostics: list[Diagnostic] = []
    nul = data.find(b"\x00", 0, BINARY_SNIFF)
    if nul >= 0:
        return Decoded(None, [_binary(display_path, nul)])
    if len(data) > MAX_BYTES:
        diagnostics.append(Diagnostic(
            "file-too-large", f"{display_path} is {len(data) / 1e6:.0f} MB; reading it may be slow. "
            "Exclude it (``exclude`` in [tool.docsec]) if it is not documentation",
            display_path, 1, Severity.INFO))
    try:
        return Decoded(data.decode("utf-8-sig"), diagnostics)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        diagnostics.append(Diagnostic(
            "not-utf8", f"{display_path} is not valid UTF-8 text at byte {error.start} (line {line}); "
            "save the file as UTF-8. Undecodable bytes were replaced and the rest was scanned",
            display_path, line, Severity.MEDIUM))
        return Decoded(data.decode("utf-8-sig", errors="replace"), diagnostics)


def _binary(display_path: str, offset: int) -> Diagnostic:
    return Diagnostic(
        "binary-file", f"{display_path} looks like a binary file (NUL byte at byte {offset}), not text; "
        "docsec reads UTF-8 .md, .rst, .txt and .ipynb files. Exclude it or fix its extension",
        display_path, 1, Severity.MEDIUM)


def markdown_lines(text: str) -> list[str]:
    """Source lines as markdown-it counts them (only ``\\r\\n``, ``\\r`` and ``\\n`` break lines)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@dataclass(frozen=True)
class Context:
    """What surrounds the blocks being read: an enclosing ``insecure-example`` /
    ``secure-example``, an enclosing legacy admonition, and the legacy marker of
    the element right before the next block (``follows``)."""

    marker: Marker = NO_MARKER
    secure: bool = False
    legacy: Optional[Marker] = None
    follows: Optional[Marker] = None

    def inside(self, name: str, reason: str = "") -> Context:
        if name == "insecure-example":
            return replace(self, marker=Marker(MarkerKind.INSECURE, reason), follows=None)
        if name == "secure-example":
            return replace(self, secure=True, follows=None)
        return self

    def within_legacy(self, marker: Optional[Marker]) -> Context:
        """Inside an admonition that is a legacy marker (the innermost one names it)."""
        return replace(self, legacy=marker or self.legacy, follows=None)

    def after(self, marker: Optional[Marker]) -> Context:
        return self if marker is self.follows else replace(self, follows=marker)


NO_CONTEXT = Context()


def block_marker(context: Context, classes: list[str] | tuple[str, ...], marker_classes: frozenset[str],
                 code: str = "") -> Marker:
    """The wrapper's marker wins (it carries the reason); else a marker class on the block;
    else a legacy marker: the element right before the block (when it is about this ``code``), then the
    enclosing admonition."""
    if context.marker.kind is not MarkerKind.NONE:
        return context.marker
    if any(name in marker_classes for name in classes):
        return Marker(MarkerKind.CLASS)
    return about_the_code(context.follows, code) or context.legacy or NO_MARKER


def make_block(text: str, language: str, path: str, lines: list[str], expected: int,
               marker: Marker, secure: bool, cell: Optional[int] = None,
               line_offset: int = 0, origin: Optional[Origin] = None, spans: tuple[Span, ...] = ()) -> CodeBlock:
    """A block whose code starts at 1-based ``expected`` in ``lines`` (confirmed with first_code_line).

    ``line_offset`` is added after locating (for text that was located within a part of a file).
    """
    line = _locate(lines, expected, text) if not spans else expected
    return CodeBlock(text, language, Location(path, line + line_offset, cell), marker, secure, origin, spans)


def collapsed(text: str, location: Location) -> tuple[Span, ...]:
    """Every line of ``text`` reported at ``location``: text that is not written where it is shown
    (a substitution's value)."""
    lines = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
    return (Span(1, lines, location),)


def _locate(lines: list[str], expected: int, text: str) -> int:
    """``first_code_line`` from the exact line the parser gives, so both front ends agree.

    When the code's first line cannot be found in the source (tabs expanded
    by docutils, say), the parser's line is kept rather than a guess.
    """
    if not text.strip():
        return expected
    line = first_code_line(lines, expected, text)
    if line == expected:
        return line
    code_lines = text.split("\n")
    leading = next(i for i, code_line in enumerate(code_lines) if code_line.strip())
    index = line - 1 + leading
    wanted = code_lines[leading].strip()
    found = 0 <= index < len(lines) and lines[index].strip().endswith(wanted)
    return line if found else expected
