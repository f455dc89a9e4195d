"""The human format: one line per finding, compiler style, then a summary.

::

    docs/serve.md:12:1: DSP014 [medium] `HTTPServer` binds to '0.0.0.0' (all interfaces); ...
    docs/nb.ipynb:cell 3:2:1: DSS003 [medium] ...
    docs/old.md:40: warning: block is marked as an insecure example but ... [docsec.marker-unused]
    docsec: 2 unmarked findings in 2 files (12 files, 140 blocks scanned; 4 marked examples)

Lines come grouped by file in file order, findings and diagnostics merged.
Marked, suppressed and baselined findings are listed only with
``--show-marked``; info diagnostics (blocks not fully analysed) only with
``--verbose``.
"""

from __future__ import annotations

from typing import Optional, Union

from ..escaping import printable
from ..model import Diagnostic, Severity, Status
from .results import (
    BASELINED,
    Reported,
    ReportOptions,
    RunResult,
    diagnostic_level,
    is_error,
)

BOLD, RED, YELLOW, CYAN, DIM, RESET = "\033[1m", "\033[31m", "\033[33m", "\033[36m", "\033[2m", "\033[0m"
SEVERITY_COLOURS = {Severity.CRITICAL: RED, Severity.HIGH: RED, Severity.MEDIUM: YELLOW,
                    Severity.LOW: CYAN, Severity.INFO: DIM}


def render(result: RunResult, options: Optional[ReportOptions] = None) -> str:
    options = options or ReportOptions()
    lines = [] if options.quiet else _detail_lines(result, options)
    if not (options.quiet and result.exit_code == 0 and not result.stale):
        lines.extend(summary_lines(result))
    return "".join(line + "\n" for line in lines)


def _detail_lines(result: RunResult, options: ReportOptions) -> list[str]:
    paint = _painter(options.color)
    shown: list[Union[Reported, Diagnostic]] = [
        r for r in result.findings if r.unmarked or options.show_marked
    ]
    shown.extend(d for d in result.diagnostics if d.severity > Severity.INFO or options.verbose or is_error(d))
    shown.sort(key=_order)
    return [_finding_line(item, paint) if isinstance(item, Reported) else diagnostic_line(item, paint)
            for item in shown]


def _order(item: Union[Reported, Diagnostic]) -> tuple:
    if isinstance(item, Reported):
        f = item.finding
        return (f.path, f.cell or 0, item.line, f.column, 1, f.rule_id)
    return (item.path, item.cell or 0, item.line, 0, 0, item.code)


def _finding_line(reported: Reported, paint) -> str:  # type: ignore[no-untyped-def]
    finding = reported.finding
    rule = paint(finding.rule_id, BOLD + SEVERITY_COLOURS[finding.severity])
    where = paint(printable(reported.location()), BOLD)
    line = f"{where}: {rule} [{finding.severity.label}] {printable(finding.message)}"
    if reported.status == Status.MARKED.value and finding.marked_by.startswith("legacy"):
        line += " " + paint(f"(marked by {printable(finding.marked_by)}{_reason(finding.reason)})", DIM)
    elif reported.status == Status.MARKED.value:
        line += " " + paint(f"(marked insecure example{_reason(finding.reason)})", DIM)
    elif reported.status == Status.SUPPRESSED.value:
        line += " " + paint(f"(suppressed{_reason(finding.reason)})", DIM)
    elif reported.status == BASELINED:
        line += " " + paint("(baselined)", DIM)
    return line


def _reason(reason: str) -> str:
    return f": {printable(reason)}" if reason else ""


def diagnostic_line(diagnostic: Diagnostic, paint=None) -> str:  # type: ignore[no-untyped-def]
    """``path:line: error|warning|note: message [docsec.code]``."""
    paint = paint or _painter(False)
    level = diagnostic_level(diagnostic)
    word = {"error": paint("error", BOLD + RED), "warning": paint("warning", YELLOW), "note": paint("note", DIM)}[level]
    cell = f"cell {diagnostic.cell}:" if diagnostic.cell is not None else ""
    where = printable(f"{diagnostic.path}:{cell}{diagnostic.line}")
    return f"{paint(where, BOLD)}: {word}: {printable(diagnostic.message)} [docsec.{diagnostic.code}]"


def summary_lines(result: RunResult) -> list[str]:
    """The closing summary, shared with the GitHub format."""
    unmarked = result.unmarked
    scanned = f"{_plural(result.files, 'file')}, {_plural(result.blocks, 'block')} scanned"
    extras = [
        f"{_plural(result.marked_blocks, 'marked example')}" if result.marked_blocks else "",
        f"{result.count(Status.SUPPRESSED.value)} suppressed" if result.count(Status.SUPPRESSED.value) else "",
        f"{result.count(BASELINED)} baselined" if result.count(BASELINED) else "",
    ]
    extra = ", ".join(e for e in extras if e)
    detail = f"{scanned}; {extra}" if extra else scanned
    if unmarked:
        files = len({r.finding.path for r in unmarked})
        head = f"{_plural(len(unmarked), 'unmarked finding')} in {_plural(files, 'file')}"
    else:
        head = "no unmarked findings"
    lines = [f"docsec: {head} ({detail})"]
    if unmarked and result.fail_on != "unmarked":
        lines[0] += f" - not failing: fail_on = {result.fail_on!r}"
    errors = result.errors
    if errors:
        files = len({d.path for d in errors})
        lines.append(f"docsec: {_plural(len(errors), 'input error')} in {_plural(files, 'file')}; "
                     "fix or exclude them (exit code 2)")
    if result.skipped:
        lines.append(skipped_line(result.skipped))
    if result.stale:
        were = "entry no longer matches" if len(result.stale) == 1 else "entries no longer match"
        lines.append(f"docsec: {len(result.stale)} baseline {were}; rewrite with --write-baseline to shrink it")
    return lines


SKIPPED_SHOWN = 5


def skipped_line(skipped: list[tuple[str, str]]) -> str:
    """``docsec: skipped 2 paths: venv/ (.gitignore of .), drafts/ (exclude in . settings)``."""
    shown = ", ".join(f"{printable(path)} ({printable(reason)})" for path, reason in skipped[:SKIPPED_SHOWN])
    more = f" and {len(skipped) - SKIPPED_SHOWN} more (see the JSON report)" if len(skipped) > SKIPPED_SHOWN else ""
    return f"docsec: skipped {_plural(len(skipped), 'path')}: {shown}{more}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _painter(color: bool):  # type: ignore[no-untyped-def]
    if not color:
        return lambda text, style: text
    return lambda text, style: f"{style}{text}{RESET}"
