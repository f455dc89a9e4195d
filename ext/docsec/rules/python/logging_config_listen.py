"""## What it does
Finds ``logging.config.listen(...)`` without a ``verify`` function: a
socket server that applies whatever logging configuration a connecting
process sends; and ``logging.config.fileConfig``/``dictConfig`` given a
path or a configuration the client sent (``request.args["config"]``, a
route parameter).

## Why is this bad?
A logging configuration names classes to instantiate and, in the
``fileConfig`` format, expressions to evaluate, so any process that can
reach the port (every local user, or a browser page making a cross-protocol
request when it listens on an address others reach) can run code inside
the application.  The Python documentation warns about exactly this and
gives ``verify`` to check a signature or decrypt the payload first.

## Example
```python
import logging.config

listener = logging.config.listen(9999)
listener.start()
```

## Use instead
```python
import hashlib, hmac, logging.config

def verify(data: bytes) -> bytes | None:
    signature, config = data[:32], data[32:]
    expected = hmac.new(LOGGING_KEY, config, hashlib.sha256).digest()
    return config if hmac.compare_digest(signature, expected) else None

listener = logging.config.listen(9999, verify=verify)
listener.start()
```
Or drop the listener and reload configuration from a file only the
application's owner can write.

## References
- [CWE-94: Improper Control of Generation of Code](https://cwe.mitre.org/data/definitions/94.html)
- [Python docs: logging.config.listen security considerations](https://docs.python.org/3/library/logging.config.html#logging.config.listen)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import client_input, described_input, route_parameters

LISTENERS = frozenset({"logging.config.listen", "config.listen"})
CONFIG_LOADERS = ("fileConfig", "dictConfig")
FILE_CONFIGS = frozenset({"logging.config.fileConfig", "config.fileConfig", "logging.config.dictConfig",
                          "config.dictConfig"})


@rule(
    id="DSP069",
    symbol="logging-config-listen",
    title="Logging configuration from a port without verification, or from the client",
    severity="high",
    cwe=94,
    languages=("python",),
    equivalent="Bandit B612",
    message="listens for logging configurations that any local process can send, and applies them (code "
            "execution); pass verify= to check a signature, or drop the listener",
    use_instead="logging.config.listen(port, verify=check_signature)",
    name_triggers=("listen", "fileconfig", "dictconfig"),
)
def check(code: PythonView) -> Iterator[Hit]:
    parameters = route_parameters(code)
    for call in code.calls_named(*CONFIG_LOADERS):  # a configuration the client chose: the same as a listener's
        if call.name not in FILE_CONFIGS and not (call.short in CONFIG_LOADERS and "logging.config" in code.source):
            continue
        source = call.argument(0, "fname" if call.short == "fileConfig" else "config")
        origin = client_input(code, source, parameters) if source is not None else None
        if origin is not None:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(...)` applies a logging configuration from {described_input(code, origin)}: "
                      "a configuration names classes to instantiate and expressions to evaluate (code execution); "
                      "load only the application's own configuration file")
    for call in code.calls_named("listen"):
        if call.name not in LISTENERS and not (call.name == "listen" and "logging.config" in code.source):
            continue
        verify = call.keyword("verify")
        if len(call.node.args) >= 2 or (verify is not None and not (isinstance(verify, ast.Constant) and verify.value is None)):
            continue
        yield Hit(call.line, code.column(call.node),
                  f"`{call.written}(...)` applies any logging configuration sent to its port, and a configuration "
                  "can instantiate classes and evaluate expressions (code execution for every local user); pass "
                  "`verify=` to check an HMAC signature, or drop the listener")
