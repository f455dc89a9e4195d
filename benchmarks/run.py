"""Time docsec against a plain Sphinx build and the linters it replaces.

    python benchmarks/run.py --pages 800 [--repeat 3] [--json results.json]

On a generated tree (see generate.py) this measures, each several times:
``sphinx-build -b dummy`` without and with docsec, ``docsec check`` on the
tree, the engine alone on already-extracted blocks, ``ast.parse`` of the
Python blocks, and Bandit and Ruff on the Python blocks written to files
(when installed).  It prints medians and the ratios the targets are stated
in.  These are measurements, not tests: nothing here asserts.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def timed(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, int]:
    """Wall time of a command and the peak RSS (KiB) of its process tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def extract_blocks(tree: Path):
    from docsec.sources import SUFFIXES, extract

    blocks = []
    for path in sorted(tree.rglob("*")):
        if path.suffix in SUFFIXES and "_build" not in path.parts:
            blocks.extend(extract(path, str(path.relative_to(tree))).blocks)
    return blocks


def python_sources(blocks) -> list[str]:
    """Every block docsec reads as Python, as it hands it to the parser: labelled Python, Python
    sessions without their prompts, and unlabelled blocks (an rst ``::`` block, which Sphinx
    highlights as Python), dedented."""
    from docsec.languages.labels import language_kind
    from docsec.languages.python import _dedent
    from docsec.languages.snippets import normalise_python

    sources = []
    for block in blocks:
        kind = language_kind(block.language, block.text)
        if kind in ("python", "pycon", "python-or-text"):
            snippet = normalise_python(block.text, console=kind == "pycon")
            if snippet.cell_language == "python":
                sources.append(_dedent(snippet.python_text)[0])
    return sources


def measure(repeat: int, action) -> list[float]:
    return [action() for _ in range(repeat)]


def sphinx(tree: Path, variant: str, jobs: int) -> float:
    out = Path(tempfile.mkdtemp(prefix=f"docsec-bench-{variant}-"))
    try:
        command = [sys.executable, "-m", "sphinx", "-b", "dummy", "-E", "-q", "-j", str(jobs),
                   "-c", str(tree / f"conf_{variant}"), str(tree / "docs"), str(out)]
        return timed(command, tree)[0]
    finally:
        shutil.rmtree(out, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=1, help="sphinx-build -j")
    parser.add_argument("--tree", type=Path, default=HERE / "_trees" / "bench")
    parser.add_argument("--skip-sphinx", action="store_true")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    counts = generate(args.tree, args.pages, args.seed)
    blocks = extract_blocks(args.tree)
    sources = python_sources(blocks)
    code_bytes = sum(len(b.text) for b in blocks)
    print(f"tree: {sum(counts.values())} pages {counts}, {len(blocks)} blocks, "
          f"{code_bytes / 1e6:.2f} MB of code, {len(sources)} Python blocks")

    from docsec.core.engine import Engine

    engine = Engine()
    results: dict[str, list[float]] = {}
    results["engine"] = measure(args.repeat, lambda: _clock(lambda: [engine.scan(b) for b in blocks]))
    results["ast.parse"] = measure(args.repeat, lambda: _clock(lambda: [_parse(s) for s in sources]))

    docsec_bin = shutil.which("docsec") or str(Path(sys.executable).with_name("docsec"))
    peak_kib = 0

    def check() -> float:
        nonlocal peak_kib
        elapsed, peak = timed([docsec_bin, "check", "--quiet", "docs"], args.tree)
        peak_kib = max(peak_kib, peak)
        return elapsed

    results["docsec check"] = measure(args.repeat, check)
    results["docsec check --jobs 1"] = measure(args.repeat, lambda: timed(
        [docsec_bin, "check", "--quiet", "--jobs", "1", "docs"], args.tree)[0])
    results["docsec check (1 small file)"] = measure(args.repeat, lambda: timed(
        [docsec_bin, "check", "--quiet", "docs/index.md"], args.tree)[0])

    extracted = Path(tempfile.mkdtemp(prefix="docsec-bench-py-"))
    for index, source in enumerate(sources):
        (extracted / f"block{index:05d}.py").write_text(source, encoding="utf-8")
    bandit = shutil.which("bandit") or str(Path(sys.executable).with_name("bandit"))
    if Path(bandit).exists():
        results["bandit"] = measure(args.repeat, lambda: timed([bandit, "-q", "-r", str(extracted)], extracted)[0])
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if Path(ruff).exists():
        results["ruff S"] = measure(args.repeat, lambda: timed(
            [ruff, "check", "--no-cache", "--select", "S", "--quiet", str(extracted)], extracted)[0])
    if not args.skip_sphinx:
        results["sphinx dummy"], results["sphinx dummy + docsec"] = [], []
        for _ in range(args.repeat):  # alternated, so a drift of the machine's speed hits both alike
            results["sphinx dummy"].append(sphinx(args.tree, "without", args.jobs))
            results["sphinx dummy + docsec"].append(sphinx(args.tree, "with", args.jobs))
    shutil.rmtree(extracted, ignore_errors=True)

    medians = {name: statistics.median(values) for name, values in results.items()}
    print(f"\n{'measurement':32} {'median s':>10} {'runs':>30}")
    for name, values in results.items():
        print(f"{name:32} {medians[name]:10.3f} {' '.join(f'{v:.3f}' for v in values):>30}")
    ratios = ratios_from(medians, len(blocks))
    print(f"\npeak RSS of docsec check: {peak_kib / 1024:.0f} MB")
    print(f"\n{'target':58} {'value':>10}  goal")
    for name, (value, goal) in ratios.items():
        print(f"{name:58} {value:10.3f}  {goal}")
    if args.json:
        args.json.write_text(json.dumps({"counts": counts, "blocks": len(blocks), "python_blocks": len(sources),
                                         "runs": results, "medians": medians, "peak_rss_mb": peak_kib / 1024,
                                         "ratios": {k: v[0] for k, v in ratios.items()}}, indent=2))


def ratios_from(medians: dict[str, float], block_count: int) -> dict[str, tuple[float, str]]:
    ratios: dict[str, tuple[float, str]] = {}
    ratios["engine blocks per second"] = (block_count / medians["engine"], ">= 10000")
    ratios["engine / ast.parse"] = (medians["engine"] / medians["ast.parse"], "<= ~3")
    if "sphinx dummy" in medians:
        ratios["sphinx with docsec / without"] = (medians["sphinx dummy + docsec"] / medians["sphinx dummy"], "<= 1.03")
        ratios["sphinx dummy read / docsec check"] = (medians["sphinx dummy"] / medians["docsec check"], ">= 15")
    if "bandit" in medians:
        ratios["docsec check / bandit on extracted blocks"] = (medians["docsec check"] / medians["bandit"], "<= 1")
    ratios[f"docsec check --jobs 1 / default ({os.cpu_count()} jobs)"] = (
        medians["docsec check --jobs 1"] / medians["docsec check"], "> 1 (scales)")
    ratios["docsec check on one small file (s)"] = (medians["docsec check (1 small file)"], "< 0.3")
    return ratios


def _clock(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def _parse(source: str) -> None:
    try:
        ast.parse(source)
    except SyntaxError:
        pass


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
