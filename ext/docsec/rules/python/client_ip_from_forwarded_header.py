"""## What it does
Finds the client's address taken from a header the client can write:
``X-Forwarded-For``, ``X-Real-IP``, ``Client-IP``, ``True-Client-IP`` or
``Forwarded`` read from the request (``request.headers.get("X-Forwarded-For")``,
``request.META["HTTP_X_FORWARDED_FOR"]``, ``environ["HTTP_X_REAL_IP"]``) and
used as the address: its left-most entry (``.split(",")[0]``), or the whole
value returned from or assigned to an address (``client_ip = ...``,
``return ...`` in ``get_client_ip``, a rate limiter's ``key_func``); and
settings that read those headers first (django-axes's and django-ipware's
``..._META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", ...]``) without a
proxy count.  The right-most entry (``[-1]``, the one your proxy appended),
Werkzeug's ``ProxyFix``, and code that checks the connecting address against
trusted proxies are left alone.

## Why is this bad?
Without a proxy in front that overwrites the header, every client sends its
own ``X-Forwarded-For: 1.2.3.4``; with a proxy that appends, the left-most
entry is still the client's.  Rate limits, login lockouts, audit logs and
IP allow-lists keyed on it are then bypassed by changing one header.

## Example
```python
def get_client_ip(request):
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    if forwarded:
        return forwarded.split(",")[0]
    return request.META.get("REMOTE_ADDR")
```

## Use instead
```python
from werkzeug.middleware.proxy_fix import ProxyFix

app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1)  # exactly one proxy in front
client_ip = request.remote_addr
```
Trust the header only as far as your own proxies reach: count them
(``ProxyFix(x_for=1)``, ``AXES_IPWARE_PROXY_COUNT = 1``) and take the entry
they wrote, or read ``REMOTE_ADDR`` when there is no proxy.

## References
- [CWE-348: Use of Less Trusted Source](https://cwe.mitre.org/data/definitions/348.html)
- [MDN: X-Forwarded-For, security and privacy concerns](https://developer.mozilla.org/en-US/docs/Web/HTTP/Headers/X-Forwarded-For#security_and_privacy_concerns)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

FORWARDED_HEADER = re.compile(r"^(?:HTTP_)?(?:X[-_]FORWARDED[-_]FOR|X[-_]REAL[-_]IP|CLIENT[-_]IP|TRUE[-_]CLIENT[-_]IP"
                              r"|X[-_]CLUSTER[-_]CLIENT[-_]IP|FORWARDED)$", re.IGNORECASE)
ADDRESS_NAME = re.compile(r"(?:^|_)(?:ip|ips|addr|address|remote|client)(?:_|$)|ip$|^ip", re.IGNORECASE)
PRECEDENCE_SETTING = re.compile(r"PRECEDENCE_ORDER$|(?:^|_)IP_HEADERS?$|REAL_IP_HEADER$")
PROXY_COUNT = re.compile(r"PROXY_COUNT|NUM_PROXIES|PROXY_TRUSTED_IPS|TRUSTED_PROXIES|PROXY_ORDER", re.IGNORECASE)
TRUST_CHECKS = re.compile(r"ProxyFix|trusted_prox|TRUSTED_PROX|is_trusted|proxy_count|PROXIES\b", re.IGNORECASE)


@rule(
    id="DSP070",
    symbol="client-ip-from-forwarded-header",
    title="Client address taken from X-Forwarded-For, which the client can write",
    severity="medium",
    cwe=348,
    languages=("python",),
    equivalent="none",
    message="takes the client's address from a forwarded header any client can set, so rate limits, lockouts "
            "and IP allow-lists are bypassed; count your proxies (ProxyFix(x_for=1)) or use REMOTE_ADDR",
    use_instead="app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1); request.remote_addr",
    joined_triggers=("forwarded", "realip", "clientip"),
)
def check(code: PythonView) -> Iterator[Hit]:
    if TRUST_CHECKS.search(code.source):
        return
    yield from _precedence_settings(code)
    for node in code.nodes_of(ast.Constant):
        header = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        if not header or not FORWARDED_HEADER.match(header.strip()):
            continue
        read = _header_read(code, node)
        if read is None:
            continue
        used = _used_as_address(code, read)
        if used:
            yield Hit(read.lineno, code.column(read),
                      f"`{code.text_of(read, 50)}` is {used}, but any client can send its own `{header}` header: "
                      "rate limits, lockouts and IP allow-lists keyed on it are bypassed; trust only the entries "
                      "your own proxies add (`ProxyFix(x_for=1)`) or use `REMOTE_ADDR`")


def _header_read(code: PythonView, constant: ast.AST) -> Optional[ast.expr]:
    """The expression that reads the header: ``request.headers.get("X-Forwarded-For")``,
    ``request.META["HTTP_X_FORWARDED_FOR"]``, ``environ.get("HTTP_X_REAL_IP", "")``."""
    parent = code.parents.get(constant)
    if isinstance(parent, ast.Subscript) and parent.slice is constant:
        return parent
    if isinstance(parent, ast.Call) and parent.args and parent.args[0] is constant and \
            isinstance(parent.func, ast.Attribute) and parent.func.attr in ("get", "getlist", "get_all", "getheader",
                                                                            "get_header"):
        return parent
    return None


def _used_as_address(code: PythonView, read: ast.expr) -> Optional[str]:
    """How the header value is used as the client's address, or ``None``."""
    parents = code.parents
    node: ast.AST = read
    for _ in range(3):  # up through ``(... or "").split(",")[0].strip()``
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr == "split":
            index = _split_index(parents, parent)
            if index is not None:
                return "the left-most entry of the header" if index == 0 else None
        if isinstance(parent, ast.BoolOp) or isinstance(parent, ast.Call) and _is_strip(parent):
            node = parent
            continue
        break
    target = _assigned_name(parents, read)
    if target is not None:
        if _takes_right_most(code, target):
            return None
        if ADDRESS_NAME.search(target):
            return f"used as the client address (`{target}`)"
        return _name_used_as_address(code, target)
    if _returned_from_address_function(parents, read):
        return "returned as the client address"
    if _is_key_function(parents, read):
        return "the rate limiter's key"
    return None


def _name_used_as_address(code: PythonView, name: str) -> Optional[str]:
    """``forwarded = request.META.get("HTTP_X_FORWARDED_FOR")`` then ``forwarded.split(",")[0]`` or
    ``return forwarded`` in ``get_client_ip``."""
    parents = code.parents
    for node in code.nodes_of(ast.Name):
        if getattr(node, "id", None) != name or not isinstance(getattr(node, "ctx", None), ast.Load):
            continue
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr == "split" and _split_index(parents, parent) == 0:
            return "the left-most entry of the header"
        if _returned_from_address_function(parents, node):  # type: ignore[arg-type]
            return "returned as the client address"
    return None


def _split_index(parents: dict, attribute: ast.Attribute) -> Optional[int]:
    call = parents.get(attribute)
    subscript = parents.get(call) if isinstance(call, ast.Call) else None
    if isinstance(subscript, ast.Subscript) and isinstance(subscript.slice, ast.Constant) and \
            isinstance(subscript.slice.value, int):
        return subscript.slice.value
    if isinstance(subscript, ast.Subscript) and isinstance(subscript.slice, ast.UnaryOp):
        return -1
    return None


def _is_strip(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Attribute) and call.func.attr in ("strip", "lower")


def _assigned_name(parents: dict, read: ast.expr) -> Optional[str]:
    node: ast.AST = read
    parent = parents.get(node)
    while isinstance(parent, (ast.BoolOp, ast.IfExp)):
        node, parent = parent, parents.get(parent)
    if isinstance(parent, (ast.Assign, ast.AnnAssign)):
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        if len(targets) == 1 and isinstance(targets[0], ast.Name):
            return targets[0].id
    return None


def _takes_right_most(code: PythonView, name: str) -> bool:
    """``ip = forwarded.split(",")[-1]`` somewhere after: the block takes the entry its proxy wrote."""
    return re.search(rf"\b{re.escape(name)}\.split\([^)]*\)\[\s*-1\s*\]", code.source) is not None


def _returned_from_address_function(parents: dict, read: ast.expr) -> bool:
    node: ast.AST = read
    parent = parents.get(node)
    while isinstance(parent, (ast.BoolOp, ast.IfExp)):
        node, parent = parent, parents.get(parent)
    if not isinstance(parent, ast.Return):
        return False
    while parent is not None and not isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
        parent = parents.get(parent)
    return isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)) and bool(ADDRESS_NAME.search(parent.name))


def _is_key_function(parents: dict, read: ast.expr) -> bool:
    """``Limiter(key_func=lambda: request.headers.get("X-Forwarded-For"))``."""
    parent = parents.get(read)
    while isinstance(parent, (ast.BoolOp, ast.IfExp)):
        parent = parents.get(parent)
    if isinstance(parent, ast.Lambda):
        keyword = parents.get(parent)
        return isinstance(keyword, ast.keyword) and keyword.arg in ("key_func", "key", "identify")
    return False


def _precedence_settings(code: PythonView) -> Iterator[Hit]:
    """``AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]`` with no proxy count."""
    if any(PROXY_COUNT.search(name) for name in code.assignments):
        return
    for name, values in code.assignments.items():
        if not PRECEDENCE_SETTING.search(name.rsplit(".", 1)[-1]):
            continue
        for value in values:
            first = value.elts[0] if isinstance(value, (ast.List, ast.Tuple)) and value.elts else None
            header = code.string_value(first) if first is not None else None
            if first is not None and header and FORWARDED_HEADER.match(header):
                yield Hit(first.lineno, code.column(first),
                          f"`{name}` reads the client address from `{header}` first, which any client can set: "
                          "lockouts and rate limits are bypassed by sending it; set the proxy count too (or put "
                          "REMOTE_ADDR first when no proxy overwrites the header)")
