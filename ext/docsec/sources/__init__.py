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
from ..core.dialect import DEFAULT, Dialect
from ..model import CodeBlock, Diagnostic

SUFFIXES = dict(DEFAULT.suffixes)  # what docsec reads without a documentation tool
READERS = frozenset({"markdown", "rst", "notebook"})


@dataclass
class SourceResult:
    path: str
    blocks: list[CodeBlock] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def extract(path: Path, display_path: str, config: Optional[Config] = None, text: Optional[str] = None,
            reader: str = "", dialect: Dialect = DEFAULT) -> SourceResult:
    """Read ``path`` and return its code blocks; ``display_path`` is used in locations.

    ``text`` may be given to avoid reading the file again.  ``reader`` (``markdown``, ``rst`` or
    ``notebook``) is how the project's tool reads the file; by default, the file's suffix decides.
    ``dialect`` is the project's syntax (see :mod:`docsec.core.dialect`).
    """
    from importlib import import_module

    kind = reader or SUFFIXES.get(path.suffix.lower()) or dialect.reader_for(path.suffix)
    if kind not in READERS:
        return SourceResult(display_path, diagnostics=[Diagnostic(
            "unsupported-file", f"docsec does not read {path.suffix!r} files; pass .md, .rst, .txt or .ipynb",
            display_path, 1)])
    from ._include import reading_once

    module = import_module(f".{kind}", __name__)
    with reading_once():  # a file the page includes many times is read once
        return module.extract(path, display_path, config or Config(), text, dialect)  # type: ignore[no-any-return]
