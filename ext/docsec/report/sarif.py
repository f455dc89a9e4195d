"""SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

Every finding becomes a result, whatever ``--show-marked`` says: marked and
inline-suppressed ones carry ``suppressions`` of kind ``inSource`` (so code
scanning shows them as dismissed, with the reason), baselined ones carry
``baselineState: "unchanged"``.  Levels: ``error`` for a finding that fails
the gate, ``note`` for an info finding, ``warning`` for the rest.  Input
errors and other diagnostics are ``toolExecutionNotifications`` of the one
invocation, whose ``executionSuccessful`` is false when a file could not be
read.

Notebook findings point at the line inside the cell (``region.startLine``)
and name the 1-based cell in ``properties.cell``.
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional
from urllib.parse import quote

from .. import __version__
from ..model import Confidence, Diagnostic, Finding, Rule, Severity, Status
from . import INFORMATION_URI, TOOL_NAME, rule_url
from .results import (
    Reported,
    ReportOptions,
    RunResult,
    diagnostic_level,
    known_rules,
    rule_for,
)

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "docsecFingerprint/v1"
SECURITY_SEVERITY = {
    Severity.CRITICAL: "9.5", Severity.HIGH: "8.0", Severity.MEDIUM: "5.5", Severity.LOW: "3.0", Severity.INFO: "0.0",
}
PRECISION = {Confidence.HIGH: "high", Confidence.MEDIUM: "medium", Confidence.LOW: "low"}
_SECTION = re.compile(r"^##\s+What it does\s*$(?P<body>.*?)(?=^##\s|\Z)", re.MULTILINE | re.DOTALL)


def render(result: RunResult, options: Optional[ReportOptions] = None) -> str:
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n"


def sarif_log(result: RunResult) -> dict[str, Any]:
    catalog = {rule.id: rule for rule in known_rules()}
    used: dict[str, Rule] = {}
    for reported in result.findings:
        rule_id = reported.finding.rule_id
        if rule_id not in used:
            used[rule_id] = catalog.get(rule_id) or rule_for(reported.finding)
    ordered = sorted(used)
    index = {rule_id: number for number, rule_id in enumerate(ordered)}
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": TOOL_NAME,
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [rule_descriptor(used[rule_id]) for rule_id in ordered],
        }},
        "invocations": [{
            "executionSuccessful": not result.errors,
            "exitCode": result.exit_code,
            "toolExecutionNotifications": [notification(d) for d in result.diagnostics],
        }],
        "columnKind": "unicodeCodePoints",
        "results": [sarif_result(r, index[r.finding.rule_id], result) for r in result.findings],
        "properties": {"summary": result.summary()},
    }
    if result.stale:
        run["properties"]["staleBaselineEntries"] = [entry.as_json() for entry in result.stale]
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    tags = ["security"] + ([f"CWE-{rule.cwe}"] if rule.cwe else [])
    doc = rule.doc or f"{rule.title}.\n\nUse instead: {rule.use_instead}"
    url = rule_url(rule.id)
    return {
        "id": rule.id,
        "name": rule.symbol,
        "shortDescription": {"text": rule.title},
        "fullDescription": {"text": what_it_does(rule)},
        "help": {"text": doc, "markdown": f"{doc}\n\n[{rule.id} documentation]({url})"},
        "helpUri": url,
        "defaultConfiguration": {"level": "note" if rule.severity is Severity.INFO else "error"},
        "properties": {
            "tags": tags,
            "security-severity": SECURITY_SEVERITY[rule.severity],
            "precision": PRECISION[rule.confidence],
            "severity": rule.severity.label,
        },
    }


def what_it_does(rule: Rule) -> str:
    """The rule page's "What it does" section as one paragraph, or the title."""
    match = _SECTION.search(rule.doc)
    text = " ".join(match.group("body").split()) if match else ""
    return text or rule.title


def sarif_result(reported: Reported, rule_index: int, result: RunResult) -> dict[str, Any]:
    finding = reported.finding
    data: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": result.level(reported),
        "message": {"text": finding.message},
        "locations": [_location(finding.path, reported.line, finding.column)],
        "partialFingerprints": {FINGERPRINT_KEY: reported.fingerprint},
        "properties": {"status": reported.status, "severity": finding.severity.label},
    }
    if finding.cell is not None:
        data["properties"]["cell"] = finding.cell
    if finding.status in (Status.MARKED, Status.SUPPRESSED):
        data["suppressions"] = [{"kind": "inSource", "justification": justification(finding)}]
    if result.baseline_entries is not None:
        data["baselineState"] = "unchanged" if reported.baselined else "new"
    return data


def justification(finding: Finding) -> str:
    """Why a marked or suppressed finding does not fail: the reason, and which legacy marker accepted it."""
    if finding.marked_by.startswith("legacy"):
        return f"marked by {finding.marked_by}" + (f": {finding.reason}" if finding.reason else "")
    return finding.reason or finding.marked_by or "insecure-example"


def notification(diagnostic: Diagnostic) -> dict[str, Any]:
    data: dict[str, Any] = {
        "level": diagnostic_level(diagnostic),
        "message": {"text": diagnostic.message},
        "descriptor": {"id": diagnostic.code},
        "locations": [_location(diagnostic.path, diagnostic.line, None)],
    }
    if diagnostic.cell is not None:
        data["properties"] = {"cell": diagnostic.cell}
    return data


def _location(path: str, line: int, column: Any) -> dict[str, Any]:
    region = {"startLine": max(line, 1)}
    if column is not None:
        region["startColumn"] = max(column, 1)
    return {"physicalLocation": {"artifactLocation": {"uri": artifact_uri(path)}, "region": region}}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a display path: posix separators, percent-encoded."""
    return quote(path.replace("\\", "/"), safe="/")
