"""Bounded time: every rule runs in linear time on adversarial input.

Each shape is scanned at 512 KB and at 1 MB with every rule of both
profiles; the larger input may take at most about 2.5 times as long.  The
shapes aim at the usual ways regular expressions and hand-written scanners
go quadratic: one long line, a prefix repeated without its end, many lines
of the same finding, and deep nesting.
"""

from __future__ import annotations

import gc
import time
from typing import Callable

import pytest

from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location

SMALL, LARGE = 512 * 1024, 1024 * 1024
ENGINE = Engine(Config(profile="audit"))

SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "python-long-string": ("python", lambda n: "token = '" + "a" * n + "'\n"),
    "python-many-findings": ("python", lambda n: "os.system(cmd)\n" * (n // 15)),
    "python-open-calls": ("python", lambda n: "requests.get(" * (n // 13) + "\n"),
    "python-many-secrets": ("python", lambda n: "password = 'Xk9#mQ2$vL7p'\n" * (n // 27)),
    "pycon-prompts": ("pycon", lambda n: ">>> x = 1\n... \n" * (n // 15)),
    "console-long-flags": ("console", lambda n: "$ curl " + "-k " * (n // 3) + "\n"),
    "console-pipes": ("console", lambda n: "$ " + "curl x | " * (n // 9) + "sh\n"),
    "console-quotes": ("console", lambda n: "$ echo '" + "\\" * (n // 2) + "\n"),
    "shell-continuations": ("bash", lambda n: "curl https://x \\\n" * (n // 17) + "| sh\n"),
    "yaml-deep-keys": ("yaml", lambda n: "".join(f"k{i}:\n  privileged: true\n" for i in range(n // 24))),
    "dockerfile-runs": ("dockerfile", lambda n: "RUN chmod 777 /x && curl -k https://y | sh\n" * (n // 45)),
    "text-key-prefixes": ("text", lambda n: "-----BEGIN PRIVATE KEY-----\n" * (n // 28)),
    "text-token-prefixes": ("text", lambda n: "AKIA ghp_ xoxb- eyJ sk_live_ " * (n // 30)),
    "text-one-long-line": ("text", lambda n: "eyJ" + "A" * n),
}


def scan_seconds(language: str, text: str) -> float:
    best = float("inf")
    for _ in range(3):
        gc.collect()  # start each run from the same heap: earlier tests' garbage is not this scan's cost
        start = time.perf_counter()
        ENGINE.scan(CodeBlock(text, language, Location("adversarial.md", 1)))
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_scan_time_grows_linearly(shape: str) -> None:
    language, make = SHAPES[shape]
    small = scan_seconds(language, make(SMALL))
    large = scan_seconds(language, make(LARGE))
    assert large <= 2.5 * small + 0.05, f"{shape}: {small:.3f}s for 512 KB but {large:.3f}s for 1 MB"
