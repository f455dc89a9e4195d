"""GitHub Actions workflow commands: findings become annotations on the diff.

::

    ::error file=docs/serve.md,line=12,col=1,title=DSP014 Server bound to all network interfaces::`HTTPServer` binds ...

``error`` for findings that fail the gate, ``warning`` for unmarked ones
that do not (``fail_on = "never"``) and for diagnostics, ``notice`` for
marked, suppressed and baselined findings (only with ``--show-marked``).
Values are escaped as the Actions runner expects; notebook findings annotate
the file and name the cell and line in the message, since annotations only
know the lines of the file (the notebook's JSON).  The plain
summary lines close the output.
"""

from __future__ import annotations

from typing import Optional

from ..escaping import printable
from ..model import Diagnostic, Severity
from .results import Reported, ReportOptions, RunResult, diagnostic_level, is_error
from .text import summary_lines


def escape_data(value: str) -> str:
    """As the runner expects, after :func:`printable`: no raw control character reaches the log."""
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **properties: object) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


def render(result: RunResult, options: Optional[ReportOptions] = None) -> str:
    options = options or ReportOptions()
    lines = [] if options.quiet else _annotations(result, options)
    if not (options.quiet and result.exit_code == 0 and not result.stale):
        lines.extend(summary_lines(result))
    return "".join(line + "\n" for line in lines)


def _annotations(result: RunResult, options: ReportOptions) -> list[str]:
    lines = [_finding(r, result) for r in result.findings if r.unmarked or options.show_marked]
    lines.extend(_diagnostic(d) for d in result.diagnostics
                 if d.severity > Severity.INFO or options.verbose or is_error(d))
    return lines


def _finding(reported: Reported, result: RunResult) -> str:
    finding = reported.finding
    kind = "notice" if not reported.unmarked else ("error" if result.fails(reported) else "warning")
    message = finding.message
    line: Optional[int] = reported.line
    column: Optional[int] = finding.column
    if finding.cell is not None:  # annotations know file lines only: annotate the file, name the cell
        message = f"cell {finding.cell}, line {line}: {message}"
        line = column = None
    if not reported.unmarked:
        message += f" ({reported.status}{': ' + finding.reason if finding.reason else ''})"
    return command(kind, message, file=finding.path, line=line, col=column, title=f"{finding.rule_id} {finding.title}")


def _diagnostic(diagnostic: Diagnostic) -> str:
    level = diagnostic_level(diagnostic)
    kind = {"error": "error", "warning": "warning", "note": "notice"}[level]
    message = diagnostic.message
    line: Optional[int] = diagnostic.line
    if diagnostic.cell is not None:
        message, line = f"cell {diagnostic.cell}, line {line}: {message}", None
    return command(kind, message, file=diagnostic.path, line=line, title=f"docsec.{diagnostic.code}")
