"""## What it does
Finds servers and sockets bound to every network interface: ``'0.0.0.0'``,
``''`` or ``'::'`` given as the host of ``HTTPServer``,
``socketserver.*Server``, ``socket.bind``, ``app.run``, ``uvicorn.run``,
``run_simple`` and similar calls; ZeroMQ sockets bound to ``tcp://*``; and
Twisted listeners without ``interface=`` (``reactor.listenTCP(8080, site)``,
``TCP4ServerEndpoint(reactor, 8080)``, ``serverFromString(reactor, "tcp:8080")``),
which listen on every interface by default, when they serve a whole
temporary or home folder (``File("/tmp")``).

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
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

ALL_INTERFACES = frozenset({"0.0.0.0", "", "::", "0:0:0:0:0:0:0:0", "[::]", "*"})
ADDRESS_TUPLE_CALLS = ("HTTPServer", "ThreadingHTTPServer", "TCPServer", "UDPServer", "ThreadingTCPServer",
                       "ThreadingUDPServer", "ForkingTCPServer", "ForkingUDPServer", "WSGIServer",
                       "make_server", "SimpleXMLRPCServer", "DocXMLRPCServer", "bind", "create_server",
                       "serve", "start_server")
SETTING_NAMES = frozenset({"bind", "host", "listen", "ip", "address"})
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
    joined_triggers=("server",),  # any ``...Server((host, port), ...)``, or a class derived from one
    name_triggers=tuple(sorted({"host", "hostname", "bind", "server_address", *SETTING_NAMES,
                                *(call.lower() for call in ADDRESS_TUPLE_CALLS + HOST_FIRST_CALLS),
                                "bind_to_random_port", "listentcp", "listenssl", "tcp4serverendpoint",
                                "tcp6serverendpoint", "ssl4serverendpoint", "serverfromstring"})),
    triggers=("0.0.0.0",),  # a setting's value (``RUNSERVERPLUS_SERVER_ADDRESS_PORT = "0.0.0.0:8000"``)
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
    yield from _message_sockets(code)
    yield from _twisted_listeners(code)


# ZeroMQ endpoints on every interface: ``socket.bind("tcp://*:5555")``.
ZMQ_ANY = re.compile(r"^(?:tcp|ws|wss|pgm|epgm)://(?:\*|0\.0\.0\.0|\[::\]|::)(?::\d+)?$")
# Twisted listens on every interface unless given ``interface=``: ``reactor.listenTCP(8080, site)``,
# ``TCP4ServerEndpoint(reactor, 8080)``, ``serverFromString(reactor, "tcp:8080")``.
BROAD_FOLDER = re.compile(r"^(?:/|/tmp/?|/var/tmp/?|~/?|/home/?|/root/?|/etc/?)$")
TWISTED_LISTENERS = frozenset({"listenTCP", "listenSSL", "TCP4ServerEndpoint", "TCP6ServerEndpoint",
                               "SSL4ServerEndpoint"})


def _message_sockets(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named("bind", "bind_to_random_port"):
        endpoint = code.string_value(call.argument(0, "addr"))
        if endpoint and ZMQ_ANY.match(endpoint.strip()):
            yield Hit(call.line, code.column(call.node), f"`{call.written}({endpoint!r})` listens on every "
                      "interface, and ZeroMQ has no authentication unless CURVE is set up: anyone who reaches the "
                      "port connects; bind to tcp://127.0.0.1 or configure CURVE")


def _twisted_listeners(code: PythonView) -> Iterator[Hit]:
    """Twisted's listeners, when the block serves a whole temporary or home folder (``File("/tmp")``):
    a site or a protocol on every interface is how Twisted servers are written."""
    if "twisted" not in code.source and "reactor" not in code.source:
        return
    served = [code.string_value(c.argument(0)) for c in code.calls_named("File")]
    if not any(path and BROAD_FOLDER.match(path) for path in served):
        return
    for call in code.calls_named(*TWISTED_LISTENERS):
        interface = call.keyword("interface")
        if interface is None or _is_any(code, interface):
            yield Hit(call.line, code.column(call.node), f"`{call.written}(...)` listens on every interface "
                      "(Twisted's default without `interface=`); pass interface=\"127.0.0.1\" unless the service "
                      "must be reachable, and then only behind authentication")
    for call in code.calls_named("serverFromString"):
        description = code.string_value(call.argument(1))
        if description and description.startswith(("tcp:", "ssl:")) and "interface=" not in description:
            yield Hit(call.line, code.column(call.node), f"`serverFromString(..., {description!r})` listens on "
                      "every interface; add `:interface=127.0.0.1`")


def _server_classes(code: PythonView) -> frozenset[str]:
    """Classes the block derives from a server that takes an address tuple (``class HttpServ(HTTPServer)``)."""
    found = code.__dict__.get("_server_classes")
    if found is None:
        found = frozenset(node.name for node in code.nodes_of(ast.ClassDef)  # type: ignore[attr-defined]
                          if any((code.qualname(base) or "").rsplit(".", 1)[-1] in ADDRESS_TUPLE_CALLS
                                 or (code.qualname(base) or "").endswith("Server")
                                 for base in node.bases))  # type: ignore[attr-defined]
        code.__dict__["_server_classes"] = found
    return found


def _takes_address_tuple(code: PythonView, call: Call) -> bool:
    """``HTTPServer``, ``FTPServer``, ``ThreadedFTPServer``, a subclass the block defines: servers built from
    ``(host, port)``."""
    return call.short in ADDRESS_TUPLE_CALLS or call.short.endswith("Server") or call.short in _server_classes(code)


def _all_interfaces_argument(code: PythonView, call: Call) -> Optional[ast.AST]:
    address_tuple = _takes_address_tuple(code, call)
    if not call.node.keywords and not address_tuple and call.short not in HOST_FIRST_CALLS:
        return None  # (the checks below need a keyword or one of these calls)
    host = call.keyword("host") or call.keyword("hostname") or call.keyword("bind") or call.keyword("server_address")
    if host is not None:
        return host if _is_any(code, host) or _is_any_tuple(code, host) else None
    if not call.node.args:
        return None
    first = call.node.args[0]
    if address_tuple and _is_any_tuple(code, first):
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
    """``bind = "0.0.0.0:8000"`` in gunicorn/uvicorn-style config modules, and settings named by those words."""
    for name, values in code.assignments.items():
        last = name.rsplit(".", 1)[-1]
        if last.lower() not in SETTING_NAMES and not (last.isupper() and SETTING_NAMES.intersection(last.lower().split("_"))):
            continue  # ``bind = ...`` in gunicorn.conf.py; ``RUNSERVERPLUS_SERVER_ADDRESS_PORT`` in Django settings
        for value in values:
            text = code.string_value(value)
            if text is not None and text.split(":")[0].strip("[]") in ("0.0.0.0", "::") and hasattr(value, "lineno"):
                yield Hit(value.lineno, code.column(value), f"`{name} = {text!r}` listens on all interfaces; use 127.0.0.1")
