"""Shared helpers for the sources tests: blocks as comparable rows."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from docsec.core.config import Config
from docsec.sources import SourceResult, extract

FIXTURES = Path(__file__).parent / "fixtures"
CONFIG = Config.from_mapping({"marker_classes": ["legacy-insecure"]})


def read(path: Path, display: Optional[str] = None, text: Optional[str] = None) -> SourceResult:
    return extract(path, display or path.name, CONFIG, text)


def rows(result: SourceResult) -> list[tuple]:
    """(path, line, cell, language, marker kind, reason, secure, first code line) per block."""
    return [
        (b.location.path, b.location.line, b.location.cell, b.language, b.marker.kind.value, b.marker.reason,
         b.secure, b.text.strip().splitlines()[0] if b.text.strip() else "")
        for b in result.blocks
    ]


def located(result: SourceResult, lines: list[str]) -> None:
    """Every block's first code line really is at its reported line."""
    for block in result.blocks:
        first = block.text.strip().splitlines()[0].strip() if block.text.strip() else ""
        if first and block.location.cell is None and block.location.path == result.path:
            assert first in lines[block.location.line - 1], (block, lines[block.location.line - 1])
