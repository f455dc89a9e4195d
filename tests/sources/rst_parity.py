"""Reading one rST text with docutils and with the fast reader, for the parity tests."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

from docsec.core.config import Config
from docsec.sources._text import read_text
from docsec.sources.rst import RstResult, docutils_lines, read_rst
from docsec.sources.rst_fast import Decline, read_or_decline


def view(result: RstResult) -> tuple[Any, ...]:
    """Everything read_rst returns, origins included (CodeBlock equality leaves them out)."""
    return tuple((block, block.origin) for block in result.blocks), tuple(result.diagnostics), result.highlight


@dataclass
class Outcome:
    docutils: Any  # the docutils view, or the exception docutils raised
    fast: Any  # the fast view, or None when it declined
    declined: str = ""  # why

    @property
    def handled(self) -> bool:
        return self.fast is not None

    @property
    def same(self) -> bool:
        return self.fast is None or self.fast == self.docutils


def both(text: str, path: Path, config: Config, display: Optional[str] = None) -> Outcome:
    display = display or path.name
    lines = docutils_lines(text)
    arguments = (path, display, config.marker_class_set())
    try:
        slow: Any = view(read_rst(text, *arguments, lines, directive_languages=config.directive_languages))
    except Exception as error:  # noqa: BLE001 - a docutils crash is an outcome too (extract reports it)
        slow = error
    try:
        fast = view(read_or_decline(text, lines, *arguments, config.directive_languages))
    except Decline as reason:
        return Outcome(slow, None, str(reason))
    except Exception as error:  # noqa: BLE001 - extract() falls back to docutils; compare what docutils did
        return Outcome(slow, None, f"raised {error!r}") if isinstance(slow, Exception) else Outcome(slow, error)
    return Outcome(slow, fast)


def both_for_file(path: Path, root: Path, config: Config) -> Optional[Outcome]:
    display = path.relative_to(root).as_posix()
    decoded = read_text(path, display)
    return None if decoded.text is None else both(decoded.text, path, config, display)


def difference(outcome: Outcome) -> str:
    """The first thing that differs, readably."""
    if isinstance(outcome.docutils, Exception) or isinstance(outcome.fast, Exception):
        return f"docutils: {outcome.docutils!r}\nfast: {outcome.fast!r}"
    slow_blocks, slow_diagnostics, slow_highlight = outcome.docutils
    fast_blocks, fast_diagnostics, fast_highlight = outcome.fast
    for index, (slow, fast) in enumerate(zip(slow_blocks, fast_blocks)):
        if slow != fast:
            return f"block {index}:\n  docutils {slow}\n  fast     {fast}"
    if len(slow_blocks) != len(fast_blocks):
        return f"{len(slow_blocks)} blocks with docutils, {len(fast_blocks)} with the fast reader"
    if slow_diagnostics != fast_diagnostics:
        return f"diagnostics:\n  docutils {slow_diagnostics}\n  fast     {fast_diagnostics}"
    return f"highlight: docutils {slow_highlight!r}, fast {fast_highlight!r}"
