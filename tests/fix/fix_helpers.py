"""Shared helpers for the --fix tests: the legacy configuration and a one-call rewrite."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.fix import Choice, fix_text
from docsec.model import MarkerKind, Status
from docsec.sources import extract

LEGACY = Config.from_mapping({
    "legacy_admonitions": ["danger"],
    "legacy_phrases": ["insecure practice", "do not use this code"],
})
NOTICE = "This is for demonstration of insecure practice only! DO NOT use this code in production or on any network!"
# A notice that says more than the banner does, with inline markup: it moves into :reason: as written.
MOVING = "Shows the **insecure practice** of evaluating `user` input."


def choices_for(path: Path, config: Config = LEGACY) -> list[Choice]:
    """What ``docsec check --fix`` chooses: flagged blocks that a legacy marker accepts."""
    engine = Engine(config)
    chosen = []
    for block in extract(path, path.name, config).blocks:
        flagged = any(f.status is Status.MARKED for f in engine.scan(block).findings)
        if block.marker.kind is MarkerKind.LEGACY and flagged:
            chosen.append(Choice(block, block.marker.reason, legacy=True))
    return chosen


def fixed(tmp_path: Path, name: str, text: str, config: Config = LEGACY) -> Optional[str]:
    """The rewritten text (None when nothing changes); fails the test if the fix was refused."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    result = fix_text(path, name, text, choices_for(path, config), config)
    assert result.problem == "", result.problem
    return result.after if result.changed else None
