"""What a finished scan hands to the report formats.

:class:`RunResult` holds every finding (whatever its status), every
diagnostic and the counts; the formats decide what to show.  The exit code
is decided here, once, so that every format and front end agrees:

* **2** when any input error occurred (an unreadable, binary, undecodable,
  malformed or oversized file).  Errors dominate: the findings of the other
  files are still reported, but the run cannot vouch for the files it could
  not read, so it never passes or merely "fails" silently.
* **1** when there is an unmarked finding that fails (``fail_on = "unmarked"``;
  ``min_severity`` is applied by the engine, baselined findings never fail).
* **0** otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..core.baseline import BaselineEntry
from ..model import Diagnostic, Finding, Rule, Severity, Status

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# Diagnostics that mean a file could not be (fully) read.  Sources may also
# mark an input problem as an error by giving it severity HIGH or CRITICAL.
INPUT_ERROR_CODES = frozenset({
    "missing-path", "unreadable-file", "binary-file", "not-utf8", "undecodable-file",
    "line-too-long", "unsupported-file", "malformed-notebook", "invalid-notebook", "malformed-file",
    "parse-error", "source-error", "engine-error", "include-refused", "unreadable-folder", "unreadable-path",
    "outside-project", "file-name-not-utf8",
})
BASELINED = "baselined"


def is_error(diagnostic: Diagnostic) -> bool:
    return diagnostic.severity >= Severity.HIGH or diagnostic.code in INPUT_ERROR_CODES


def diagnostic_level(diagnostic: Diagnostic) -> str:
    """``error``, ``warning`` or ``note`` (SARIF's and GitHub's vocabulary)."""
    if is_error(diagnostic):
        return "error"
    return "note" if diagnostic.severity is Severity.INFO else "warning"


@dataclass(frozen=True)
class Reported:
    """A finding as reported: with its baseline fingerprint and whether the baseline accepts it."""

    finding: Finding
    fingerprint: str
    baselined: bool = False
    occurrence: int = 0  # among the file's findings of the same rule and line text (part of the fingerprint)

    @property
    def status(self) -> str:
        """``unmarked``, ``marked``, ``suppressed`` or ``baselined``."""
        return BASELINED if self.baselined else self.finding.status.value

    @property
    def unmarked(self) -> bool:
        return self.finding.fails and not self.baselined

    @property
    def line(self) -> int:
        """The line in the file, or inside the notebook cell for notebooks."""
        finding = self.finding
        return finding.cell_line if finding.cell is not None and finding.cell_line else finding.line

    def location(self) -> str:
        """``path:line:col``, or ``path:cell N:line:col`` in a notebook."""
        finding = self.finding
        cell = f"cell {finding.cell}:" if finding.cell is not None else ""
        return f"{finding.path}:{cell}{self.line}:{finding.column}"


@dataclass(frozen=True)
class ReportOptions:
    show_marked: bool = False  # also list marked, suppressed and baselined findings
    verbose: bool = False  # also show info diagnostics (blocks not fully analysed)
    quiet: bool = False  # only the summary, nothing at all on success
    color: bool = False


@dataclass
class RunResult:
    findings: list[Reported] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    blocks: int = 0
    marked_blocks: int = 0  # marked examples: blocks, however many findings each holds
    fail_on: str = "unmarked"
    baseline_entries: Optional[int] = None  # None: no baseline given
    stale: list[BaselineEntry] = field(default_factory=list)
    not_failing: set[str] = field(default_factory=set)  # files of projects whose fail_on is "never"
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why) of what the walk skipped

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if is_error(d)]

    @property
    def unmarked(self) -> list[Reported]:
        return [r for r in self.findings if r.unmarked]

    @property
    def failing(self) -> list[Reported]:
        return [r for r in self.unmarked if self.fails(r)]

    def fails(self, reported: Reported) -> bool:
        return reported.unmarked and self.fail_on == "unmarked" and reported.finding.path not in self.not_failing

    def level(self, reported: Reported) -> str:
        """``error`` for a finding that fails the gate, ``note`` for info, else ``warning``."""
        if self.fails(reported):
            return "error"
        return "note" if reported.finding.severity is Severity.INFO else "warning"

    def count(self, status: str) -> int:
        return sum(1 for r in self.findings if r.status == status)

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        return EXIT_FINDINGS if self.failing else EXIT_OK

    def summary(self) -> dict[str, object]:
        unmarked = self.unmarked
        data: dict[str, object] = {
            "files": self.files,
            "blocks": self.blocks,
            "unmarked": len(unmarked),
            "unmarked_files": len({r.finding.path for r in unmarked}),
            "failing": len(self.failing),
            "marked": self.count(Status.MARKED.value),
            "marked_examples": self.marked_blocks,
            "suppressed": self.count(Status.SUPPRESSED.value),
            "baselined": self.count(BASELINED),
            "errors": len(self.errors),
            "fail_on": self.fail_on,
            "exit_code": self.exit_code,
        }
        if self.baseline_entries is not None:
            data["baseline"] = {"entries": self.baseline_entries, "stale": len(self.stale)}
        if self.skipped:
            data["skipped"] = [{"path": path, "reason": reason} for path, reason in self.skipped]
        return data


def sort_key(finding: Finding) -> tuple:
    """File order, notebooks cell by cell."""
    return (finding.path, finding.cell or 0, finding.line, finding.column, finding.rule_id)


def diagnostic_sort_key(diagnostic: Diagnostic) -> tuple:
    return (diagnostic.path, diagnostic.cell or 0, diagnostic.line, diagnostic.code)


def known_rules(packs: tuple[str, ...] = ()) -> list[Rule]:
    """Every rule a finding can carry: the catalog (with the named rule packs) plus the engine's own (DSX) rules."""
    from ..core.catalog import load_catalog
    from ..core.engine import ENGINE_RULES

    rules = [registered.rule for registered in load_catalog(tuple(packs))]
    rules.extend(own for own in ENGINE_RULES if all(rule.id != own.id for rule in rules))
    return sorted(rules, key=lambda rule: rule.id)


def rule_for(finding: Finding) -> Rule:
    """The rule behind ``finding``; a minimal record if it is not in the catalog."""
    for rule in known_rules():
        if rule.id == finding.rule_id:
            return rule
    return Rule(
        id=finding.rule_id, symbol=finding.symbol, title=finding.title, severity=finding.severity,
        confidence=finding.confidence, cwe=finding.cwe, languages=("text",), message=finding.message,
        use_instead=finding.message,
    )
