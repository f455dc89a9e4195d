"""Dump every finding docsec reports on a fixed corpus, to prove a change kept them.

    python benchmarks/snapshot.py OUT.txt [--pages 300] [--docs DIR ...]

The corpus: a generated tree (see generate.py), every rule example file
scanned whole, unlabelled (sniffed) and line by line (alias-free fragments,
the case text prefilters must not lose), and the Markdown, rST and notebook
files under each ``--docs`` directory (default: docs/ and tests/, without
tests/corpus; pass a frozen copy when those folders change under you).
Each is scanned with the default and the audit profile.
Output: one sorted line per finding or diagnostic.  Two runs before and after
a performance change must give identical files (``diff`` them).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

LABELS = {
    ".py": "python", ".pycon": "pycon", ".ipy": "ipython", ".console": "console", ".sh": "bash",
    ".ps1": "powershell", ".dockerfile": "dockerfile", ".yaml": "yaml", ".txt": "text",
    ".toml": "toml", ".ini": "ini", ".env": "text", ".json": "json",
}


def blocks(pages: int, tree: Path, docs: list[Path], seeds: tuple[int, ...] = (1,)):
    from docsec.model import CodeBlock, Location
    from docsec.sources import SUFFIXES, extract

    roots = []
    for seed in seeds:
        seed_tree = tree if seed == 1 else tree.with_name(f"{tree.name}-seed{seed}")
        generate(seed_tree, pages, seed)
        roots.append((seed_tree, seed_tree.parent))
    roots += [(folder, folder.parent) for folder in docs]
    for base, relative_to in roots:
        for path in sorted(base.rglob("*")):
            parts = path.relative_to(relative_to).parts
            if path.suffix in SUFFIXES and "_build" not in parts and "corpus" not in parts and path.is_file():
                yield from extract(path, str(path.relative_to(relative_to))).blocks
    for path in sorted((ROOT / "ext" / "docsec" / "rules").glob("*/examples/*/*")):
        if path.suffix not in LABELS:
            continue
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(ROOT))
        label = LABELS[path.suffix]
        yield CodeBlock(text, label, Location(name, 1))
        yield CodeBlock(text, "", Location(name + "#sniffed", 1))
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                yield CodeBlock(line, label, Location(f"{name}#line", number))
                yield CodeBlock(line.strip(), "", Location(f"{name}#line-sniffed", number))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--tree", type=Path, default=HERE / "_trees" / "snapshot")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1],
                        help="generate one tree per seed (default: 1)")
    parser.add_argument("--docs", type=Path, nargs="*", default=[ROOT / "docs", ROOT / "tests"])
    args = parser.parse_args()

    from docsec.core.config import Config
    from docsec.core.engine import Engine

    corpus = list(blocks(args.pages, args.tree, [folder.resolve() for folder in args.docs], tuple(args.seeds)))
    rows: list[str] = []
    for profile in ("default", "audit"):
        engine = Engine(Config(profile=profile))
        for block in corpus:
            report = engine.scan(block)
            for f in report.findings:
                rows.append(f"{profile}\t{f.path}\t{f.line}\t{f.column}\t{f.rule_id}\t{f.status.value}\t{f.message}")
            for d in report.diagnostics:
                rows.append(f"{profile}\t{d.path}\t{d.line}\t-\t{d.code}\t-\t{d.message}")
            if not report.analysed:
                rows.append(f"{profile}\t{block.location.path}\t{block.location.line}\t-\tnot-analysed\t-\t")
    rows.sort()
    args.out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(corpus)} blocks, {len(rows)} rows -> {args.out}")


if __name__ == "__main__":
    main()
