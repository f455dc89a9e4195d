"""Two checkouts of docsec on the same generated tree, alternated, in CPU seconds.

    python benchmarks/interleave.py OTHER_EXT [--pages 800] [--repeat 7]

On a shared machine wall-clock figures move with the other jobs; CPU time
(user + system) of a process moves much less, and alternating the two
checkouts run by run exposes both to the same moments.  Each run is a fresh
process that extracts the tree's blocks with this checkout's sources, then
times, with ``time.process_time``, the engine of the checkout under test
(``OTHER_EXT`` or this one's ``ext/``) over every block and ``ast.parse`` of
the blocks docsec reads as Python.  Then ``docsec check`` on one small file
(the tree's ``docs/index.md``, and a page with JavaScript, SQL and Python
blocks) in the child's CPU time.  Bytecode is compiled first for both
checkouts, so neither pays for compiling its modules.  Prints medians;
measurements, not tests.
"""

from __future__ import annotations

import argparse
import compileall
import re
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
THIS_EXT = HERE.parent / "ext"
ENGINE = """
import ast, json, pickle, sys, time
blocks = pickle.load(open(sys.argv[1], "rb"))
sources = pickle.load(open(sys.argv[2], "rb"))
from docsec.core.engine import Engine
engine = Engine()
start = time.process_time()
for block in blocks:
    engine.scan(block)
engine_s = time.process_time() - start
start = time.process_time()
for source in sources:
    try:
        ast.parse(source)
    except SyntaxError:
        pass
print(json.dumps({"engine": engine_s, "parse": time.process_time() - start}))
"""
PAGE = ("# Page\n\nSome text.\n\n```js\nconst { exec } = require(\"child_process\");\nexec(\"ls \" + dir);\n```\n\n"
        "```sql\nGRANT ALL ON DATABASE shop TO PUBLIC;\n```\n\n```python\nimport subprocess\nsubprocess.run([\"ls\"])\n```\n")


def child_cpu(command: list[str], cwd: Path, env: dict) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("other", type=Path, help="the ext/ folder of the other checkout (e.g. main's)")
    parser.add_argument("--pages", type=int, default=800)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    import pickle

    from generate import generate
    from run import extract_blocks, python_sources

    tree = HERE / "_trees" / "interleave"
    generate(tree, args.pages)
    blocks = extract_blocks(tree / "docs")
    work = Path(tempfile.mkdtemp(prefix="docsec-interleave-"))
    (work / "blocks.pickle").write_bytes(pickle.dumps(blocks))
    (work / "sources.pickle").write_bytes(pickle.dumps(python_sources(blocks)))
    (work / "page.md").write_text(PAGE, encoding="utf-8")
    checkouts = {"other": args.other.resolve(), "this": THIS_EXT}
    for ext in checkouts.values():
        compileall.compile_dir(str(ext), quiet=2, rx=re.compile(r"[\\/]examples[\\/]"))
    docsec = str(Path(sys.executable).with_name("docsec"))
    figures: dict[str, dict[str, list[float]]] = {name: {} for name in checkouts}
    for _ in range(args.repeat):
        for name, ext in checkouts.items():
            env = {**os.environ, "PYTHONPATH": str(ext)}
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            result = subprocess.run([sys.executable, "-c", ENGINE, str(work / "blocks.pickle"),
                                     str(work / "sources.pickle")], env=env, capture_output=True, text=True,
                                    check=True)
            for key, value in json.loads(result.stdout).items():
                figures[name].setdefault(key, []).append(value)
            figures[name].setdefault("small file", []).append(
                child_cpu([docsec, "check", "--quiet", "docs/index.md"], tree, env))
            figures[name].setdefault("page with JS, SQL, Python", []).append(
                child_cpu([docsec, "check", "--quiet", "page.md"], work, env))
    print(f"tree: {len(blocks)} blocks; CPU seconds, medians of {args.repeat} alternated runs")
    print(f"{'':28}{'other':>10}{'this':>10}")
    for key in figures["this"]:
        print(f"{key:28}{statistics.median(figures['other'][key]):10.3f}{statistics.median(figures['this'][key]):10.3f}")
    for name in checkouts:
        engine, parse = statistics.median(figures[name]["engine"]), statistics.median(figures[name]["parse"])
        print(f"{name}: {len(blocks) / engine:,.0f} blocks/s (CPU), engine / ast.parse {engine / parse:.2f}")


if __name__ == "__main__":
    main()
