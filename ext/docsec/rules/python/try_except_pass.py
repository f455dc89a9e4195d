"""## What it does
Finds ``except:``, ``except Exception:`` and ``except BaseException:``
handlers whose whole body is ``pass`` (or ``...``).  Part of the ``audit``
profile.

## Why is this bad?
Swallowing every exception hides failed security checks, failed writes
and attacks in progress: a permission check that raises is treated as
passed, a failed decryption as success, and nothing is logged.

## Example
```python
try:
    verify_signature(payload, signature)
except Exception:
    pass
```

## Use instead
```python
try:
    verify_signature(payload, signature)
except InvalidSignature:
    logger.warning("rejected a request with a bad signature")
    raise
```
Catch the specific exception you expect, and log or re-raise it.

## References
- [CWE-703: Improper Check or Handling of Exceptional Conditions](https://cwe.mitre.org/data/definitions/703.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

BROAD = frozenset({"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"})


@rule(
    id="DSP042",
    symbol="try-except-pass",
    title="Broad exception silently swallowed",
    severity="low",
    cwe=703,
    languages=("python",),
    equivalent="Bandit B110, Ruff S110",
    message="swallows every exception with pass; catch the specific exception and log it",
    use_instead="except SpecificError: log and handle",
    profile="audit",
    # an `except` clause
    triggers=("except",),
)
def check(code: PythonView) -> Iterator[Hit]:
    for node in code.nodes_of(ast.ExceptHandler):
        if isinstance(node, ast.ExceptHandler) and _broad(code, node) and _only_pass(code, node):
            caught = f"except {ast.unparse(node.type)}" if node.type is not None else "except"
            yield Hit(node.lineno, code.column(node),
                      f"`{caught}: pass` hides every error; catch the specific exception and log or handle it")


def _broad(code: PythonView, handler: ast.ExceptHandler) -> bool:
    return handler.type is None or (code.qualname(handler.type) or "") in BROAD


def _only_pass(code: PythonView, handler: ast.ExceptHandler) -> bool:
    if len(handler.body) != 1:
        return False
    statement = handler.body[0]
    if isinstance(statement, ast.Pass):
        written = code.line_text(statement.lineno)  # the tolerant parser adds `pass` to bodiless headers
        return "pass" in written.split("#", 1)[0]
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) \
        and statement.value.value is Ellipsis
