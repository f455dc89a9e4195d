"""Project-specific rules declared in configuration, without writing a plugin.

A declarative rule is either a **call rule** (Python: a resolved call name,
optionally only when a keyword argument has a given literal value) or a
**pattern rule** (a regular expression searched in each line of a text view,
or in each command of a shell view)::

    [[tool.docsec.custom_rules]]
    id = "ACME001"
    title = "Internal client with TLS checks off"
    severity = "high"
    call = "acme.client.connect"
    keyword = { insecure = true }
    message = "`acme.client.connect(insecure=True)` skips certificate checks"
    use_instead = "acme.client.connect(ca_bundle=...)"

Lines longer than :data:`MAX_LINE` characters are not searched, which bounds
the time a user's pattern can take on hostile input.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Optional

from ..model import Confidence, Hit, Rule, Severity
from ..rules.registry import VIEW_KINDS, RegisteredRule

MAX_LINE = 10_000
REQUIRED = ("id", "title", "message")
KNOWN = frozenset({"id", "symbol", "title", "severity", "confidence", "cwe", "languages", "message",
                   "use_instead", "call", "keyword", "pattern", "profile"})


class CustomRuleError(ValueError):
    pass


@dataclass(frozen=True)
class CustomRuleSpec:
    id: str
    title: str
    message: str
    severity: str = "medium"
    confidence: str = "medium"
    cwe: Optional[int] = None
    languages: tuple[str, ...] = ("python",)
    use_instead: str = "See the project's security guidance."
    symbol: str = ""
    call: str = ""
    keyword: tuple[tuple[str, Any], ...] = ()
    pattern: str = ""
    profile: str = "default"
    compiled: Optional[re.Pattern] = field(default=None, compare=False, repr=False)


def parse_spec(index: int, table: Any) -> CustomRuleSpec:
    where = f"custom_rules[{index}]"
    if not isinstance(table, Mapping):
        raise CustomRuleError(f"{where} must be a table with id, title, message and a call or a pattern")
    unknown = sorted(set(table) - KNOWN)
    if unknown:
        raise CustomRuleError(f"{where}: unknown key(s) {unknown}; use {sorted(KNOWN)}")
    missing = [key for key in REQUIRED if not isinstance(table.get(key), str) or not table.get(key)]
    if missing:
        raise CustomRuleError(f"{where}: {', '.join(missing)} must be given as text")
    if bool(table.get("call")) == bool(table.get("pattern")):
        raise CustomRuleError(f"{where} ({table['id']}): give exactly one of `call` (Python) or `pattern` (a regex)")
    call = str(table.get("call", ""))
    languages = tuple(table.get("languages") or (("python",) if call else ("text",)))
    bad_views = [kind for kind in languages if kind not in VIEW_KINDS]
    if bad_views:
        raise CustomRuleError(f"{where} ({table['id']}): unknown language(s) {bad_views}; use {list(VIEW_KINDS)}")
    if call and languages != ("python",):
        raise CustomRuleError(f"{where} ({table['id']}): a `call` rule applies to python only")
    pattern = str(table.get("pattern", ""))
    compiled = None
    if pattern:
        try:
            compiled = re.compile(pattern)
        except re.error as error:
            raise CustomRuleError(f"{where} ({table['id']}): pattern {pattern!r} is not a valid regex: {error}") from None
    keyword = table.get("keyword", {})
    if not isinstance(keyword, Mapping):
        raise CustomRuleError(f"{where} ({table['id']}): `keyword` must be a table such as {{ verify = false }}")
    return CustomRuleSpec(
        id=str(table["id"]).upper(), title=table["title"], message=table["message"],
        severity=str(table.get("severity", "medium")), confidence=str(table.get("confidence", "medium")),
        cwe=table.get("cwe"), languages=languages, use_instead=str(table.get("use_instead") or CustomRuleSpec.use_instead),
        symbol=str(table.get("symbol") or str(table["id"]).lower()), call=call,
        keyword=tuple(sorted(keyword.items())), pattern=pattern, profile=str(table.get("profile", "default")),
        compiled=compiled,
    )


def registered(spec: CustomRuleSpec) -> RegisteredRule:
    """Turn a validated spec into a rule the engine runs like any built-in one."""
    try:
        meta = Rule(
            id=spec.id, symbol=spec.symbol, title=spec.title, severity=Severity.parse(spec.severity),
            confidence=Confidence[spec.confidence.upper()], cwe=spec.cwe, languages=spec.languages,
            message=spec.message, use_instead=spec.use_instead, equivalent="", profile=spec.profile,
            doc=_doc(spec),
        )
    except (KeyError, ValueError) as error:
        raise CustomRuleError(f"custom rule {spec.id}: {error}") from None
    check = _call_check(spec) if spec.call else _pattern_check(spec)
    return RegisteredRule(meta, check, "docsec.core.custom_rules")


def _doc(spec: CustomRuleSpec) -> str:
    what = f"Calls to `{spec.call}`" if spec.call else f"Lines matching `{spec.pattern}`"
    return (f"## What it does\n{what} (a rule declared in this project's configuration).\n\n"
            f"## Why is this bad?\n{spec.message}\n\n## Example\nSee the project's guidance.\n\n"
            f"## Use instead\n{spec.use_instead}\n\n## References\n- project configuration")


def _call_check(spec: CustomRuleSpec):
    wanted = spec.call

    def check(code) -> Iterator[Hit]:
        for call in code.calls:
            if call.name != wanted and not call.name.endswith("." + wanted):
                continue
            if all(_keyword_is(call.keyword(name), value) for name, value in spec.keyword):
                yield Hit(call.line, code.column(call.node), f"`{call.written}`: {spec.message}")
    return check


def _keyword_is(node: Optional[ast.AST], value: Any) -> bool:
    return isinstance(node, ast.Constant) and node.value == value


def _pattern_check(spec: CustomRuleSpec):
    pattern = spec.compiled
    assert pattern is not None, "a pattern rule always has its compiled pattern"

    def check(view) -> Iterator[Hit]:
        lines = _numbered_lines(view)
        for number, text in lines:
            if len(text) <= MAX_LINE and pattern.search(text):
                yield Hit(number, 1, spec.message)
    return check


def _numbered_lines(view) -> list[tuple[int, str]]:
    if hasattr(view, "logical_lines"):  # shell: commands as typed, prompts removed
        return list(view.logical_lines)
    if hasattr(view, "lines") and isinstance(view.lines, list) and view.lines and isinstance(view.lines[0], str):
        return list(enumerate(view.lines, start=1))
    text = getattr(view, "text", "")
    return list(enumerate(text.splitlines(), start=1))
