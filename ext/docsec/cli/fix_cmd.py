"""``docsec check --fix`` / ``--diff``: turn accepted blocks into docsec markers, then check again.

Which blocks are rewritten: every flagged block that a legacy marker
accepts (``legacy_admonitions`` / ``legacy_phrases``), and every flagged
unmarked block the author confirms, with ``--mark PATH:LINE`` or by
answering ``--interactive`` prompts.  Clean blocks are never touched.
``--guidance`` also lifts what states an RFC 2119 requirement (a top-level
paragraph, with the list it introduces; an item of a bullet list; an
ordered list) into ``security`` directives.

``--diff`` prints the rewrite as a unified diff and writes nothing (exit 1
when there is something to rewrite, 0 when not).  ``--fix`` writes the files
and then runs the ordinary check, whose exit code it returns.  A file that
cannot be rewritten safely is left alone and reported (exit 2), and so is a
file docsec may not write: outside the project, reached through a symbolic
link, or not a regular file (see :mod:`docsec.writing`); a pipe is never
opened for reading either.
"""

from __future__ import annotations

import argparse
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional, TextIO

from ..core.engine import ENGINE_RULES
from ..fix import Choice, FileFix, fix_text
from ..fix.reasons import mixed
from ..model import CodeBlock, Finding, MarkerKind, Status
from ..writing import check_writable, write_file
from .walk import Target

if TYPE_CHECKING:
    from ..core.engine import Engine

ENGINE_RULE_IDS = frozenset(rule.id for rule in ENGINE_RULES)  # about suppressions, not about the code
LOCATION = re.compile(r"^(?P<path>.+?):(?:cell (?P<cell>\d+)(?::|$))?(?P<line>\d+)?$")
BOM = "\ufeff"
MAX_FIX_BYTES = 50 * 1024 * 1024  # a documentation file larger than this is not rewritten


class MarkError(ValueError):
    """A ``--mark`` location names no flagged block."""


@dataclass(frozen=True)
class Mark:
    path: str
    cell: Optional[int]
    line: Optional[int]
    given: str

    @classmethod
    def parse(cls, text: str) -> "Mark":
        match = LOCATION.match(text.strip())
        if not match or (match.group("line") is None and match.group("cell") is None):
            raise MarkError(f"--mark {text!r}: write PATH:LINE, or PATH:cell N[:LINE] for a notebook, "
                            "as `docsec check` prints them")
        cell, line = match.group("cell"), match.group("line")
        return cls(match.group("path"), int(cell) if cell else None, int(line) if line else None, text)

    def covers(self, block: CodeBlock, findings: list[Finding]) -> bool:
        if block.location.path != self.path or block.location.cell != self.cell:
            return False
        if self.line is None:
            return True
        origin = block.origin
        first, last = block.location.line, block.location.line + block.text.count("\n")
        if origin is not None and origin.start and block.location.cell is None:
            first, last = min(first, origin.start), max(last, origin.end)
        return first <= self.line <= last or any(finding.line == self.line for finding in findings)


@dataclass
class Session:
    """The author's answers: what ``--mark`` names, and what ``--interactive`` asks."""

    marks: list[Mark]
    interactive: bool
    stdin: Optional[TextIO]
    stderr: TextIO
    used: set[str]
    quit: bool = False

    def confirmed(self, block: CodeBlock, findings: list[Finding]) -> Optional[str]:
        """The reason to write when the author wants ``block`` marked, else None."""
        for mark in self.marks:
            if mark.covers(block, findings):
                self.used.add(mark.given)
                return ""
        if not self.interactive or self.quit or self.stdin is None:
            return None
        return self._ask(block, findings)

    def _ask(self, block: CodeBlock, findings: list[Finding]) -> Optional[str]:
        write = self.stderr.write
        where = f"{block.location.path}:" + (f"cell {block.location.cell}:" if block.location.cell else "")
        for finding in findings:
            write(f"{where}{finding.line}: {finding.rule_id} {finding.message}\n")
        for line in block.text.strip("\n").splitlines()[:8]:
            write(f"    | {line}\n")
        write("Is this a deliberate insecure example? Mark it [y/N/q]: ")
        self.stderr.flush()
        answer = self.stdin.readline().strip().lower() if self.stdin is not None else ""
        if answer.startswith("q"):
            self.quit = True
            return None
        if not answer.startswith("y"):
            return None
        write("Why is it insecure? (shown to readers as :reason:; Enter for none): ")
        self.stderr.flush()
        return (self.stdin.readline() if self.stdin is not None else "").strip()


def plan(target: Target, engine: "Engine", session: Session, guidance: bool,
         root: Optional[Path] = None) -> Optional[FileFix]:
    """The rewrite of one file (None when there is nothing to do or it cannot be read)."""
    from ..sources import extract
    from ..sources._include import IncludeError, read_regular_file

    try:
        raw = read_regular_file(target.path, limit=MAX_FIX_BYTES)  # (a pipe named on the command line: no read)
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError, IncludeError):
        return None  # the check reports unreadable and non-UTF-8 files
    source = extract(target.path, target.display, engine.config, text)
    choices = []
    skipped = []
    for block in source.blocks:
        report = engine.scan(block)
        block, findings = report.block, report.findings  # (a comment in the code may mark the block)
        reason = _chosen(block, findings, session, target.display)
        if reason is None:
            continue
        split = mixed(block, [finding for finding in findings if finding.rule_id not in ENGINE_RULE_IDS])
        if split is not None:
            where = f"{target.display}:" + (f"cell {block.location.cell}:" if block.location.cell else "")
            skipped.append(f"{where}{block.location.line}: {split}")
            continue
        choices.append(Choice(block, reason, legacy=block.marker.kind is MarkerKind.LEGACY))
    if not choices and not guidance and not skipped:
        return None
    body, bom = (text[1:], BOM) if text.startswith(BOM) else (text, "")
    fixed = fix_text(target.path, target.display, body, choices, engine.config, guidance)
    if fixed.changed and (refused := check_writable(target.path, root or Path.cwd(), inside=True)):
        return FileFix(fixed.path, text, text, problem=f"cannot fix {target.display}: {refused}")
    return FileFix(fixed.path, bom + fixed.before, bom + fixed.after, fixed.marked, fixed.lifted, fixed.problem,
                   tuple(skipped))


def _chosen(block: CodeBlock, findings: list[Finding], session: Session, display: str) -> Optional[str]:
    if block.secure or block.location.path != display:  # code included from another file stays as it is
        return None
    if block.marker.kind is MarkerKind.LEGACY and any(f.status is Status.MARKED for f in findings):
        return block.marker.reason
    unmarked = [f for f in findings if f.status is Status.UNMARKED]
    if block.marker.kind is MarkerKind.NONE and unmarked:
        return session.confirmed(block, unmarked)
    return None


def diff(fixes: list[FileFix]) -> str:
    out: list[str] = []
    for fix in fixes:
        if fix.changed:
            out.extend(difflib.unified_diff(fix.before.splitlines(keepends=True), fix.after.splitlines(keepends=True),
                                            f"a/{fix.path}", f"b/{fix.path}"))
            if out and not out[-1].endswith(("\n", "\r")):
                out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def write(fixes: list[FileFix], targets: dict[str, Path], root: Path) -> list[str]:
    """Write the changed files, inside ``root`` and never through a link; what could not be written."""
    problems = []
    for fix in fixes:
        if fix.changed:
            try:
                write_file(targets[fix.path], fix.after.encode("utf-8"), root, inside=True)
            except OSError as error:
                problems.append(f"{fix.path}:1: error: cannot fix {fix.path}: {error}")
    return problems


def summary(fixes: list[FileFix], written: bool) -> list[str]:
    changed = [fix for fix in fixes if fix.changed]
    marked, lifted = sum(fix.marked for fix in changed), sum(fix.lifted for fix in changed)
    what = []
    if marked or not lifted:
        what.append(f"{'marked' if written else 'would mark'} {marked} block{'s' if marked != 1 else ''} "
                    "as insecure examples")
    if lifted:
        verb = "lifted" if written else ("lift" if what else "would lift")
        what.append(f"{verb} {lifted} requirement{'s' if lifted != 1 else ''} into security directives")
    done = f"{' and '.join(what)} in {len(changed)} file{'s' if len(changed) != 1 else ''}"
    lines = [f"docsec: {done if changed else 'nothing to rewrite'}"]
    lines += [f"{fix.path}:1: error: {fix.problem}" for fix in fixes if fix.problem]
    lines += [f"{where.split(': ', 1)[0]}: error: {where.split(': ', 1)[1]}" for fix in fixes for where in fix.skipped]
    return lines


def run(args: argparse.Namespace, engine: "Engine | Callable[[Target], Engine]", targets: list[Target],
        stdout: TextIO, stderr: TextIO, stdin: Optional[TextIO], root: Optional[Path] = None) -> int:
    """Plan every file, then print the diff (exit 2 on problems, 1 on changes, else 0) or write the
    files (2 on problems, else 0)."""
    try:
        marks = [Mark.parse(text) for text in args.mark or []]
    except MarkError as error:
        stderr.write(f"docsec: error: {error}\n")
        return 2
    session = Session(marks, args.interactive, stdin, stderr, set())
    engine_for = engine if callable(engine) else (lambda target: engine)
    root = root or Path.cwd()
    fixes = [fix for target in targets
             if (fix := plan(target, engine_for(target), session, args.guidance, root)) is not None]
    unused = [mark.given for mark in marks if mark.given not in session.used]
    for given in unused:
        stderr.write(f"docsec: error: --mark {given}: no unmarked flagged block there\n")
    for line in summary(fixes, written=not args.diff):
        stderr.write(line + "\n")
    failed = bool(unused) or any(fix.problem or fix.skipped for fix in fixes)
    if args.diff:
        stdout.write(diff(fixes))
        return 2 if failed else (1 if any(fix.changed for fix in fixes) else 0)
    problems = write(fixes, {target.display: target.path for target in targets}, root)
    stderr.writelines(line + "\n" for line in problems)
    return 2 if failed or problems else 0
