"""``docsec rules``, ``docsec explain``, ``--version`` and the top-level usage."""

from __future__ import annotations

import json

from docsec import __version__
from docsec.core.catalog import load_catalog


def test_rules_lists_the_catalog(docsec) -> None:
    run = docsec("rules")
    assert run.code == 0
    lines = run.out.splitlines()
    dsp014 = next(line for line in lines if line.startswith("DSP014"))
    assert dsp014.split()[:3] == ["DSP014", "medium", "python"]
    assert dsp014.endswith("Server bound to all network interfaces")
    assert any(line.startswith("DSX001") for line in lines)
    default_ids = [r.rule.id for r in load_catalog() if r.rule.profile == "default"]
    assert all(any(line.startswith(rule_id + " ") for line in lines) for rule_id in default_ids)


def test_rules_json_and_audit_profile(docsec) -> None:
    rules = json.loads(docsec("rules", "--format", "json", "--profile", "audit").out)
    assert [rule["id"] for rule in rules] == sorted(rule["id"] for rule in rules)
    dsp014 = next(rule for rule in rules if rule["id"] == "DSP014")
    assert dsp014 == {
        "id": "DSP014", "symbol": "bind-all-interfaces", "title": "Server bound to all network interfaces",
        "severity": "medium", "confidence": "high", "cwe": "CWE-1327", "languages": ["python"],
        "profile": "default", "equivalent": "Bandit B104, Ruff S104", "use_instead": dsp014["use_instead"],
        "url": "https://docsec.readthedocs.io/en/latest/rules/DSP014.html",
    }
    audit_only = {r.rule.id for r in load_catalog() if r.rule.profile == "audit"}
    assert {rule["id"] for rule in rules if rule["profile"] == "audit"} == audit_only
    text = docsec("rules", "--profile", "audit").out
    assert all(line.endswith("(audit profile)") for line in text.splitlines() if line.split(" ")[0] in audit_only)


def test_explain_by_id_or_symbol(docsec) -> None:
    by_id = docsec("explain", "DSP014")
    assert by_id.code == 0
    assert by_id.out.splitlines()[:4] == [
        "DSP014 (bind-all-interfaces): Server bound to all network interfaces",
        "severity: medium   confidence: high   CWE-1327   languages: python   profile: default",
        "equivalent: Bandit B104, Ruff S104",
        "docs: https://docsec.readthedocs.io/en/latest/rules/DSP014.html",
    ]
    assert "## Use instead" in by_id.out
    assert docsec("explain", "bind-all-interfaces").out == by_id.out
    assert docsec("explain", "dsp014").out == by_id.out


def test_explain_unknown_rule_suggests_close_matches(docsec) -> None:
    run = docsec("explain", "bind-all-interface")
    assert run.code == 2 and run.out == ""
    assert run.err.startswith("docsec: error: unknown rule 'bind-all-interface'; did you mean bind-all-interfaces")


def test_version_and_usage(docsec) -> None:
    version = docsec("--version")
    assert (version.code, version.out) == (0, f"docsec {__version__}\n")
    bare = docsec()
    assert bare.code == 2 and "name a command" in bare.err
    assert docsec("lint").code == 2
    check_help = docsec("check", "--help")
    assert check_help.code == 0
    for option in ("--format", "--output", "--select", "--ignore", "--min-severity", "--profile", "--baseline",
                   "--write-baseline", "--show-marked", "--jobs", "--quiet", "--config", "exit codes:"):
        assert option in check_help.out
