"""docsec's own docs build with the LaTeX, text, man and epub builders and keep the level labels.

LaTeX is checked as written by the builder (no pdflatex needed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LABELS = ("MUST NOT", "MUST", "SHOULD")


def _build(builder: str, tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / builder
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", builder, "-q", "-d", str(tmp_path / "doctrees"), "-c", ".", "docs",
         str(out)],
        cwd=REPO, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "[docsec" not in result.stderr, result.stderr
    return out, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("builder,files", [
    ("latex", ["docsec.tex"]),
    ("text", ["requirements.txt", "checklist.txt", "guidance/http-server.txt"]),
    ("man", ["docsec.1"]),
    ("epub", ["requirements.xhtml", "checklist.xhtml", "guidance/http-server.xhtml"]),
])
def test_docs_build_keeps_level_labels(tmp_path, builder, files):
    out, _ = _build(builder, tmp_path)
    for name in files:
        text = (out / name).read_text(encoding="utf-8")
        for label in LABELS:
            assert label in text, f"{label!r} missing from {name}"
        assert "Keep http.server on localhost" in text
    if builder == "epub":
        assert (out / "docsec.epub").is_file()
    if builder == "text":
        checklist = (out / "checklist.txt").read_text(encoding="utf-8")
        assert '* [ ] MUST NOT **Keep http.server on localhost** ("http-server-local")' in checklist
    if builder == "latex":
        tex = (out / "docsec.tex").read_text(encoding="utf-8")
        assert r"\begin{sphinxadmonition}{note}{MUST NOT Keep http.server on localhost}" in tex
        assert "\u2610" not in tex and "\u26a0" not in tex  # HTML-only glyphs stay out of LaTeX
