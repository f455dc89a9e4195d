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
    python benchmarks/realdocs/split.py --end-round 2 --figures "..."   # a seeded half of held_out joins development
    python benchmarks/realdocs/split.py --add-held-out                   # a fresh batch joins the held-out half

Ending a round: once a round of rule work is done, a seeded half of the
held-out projects (dealt within each category, as the split was) joins the
development half, so its misses can be read, and the other half stays held
out beside a fresh batch labelled after the round's rules were written.  The
round's closing figures and both lists are kept in ``history``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from datetime import date
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


def end_round(round_number: int, figures: dict[str, str], path: Path = SPLIT) -> dict[str, list[str]]:
    """Move a seeded half of the held-out projects into development; record the round in ``history``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if any(entry.get("round") == round_number for entry in data.get("history", [])):
        raise SystemExit(f"round {round_number} has ended already (split.json's history)")
    held_out = data["held_out"]
    dealt = deal({name: category for name, category in categories().items() if name in held_out},
                 SEED + 1000 * round_number)
    data.setdefault("history", []).append({
        "round": round_number, "held_out": sorted(held_out), "ended": str(date.today()),
        "figures_at_end": figures, "moved_to_development": dealt["development"], "kept_held_out": dealt["held_out"],
        "note": "a seeded half (dealt within each category, seed + 1000 x round) joined the development half when "
                "the round ended; the other half stays held out beside a fresh batch"})
    data["development"] = sorted(data["development"] + dealt["development"])
    data["held_out"] = dealt["held_out"]
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return load(path)


def add_held_out(how: str, path: Path = SPLIT) -> list[str]:
    """Projects split.json does not hold yet join the held-out half (a fresh batch)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    known = set(data["development"]) | set(data["held_out"])
    fresh = sorted(name for name in categories() if name not in known)
    data["held_out"] = sorted(data["held_out"] + fresh)
    data["how_held_out"] = how
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    return fresh


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="deal every project afresh (refuses if split.json exists)")
    parser.add_argument("--add", action="store_true", help="deal the projects split.json does not hold yet")
    parser.add_argument("--end-round", type=int, metavar="N",
                        help="end round N: a seeded half of the held-out projects joins development")
    parser.add_argument("--figures", action="append", default=[], metavar="TOOL=TEXT",
                        help="with --end-round: the round's closing figures, one per tool")
    parser.add_argument("--add-held-out", metavar="HOW",
                        help="the projects split.json does not hold yet join the held-out half; HOW says how they came")
    args = parser.parse_args(argv)
    projects = categories()
    if args.end_round is not None:
        end_round(args.end_round, dict(item.partition("=")[::2] for item in args.figures))
    elif args.add_held_out:
        add_held_out(args.add_held_out)
    elif args.write:
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
