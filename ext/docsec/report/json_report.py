"""The JSON format: every finding, whatever its status, for other tools.

``{"version": 1, "tool": {...}, "summary": {...}, "findings": [...],
"diagnostics": [...]}``.  Findings carry their ``status`` (``unmarked``,
``marked``, ``suppressed`` or ``baselined``) so consumers filter themselves;
``--show-marked`` does not change this format.  The layout is versioned:
fields are only ever added within ``version`` 1.
"""

from __future__ import annotations

import json
from typing import Any, Optional

from .. import __version__
from ..model import Diagnostic
from . import TOOL_NAME
from .results import Reported, ReportOptions, RunResult, diagnostic_level

FORMAT_VERSION = 1


def render(result: RunResult, options: Optional[ReportOptions] = None) -> str:
    data: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "tool": {"name": TOOL_NAME, "version": __version__},
        "summary": result.summary(),
        "findings": [finding_json(r, result) for r in result.findings],
        "diagnostics": [diagnostic_json(d) for d in result.diagnostics],
    }
    if result.stale:
        data["stale_baseline_entries"] = [entry.as_json() for entry in result.stale]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def finding_json(reported: Reported, result: RunResult) -> dict[str, Any]:
    finding = reported.finding
    return {
        "rule": finding.rule_id,
        "symbol": finding.symbol,
        "title": finding.title,
        "severity": finding.severity.label,
        "confidence": finding.confidence.label,
        "cwe": f"CWE-{finding.cwe}" if finding.cwe else None,
        "message": finding.message,
        "path": finding.path,
        "line": reported.line,
        "column": finding.column,
        "cell": finding.cell,
        "status": reported.status,
        "fails": result.fails(reported),
        "reason": finding.reason,
        "marked_by": finding.marked_by or None,
        "snippet": finding.snippet,
        "fingerprint": reported.fingerprint,
    }


def diagnostic_json(diagnostic: Diagnostic) -> dict[str, Any]:
    return {
        "code": diagnostic.code,
        "level": diagnostic_level(diagnostic),
        "severity": diagnostic.severity.label,
        "message": diagnostic.message,
        "path": diagnostic.path,
        "line": diagnostic.line,
        "cell": diagnostic.cell,
    }
