"""Find where a block's code starts in its source file.

Parsers report the line of a directive or fence, not of the code: options,
a caption or a blank line may come between.  :func:`first_code_line` looks
for the block's first non-empty line at or after that hint, so findings
point at the exact offending line.
"""

from __future__ import annotations

from typing import Sequence

SEARCH_WINDOW = 60


def first_code_line(source_lines: Sequence[str], hint: int, code: str) -> int:
    """1-based line in ``source_lines`` where ``code`` begins, searching from ``hint``.

    Returns the line of the code's first line (counting leading blank lines of
    ``code``), or ``hint + 1`` when the text cannot be found (a literalinclude,
    say).
    """
    code_lines = code.split("\n")
    leading_blank = 0
    while leading_blank < len(code_lines) and not code_lines[leading_blank].strip():
        leading_blank += 1
    if leading_blank == len(code_lines):
        return hint + 1
    wanted = code_lines[leading_blank].strip()
    start = max(hint - 1, 0)
    for index in range(start, min(start + SEARCH_WINDOW, len(source_lines))):
        candidate = source_lines[index].strip()
        if candidate == wanted or (wanted and candidate.endswith(wanted) and _is_prefix_markup(candidate[: -len(wanted)])):
            return index + 1 - leading_blank
    return hint + 1


def _is_prefix_markup(prefix: str) -> bool:
    """Block quote or list markers that rst/MyST strip before the code (``> ``, ``- ``)."""
    return all(char in "> -*+|" or char.isdigit() or char == "." for char in prefix)
