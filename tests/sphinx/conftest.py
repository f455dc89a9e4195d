"""Fixtures: build small real Sphinx projects written from strings."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import pytest
from docsec_sphinx_helpers import CONF, Built


@pytest.fixture
def write_project(tmp_path: Path) -> Callable[..., Path]:
    def write(files: dict[str, str], conf: str = CONF, name: str = "src") -> Path:
        srcdir = tmp_path / name
        srcdir.mkdir(exist_ok=True)
        (srcdir / "conf.py").write_text(conf, encoding="utf-8")
        for relative, text in files.items():
            path = srcdir / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return srcdir
    return write


@pytest.fixture
def build(make_app: Callable[..., Any], write_project: Callable[..., Path]) -> Callable[..., Built]:
    def run(files: dict[str, str] | None = None, buildername: str = "html", conf: str = CONF,
            srcdir: Path | None = None, **kwargs: Any) -> Built:
        if srcdir is None:
            srcdir = write_project(files or {}, conf)
        app = make_app(buildername, srcdir=srcdir, **kwargs)
        app.build()
        return Built(app, srcdir)
    return run
