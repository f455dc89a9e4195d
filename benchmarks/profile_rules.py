"""Where the engine's time goes: per view, per rule, and (optionally) per function.

    python benchmarks/profile_rules.py [--pages 200] [--top 25] [--cprofile 30]

On a generated tree (see generate.py) this extracts the blocks, then times
separately, over the whole corpus: building each language view, the trigger
prefilter (the block's trigger text and the one search for every rule's
triggers), each rule's check (including the test of its triggers, so a
skipped rule costs what the engine pays for it), and the rest of
``Engine.scan`` (suppressions, findings, markers).  A rule is charged for the
view indexes it is the first to ask for (``PythonView.calls`` and the like are computed
lazily, once per block), so the table shows what each rule costs in the
order the engine runs them.  ``--cprofile N`` adds the N most expensive
functions of a full scan under cProfile.  Measurements only: nothing asserts.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402
from run import extract_blocks  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tree", type=Path, default=HERE / "_trees" / "profile")
    parser.add_argument("--top", type=int, default=25, help="rules to list (slowest first)")
    parser.add_argument("--cprofile", type=int, default=0, metavar="N", help="also print the N costliest functions")
    args = parser.parse_args()

    from docsec.core.engine import Engine
    from docsec.core.triggers import BlockTriggers
    from docsec.languages import build_views
    from docsec.languages.labels import language_kind

    generate(args.tree, args.pages, args.seed)
    blocks = extract_blocks(args.tree)
    engine = Engine()

    start = time.perf_counter()
    for block in blocks:
        engine.scan(block)
    total = time.perf_counter() - start

    kinds: dict[str, list[float]] = defaultdict(lambda: [0, 0.0])
    views_of = []
    for block in blocks:
        t0 = time.perf_counter()
        views = build_views(block.text, block.language)
        elapsed = time.perf_counter() - t0
        entry = kinds[language_kind(block.language, block.text)]
        entry[0] += 1
        entry[1] += elapsed
        views_of.append(views)
    view_total = sum(seconds for _, seconds in kinds.values())

    per_rule: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0])  # runs, skipped, seconds
    prefilter_total = 0.0
    for views in views_of:
        if views.kind == "skip":
            continue
        t0 = time.perf_counter()  # the engine's prefilter, as Engine._run_rules applies it
        triggers = BlockTriggers(engine.selection.triggers_for(views.view_kinds), lambda: views.trigger_text,
                                 lambda: views.joined_trigger_text, lambda: views.name_trigger_text)
        triggers.found
        prefilter_total += time.perf_counter() - t0
        for kind, rules in engine.selection.by_view.items():
            view = views.text if kind == "text" else views.get(kind)
            if view is None:
                continue
            for registered in rules:
                rule = registered.rule
                entry = per_rule[rule.id]
                t0 = time.perf_counter()
                if rule.has_triggers and rule.id not in triggers.found:
                    if not rule.joined_triggers or rule.id not in triggers.joined_found:
                        entry[1] += 1
                        entry[2] += time.perf_counter() - t0
                        continue
                for _ in registered.check(view):
                    pass
                entry[2] += time.perf_counter() - t0
                entry[0] += 1
    rule_total = sum(seconds for _, _, seconds in per_rule.values())

    print(f"{len(blocks)} blocks from {args.pages} pages; Engine.scan over all: {total:.3f} s "
          f"({len(blocks) / total:,.0f} blocks/s)\n")
    print(f"{'view (block kind)':24} {'blocks':>7} {'seconds':>9} {'us/block':>9}")
    for kind, (count, seconds) in sorted(kinds.items(), key=lambda item: -item[1][1]):
        print(f"{kind:24} {count:7d} {seconds:9.3f} {1e6 * seconds / max(count, 1):9.1f}")
    print(f"{'all views':24} {len(blocks):7d} {view_total:9.3f}\n")
    print(f"{'rule':10} {'runs':>7} {'skipped':>8} {'seconds':>9} {'share':>7}")
    ranked = sorted(per_rule.items(), key=lambda item: -item[1][2])
    for rule_id, (runs, skipped, seconds) in ranked[: args.top]:
        print(f"{rule_id:10} {runs:7d} {skipped:8d} {seconds:9.3f} {100 * seconds / max(rule_total, 1e-9):6.1f}%")
    print(f"{'all rules':10} {'':7} {'':8} {rule_total:9.3f}")
    print(f"\ntrigger prefilter (trigger text, its Python index and string values, one pass): {prefilter_total:.3f} s")
    rest = max(total - view_total - rule_total - prefilter_total, 0)
    print(f"rest of Engine.scan (suppressions, findings, markers): {rest:.3f} s")

    if args.cprofile:
        profiler = cProfile.Profile()
        profiler.enable()
        for block in blocks:
            engine.scan(block)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(args.cprofile)
        print(out.getvalue())


if __name__ == "__main__":
    main()
