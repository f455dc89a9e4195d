"""The seeded split of the real-docs corpus into a development half and a held-out half, by project.

Rules and precision fixes are written from the development half only; the
held-out half is scored and its figures reported by class and language, never
read for misses (see README.md).  Projects are shuffled with a fixed seed
within each category and dealt alternately, so both halves hold every kind of
documentation.  The split is written to ``split.json`` once, before any rule is
written from the corpus; a project added later is dealt the same way without
moving the others (``--add``).

::

    python benchmarks/realdocs/split.py            # print the split recorded in split.json
    python benchmarks/realdocs/split.py --write    # deal every project afresh (first time only)
    python benchmarks/realdocs/split.py --add      # deal projects not yet in split.json
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
SPLIT = HERE / "split.json"
SEED = 20261207
HELD_OUT_SHARE = 0.5  # of each category's projects, rounded up: at least 40 % of the projects in all


def categories(root: Path = HERE) -> dict[str, str]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))["category"]
            for path in sorted((root / "projects").glob("*.json"))}


def deal(projects: dict[str, str], seed: int = SEED) -> dict[str, list[str]]:
    by_category: dict[str, list[str]] = defaultdict(list)
    for name, category in sorted(projects.items()):
        by_category[category].append(name)
    rng = random.Random(seed)
    halves: dict[str, list[str]] = {"development": [], "held_out": []}
    for category in sorted(by_category):
        names = by_category[category]
        rng.shuffle(names)
        for index, name in enumerate(names):
            halves["held_out" if index % 2 == 0 else "development"].append(name)
    return {half: sorted(names) for half, names in halves.items()}


HALVES = ("development", "held_out")


def load(path: Path = SPLIT) -> dict[str, list[str]]:
    """The halves: ``development`` and ``held_out`` (split.json's ``history`` keeps earlier rounds)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return {half: data[half] for half in HALVES if half in data}


def half_of(project: str, split: dict[str, list[str]]) -> str:
    for half, names in split.items():
        if project in names:
            return half
    raise KeyError(f"{project} is in no half of split.json: run split.py --add")


def write(split: dict[str, list[str]], path: Path = SPLIT) -> None:
    previous = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data = {**previous, "seed": SEED, "how": "by project; shuffled within each category, dealt alternately, held out "
            "first", **split}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="deal every project afresh (refuses if split.json exists)")
    parser.add_argument("--add", action="store_true", help="deal the projects split.json does not hold yet")
    args = parser.parse_args(argv)
    projects = categories()
    if args.write:
        if SPLIT.exists():
            print("split.json exists: the split is made once; use --add for new projects", file=sys.stderr)
            return 2
        write(deal(projects))
    elif args.add:
        split = load()
        known = {name for names in split.values() for name in names}
        extra = deal({name: category for name, category in projects.items() if name not in known}, SEED + len(known))
        write({half: sorted(split[half] + extra.get(half, [])) for half in split})
    split = load()
    for half, names in split.items():
        print(f"{half}: {len(names)} projects: {', '.join(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
