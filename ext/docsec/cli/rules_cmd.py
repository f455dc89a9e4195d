"""``docsec rules`` (the catalog) and ``docsec explain`` (one rule's page)."""

from __future__ import annotations

import argparse
import json
from typing import Optional, TextIO

from ..model import Rule
from ..report import rule_url
from .check import UsageError


def known_rules() -> list[Rule]:
    """The built-in rules and those of the rule packs the nearest ``[tool.docsec]`` names."""
    from pathlib import Path

    from ..core.config import ConfigError
    from .check import load_config, rules_of

    try:
        config, _ = load_config(None, Path.cwd())
    except ConfigError as error:
        raise UsageError(str(error)) from None
    return rules_of(config)


def run_rules(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    rules = known_rules()
    shown = [rule for rule in rules if args.profile == "audit" or rule.profile == "default"]
    if args.format == "json":
        stdout.write(json.dumps([_rule_json(rule) for rule in shown], indent=2, ensure_ascii=False) + "\n")
        return 0
    width = max((len(", ".join(rule.languages)) for rule in shown), default=8)
    for rule in shown:
        audit = "  (audit profile)" if rule.profile == "audit" else ""
        stdout.write(f"{rule.id}  {rule.severity.label:<8}  {', '.join(rule.languages):<{width}}  {rule.title}{audit}\n")
    hidden = len(rules) - len(shown)
    if hidden:
        stdout.write(f"\n{hidden} more rule{'s' if hidden != 1 else ''} in the audit profile: docsec rules --profile audit\n")
    return 0


def _rule_json(rule: Rule) -> dict[str, object]:
    return {
        "id": rule.id,
        "symbol": rule.symbol,
        "title": rule.title,
        "severity": rule.severity.label,
        "confidence": rule.confidence.label,
        "cwe": f"CWE-{rule.cwe}" if rule.cwe else None,
        "languages": list(rule.languages),
        "profile": rule.profile,
        "equivalent": rule.equivalent,
        "use_instead": rule.use_instead,
        "url": rule_url(rule.id),
    }


def find_rule(key: str) -> Optional[Rule]:
    wanted = key.strip()
    for rule in known_rules():
        if rule.id == wanted.upper() or rule.symbol == wanted.lower():
            return rule
    return None


def run_explain(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    rule = find_rule(args.rule)
    if rule is None:
        import difflib

        names = [name for r in known_rules() for name in (r.id, r.symbol)]
        close = difflib.get_close_matches(args.rule, names, n=3, cutoff=0.5)
        close += difflib.get_close_matches(args.rule.upper(), names, n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(dict.fromkeys(close))}?" if close else ""
        raise UsageError(f"unknown rule {args.rule!r}{hint} (run `docsec rules` to list them)")
    stdout.write(explain(rule))
    return 0


def explain(rule: Rule) -> str:
    """A metadata header, then the rule's page (its module docstring)."""
    cwe = f"CWE-{rule.cwe}" if rule.cwe else "no CWE"
    header = [
        f"{rule.id} ({rule.symbol}): {rule.title}",
        (f"severity: {rule.severity.label}   confidence: {rule.confidence.label}   {cwe}   "
         f"languages: {', '.join(rule.languages)}   profile: {rule.profile}"),
    ]
    if rule.equivalent:
        header.append(f"equivalent: {rule.equivalent}")
    header.append(f"docs: {rule_url(rule.id)}")
    body = rule.doc or f"{rule.message}\n\n## Use instead\n{rule.use_instead}"
    return "\n".join(header) + "\n\n" + body.rstrip() + "\n"
