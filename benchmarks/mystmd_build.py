"""Time a mystmd book build with and without docsec's plugin.

    python benchmarks/mystmd_build.py --pages 200 [--runs 3] [--myst PATH]

Builds a generated book (see tests/mystmd/myst_projects.py: each page has
prose, four code blocks, a ``security`` directive and an
``insecure-example``) with ``myst build --site`` against a local dummy
template, so it runs offline.  Prints the medians and their ratio; the
target is at most 1.5x.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "mystmd"))

from myst_projects import generate_book, time_build  # noqa: E402


def find_myst(explicit: str | None) -> str:
    candidates = [explicit, str(ROOT / ".cache" / "mystmd" / "node_modules" / ".bin" / "myst"), shutil.which("myst")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise SystemExit("no myst executable: npm install --prefix .cache/mystmd mystmd@1.8.3, or pass --myst")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--myst")
    args = parser.parse_args()
    myst = find_myst(args.myst)
    with tempfile.TemporaryDirectory(prefix="docsec-myst-bench-") as tmp:
        without = generate_book(Path(tmp) / "without", args.pages, plugin=False)
        with_plugin = generate_book(Path(tmp) / "with", args.pages, plugin=True)
        plain = time_build(myst, without, args.runs)
        docsec = time_build(myst, with_plugin, args.runs)
    ratio = statistics.median(docsec) / statistics.median(plain)
    print(f"{args.pages}-page book, {args.runs} runs each")
    print(f"without docsec: median {statistics.median(plain):.2f} s  ({' '.join(f'{t:.2f}' for t in plain)})")
    print(f"with docsec:    median {statistics.median(docsec):.2f} s  ({' '.join(f'{t:.2f}' for t in docsec)})")
    print(f"ratio: {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
