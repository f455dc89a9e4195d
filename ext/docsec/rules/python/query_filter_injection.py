"""## What it does
Finds LDAP search filters and XPath expressions built from values with
f-strings, ``%`` formatting, ``str.format`` or ``+`` and handed to a
query: python-ldap's ``search``/``search_s``/``search_ext_s``, ldap3's
``conn.search(base, filter)``, lxml's ``tree.xpath(...)``,
``etree.XPath(...)``, and ElementTree's ``find``/``findall``/``iterfind``
with a ``[@attr='...']`` predicate, directly or through a variable built
earlier in the block.  Values escaped on the way
(``ldap.filter.escape_filter_chars``, ``ldap3.utils.conv.escape_filter_chars``)
and constants (``BASE_FILTER``) are left alone, as are lxml's XPath variables
(``tree.xpath("//user[@name=$name]", name=name)``).

## Why is this bad?
The value is parsed as part of the filter: a user name of ``*)(uid=*`` turns
``(&(uid=%s)(objectClass=person))`` into a filter that matches every
account, and ``' or '1'='1`` does the same to an XPath predicate, so a
login or lookup built this way lets anyone in or reads other users'
entries (LDAP and XPath injection).

## Example
```python
def find_user(conn, username):
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={username})")
```

## Use instead
```python
from ldap.filter import filter_format

def find_user(conn, username):
    return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))
```
Build LDAP filters with ``ldap.filter.filter_format`` or
``escape_filter_chars``; pass XPath values as variables
(``tree.xpath("//user[@name=$name]", name=username)``).

## References
- [CWE-90: Improper Neutralization of Special Elements used in an LDAP Query](https://cwe.mitre.org/data/definitions/90.html)
- [CWE-643: Improper Neutralization of Data within XPath Expressions](https://cwe.mitre.org/data/definitions/643.html)
- [OWASP LDAP Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import Built, built_string, is_outside_data

LDAP_SEARCHES = frozenset({"search", "search_s", "search_st", "search_ext", "search_ext_s", "paged_search",
                           "search_paged"})
LDAP_FILTER_KEYWORDS = ("filterstr", "search_filter", "filter", "ldap_filter")
XPATH_CALLS = frozenset({"xpath", "XPath", "ETXPath", "find", "findall", "iterfind", "findtext"})
LDAP_FILTER = re.compile(r"\(\s*[&|!]?\s*\(?[A-Za-z][\w.-]*\s*[~<>]?=")
XPATH = re.compile(r"\[\s*@?[\w:.-]+\s*=|//|/text\(\)|contains\(")
PREDICATE = re.compile(r"\[\s*@?[\w:.-]+\s*=")  # ElementTree's find() paths: only a predicate holds a value
ESCAPERS = re.compile(r"escape_filter_chars|filter_format|escape_dn_chars|escape_rdn|quoteattr|xpath_escape|escape",
                      re.IGNORECASE)


@rule(
    id="DSP068",
    symbol="query-filter-injection",
    title="LDAP filter or XPath built from values by string formatting",
    severity="high",
    cwe=90,
    languages=("python",),
    equivalent="none (Semgrep python.ldap3 and lxml xpath injection rules, partial)",
    message="builds an LDAP filter or XPath expression from a value; escape it (filter_format) or pass it as "
            "an XPath variable",
    use_instead='conn.search_s(BASE, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [username]))',
    name_triggers=tuple(sorted({*(s.lower() for s in LDAP_SEARCHES), *(x.lower() for x in XPATH_CALLS)})),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named(*LDAP_SEARCHES, *XPATH_CALLS):
        ldap = call.short in LDAP_SEARCHES
        if call.name.startswith(("re.", "regex.")):
            continue
        shape = LDAP_FILTER if ldap else XPATH if call.short in ("xpath", "XPath", "ETXPath") else PREDICATE
        for query in _queries(call, ldap):
            found = _built(code, query, shape)
            if found is None:
                continue
            built, via = found
            kind = "an LDAP filter" if ldap else "an XPath expression"
            fix = "build it with `ldap.filter.filter_format` or `escape_filter_chars`" if ldap else \
                "write `$name` in the expression and pass the value as `name=...`"
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` runs {kind} built with {built.how}{via} from "
                      f"`{code.text_of(built.dynamic[0], 40)}`: quotes, `*` and `)` in it change the query "
                      f"(injection); {fix}")
            break


def _queries(call: Call, ldap: bool) -> list[ast.expr]:
    node = call.node
    if ldap:
        found = [k.value for k in node.keywords if k.arg in LDAP_FILTER_KEYWORDS]
        return found or list(node.args[1:4])  # (base, filter) in ldap3; (base, scope, filterstr) in python-ldap
    return [node.args[0]] if node.args else [k.value for k in node.keywords if k.arg in ("path", "_path", "match")]


def _built(code: PythonView, node: ast.AST, shape: re.Pattern[str]) -> Optional[tuple[Built, str]]:
    via = ""
    candidates: list[ast.AST] = [node]
    if isinstance(node, ast.Name):
        candidates = [v for v in code.assignments.get(node.id, []) if isinstance(v, ast.expr)]
        via = f" (in `{node.id}`)"
    for candidate in candidates:
        built = built_string(code, candidate)
        if built is None or not shape.search(built.template or built.text):
            continue
        dynamic = [piece for piece in built.dynamic
                   if is_outside_data(code, piece) and not _escaped(code, piece)]
        if dynamic:
            return Built(built.text, dynamic, built.how, built.template), via
    return None


def _escaped(code: PythonView, piece: ast.AST) -> bool:
    if isinstance(piece, ast.Call) and ESCAPERS.search(code.text_of(piece.func)):
        return True
    if isinstance(piece, ast.Name):
        values = code.assignments.get(piece.id, [])
        return bool(values) and all(isinstance(v, ast.Call) and ESCAPERS.search(code.text_of(v.func))
                                    for v in values)
    return False
