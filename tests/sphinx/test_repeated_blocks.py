"""A block a page shows many times (a file included a hundred times) is scanned once in a Sphinx build too."""

from __future__ import annotations

import pytest
from docsec_sphinx_helpers import CONF

from docsec.core.engine import Engine
from docsec.model import CodeBlock


def test_a_file_included_100_times_is_scanned_once(build, monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [f"value_{i} = compute({i})" for i in range(2_000)]
    lines[1_500] = "data = pickle.loads(blob)"
    page = "# Page\n\n" + "```{literalinclude} big.py\n:language: python\n```\n\n" * 100
    scans: list[CodeBlock] = []
    scan = Engine.scan
    monkeypatch.setattr(Engine, "scan", lambda self, block: scans.append(block) or scan(self, block))
    built = build({"index.md": page, "big.py": "\n".join(lines) + "\n"},
                  conf=CONF + "docsec_background_scan = False\n")
    assert len(scans) == 1
    assert built.statuscode == 1
    assert [line for line in built.warnings.splitlines() if "DSP005" in line and "WARNING" in line] == [
        f"{built.srcdir / 'big.py'}:1501: WARNING: DSP005 `pickle.loads` unpickles its input, and a pickle can "
        "run any code while loading; use a data-only format (JSON, CSV, Parquet, safetensors) for anything not "
        "written by this program [docsec.DSP005]"]
