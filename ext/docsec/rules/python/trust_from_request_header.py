"""## What it does
Finds access decisions made from a request header the client writes: a
function that lets a request skip a check (a rate limiter's
``@limiter.request_filter``/``exempt_when``, an ``is_admin``/``is_internal``/
``is_trusted``/``authenticated`` helper, a ``request_loader`` or
``user_loader``) and returns or tests ``request.headers.get("X-Internal") ==
"true"``, or takes the user from ``X-Remote-User``, ``X-Forwarded-User``,
``X-Auth-User`` or ``Remote-User``.  Headers a proxy you run sets and strips
(checked against a shared secret with ``hmac.compare_digest``) are left alone.

## Why is this bad?
Every client can send any header: ``curl -H "X-Internal: true"`` is all it
takes to skip the rate limit, reach the admin view or log in as whoever
``X-Remote-User`` names, unless a proxy in front removes the header from
every outside request, which the example does not show.

## Example
```python
@limiter.request_filter
def header_whitelist():
    return request.headers.get("X-Internal", "") == "true"
```

## Use instead
```python
@limiter.request_filter
def internal_network():
    return ipaddress.ip_address(request.remote_addr) in INTERNAL_NETWORK
```
Decide from what the client cannot choose: the connecting address behind a
counted proxy, a signed token, or a shared secret compared with
``hmac.compare_digest``.

## References
- [CWE-290: Authentication Bypass by Spoofing](https://cwe.mitre.org/data/definitions/290.html)
- [CWE-807: Reliance on Untrusted Inputs in a Security Decision](https://cwe.mitre.org/data/definitions/807.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

IDENTITY_HEADERS = re.compile(r"^(?:HTTP_)?(?:X[-_])?(?:REMOTE|FORWARDED|AUTH|AUTHENTICATED)[-_]USER(?:NAME)?$|"
                              r"^(?:HTTP_)?X[-_]USER(?:[-_]ID)?$", re.IGNORECASE)
DECIDING_FUNCTION = re.compile(r"(?:^|_)(?:is|has|can|allow|allowed|exempt|skip|whitelist|allowlist|trusted|internal"
                               r"|admin|authenticated|authorized|bypass|load_user|request_loader|user_loader)"
                               r"(?:_|$)|whitelist|allowlist|loader$", re.IGNORECASE)
DECIDING_DECORATORS = re.compile(r"request_filter|exempt|request_loader|user_loader|header_loader|verify_password")


@rule(
    id="DSP072",
    symbol="trust-from-request-header",
    title="Access decided by a request header the client writes",
    severity="medium",
    cwe=807,
    languages=("python",),
    equivalent="none",
    message="lets a request skip a check, or names the user, from a header any client can send; decide from "
            "the connecting address, a signed token or a shared secret instead",
    use_instead="ipaddress.ip_address(request.remote_addr) in INTERNAL_NETWORK, or a signed token",
    name_triggers=("headers", "meta", "environ"),
)
def check(code: PythonView) -> Iterator[Hit]:
    if "compare_digest" in code.source:
        return
    for function in code.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
        if not _decides_access(function):
            continue
        for node in ast.walk(function):
            found = _header_decision(code, node)
            if found:
                header, how = found
                yield Hit(node.lineno, code.column(node),  # type: ignore[attr-defined]
                          f"`{getattr(function, 'name', '')}` {how} the `{header}` header, which any client can send "
                          "(`curl -H ...`); decide from the connecting address, a signed token or a shared secret "
                          "compared with `hmac.compare_digest`")
                break


def _decides_access(function: ast.AST) -> bool:
    name = getattr(function, "name", "")
    decorators = " ".join(ast.unparse(d) for d in getattr(function, "decorator_list", []))
    return bool(DECIDING_FUNCTION.search(name) or DECIDING_DECORATORS.search(decorators))


def _header_decision(code: PythonView, node: ast.AST) -> Optional[tuple[str, str]]:
    """A comparison of a header with a constant (``headers.get("X-Internal") == "true"``), or a user
    taken from an identity header (``request.headers.get("X-Remote-User")``)."""
    if isinstance(node, ast.Compare) and len(node.comparators) == 1:
        sides = [node.left, node.comparators[0]]
        for side, other in (sides, sides[::-1]):
            header = _header_read(code, side)
            if header and isinstance(other, ast.Constant) and not header.lower().startswith(("content-", "accept")):
                return header, "decides by comparing"
    if isinstance(node, (ast.Subscript, ast.Call)):
        header = _header_read(code, node)
        if header and IDENTITY_HEADERS.match(header):
            return header, "takes the user from"
    return None


def _header_read(code: PythonView, node: ast.AST) -> Optional[str]:
    """``request.headers.get("X-Internal", "")``, ``request.headers["X-Internal"]``,
    ``request.META.get("HTTP_X_INTERNAL")``, ``environ["HTTP_X_REMOTE_USER"]``: the header's name."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        container, key = node.func.value, node.args[0]
    elif isinstance(node, ast.Subscript):
        container, key = node.value, node.slice
    else:
        return None
    name = code.string_value(key)
    where = ast.unparse(container)
    if not name or not re.search(r"(?:^|\.)(?:headers|META|environ)$", where):
        return None
    if where.endswith(("META", "environ")) and not name.upper().startswith("HTTP_"):
        return None  # REMOTE_ADDR, REMOTE_USER from the server: not a header
    return name
