"""## What it does
Finds servers and sockets bound to every network interface: ``'0.0.0.0'``,
``''`` or ``'::'`` given as the host of ``HTTPServer``,
``socketserver.*Server``, ``socket.bind``, ``app.run``, ``uvicorn.run``,
``run_simple`` and similar calls.

## Why is this bad?
A server bound to all interfaces is reachable from every network the machine
is on: the café Wi-Fi, the office LAN, the container's bridge.  Examples in
documentation are usually development servers with no authentication, and
``http.server`` serves the whole current directory.  Readers copy the
address along with the rest.

## Example
```python
from http.server import HTTPServer, SimpleHTTPRequestHandler
HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler).serve_forever()
```

## Use instead
```python
from http.server import HTTPServer, SimpleHTTPRequestHandler
HTTPServer(("127.0.0.1", 8000), SimpleHTTPRequestHandler).serve_forever()
```
Bind to ``127.0.0.1`` (or ``localhost``) and put a real server with
authentication and TLS in front when the service must be reachable.

## References
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

ALL_INTERFACES = frozenset({"0.0.0.0", "", "::", "0:0:0:0:0:0:0:0", "[::]", "*"})
ADDRESS_TUPLE_CALLS = ("HTTPServer", "ThreadingHTTPServer", "TCPServer", "UDPServer", "ThreadingTCPServer",
                       "ThreadingUDPServer", "ForkingTCPServer", "ForkingUDPServer", "WSGIServer",
                       "make_server", "SimpleXMLRPCServer", "DocXMLRPCServer", "bind", "create_server",
                       "serve", "start_server")
SETTING_NAMES = ("bind", "host", "listen", "ip", "address")
HOST_FIRST_CALLS = ("run_simple", "make_server", "serve", "start_server", "create_server", "TCPSite", "start_http_server")


@rule(
    id="DSP014",
    symbol="bind-all-interfaces",
    title="Server bound to all network interfaces",
    severity="medium",
    cwe=1327,
    languages=("python",),
    equivalent="Bandit B104, Ruff S104",
    message="binds to all interfaces; bind to 127.0.0.1 unless the service must be public behind authentication",
    use_instead="Bind development servers to 127.0.0.1 or localhost.",
    # every branch compares a whole name: a host keyword, a short name of the two call lists, a setting name
    name_triggers=tuple(sorted({"host", "hostname", "bind", "server_address", *SETTING_NAMES,
                                *(call.lower() for call in ADDRESS_TUPLE_CALLS + HOST_FIRST_CALLS)})),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        node = _all_interfaces_argument(code, call)
        if node is not None:
            shown = _shown(code, node)
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` binds to {shown} (all interfaces); bind to 127.0.0.1 or localhost "
                      "unless the service must be reachable, and then only behind authentication")
    yield from _settings(code)


def _all_interfaces_argument(code: PythonView, call: Call) -> Optional[ast.AST]:
    if not call.node.keywords and call.short not in ADDRESS_TUPLE_CALLS and call.short not in HOST_FIRST_CALLS:
        return None  # (the checks below need a keyword or one of these calls)
    host = call.keyword("host") or call.keyword("hostname") or call.keyword("bind") or call.keyword("server_address")
    if host is not None:
        return host if _is_any(code, host) or _is_any_tuple(code, host) else None
    if not call.node.args:
        return None
    first = call.node.args[0]
    if call.short in ADDRESS_TUPLE_CALLS and _is_any_tuple(code, first):
        return first
    if call.short in HOST_FIRST_CALLS and _is_any(code, first) and len(call.node.args) > 1:
        return first
    return None


def _is_any(code: PythonView, node: ast.AST) -> bool:
    value = code.string_value(node)
    return value is not None and value.strip() in ALL_INTERFACES


def _is_any_tuple(code: PythonView, node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 else node
    return isinstance(node, ast.Tuple) and len(node.elts) >= 2 and _is_any(code, node.elts[0])


def _shown(code: PythonView, node: ast.AST) -> str:
    if isinstance(node, ast.Name) and not code.string_value(node):
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 else node
    if isinstance(node, ast.Tuple):
        node = node.elts[0]
    if isinstance(node, ast.Name):
        return f"{node.id} = {code.string_value(node)!r}"
    return repr(code.string_value(node))


def _settings(code: PythonView) -> Iterator[Hit]:
    """``bind = "0.0.0.0:8000"`` in gunicorn/uvicorn-style config modules."""
    for name, values in code.assignments.items():
        if name.rsplit(".", 1)[-1].lower() not in SETTING_NAMES:
            continue
        for value in values:
            text = code.string_value(value)
            if text is not None and text.split(":")[0].strip("[]") in ("0.0.0.0", "::") and hasattr(value, "lineno"):
                yield Hit(value.lineno, code.column(value), f"`{name} = {text!r}` listens on all interfaces; use 127.0.0.1")
