"""## What it does
Finds ``multiprocessing.connection`` endpoints that unpickle data from a
peer that was never authenticated: ``conn.recv()`` on a connection from
``Listener(...).accept()`` or ``Client(...)`` created without ``authkey=``,
and a ``Listener`` on a network address other than loopback without
``authkey=``.  ``recv_bytes()``, ``socket.recv`` and connections with an
``authkey`` are not reported.

## Why is this bad?
``Connection.recv()`` unpickles what arrives, and unpickling runs code.
Without ``authkey`` the listener accepts anyone who can reach the port, so
any host on the network (or any local user, on loopback) runs code in the
receiving process.  The Python documentation warns about exactly this.

## Example
```python
from multiprocessing.connection import Listener
with Listener(("0.0.0.0", 6000)) as listener:
    with listener.accept() as conn:
        job = conn.recv()
```

## Use instead
```python
import os
from multiprocessing.connection import Listener
with Listener(("127.0.0.1", 6000), authkey=os.environb[b"JOB_AUTHKEY"]) as listener:
    with listener.accept() as conn:
        job = conn.recv()
```
Give both ends the same secret ``authkey`` (from the environment, not the
source), bind to loopback, or exchange bytes with ``recv_bytes`` and decode
them as JSON.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [Python docs: multiprocessing.connection authentication keys](https://docs.python.org/3/library/multiprocessing.html#multiprocessing-auth-keys)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

ENDPOINTS = frozenset({"multiprocessing.connection.Listener", "multiprocessing.connection.Client",
                       "connection.Listener", "connection.Client"})
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "ip6-localhost"})


@rule(
    id="DSP032",
    symbol="multiprocessing-unauthenticated-recv",
    title="multiprocessing connection unpickles data from an unauthenticated peer",
    severity="high",
    cwe=502,
    languages=("python",),
    equivalent="none",
    message="Connection.recv() unpickles data from a peer that was never authenticated; pass authkey=",
    use_instead="Listener(address, authkey=secret) / Client(address, authkey=secret), or recv_bytes() with JSON",
    triggers=('listener', 'recv'),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        endpoint = _endpoint(code, call.node)
        if endpoint is not None and _short(code, endpoint) == "Listener" and _exposed_without_key(code, endpoint):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` listens on `{code.text_of(endpoint.args[0], 30)}` without `authkey=`, so "
                      "anyone who reaches the port can send pickles; bind to 127.0.0.1 and pass `authkey=`")
        if call.short != "recv" or not isinstance(call.node.func, ast.Attribute):
            continue
        origin = _connection_origin(code, call.node.func.value)
        if origin is not None and not _has_key(code, origin):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}()` unpickles data from a `{_short(code, origin)}` connection opened without "
                      "`authkey=`, so the peer can run code here; pass the same secret `authkey=` to both ends")


def _endpoint(code: PythonView, node: Optional[ast.AST]) -> Optional[ast.Call]:
    if not isinstance(node, ast.Call):
        return None
    name = code.qualname(node.func) or ""
    if name in ENDPOINTS or name == "Listener" or (name == "Client" and "multiprocessing" in code.source):
        return node
    return None


def _short(code: PythonView, node: ast.Call) -> str:
    return (code.qualname(node.func) or "").rsplit(".", 1)[-1]


def _connection_origin(code: PythonView, node: ast.AST) -> Optional[ast.Call]:
    """The Listener or Client call behind a connection object."""
    made = code.origin_call(node)
    if made is None:
        return None
    if isinstance(made.func, ast.Attribute) and made.func.attr == "accept":
        return _endpoint(code, code.origin_call(made.func.value))
    endpoint = _endpoint(code, made)
    return endpoint if endpoint is not None and _short(code, endpoint) == "Client" else None


def _has_key(code: PythonView, endpoint: ast.Call) -> bool:
    key = next((k.value for k in endpoint.keywords if k.arg == "authkey"), None)
    if key is None and len(endpoint.args) >= (4 if _short(code, endpoint) == "Listener" else 3):
        key = endpoint.args[3 if _short(code, endpoint) == "Listener" else 2]
    if any(k.arg is None for k in endpoint.keywords):
        return True  # **options may carry the key
    return key is not None and not (isinstance(key, ast.Constant) and key.value is None)


def _exposed_without_key(code: PythonView, endpoint: ast.Call) -> bool:
    if _has_key(code, endpoint) or not endpoint.args:
        return False
    address = endpoint.args[0]
    if isinstance(address, ast.Name):
        values = code.assignments.get(address.id, [])
        address = values[0] if len(values) == 1 else address
    if not isinstance(address, ast.Tuple) or not address.elts:
        return False
    host = code.string_value(address.elts[0])
    return host is not None and host not in LOOPBACK
