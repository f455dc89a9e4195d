"""## What it does
Finds ``requests`` calls without a ``timeout``: ``requests.get``, ``post``,
``put``, ``patch``, ``delete``, ``head``, ``options``, ``request`` and the
same methods on a ``requests.Session()``.  Part of the ``audit`` profile.

## Why is this bad?
Requests waits forever by default.  A slow or malicious server (or a
dropped connection) hangs the worker that made the call; enough of them
and the service stops answering.

## Example
```python
import requests
data = requests.get("https://api.example.com/items").json()
```

## Use instead
```python
import requests
data = requests.get("https://api.example.com/items", timeout=10).json()
```
Always pass ``timeout=`` (seconds, or a ``(connect, read)`` tuple).

## References
- [CWE-400: Uncontrolled Resource Consumption](https://cwe.mitre.org/data/definitions/400.html)
- [Requests: Timeouts](https://requests.readthedocs.io/en/latest/user/advanced/#timeouts)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

REQUESTS_CALL = re.compile(r"^requests\.(?:(?:api\.)?|Session\(\)\.|session\(\)\.)"
                           r"(?:get|post|put|patch|delete|head|options|request)$")


@rule(
    id="DSP040",
    symbol="request-without-timeout",
    title="HTTP request without a timeout",
    severity="low",
    cwe=400,
    languages=("python",),
    triggers=("requests",),
    equivalent="Bandit B113, Ruff S113",
    message="makes an HTTP request without a timeout; pass timeout=",
    use_instead="requests.get(url, timeout=10)",
    profile="audit",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if REQUESTS_CALL.match(call.name) and call.keyword("timeout") is None \
                and not any(keyword.arg is None for keyword in call.node.keywords):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` has no `timeout=` and can wait forever; pass e.g. `timeout=10`")
