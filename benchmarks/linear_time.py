"""Time how every rule's scan grows on adversarial input (the timing half of tests/robustness/test_linear_time.py).

The test counts the lines of docsec's own code that run, which is exact but
blind to work done inside C (regular expressions).  This script times the
same shapes at 512 KB and 1 MB with every rule of both profiles and prints
the ratio; a ratio well above 2 means something grows faster than the input.
Run it after adding or changing a pattern::

    python benchmarks/linear_time.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests" / "robustness"))
sys.path.insert(0, str(HERE.parent / "ext"))

from test_linear_time import SHAPES  # noqa: E402  (the shapes are shared with the test)

from docsec.core.config import Config  # noqa: E402
from docsec.core.engine import Engine  # noqa: E402
from docsec.model import CodeBlock, Location  # noqa: E402


def seconds(engine: Engine, language: str, text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        engine.scan(CodeBlock(text, language, Location("adversarial.md", 1)))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    engine = Engine(Config(profile="audit"))
    print(f"{'shape':<24} {'512 KB':>8} {'1 MB':>8} {'ratio':>6}")
    for shape, (language, make) in sorted(SHAPES.items()):
        small = seconds(engine, language, make(512 * 1024), args.repeat)
        large = seconds(engine, language, make(1024 * 1024), args.repeat)
        flag = "  <- check" if large > 2.5 * small + 0.05 else ""
        print(f"{shape:<24} {small:8.3f} {large:8.3f} {large / max(small, 1e-9):6.2f}{flag}")


if __name__ == "__main__":
    main()
