"""## What it does
Finds LDAP filters and XPath expressions built from values by
concatenation or interpolation in Java, C#, PHP, Go, Ruby and Rust, and
passed to a call or set as a searcher's ``Filter``:
``ctx.search(base, "(uid=" + user + ")", controls)``,
``new DirectorySearcher(entry, "(sAMAccountName=" + name + ")")``,
``ldap_search($ds, $base, "(uid=" . $_GET["user"] . ")")``,
``ldap.NewSearchRequest(..., fmt.Sprintf("(uid=%s)", user), ...)``,
``xpath.compile("//user[@name='" + name + "']")``,
``$xml->xpath("//user[@name='$name']")``, ``doc.xpath("//user[@name='#{name}']")``.
A value escaped first (``LdapEncoder.filterEncode``, ``ldap_escape``,
``ldap.EscapeFilter``) is left alone.  The shapes are shared with JavaScript's
DSW016 and Python's DSP068.

## Why is this bad?
A user name such as ``*)(uid=*))(|(uid=*`` rewrites an LDAP filter (log in as
anyone, list the directory); ``' or '1'='1`` rewrites an XPath predicate and
returns every node.

## Example
```java
String filter = "(uid=" + request.getParameter("user") + ")";
ctx.search("ou=people,dc=example,dc=com", filter, controls);
```

## Use instead
```java
String filter = "(uid={0})";
ctx.search("ou=people,dc=example,dc=com", filter, new Object[] { user }, controls);
```
Pass values as filter arguments (JNDI's ``{0}``), or escape them for the
filter (``ldap_escape`` in PHP, ``ldap.EscapeFilter`` in Go); in XPath, bind
variables (``XPathVariableResolver``) instead of writing values in.

## References
- [CWE-90: Improper Neutralization of Special Elements used in an LDAP Query](https://cwe.mitre.org/data/definitions/90.html)
- [CWE-643: Improper Neutralization of Data within XPath Expressions](https://cwe.mitre.org/data/definitions/643.html)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.code import CodeView
from ...model import Hit
from .._queries import query_kind
from ..registry import rule
from ._values import LANGUAGES, is_outside

ESCAPERS = ("filterEncode", "encodeFilter", "ldap_escape", "EscapeFilter", "escape_filter", "escapeLDAPSearchFilter",
            "LdapEncode", "escape")


@rule(
    id="DSL009",
    symbol="code-ldap-xpath-injection",
    title="LDAP filter or XPath built from values (Java, C#, PHP, Go, Ruby, Rust)",
    severity="high",
    cwe=90,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL ldap-injection and xpath-injection queries",
    message="builds an LDAP filter or XPath expression from a value; pass it as a bound argument or escape it",
    use_instead='ctx.search(base, "(uid={0})", new Object[] { user }, controls)',
    triggers=("ldap", "xpath", "directorysearcher", "selectnodes", "selectsinglenode", "evaluate(", "[@", "(uid=",
              "(cn=", "(&", "(|", "(mail=", "(objectclass=", "(samaccountname=", "(member", "(userprincipalname="),
)
def check(view: CodeView) -> Iterator[Hit]:
    for call in view.calls:
        for argument in call.arguments:
            found = _built_query(view, argument)
            if found:
                yield Hit(view.line(call.node), view.column(call.node), f"`{view.text_of(call.node, 40).split('(')[0]}"
                          f"(...)` runs an {found[0]} built from `{found[1]}`; pass the value as a bound argument, "
                          "or escape it for the filter")
                break
    for name, values in view.assignments.items():
        if name.rsplit(".", 1)[-1] == "Filter":
            for value in values:
                found = _built_query(view, value)
                if found:
                    yield Hit(view.line(value), view.column(value), f"`{name}` is an {found[0]} built from "
                              f"`{found[1]}`; escape the value for the filter")


def _built_query(view: CodeView, node: Any) -> Optional[tuple[str, str]]:
    built, _ = view.built_through(node)
    if built is None:
        return None
    kind = query_kind(built.text)
    if kind is None:
        return None
    outside = [part for part in built.dynamic if is_outside(view, part) and not _escaped(view, part)]
    return (kind, view.text_of(outside[0], 40)) if outside else None


def _escaped(view: CodeView, node: Any) -> bool:
    return any(escaper in view.text_of(node) for escaper in ESCAPERS)
