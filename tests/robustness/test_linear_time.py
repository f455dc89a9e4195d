"""Bounded work: every rule does linear work on adversarial input, counted, not timed.

Each shape is scanned at two sizes with every rule of both profiles, and the
lines of docsec's own code that run are counted (``sys.settrace``, docsec's
frames only): the larger input may cost at most about twice the smaller one's
count.  Counts are the same on every run of the same code, so the test cannot
flake on a busy machine, and a loop that goes quadratic in Python shows up at
once.  Regular expressions do their work inside C, where no count reaches:
their growth is timed by ``benchmarks/linear_time.py`` (the same shapes, at
512 KB and 1 MB), which a rule change that adds a pattern must run.
The shapes aim at the usual ways scanners go quadratic: one long line, a
prefix repeated without its end, many lines of the same finding, and deep
nesting.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Callable

import pytest

from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location

SMALL, LARGE = 8 * 1024, 16 * 1024
PACKAGE = str(Path(__import__("docsec").__file__).parent)

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
    "shell-settings": ("bash", lambda n: "export A=b --token=x --forwarded-allow-ips '*' " * (n // 45) + "\n"),
    "yaml-deep-keys": ("yaml", lambda n: "".join(f"k{i}:\n  privileged: true\n" for i in range(n // 24))),
    "yaml-ci-scripts": ("yaml", lambda n: "steps:\n" + "  - run: curl -k https://y | sh\n" * (n // 32)),
    "dockerfile-runs": ("dockerfile", lambda n: "RUN chmod 777 /x && curl -k https://y | sh\n" * (n // 45)),
    "ini-settings": ("ini", lambda n: "[s]\n" + "verify_ssl = false\npassword = Xk9#mQ2$vL7p\n" * (n // 44)),
    "text-key-prefixes": ("text", lambda n: "-----BEGIN PRIVATE KEY-----\n" * (n // 28)),
    "text-token-prefixes": ("text", lambda n: "AKIA ghp_ xoxb- eyJ sk_live_ " * (n // 30)),
    "text-one-long-line": ("text", lambda n: "eyJ" + "A" * n),
    "text-urls": ("text", lambda n: "winrm://h?no_verify_ssl=true&a=b " * (n // 33) + "\n"),
}


def lines_run(language: str, text: str) -> int:
    """How many lines of docsec's code run while a fresh engine scans ``text``."""
    engine = Engine(Config(profile="audit"))
    engine.scan(CodeBlock("x = 1\n", language, Location("warm.md", 1)))  # (rules loaded, caches filled)
    count = 0

    def local(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def trace(frame: Any, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(PACKAGE) else None

    sys.settrace(trace)
    try:
        engine.scan(CodeBlock(text, language, Location("adversarial.md", 1)))
    finally:
        sys.settrace(None)
    return count


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_scan_work_grows_linearly(shape: str) -> None:
    language, make = SHAPES[shape]
    small, large = lines_run(language, make(SMALL)), lines_run(language, make(LARGE))
    assert large <= 2.2 * small + 2000, f"{shape}: {small} lines of docsec run for 8 KB but {large} for 16 KB"


def test_the_count_sees_a_quadratic_loop() -> None:
    """The measure itself: a check that compares every line with every other grows by four when the input doubles."""
    from docsec.rules.registry import RegisteredRule, rule

    @rule(id="DSZ999", symbol="quadratic-probe", title="probe", severity="low", cwe=None, languages=("text",),
          message="probe", use_instead="probe")
    def quadratic(view: Any):
        lines = view.lines
        for a in lines:
            for b in lines:
                if a is b and a == "never":
                    yield None

    assert isinstance(quadratic, RegisteredRule)
    from docsec.core.catalog import Catalog

    def count(n: int) -> int:
        engine = Engine(Config(), catalog=Catalog([quadratic]))
        total = 0

        def local(frame: Any, event: str, arg: Any) -> Any:
            nonlocal total
            total += event == "line"
            return local

        sys.settrace(lambda frame, event, arg: local if frame.f_code.co_name == "quadratic" else None)
        try:
            engine.scan(CodeBlock("x\n" * n, "text", Location("q.md", 1)))
        finally:
            sys.settrace(None)
        return total

    assert count(400) > 3.5 * count(200)
