"""Small mystmd projects for tests and benchmarks, built offline.

``myst build --site`` needs a site template; the default one is downloaded,
so these projects point at a local dummy template (``myst: v1``,
``kind: site``).  The build then writes the final AST of every page to
``_build/site/content/<page>.json`` without touching the network.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Mapping, Optional, Sequence

from docsec.mystmd.install import install

MYSTMD_VERSION = "1.8.3"


def write_project(root: Path, pages: Mapping[str, "str | dict"], plugin: bool = True,
                  pyproject: Optional[str] = None) -> Path:
    """Write a mystmd project under ``root/proj``; ``.ipynb`` pages may be given as dicts."""
    template = root / "template"
    template.mkdir(parents=True, exist_ok=True)
    (template / "template.yml").write_text("myst: v1\nkind: site\n", encoding="utf-8")
    project = root / "proj"
    project.mkdir(parents=True, exist_ok=True)
    plugins = "  plugins:\n    - docsec.mjs\n" if plugin else ""
    (project / "myst.yml").write_text(
        f"version: 1\nproject:\n  title: docsec test\n{plugins}site:\n  template: ../template\n", encoding="utf-8")
    if plugin:
        install(project)
    if pyproject is not None:
        (project / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    for name, content in pages.items():
        path = project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(content, indent=1) if isinstance(content, dict) else textwrap.dedent(content).lstrip("\n")
        path.write_text(text, encoding="utf-8")
    return project


def notebook(cells: Sequence[tuple[str, str]], tags: Optional[Mapping[int, list[str]]] = None) -> dict:
    """A minimal nbformat 4 notebook; ``cells`` are ``("code" | "markdown", source)``."""
    tags = tags or {}
    out = []
    for index, (kind, source) in enumerate(cells):
        cell: dict = {"cell_type": kind, "metadata": {"tags": tags[index]} if index in tags else {},
                      "source": source}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        out.append(cell)
    return {"nbformat": 4, "nbformat_minor": 5, "cells": out,
            "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}}


PAGE = """\
# Chapter {n}

Some prose about topic {n}, with `inline code` and a [link](https://example.org).

```python
import json

def load(path):
    with open(path) as handle:
        return json.load(handle)
```

```console
$ pip install example-package
$ example --help
```

:::{{security}} Keep servers on localhost
:id: guidance-{n}

Development servers MUST NOT listen on all interfaces; you SHOULD bind to 127.0.0.1.
:::

:::{{insecure-example}}
:reason: Shows what not to do.

```python
from http.server import HTTPServer, SimpleHTTPRequestHandler
HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler).serve_forever()
```
:::

```{{code-block}} yaml
:caption: settings

debug: false
workers: 4
```

More prose. The end of chapter {n}.
"""


def generate_book(root: Path, pages: int = 50, plugin: bool = True) -> Path:
    """A ``pages``-page book whose pages pass the docsec gate (a benchmark fixture)."""
    content = {f"chapter{n:03d}.md": PAGE.format(n=n) for n in range(1, pages + 1)}
    content["index.md"] = "# Book\n\nA generated book.\n"
    return write_project(root, content, plugin=plugin)


def build(myst: str, project: Path, *args: str, python: Optional[str] = None,
          env: Optional[Mapping[str, str]] = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """``myst build --site ARGS`` in ``project``; docsec runs with ``python`` (default: this one)."""
    environment = {**os.environ, "DOCSEC_PYTHON": python or sys.executable, "NO_COLOR": "1", "FORCE_COLOR": "0",
                   **(env or {})}
    return subprocess.run([myst, "build", "--site", *args], cwd=project, env=environment, capture_output=True,
                          text=True, timeout=timeout)


def page_ast(project: Path, page: str) -> dict:
    data = json.loads((project / "_build" / "site" / "content" / f"{page}.json").read_text(encoding="utf-8"))
    return data["mdast"]


def time_build(myst: str, project: Path, runs: int = 3, env: Optional[Mapping[str, str]] = None) -> list[float]:
    """Wall-clock seconds of ``runs`` clean ``myst build --site`` runs."""
    times = []
    for _ in range(runs):
        subprocess.run(["rm", "-rf", str(project / "_build")], check=True)
        start = time.perf_counter()
        result = build(myst, project, env=env)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise RuntimeError(result.stdout + result.stderr)
    return times
