"""## What it does
Finds LDAP filters and XPath expressions built from values by
concatenation or a template literal in JavaScript and TypeScript, and passed
to a call or given as a ``filter`` option: ldapjs's
``client.search(base, { filter: "(uid=" + user + ")" })``,
``document.evaluate("//user[@name='" + name + "']", doc)``,
``xpath.select(`//user[@name='${name}']`, doc)``, and MongoDB's ``$where``
(JavaScript the database runs) built the same way
(``{ $where: "this.name == '" + req.query.name + "'" }``).  A value escaped first
(``ldap-escape``'s ``filter`` tag, ``escapeFilter``) is left alone.  The
shapes are those of DSL009 (Java, C#, PHP, Go, Ruby, Rust) and DSP068
(Python).

## Why is this bad?
A user name such as ``*)(uid=*))(|(uid=*`` rewrites an LDAP filter (log in as
anyone, list the directory); ``' or '1'='1`` rewrites an XPath predicate and
returns every node.

## Example
```javascript
client.search("ou=people,dc=example,dc=com", { filter: `(uid=${req.body.user})`, scope: "sub" }, onResult);
```

## Use instead
```javascript
const { filter } = require("ldap-escape");
client.search("ou=people,dc=example,dc=com", { filter: filter`(uid=${req.body.user})`, scope: "sub" }, onResult);
```
Escape values for the filter, or build it with ldapjs's ``EqualityFilter``.

## References
- [CWE-90: Improper Neutralization of Special Elements used in an LDAP Query](https://cwe.mitre.org/data/definitions/90.html)
- [CWE-643: Improper Neutralization of Data within XPath Expressions](https://cwe.mitre.org/data/definitions/643.html)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.javascript import JavaScriptView
from ...model import Hit
from .._queries import query_kind
from ..registry import rule
from ._values import is_outside


@rule(
    id="DSW016",
    symbol="js-ldap-xpath-injection",
    title="LDAP filter or XPath built from values (JavaScript)",
    severity="high",
    cwe=90,
    languages=("javascript",),
    equivalent="none",
    message="builds an LDAP filter or XPath expression from a value; escape it or build the filter from objects",
    use_instead='client.search(base, { filter: new EqualityFilter({ attribute: "uid", value: user }) })',
    triggers=("$where", "ldap", "xpath", "evaluate(", "[@", "(uid=", "(cn=", "(&", "(|", "(mail=", "(objectclass=",
              "(samaccountname=", "(member", "(userprincipalname="),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    reported: set[int] = set()
    for call in js.calls:
        for argument in call.arguments:
            found = _built_query(js, argument)
            if found and js.line(call.node) not in reported:
                reported.add(js.line(call.node))
                yield Hit(js.line(call.node), js.column(call.node), f"`{call.written}(...)` runs an {found[0]} built "
                          f"from `{found[1]}`; escape the value for the filter, or build the query from objects")
                break
    for key, value, pair in js.properties:
        if key in ("$where", "'$where'", '"$where"') and js.line(pair) not in reported:
            built, _ = js.built_through(value)
            outside = [part for part in built.dynamic if is_outside(js, part)] if built is not None else []
            if outside:  # MongoDB runs the ``$where`` string as JavaScript on the server
                reported.add(js.line(pair))
                yield Hit(js.line(pair), js.column(pair), f"`$where` is JavaScript that MongoDB runs, built from "
                          f"`{js.text_of(outside[0], 40)}`: the value can end the string and run its own code; "
                          "query with operators (`{ name: value }`) instead")
                continue
        if key == "filter" and js.line(pair) not in reported:
            found = _built_query(js, value)
            if found:
                yield Hit(js.line(pair), js.column(pair), f"`filter:` is an {found[0]} built from `{found[1]}`; escape "
                          "the value for the filter (`ldap-escape`), or build it from ldapjs's filter objects")


def _built_query(js: JavaScriptView, node: Any) -> Optional[tuple[str, str]]:
    if node.type == "template_string" and node.prev_sibling is not None and node.parent.type == "call_expression":
        return None  # a tagged template (ldap-escape's filter`...`) escapes its values
    built, _ = js.built_through(node)
    if built is None:
        return None
    kind = query_kind(built.text)
    if kind is None:
        return None
    outside = [part for part in built.dynamic if is_outside(js, part)]
    return (kind, js.text_of(outside[0], 40)) if outside else None
