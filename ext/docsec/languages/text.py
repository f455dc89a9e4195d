"""The language-independent view: the block's lines as written."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextView:
    text: str

    @property
    def lines(self) -> list[str]:
        return self.text.splitlines()
