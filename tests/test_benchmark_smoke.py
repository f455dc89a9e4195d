"""The benchmark scripts still run: generate a tiny tree, measure it, write the JSON.

This proves benchmarks/run.py and benchmarks/profile_rules.py work end to
end; it times nothing and asserts no figure (CI machines are too noisy for
that; see benchmarks/README.md for the measured numbers).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_run_writes_every_measurement(tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    subprocess.run(
        [sys.executable, str(BENCHMARKS / "run.py"), "--pages", "10", "--repeat", "1", "--skip-sphinx",
         "--tree", str(tmp_path / "tree"), "--json", str(out)],
        check=True, capture_output=True, text=True, timeout=600,
    )
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert {"counts", "blocks", "python_blocks", "runs", "medians", "peak_rss_mb", "ratios"} <= set(figures)
    assert sum(figures["counts"].values()) == 10
    assert figures["blocks"] > 0
    assert {"engine", "ast.parse", "docsec check", "docsec check --jobs 1", "docsec check (1 small file)"} <= set(
        figures["medians"])
    assert {"engine blocks per second", "engine / ast.parse", "docsec check on one small file (s)"} <= set(
        figures["ratios"])
    assert "sphinx dummy" not in figures["medians"]


def test_profile_rules_reports_views_and_rules(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "profile_rules.py"), "--pages", "5", "--top", "3",
         "--tree", str(tmp_path / "tree")],
        check=True, capture_output=True, text=True, timeout=600,
    )
    assert "view (block kind)" in result.stdout
    assert "all rules" in result.stdout


def test_rst_reader_times_both_readers(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "rst_reader.py"), "--pages", "6", "--repeat", "1",
         "--tree", str(tmp_path / "tree")],
        check=True, capture_output=True, text=True, timeout=600,
    )
    assert "docutils" in result.stdout and "fast reader handled" in result.stdout and "ratio" in result.stdout
