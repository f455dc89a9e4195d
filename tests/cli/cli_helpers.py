"""Shared pieces of the CLI tests: a small documentation tree and its expectations."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from pathlib import Path

# Line 7: unmarked; line 13: inside an insecure-example; line 18: suppressed inline.
SERVE_MD = textwrap.dedent("""\
    # Serving

    Start a server:

    ```python
    from http.server import HTTPServer, SimpleHTTPRequestHandler as H
    HTTPServer(('0.0.0.0', 8000), H).serve_forever()
    ```

    :::{insecure-example}
    :reason: shows the unsafe default
    ```python
    HTTPServer(('0.0.0.0', 8000), H)
    ```
    :::

    ```python
    HTTPServer(('0.0.0.0', 8000), H)  # docsec: ignore[DSP014] -- container-internal demo
    ```
    """)
SAFE_MD = textwrap.dedent("""\
    # Safe

    ```python
    HTTPServer(('127.0.0.1', 8000), H)
    ```
    """)
DSP014_MESSAGE = "`HTTPServer` binds to '0.0.0.0' (all interfaces)"


@dataclass
class Run:
    code: int
    out: str
    err: str


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path
