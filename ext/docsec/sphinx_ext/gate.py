"""Warnings and the build decision.

Every docsec message goes through :func:`warn` (``type="docsec"`` and a
subtype: the rule id or the diagnostic code), so ``suppress_warnings =
["docsec.DSP014"]`` and ``-W`` work as for Sphinx's own warnings.  Whether
the build fails is decided once, in :func:`on_build_finished`, from the
findings of *all* documents kept in the environment, so an incremental
build that re-reads nothing still fails and lists every finding.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

from sphinx.util import logging
from sphinx.util.logging import get_node_location

from ..escaping import printable
from ..model import Diagnostic, Finding, Severity

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)
Where = Union[str, "tuple[str, int | None]", "nodes.Node", None]


def warn(message: str, *, subtype: str, location: Where = None) -> None:
    """The one way docsec warns: ``path:line: WARNING: message [docsec.<subtype>]``.

    The message and the location are passed through :func:`printable`: a
    page's line breaks or escape sequences quoted in a message cannot start a
    new line of the build log (a GitHub workflow command) or drive the terminal.
    """
    if location is not None and not isinstance(location, (str, tuple)):
        location = get_node_location(location)
    if isinstance(location, str):
        location = printable(location)
    elif isinstance(location, tuple):  # (docname, line): Sphinx names the file itself
        location = (printable(location[0]), location[1])
    logger.warning(printable(message), type="docsec", subtype=subtype, location=location)


def position(path: str, line: int, cell: int | None = None) -> str:
    """``path:line``, or ``path:cell N:line`` inside a notebook (as Ruff writes it)."""
    return f"{path}:cell {cell}:{line}" if cell is not None else f"{path}:{line}"


def report_finding(finding: Finding, srcdir: Path, guidance: str | None = None) -> None:
    """Warn about an unmarked finding; log marked and suppressed ones verbosely."""
    location = position(str(_absolute(finding.path, srcdir)), finding.line, finding.cell)
    see = f" (see security guidance {guidance!r})" if guidance else ""
    if finding.fails:
        warn(f"{finding.rule_id} {finding.message}{see}", subtype=finding.rule_id, location=location)
    else:
        why = f": {finding.reason}" if finding.reason else ""
        logger.verbose("%s: docsec %s %s (%s%s)", printable(location), finding.rule_id, finding.title,
                       finding.status.value, printable(why))


def report_diagnostic(diagnostic: Diagnostic, srcdir: Path) -> None:
    location = position(str(_absolute(diagnostic.path, srcdir)), diagnostic.line, diagnostic.cell)
    if diagnostic.severity >= Severity.LOW:
        warn(diagnostic.message, subtype=diagnostic.code, location=location)
    else:
        logger.verbose("%s: docsec %s: %s", printable(location), diagnostic.code, printable(diagnostic.message))


def _absolute(path: str, srcdir: Path) -> Path:
    candidate = Path(path)
    return candidate if candidate.is_absolute() else (srcdir / candidate).resolve()


def failing(findings: list[Finding], min_severity: Severity) -> list[Finding]:
    """The failing findings, each once (a file several pages include is scanned once per page)."""
    return sorted({f for f in findings if f.fails and f.severity >= min_severity}, key=Finding.sort_key)


def summary(findings: list[Finding], srcdir: Path) -> str:
    """The closing list: each finding at the place its warning names (the same path form, notebooks cell
    by cell)."""
    count = len(findings)
    noun = "unmarked insecure example" if count == 1 else "unmarked insecure examples"
    lines = [f"docsec: {count} {noun} (mark them with insecure-example or fix them):"]
    lines += [f"  {printable(position(str(_absolute(f.path, srcdir)), f.line, f.cell))} {f.rule_id} "
              f"{printable(f.title)}" for f in findings]
    return "\n".join(lines)


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    from .collector import all_diagnostics, all_findings
    from .config import runtime

    if exception is not None:
        return
    state = runtime(app)
    if state.errors:  # as `docsec check` exits 2: a gate with a broken configuration does not pass
        noun = "error" if state.errors == 1 else "errors"
        logger.error(f"docsec: {state.errors} configuration {noun} (reported above); fix them: the build fails",
                     type="docsec", subtype="summary")
        app.statuscode = 1
    config = state.config
    if config.fail_on == "never":
        return
    found = failing(all_findings(app.env), config.min_severity)
    if found:
        logger.error(summary(found, Path(app.srcdir)), type="docsec", subtype="summary")
        app.statuscode = 1
    errors = failing_diagnostics(all_diagnostics(app.env))
    if errors:  # code docsec could not analyse: the gate fails closed, as `docsec check` exits 2
        logger.error(diagnostics_summary(errors), type="docsec", subtype="summary")
        app.statuscode = 1


def failing_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The diagnostics that fail the build (errors: code that could not be analysed), each once."""
    from ..report.results import diagnostic_sort_key, is_error

    return sorted({d for d in diagnostics if is_error(d)}, key=diagnostic_sort_key)


def diagnostics_summary(errors: list[Diagnostic]) -> str:
    count = len(errors)
    lines = [f"docsec: {count} code block{'s' if count != 1 else ''} docsec could not analyse (reported above; "
             "fix them, mark them, or set docsec_not_analysed = \"warn\"):"]
    lines += [f"  {printable(position(d.path, d.line, d.cell))} {d.code}" for d in errors]
    return "\n".join(lines)
