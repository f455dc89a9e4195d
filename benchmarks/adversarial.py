"""Time the hostile inputs of issue 20 end to end: `docsec check` on each, one process per input.

Each input is written as a small project (a page, and the file it includes where it includes one) and
checked by `docsec check --format json` in a fresh process, so the figure is what a CI job pays: wall
time and peak RSS of the whole run, next to the input's size, the exit status and what docsec
reported.  The target (SECURITY.md): under 10 s and under 500 MB for any input under 1 MB on a 2-core
machine.  The tests (tests/robustness/test_bounded_work.py and friends) count the work instead; this
only measures.

    python benchmarks/adversarial.py [--scale 1.0] [--json FILE]

``--scale`` shrinks every input (0.01 for a smoke run).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
CHECK = ("import resource, sys; sys.path.insert(0, sys.argv[1]); from docsec.cli.main import main; "
         "code = main(sys.argv[2:]); "
         "sys.stderr.write('\\nPEAK_KB %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)")


def fence(language: str, code: str) -> str:
    return f"# Page\n\n```{language}\n{code}\n```\n"


def inputs(scale: float) -> dict[str, Callable[[Path], None]]:
    """Name -> a function writing the project of that input into a folder."""
    def n(count: int) -> int:
        return max(1, int(count * scale))

    def page(text: str) -> Callable[[Path], None]:
        return lambda root: (root / "page.md").write_text(text, encoding="utf-8")

    def repeated_lines(root: Path) -> None:
        (root / "long.py").write_text("x = '" + "a" * n(100_000) + "'\n", encoding="utf-8")
        chunks = "\n  ".join(["1," * 1_000] * max(1, n(10))).rstrip(",")  # line 1, 10,000 times
        (root / "page.md").write_text(
            f"# Page\n\n```{{literalinclude}} long.py\n---\nlines: >-\n  {chunks}\n---\n```\n", encoding="utf-8")

    def many_includes(root: Path) -> None:
        lines = [f"value_{i} = compute({i}, 'abcdefghij')" for i in range(n(25_000))]
        (root / "big.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (root / "page.md").write_text("# Page\n\n" + "```{literalinclude} big.py\n```\n\n" * 100, encoding="utf-8")

    return {
        "suppression comment x8,000 on one line": page(fence(
            "python", "os.system(cmd)  " + "# docsec: ignore[" * n(8_000))),
        "f-string with 100,000 fields in execute": page(fence(
            "python", 'cursor.execute(f"SELECT * FROM t WHERE ' + "{a}" * n(100_000) + '")')),
        "{{ x20,000 after {% block %}": page(fence("html+django", "{% block content %}\n<p>" + "{{ " * n(20_000))),
        "literalinclude :lines: 1,1,1,... x10,000 of a 100 KB line": repeated_lines,
        "100 literalincludes of a 0.9 MB file": many_includes,
        "3,000-term expression": page(fence("python", "import pickle\nvalue = " + " + ".join(["part"] * n(3_000))
                                            + " + pickle.loads(blob)")),
        "SQL text of 300,000 blanks built with a value": page(fence(
            "python", 'cursor.execute("' + " " * n(300_000) + '" + user_id)')),
        "placeholders on 20,000 lines": page(fence("python", "requests.get(<your-url>, verify=False)\n" * n(20_000))),
    }


def size(root: Path) -> int:
    return sum(path.stat().st_size for path in root.iterdir() if path.is_file())


def measure(name: str, write: Callable[[Path], None], timeout: float) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "pyproject.toml").write_text("[tool.docsec]\n", encoding="utf-8")
        write(root)
        start = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, "-c", CHECK, str(HERE.parent / "ext"), "check", "--format",
                                   "json", "page.md"], cwd=root, capture_output=True, text=True, timeout=timeout,
                                  check=False)
        except subprocess.TimeoutExpired:
            return {"input": name, "bytes": size(root), "seconds": f"> {timeout:g}", "peak_mb": "-",
                    "exit": "killed", "reported": ["(stopped)"]}
        seconds = time.perf_counter() - start
        peak = next((int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB")), 0)
        try:
            report = json.loads(done.stdout)
            found = sorted({f["rule"] for f in report["findings"]} | {d["code"] for d in report["diagnostics"]})
        except (json.JSONDecodeError, KeyError):
            found = ["(no report)"]
        return {"input": name, "bytes": size(root), "seconds": round(seconds, 2), "peak_mb": round(peak / 1024, 1),
                "exit": done.returncode, "reported": found}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="shrink every input (default 1.0: as reported)")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--timeout", type=float, default=900, help="stop a run after this many seconds")
    args = parser.parse_args(argv)
    rows = [measure(name, write, args.timeout) for name, write in inputs(args.scale).items()]
    print("| input | bytes | seconds | peak RSS (MB) | exit | reported |\n|---|---:|---:|---:|---:|---|")
    for row in rows:
        print(f"| {row['input']} | {row['bytes']:,} | {row['seconds']} | {row['peak_mb']} | {row['exit']} | "
              f"{', '.join(row['reported'])} |")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
