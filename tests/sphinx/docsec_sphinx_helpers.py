"""Helpers shared by the Sphinx front-end tests (imported as a top-level module)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CONF = """\
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
"""
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SERVER = "HTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler)"


@dataclass
class Built:
    app: Any
    srcdir: Path

    @property
    def warnings(self) -> str:
        stream = getattr(self.app, "warning", None) or self.app._warning
        return ANSI.sub("", stream.getvalue())

    @property
    def statuscode(self) -> int:
        return int(self.app.statuscode)

    def html(self, docname: str) -> str:
        return (Path(self.app.outdir) / f"{docname}.html").read_text(encoding="utf-8")

    def output(self, name: str) -> str:
        return (Path(self.app.outdir) / name).read_text(encoding="utf-8")

    def docsec_warnings(self) -> list[str]:
        return [line for line in self.warnings.splitlines() if "[docsec." in line or " DS" in line]


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the ``occurrence``-th line of ``text`` containing ``needle``."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    return hits[occurrence - 1]


