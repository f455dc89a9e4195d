"""Score docsec, Bandit and Ruff's S rules on the real-docs corpus, per half, language and weakness class.

A block is *flagged* when a tool reports anything for it (for docsec: any
finding, whatever its status, since a marked example is still detected).
Recall is flagged dangerous / dangerous; the harmless-flagged rate is flagged
harmless / harmless.  Both are given for every labelled block ("all") and
without the blocks labelled borderline ("clear").

The held-out half is only ever shown as counts: ``--misses`` lists the
development half's misses and false positives and refuses the held-out half.
Bandit and Ruff read the blocks whose labelled language is Python or a
Python session (prompts stripped, as docsec reads them); they flag nothing
in the other languages, which is what they would do on such a page.

::

    python benchmarks/realdocs/evaluate.py                 # the table for both halves
    python benchmarks/realdocs/evaluate.py --misses        # + the development half's misses and FPs
    python benchmarks/realdocs/evaluate.py --json          # machine-readable
    python benchmarks/realdocs/evaluate.py --markdown FILE # the table docs/ and README include

Nothing from the corpus is executed: docsec reads the blocks, and Bandit and
Ruff only parse the files written for them.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "ext"))
sys.path.insert(0, str(HERE))

import split as corpus_split  # noqa: E402  (beside this script)

PYTHON_LANGUAGES = ("python", "pycon")
TOOLS = ("docsec", "bandit", "ruff")


@dataclass
class Block:
    project: str
    half: str
    page: str
    line: int
    cell: Optional[int]
    label: dict[str, Any]
    text: str = ""
    declared: str = ""
    rules: list[str] = field(default_factory=list)
    flagged: dict[str, bool] = field(default_factory=dict)

    @property
    def dangerous(self) -> bool:
        return bool(self.label["dangerous"])

    @property
    def borderline(self) -> bool:
        return bool(self.label["borderline"])

    @property
    def language(self) -> str:
        return str(self.label["language"])

    @property
    def weakness(self) -> str:
        return str(self.label.get("class") or "-")

    @property
    def where(self) -> str:
        cell = f":cell {self.cell}" if self.cell is not None else ""
        return f"{self.project}/{self.page}{cell}:{self.line}"


class LabelMismatch(Exception):
    pass


def load_blocks(root: Path = HERE, unlabelled: Optional[list[str]] = None) -> list[Block]:
    """The labelled blocks, each with the block docsec extracts at its place (file, line, cell).

    Every label must still name an extracted block (else :class:`LabelMismatch`: a labelled block moved or
    disappeared).  A block docsec extracts that no label names -- docsec now reads a construct it did not
    read when the page was labelled, such as a ``<pre>`` in raw HTML -- is left out of the figures and its
    place appended to ``unlabelled``: it waits for a label (``blocks.py validate`` lists it), which only
    someone allowed to read its half may write.
    """
    from docsec.sources import extract

    split = corpus_split.load(root / "split.json")
    blocks: list[Block] = []
    for project_file in sorted((root / "projects").glob("*.json")):
        data = json.loads(project_file.read_text(encoding="utf-8"))
        project = data["project"]
        half = corpus_split.half_of(project, split)
        for page, entry in data["pages"].items():
            path = root / "pages" / project / page
            extracted = extract(path, f"{project}/{page}").blocks
            labels = entry["blocks"]
            matched, extra = _match(labels, extracted)
            if matched is None:
                raise LabelMismatch(f"{project}/{page}: {len(labels)} labels, {len(extracted)} extracted blocks, and "
                                    "a label names no block docsec extracts there; run blocks.py validate")
            if unlabelled is not None:
                unlabelled.extend(f"{project}/{page}:{b.location.line}" + (
                    f" (cell {b.location.cell})" if b.location.cell else "") for b in extra)
            for code, label in zip(matched, labels):
                blocks.append(Block(project, half, page, label["line"], label["cell"], label, code.text,
                                    code.language))
                blocks[-1].code = code  # type: ignore[attr-defined]
    return blocks


def _match(labels: list[dict[str, Any]], extracted: list[Any]) -> tuple[Optional[list[Any]], list[Any]]:
    """The extracted block of each label, both in document order (None when a label names none), and the
    extracted blocks no label names."""
    matched, extra, position = [], [], 0
    for label in labels:
        while position < len(extracted) and (extracted[position].location.line,
                                             extracted[position].location.cell) != (label["line"], label["cell"]):
            extra.append(extracted[position])
            position += 1
        if position == len(extracted):
            return None, extra
        matched.append(extracted[position])
        position += 1
    return matched, extra + list(extracted[position:])


def run_docsec(blocks: list[Block]) -> None:
    from docsec.core.engine import Engine

    engine = Engine()
    for block in blocks:
        report = engine.scan(block.code)  # type: ignore[attr-defined]
        block.rules = sorted({finding.rule_id for finding in report.findings})
        block.flagged["docsec"] = bool(block.rules)


def python_source(block: Block) -> Optional[str]:
    if block.language not in PYTHON_LANGUAGES:
        return None
    from docsec.languages.python import _dedent
    from docsec.languages.snippets import normalise_python

    snippet = normalise_python(block.text, console=block.language == "pycon" or block.text.lstrip().startswith(">>>"))
    return _dedent(snippet.python_text)[0]


def _tool(name: str) -> Optional[str]:
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def run_python_tools(blocks: list[Block]) -> dict[str, bool]:
    """Bandit and Ruff S on the Python blocks, one file per block; which tools were available."""
    available = {"bandit": _tool("bandit") is not None, "ruff": _tool("ruff") is not None}
    for block in blocks:
        block.flagged.setdefault("bandit", False)
        block.flagged.setdefault("ruff", False)
    with tempfile.TemporaryDirectory(prefix="docsec-realdocs-") as folder:
        files: dict[str, Block] = {}
        for index, block in enumerate(blocks):
            source = python_source(block)
            if source is not None:
                name = f"block_{index:05d}.py"
                (Path(folder) / name).write_text(source, encoding="utf-8")
                files[name] = block
        if available["bandit"]:
            done = subprocess.run([_tool("bandit"), "-q", "-r", "-f", "json", folder], capture_output=True, text=True,
                                  check=False, timeout=600)
            for issue in json.loads(done.stdout or "{}").get("results", []):
                files[Path(issue["filename"]).name].flagged["bandit"] = True
        if available["ruff"]:
            done = subprocess.run([_tool("ruff"), "check", "--no-cache", "--isolated", "--select", "S",
                                   "--output-format", "json", "--exit-zero", folder],
                                  capture_output=True, text=True, check=False, timeout=600)
            for issue in json.loads(done.stdout or "[]"):
                files[Path(issue["filename"]).name].flagged["ruff"] = True
    return available


@dataclass
class Figures:
    dangerous: int = 0
    dangerous_clear: int = 0
    harmless: int = 0
    harmless_clear: int = 0
    found: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    found_clear: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    false: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    false_clear: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, block: Block) -> None:
        clear = not block.borderline
        if block.dangerous:
            self.dangerous += 1
            self.dangerous_clear += clear
        else:
            self.harmless += 1
            self.harmless_clear += clear
        for tool, flagged in block.flagged.items():
            if not flagged:
                continue
            if block.dangerous:
                self.found[tool] += 1
                self.found_clear[tool] += clear
            else:
                self.false[tool] += 1
                self.false_clear[tool] += clear

    def as_dict(self, tools: Iterable[str]) -> dict[str, Any]:
        def ratio(a: int, b: int) -> Optional[float]:
            return round(a / b, 4) if b else None

        return {"dangerous": self.dangerous, "dangerous_clear": self.dangerous_clear, "harmless": self.harmless,
                "harmless_clear": self.harmless_clear,
                **{tool: {"found": self.found[tool], "found_clear": self.found_clear[tool],
                          "recall": ratio(self.found[tool], self.dangerous),
                          "recall_clear": ratio(self.found_clear[tool], self.dangerous_clear),
                          "harmless_flagged": self.false[tool], "harmless_flagged_clear": self.false_clear[tool],
                          "harmless_rate": ratio(self.false[tool], self.harmless),
                          "harmless_rate_clear": ratio(self.false_clear[tool], self.harmless_clear)}
                   for tool in tools}}


def figures(blocks: list[Block], tools: Iterable[str]) -> dict[str, Any]:
    tools = list(tools)
    out: dict[str, Any] = {}
    for half in ("held_out", "development"):
        own = [b for b in blocks if b.half == half]
        total = Figures()
        by_language: dict[str, Figures] = defaultdict(Figures)
        by_class: dict[str, Figures] = defaultdict(Figures)
        for block in own:
            total.add(block)
            by_language[block.language].add(block)
            if block.dangerous:
                by_class[block.weakness].add(block)
        out[half] = {"projects": len({b.project for b in own}), "blocks": len(own),
                     "total": total.as_dict(tools),
                     "languages": {k: v.as_dict(tools) for k, v in sorted(by_language.items())},
                     "classes": {k: v.as_dict(tools) for k, v in sorted(by_class.items())}}
        if half == "held_out":
            out[half]["parts"] = _parts(own, tools)
    return out


def _parts(held_out: list[Block], tools: list[str]) -> dict[str, Any]:
    """The held-out half by when its projects joined it: kept from an earlier round's held-out half, or
    labelled fresh for the current round (the truest measure: no rule was written while they existed)."""
    history = json.loads((HERE / "split.json").read_text(encoding="utf-8")).get("history", [])
    kept = {name for entry in history for name in entry.get("kept_held_out", [])}
    parts: dict[str, Any] = {}
    for name, own in (("kept from the previous round", [b for b in held_out if b.project in kept]),
                      ("fresh this round", [b for b in held_out if b.project not in kept])):
        if not own:
            continue
        total = Figures()
        for block in own:
            total.add(block)
        parts[name] = {"projects": len({b.project for b in own}), "blocks": len(own), "total": total.as_dict(tools)}
    return parts


def _percent(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


TITLES = {
    "held_out": "held-out half (round 3: half of round 2's held-out projects, kept by seed, and fresh projects "
                "labelled while round 3's rules were written; scored, never read for misses)",
    "development": "development half (rules are written from it; round 1's held-out projects and the other half of "
                   "round 2's joined it)",
}


def table(result: dict[str, Any], tools: list[str], half: str) -> list[str]:
    data = result[half]
    title = TITLES[half]
    lines = [f"## {title}: {data['projects']} projects, {data['blocks']} blocks", ""]
    header = "| | dangerous (clear) | harmless (clear) | " + " | ".join(
        f"{tool} recall all / clear | {tool} harmless flagged all / clear" for tool in tools) + " |"
    lines += [header, "|" + "---|" * (3 + 2 * len(tools))]

    def row(name: str, item: dict[str, Any]) -> str:
        cells = [name, f"{item['dangerous']} ({item['dangerous_clear']})", f"{item['harmless']} ({item['harmless_clear']})"]
        for tool in tools:
            t = item[tool]
            cells.append(f"{_percent(t['found'], item['dangerous'])} / {_percent(t['found_clear'], item['dangerous_clear'])}")
            cells.append(f"{_percent(t['harmless_flagged'], item['harmless'])} / "
                         f"{_percent(t['harmless_flagged_clear'], item['harmless_clear'])}")
        return "| " + " | ".join(cells) + " |"

    lines.append(row("**all blocks**", data["total"]))
    for name, part in data.get("parts", {}).items():
        lines.append(row(f"projects {name} ({part['projects']})", part["total"]))
    for name, item in data["languages"].items():
        lines.append(row(f"language {name}", item))
    for name, item in data["classes"].items():
        lines.append(row(f"class {name}", item))
    return lines


def listing(blocks: list[Block]) -> list[str]:
    own = [b for b in blocks if b.half == "development"]
    misses = [b for b in own if b.dangerous and not b.flagged["docsec"]]
    false = [b for b in own if not b.dangerous and b.flagged["docsec"]]
    lines = [f"## development half: {len(misses)} misses"]
    for b in misses:
        mark = " [borderline]" if b.borderline else ""
        lines.append(f"  MISS {b.where} ({b.language}, declared {b.declared!r}, {b.weakness}){mark}: {b.label['why']}")
    lines.append(f"## development half: {len(false)} harmless blocks flagged")
    for b in false:
        mark = " [borderline]" if b.borderline else ""
        lines.append(f"  FP   {b.where} ({b.language}) {', '.join(b.rules)}{mark}: {b.label['why']}")
    return lines


README_START = "<!-- realdocs figures: generated by `python benchmarks/realdocs/evaluate.py --write`; do not edit -->"
README_END = "<!-- end of realdocs figures -->"
ROOT = HERE.parent.parent
README = ROOT / "README.md"
DOCS_PAGE = ROOT / "docs" / "evaluation-figures.md"


def headline(result: dict[str, Any], tools: list[str]) -> list[str]:
    """The held-out halves' figures as README shows them: one row per tool and half, round 2 first."""
    data = result["held_out"]
    total = data["total"]
    lines = [f"Held-out half: {data['projects']} projects, {data['blocks']} blocks, {total['dangerous']} dangerous "
             f"({total['dangerous_clear']} clear-cut, the rest borderline), labelled before any tool ran on them:", "",
             "| tool | dangerous blocks found (all / clear-cut) | harmless blocks flagged (all / clear-cut) |",
             "|---|---|---|"]
    for tool in tools:
        t = total[tool]
        lines.append(f"| {TOOL_NAMES.get(tool, tool)} | {_percent(t['found'], total['dangerous'])} / "
                     f"{_percent(t['found_clear'], total['dangerous_clear'])} | "
                     f"{_percent(t['harmless_flagged'], total['harmless'])} / "
                     f"{_percent(t['harmless_flagged_clear'], total['harmless_clear'])} |")
    fresh = data.get("parts", {}).get("fresh this round")
    if fresh:
        t, whole = fresh["total"]["docsec"], fresh["total"]
        lines += ["", f"On the {fresh['projects']} projects labelled fresh this round ({whole['dangerous']} dangerous "
                      f"blocks, labelled while this round's rules were written, by labellers who never ran docsec), "
                      f"docsec finds {_percent(t['found'], whole['dangerous'])} / "
                      f"{_percent(t['found_clear'], whole['dangerous_clear'])} and flags "
                      f"{_percent(t['harmless_flagged'], whole['harmless'])} / "
                      f"{_percent(t['harmless_flagged_clear'], whole['harmless_clear'])} of harmless blocks."]
    return lines


TOOL_NAMES = {"docsec": "docsec", "bandit": "Bandit", "ruff": "Ruff `S` rules"}


def write_outputs(result: dict[str, Any], tools: list[str]) -> None:
    """README's figures (between its markers) and docs/evaluation-figures.md, from one run."""
    text = README.read_text(encoding="utf-8")
    start, end = text.index(README_START), text.index(README_END)
    text = text[:start] + README_START + "\n" + "\n".join(headline(result, tools)) + "\n" + text[end:]
    README.write_text(text, encoding="utf-8")
    page = ["<!-- generated by `python benchmarks/realdocs/evaluate.py --write`; do not edit -->", ""]
    page += table(result, tools, "held_out") + [""] + table(result, tools, "development")
    DOCS_PAGE.write_text("\n".join(page).replace("## ", "### ") + "\n", encoding="utf-8")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the development half's misses and false positives")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--markdown", type=Path, help="write the figures as a Markdown page to this file")
    parser.add_argument("--no-tools", action="store_true", help="docsec only, without Bandit and Ruff")
    parser.add_argument("--write", action="store_true",
                        help="write the figures into README.md and docs/evaluation-figures.md (needs Bandit and Ruff)")
    args = parser.parse_args(argv)
    unlabelled: list[str] = []
    try:
        blocks = load_blocks(unlabelled=unlabelled)
    except LabelMismatch as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if unlabelled:
        print(f"note: {len(unlabelled)} extracted block(s) have no label yet and are left out; "
              "run blocks.py validate", file=sys.stderr)
    run_docsec(blocks)
    tools = ["docsec"]
    if not args.no_tools:
        available = run_python_tools(blocks)
        tools += [tool for tool in ("bandit", "ruff") if available[tool]]
        missing = [tool for tool in ("bandit", "ruff") if not available[tool]]
        if missing:
            print(f"note: {', '.join(missing)} not installed beside this Python; not compared", file=sys.stderr)
    result = figures(blocks, tools)
    if args.write:
        if tools != ["docsec", "bandit", "ruff"]:
            print("error: --write needs Bandit and Ruff beside this Python (pip install -e '.[test]')", file=sys.stderr)
            return 2
        write_outputs(result, tools)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    lines = table(result, tools, "held_out") + [""] + table(result, tools, "development")
    if args.markdown:
        header = ["<!-- generated by: python benchmarks/realdocs/evaluate.py --markdown; do not edit -->", ""]
        args.markdown.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    if args.misses:
        print()
        print("\n".join(listing(blocks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
