"""What an LDAP filter and an XPath expression look like when written with holes for values, shared by
the query-injection rules of the languages beside Python (DSL009 for Java, C#, PHP, Go, Ruby and Rust,
DSW016 for JavaScript; Python's is DSP068).  No rule lives here (the module starts with ``_``).

``text`` is a built string's constant text, each value that is not a literal written ``{}``.
"""

from __future__ import annotations

import re
from typing import Optional

# ``(uid={})``, ``(&(objectClass=user)(sAMAccountName={}))``, ``(|(mail={})(cn={}))``: a parenthesised filter
# with a value in one of its ``(attribute=...)`` items.
LDAP_START = re.compile(r"^\s*\(\s*[&|!]?\s*\(?\s*[A-Za-z][\w.;-]*\s*[~<>]?=")
LDAP_ITEM_WITH_VALUE = re.compile(r"\(\s*[A-Za-z][\w.;-]*\s*[~<>]?=[^()]*\{\}")
# ``//user[@name='{}']``, ``/users/user[name="{}"]/role``, ``.//book[title='{}']``: a path with a predicate
# comparing to a value (URL paths have no ``[...=...]``).
XPATH = re.compile(r"^\s*\.?//?[\w*@:-]+(?:/[\w*@:.-]*)*\[[^\]]*=\s*['\"]?\s*\{\}")


# printf-style verbs (Go's ``fmt.Sprintf``, ``String.format``, PHP's ``sprintf``) and .NET's ``{0}``: where a
# formatting call writes its values.
FORMAT_HOLE = re.compile(r"%[-+ #0-9.]*[sdvqxXfig]|\{\d+(?::[^{}]*)?\}")


def query_kind(text: str) -> Optional[str]:
    """``"LDAP filter"`` or ``"XPath expression"`` for a built string of that shape with a value in it."""
    text = FORMAT_HOLE.sub("{}", text)
    if LDAP_START.search(text) and LDAP_ITEM_WITH_VALUE.search(text):
        return "LDAP filter"
    if XPATH.search(text):
        return "XPath expression"
    return None
