"""Measure docsec against the hand-labelled corpus in ``pages/``.

Every page ``pages/<name>`` has a sidecar ``pages/<name>.labels.json`` with one
label per code block, in the order docsec extracts them (see README.md).

A block counts as FLAGGED when the engine reports any finding for it, whatever
its status (a finding in a marked ``insecure-example`` still means docsec
detected the problem).  The script reports

* recall: flagged dangerous blocks / dangerous blocks;
* false-positive rate: flagged harmless blocks / harmless blocks;

and lists every miss and every false positive.  Before scoring, it checks that
each labels file matches the extracted blocks (same count, same first lines
and cells) and stops with a clear message when one does not.

Usage::

    python tests/corpus/evaluate.py            # table + figures
    python tests/corpus/evaluate.py --json     # machine-readable result
    python tests/corpus/evaluate.py --all      # also list every block

Importable: :func:`evaluate` returns an :class:`Evaluation`.
Nothing from the corpus is ever executed.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
PAGES = HERE / "pages"
LABEL_SUFFIX = ".labels.json"
PAGE_SUFFIXES = (".md", ".rst", ".ipynb")


class LabelMismatch(Exception):
    """A labels file does not describe the blocks docsec extracts."""


@dataclass
class Label:
    line: int
    cell: Optional[int]
    dangerous: bool
    why: str
    dangerous_line: Optional[int] = None


@dataclass
class BlockResult:
    page: str
    label: Label
    language: str
    marked: bool
    findings: list[str]  # "RULE Lline status"
    finding_lines: list[int] = field(default_factory=list)

    @property
    def flagged(self) -> bool:
        return bool(self.findings)

    @property
    def off_line(self) -> bool:
        """Detected, but no finding on the labelled offending line."""
        return (self.label.dangerous and self.flagged and self.label.dangerous_line is not None
                and self.label.dangerous_line not in self.finding_lines)

    @property
    def where(self) -> str:
        cell = f" cell {self.label.cell}" if self.label.cell is not None else ""
        return f"{self.page}:{self.label.line}{cell}"


@dataclass
class Evaluation:
    blocks: list[BlockResult] = field(default_factory=list)

    @property
    def dangerous(self) -> list[BlockResult]:
        return [b for b in self.blocks if b.label.dangerous]

    @property
    def harmless(self) -> list[BlockResult]:
        return [b for b in self.blocks if not b.label.dangerous]

    @property
    def misses(self) -> list[BlockResult]:
        return [b for b in self.dangerous if not b.flagged]

    @property
    def false_positives(self) -> list[BlockResult]:
        return [b for b in self.harmless if b.flagged]

    @property
    def recall(self) -> float:
        return 1 - len(self.misses) / len(self.dangerous) if self.dangerous else 1.0

    @property
    def fp_rate(self) -> float:
        return len(self.false_positives) / len(self.harmless) if self.harmless else 0.0

    def as_dict(self) -> dict:
        def row(b: BlockResult) -> dict:
            return {"page": b.page, "line": b.label.line, "cell": b.label.cell, "language": b.language,
                    "marked": b.marked, "why": b.label.why, "findings": b.findings}

        return {
            "pages": len({b.page for b in self.blocks}),
            "blocks": len(self.blocks),
            "dangerous": len(self.dangerous),
            "harmless": len(self.harmless),
            "recall": round(self.recall, 4),
            "fp_rate": round(self.fp_rate, 4),
            "misses": [row(b) for b in self.misses],
            "false_positives": [row(b) for b in self.false_positives],
        }


def pages(root: Path = PAGES) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.suffix in PAGE_SUFFIXES and p.is_file())


def load_labels(page: Path) -> list[Label]:
    path = page.with_name(page.name + LABEL_SUFFIX)
    if not path.exists():
        raise LabelMismatch(f"{page.name}: no labels file {path.name}")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise LabelMismatch(f"{path.name}: invalid JSON ({error})") from None
    labels = []
    for number, item in enumerate(raw, start=1):
        try:
            labels.append(Label(int(item["line"]), item.get("cell"), bool(item["dangerous"]),
                                str(item.get("why", "")), item.get("dangerous_line")))
        except (KeyError, TypeError, ValueError) as error:
            raise LabelMismatch(f"{path.name}: label {number} is malformed ({error!r}): {item}") from None
    return labels


def _check(page: str, labels: list[Label], blocks: list) -> None:
    found = [(b.location.line, b.location.cell) for b in blocks]
    wanted = [(label.line, label.cell) for label in labels]
    if found == wanted:
        return
    lines = [f"{page}: labels do not match the extracted blocks "
             f"({len(wanted)} labelled, {len(found)} extracted)"]
    for index in range(max(len(found), len(wanted))):
        have = found[index] if index < len(found) else None
        want = wanted[index] if index < len(wanted) else None
        mark = "  " if have == want else "!!"
        lines.append(f"  {mark} #{index + 1:<3} extracted={have}  labelled={want}")
    raise LabelMismatch("\n".join(lines))


def evaluate(root: Path = PAGES, engine=None) -> Evaluation:
    """Scan every page under ``root`` and score it against its labels."""
    from docsec.core.engine import Engine
    from docsec.sources import extract

    engine = engine or Engine()
    result = Evaluation()
    for page in pages(root):
        labels = load_labels(page)
        source = extract(page, page.name)
        if source.diagnostics and not source.blocks:
            raise LabelMismatch(f"{page.name}: nothing extracted: "
                                + "; ".join(d.message for d in source.diagnostics))
        _check(page.name, labels, source.blocks)
        for label, block in zip(labels, source.blocks):
            report = engine.scan(block)
            findings = [f"{f.rule_id} L{f.line} {f.status.value}" for f in report.findings]
            result.blocks.append(BlockResult(page.name, label, block.language, block.marked, findings,
                                             [f.line for f in report.findings]))
    return result


def _table(title: str, rows: list[BlockResult]) -> str:
    out = [f"{title} ({len(rows)})"]
    if not rows:
        out.append("  (none)")
        return "\n".join(out)
    width = max(len(r.where) for r in rows)
    for r in rows:
        marked = " [marked]" if r.marked else ""
        findings = ", ".join(r.findings) if r.findings else "-"
        out.append(f"  {r.where:<{width}}  {r.language or '?':<10} {r.label.why}{marked}")
        out.append(f"  {'':<{width}}  {'':<10} findings: {findings}")
    return "\n".join(out)


def report(evaluation: Evaluation, show_all: bool = False) -> str:
    e = evaluation
    lines = []
    if show_all:
        lines.append("All blocks")
        for b in e.blocks:
            verdict = ("TP" if b.flagged else "MISS") if b.label.dangerous else ("FP" if b.flagged else "TN")
            lines.append(f"  {verdict:<4} {b.where:<45} {', '.join(b.findings) or '-'}")
        lines.append("")
    lines.append(_table("MISSES: dangerous blocks with no finding", e.misses))
    lines.append("")
    lines.append(_table("FALSE POSITIVES: harmless blocks with a finding", e.false_positives))
    lines.append("")
    off = [b for b in e.blocks if b.off_line]
    lines.append(_table("Detected, but no finding on the labelled line (informational)", off))
    for b in off:
        lines.append(f"  {b.where}: labelled line {b.label.dangerous_line}")
    lines.append("")
    lines.append("Per page            dangerous  found   harmless  FPs")
    for page in sorted({b.page for b in e.blocks}):
        own = [b for b in e.blocks if b.page == page]
        d = [b for b in own if b.label.dangerous]
        h = [b for b in own if not b.label.dangerous]
        lines.append(f"  {page:<34} {len(d):>3} {sum(b.flagged for b in d):>6} "
                     f"{len(h):>9} {sum(b.flagged for b in h):>5}")
    lines.append("")
    lines.append(f"pages {len({b.page for b in e.blocks})}, blocks {len(e.blocks)}: "
                 f"{len(e.dangerous)} dangerous, {len(e.harmless)} harmless")
    lines.append(f"recall   {e.recall:6.1%}  ({len(e.dangerous) - len(e.misses)}/{len(e.dangerous)})  target >= 90%")
    lines.append(f"FP rate  {e.fp_rate:6.1%}  ({len(e.false_positives)}/{len(e.harmless)})  target <= 3%")
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--all", action="store_true", help="list every block with its verdict")
    parser.add_argument("--root", type=Path, default=PAGES, help="folder of pages and labels")
    args = parser.parse_args(argv)
    try:
        evaluation = evaluate(args.root)
    except LabelMismatch as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(evaluation.as_dict(), indent=2))
    else:
        print(report(evaluation, args.all))
    return 0


if __name__ == "__main__":
    sys.exit(main())
