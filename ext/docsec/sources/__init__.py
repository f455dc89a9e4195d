"""Sources: turn documentation files into code blocks with exact locations.

One module per format: :mod:`.markdown` (MyST Markdown, via markdown-it-py
and the MyST plugins), :mod:`.rst` (reStructuredText, via docutils; for
``docsec check``, via the equivalent line-based reader :mod:`.rst_fast`
wherever it can vouch for the result) and :mod:`.notebook` (Jupyter, via
nbformat).  :func:`extract` dispatches on the file suffix and never raises on
bad input: problems come back as diagnostics with the file and line, beside
whatever blocks could be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from ..core.config import Config
from ..model import CodeBlock, Diagnostic

SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".rst": "rst", ".txt": "rst", ".ipynb": "notebook"}


@dataclass
class SourceResult:
    path: str
    blocks: list[CodeBlock] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def extract(path: Path, display_path: str, config: Optional[Config] = None, text: Optional[str] = None) -> SourceResult:
    """Read ``path`` and return its code blocks; ``display_path`` is used in locations.

    ``text`` may be given to avoid reading the file again.
    """
    from importlib import import_module

    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        return SourceResult(display_path, diagnostics=[Diagnostic(
            "unsupported-file", f"docsec does not read {path.suffix!r} files; pass .md, .rst, .txt or .ipynb",
            display_path, 1)])
    from ._include import reading_once

    module = import_module(f".{kind}", __name__)
    with reading_once():  # a file the page includes many times is read once
        return module.extract(path, display_path, config or Config(), text)  # type: ignore[no-any-return]
