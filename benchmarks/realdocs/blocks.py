"""List, stub and validate the labelled blocks of the real-docs corpus.

This tool only *extracts* code blocks (``docsec.sources.extract``, the same
reader ``docsec check`` uses, with the default configuration); it never runs
a rule, so a labeller can use it before docsec has been run on a page.

::

    python benchmarks/realdocs/blocks.py show PAGE...        # the blocks, numbered as in the file
    python benchmarks/realdocs/blocks.py stub PROJECT PAGE... # label stubs (JSON) for these pages
    python benchmarks/realdocs/blocks.py validate [PROJECT.json ...]

A page is ``pages/<project>/<path in the source distribution>`` under the
corpus root (``--root``, default: this folder).  ``validate`` checks each
project file: provenance present, every page's sha256, one label per
extracted block (same lines and cells, in order), every field filled.

Nothing from a page is ever executed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Iterable, Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent / "ext"))  # the checkout's docsec, not an installed one

CLASSES = ("injection", "deserialization", "exposure", "transport", "secret", "filesystem", "crypto", "web",
           "container", "ci")
CATEGORIES = ("web", "http-client", "crypto-auth", "data-ml", "notebooks", "deployment", "containers-ci",
              "security-guide", "database", "other")
LABEL_KEYS = ("line", "cell", "declared", "language", "dangerous", "borderline", "marked_in_source", "class",
              "dangerous_line", "why")
SOURCE_KEYS = ("registry", "package", "version", "file", "sha256")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def extract_blocks(page: Path, display: str) -> tuple[list, list]:
    from docsec.sources import extract

    result = extract(page, display)
    return result.blocks, result.diagnostics


def show(pages: Iterable[Path]) -> None:
    for page in pages:
        blocks, diagnostics = extract_blocks(page, str(page))
        print(f"=== {page}: {len(blocks)} blocks")
        for diagnostic in diagnostics:
            print(f"  (diagnostic) line {diagnostic.line}: {diagnostic.message}")
        for number, block in enumerate(blocks, start=1):
            where = f"cell {block.location.cell} line {block.location.line}" if block.location.cell else \
                f"line {block.location.line}"
            print(f"--- block {number}: {where}, declared {block.language or '(none)'!r}")
            for offset, line in enumerate(block.text.splitlines()):
                print(f"{block.location.line + offset:6} | {line}")


def stub(project: str, pages: Iterable[Path], root: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for page in pages:
        relative = page.resolve().relative_to((root / "pages" / project).resolve()).as_posix()
        blocks, _ = extract_blocks(page, f"{project}/{relative}")
        out[relative] = {"sha256": sha256(page), "blocks": [
            {"line": b.location.line, "cell": b.location.cell, "declared": b.language, "language": None,
             "dangerous": None, "borderline": False, "marked_in_source": False, "class": None,
             "dangerous_line": None, "why": ""}
            for b in blocks]}
    return out


def validate(project_file: Path, root: Path) -> list[str]:
    problems: list[str] = []
    try:
        data = json.loads(project_file.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        return [f"{project_file}: {error}"]
    name = data.get("project")
    if name != project_file.stem:
        problems.append(f"{project_file}: 'project' is {name!r}, expected the file's name {project_file.stem!r}")
    if data.get("category") not in CATEGORIES:
        problems.append(f"{project_file}: 'category' {data.get('category')!r} not one of {CATEGORIES}")
    source = data.get("source") or {}
    for key in SOURCE_KEYS:
        if not source.get(key):
            problems.append(f"{project_file}: source.{key} missing")
    if not data.get("license"):
        problems.append(f"{project_file}: license missing")
    pages = data.get("pages") or {}
    if not pages:
        problems.append(f"{project_file}: no pages")
    for relative, entry in pages.items():
        page = root / "pages" / project_file.stem / relative
        if not page.is_file():
            problems.append(f"{project_file}: page {relative} not found at {page}")
            continue
        if entry.get("sha256") != sha256(page):
            problems.append(f"{project_file}: page {relative}: sha256 differs from the file's")
        blocks, _ = extract_blocks(page, f"{project_file.stem}/{relative}")
        labels = entry.get("blocks") or []
        found = [(b.location.line, b.location.cell) for b in blocks]
        wanted = [(label.get("line"), label.get("cell")) for label in labels]
        if found != wanted:
            problems.append(f"{project_file}: page {relative}: {len(wanted)} labels for {len(found)} extracted "
                            f"blocks; first difference at #{_first_difference(found, wanted)}")
        for number, label in enumerate(labels, start=1):
            problems.extend(f"{project_file}: {relative} block {number} (line {label.get('line')}): {p}"
                            for p in _label_problems(label))
    return problems


def _first_difference(a: list, b: list) -> int:
    for index, (x, y) in enumerate(zip(a, b), start=1):
        if x != y:
            return index
    return min(len(a), len(b)) + 1


def _label_problems(label: dict[str, Any]) -> list[str]:
    problems = [f"missing key {key!r}" for key in LABEL_KEYS if key not in label]
    if not isinstance(label.get("dangerous"), bool):
        problems.append("'dangerous' must be true or false")
    for key in ("borderline", "marked_in_source"):
        if not isinstance(label.get(key), bool):
            problems.append(f"{key!r} must be true or false")
    if not label.get("language"):
        problems.append("'language' (what the content is) missing")
    if not str(label.get("why", "")).strip():
        problems.append("'why' missing")
    if label.get("dangerous"):
        if label.get("class") not in CLASSES:
            problems.append(f"dangerous block needs 'class' in {CLASSES}")
        if not isinstance(label.get("dangerous_line"), int):
            problems.append("dangerous block needs 'dangerous_line' (a line number)")
    elif label.get("class") not in (None, *CLASSES):
        problems.append(f"'class' must be null or one of {CLASSES}")
    return problems


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=HERE, help="corpus root (holds pages/ and projects/)")
    commands = parser.add_subparsers(dest="command", required=True)
    shown = commands.add_parser("show")
    shown.add_argument("pages", nargs="+", type=Path)
    stubbed = commands.add_parser("stub")
    stubbed.add_argument("project")
    stubbed.add_argument("pages", nargs="+", type=Path)
    checked = commands.add_parser("validate")
    checked.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    if args.command == "show":
        show(args.pages)
        return 0
    if args.command == "stub":
        print(json.dumps(stub(args.project, args.pages, args.root), indent=1))
        return 0
    files = args.files or sorted((args.root / "projects").glob("*.json"))
    problems = [p for f in files for p in validate(f, args.root)]
    for problem in problems:
        print(problem)
    print(f"{len(files)} project files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
