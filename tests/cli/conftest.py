"""Fixtures for the CLI tests: an in-process runner and a small documentation tree."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest
from cli_helpers import SAFE_MD, SERVE_MD, Run
from docsec.cli.main import main


@pytest.fixture
def docsec(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    """Run ``docsec ARGS`` in-process; colour stays off (NO_COLOR, no TTY)."""
    monkeypatch.setenv("NO_COLOR", "1")

    def run(*argv: str) -> Run:
        capsys.readouterr()
        code = main(list(argv))
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """``docs/serve.md`` (one unmarked, one marked, one suppressed) and ``docs/safe.md``; cwd is the tree."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "serve.md").write_text(SERVE_MD, encoding="utf-8")
    (tmp_path / "docs" / "safe.md").write_text(SAFE_MD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path
