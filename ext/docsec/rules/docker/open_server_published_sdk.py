"""## What it does
Finds containers of servers that answer without a password (Redis,
Memcached, MongoDB without root credentials, etcd, ZooKeeper, Cassandra)
started from Python with their port published on every interface of the
host: the Docker SDK's ``client.containers.run("redis", ports={"6379/tcp":
6379})`` and python-on-whales' ``docker.run("redis", publish=[(6379,
6379)])``.  Publishing on ``127.0.0.1`` (``ports={"6379/tcp": ("127.0.0.1",
6379)}``, ``publish=[("127.0.0.1", 6379, 6379)]``) or giving the server a
password is fine.

## Why is this bad?
The published port listens on every address of the host, and the server
serves anyone who reaches it: read, write, wipe, ransom.

## Example
```python
from python_on_whales import docker
docker.run("redis:7", detach=True, publish=[(6379, 6379)])
```

## Use instead
```python
from python_on_whales import docker
docker.run("redis:7", ["redis-server", "--requirepass", password], detach=True,
           publish=[("127.0.0.1", 6379, 6379)])
```

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from .._services import OPEN_IMAGES, image_base
from ..registry import rule

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@rule(
    id="DSD009",
    symbol="open-server-published-sdk",
    title="Password-less server container published on every interface from Python",
    severity="medium",
    cwe=306,
    languages=("python",),
    equivalent="none",
    message="publishes a server that answers without a password on every interface; publish on 127.0.0.1 and set one",
    use_instead="publish=[(\"127.0.0.1\", 6379, 6379)] (ports={\"6379/tcp\": (\"127.0.0.1\", 6379)}) and a password",
    triggers=("publish", "ports"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named("run", "create"):
        image = code.string_value(call.argument(0, "image"))
        if not image:
            continue
        auth = OPEN_IMAGES.get(image_base(image))
        if auth is None or any(marker in code.text_of(call.node, 2000) for marker in auth):
            continue
        published = call.keyword("publish") or call.keyword("ports")
        if published is not None and _on_every_interface(code, published):
            yield Hit(call.line, code.column(call.node), f"`{call.written}({image!r}, ...)` publishes "
                      f"{image_base(image or '')} on every interface of the host, and it answers without a password; "
                      "publish it on 127.0.0.1 and set a password")


def _on_every_interface(code: PythonView, node: ast.AST) -> bool:
    """``[(6379, 6379)]`` or ``{"6379/tcp": 6379}``: no loopback address in any mapping."""
    if isinstance(node, ast.Dict):
        values = list(node.values)
    elif isinstance(node, (ast.List, ast.Tuple)):
        values = list(node.elts)
    else:
        return False
    for value in values:
        texts = [code.string_value(e) for e in getattr(value, "elts", [value])]
        if not any(text in LOOPBACK for text in texts if text):
            return True
    return False
