"""## What it does
Finds ``assert`` statements that guard access or validate requests: asserts
on ``is_admin``, ``is_authenticated``, ``is_staff``, ``has_perm(...)``,
roles, permissions, ownership (``assert post.author == request.user``),
token or signature checks (``assert hmac.compare_digest(...)``,
``assert verify_token(token)``) and on request data.  Asserts in tests
(``test_*`` functions, ``Test*`` classes, blocks that use pytest or
unittest) are left alone.

## Why is this bad?
Python removes ``assert`` statements when run with ``-O`` or
``PYTHONOPTIMIZE``, which some deployments set.  The check then silently
disappears and every caller is let through.  A failed assert also answers
with a 500 error rather than a 403.

## Example
```python
def delete_project(request, project):
    assert request.user.is_staff, "staff only"
    project.delete()
```

## Use instead
```python
from django.core.exceptions import PermissionDenied

def delete_project(request, project):
    if not request.user.is_staff:
        raise PermissionDenied("staff only")
    project.delete()
```
Check with ``if`` and raise an explicit exception (``PermissionDenied``,
``abort(403)``, ``HTTPException(status_code=403)``).

## References
- [CWE-617: Reachable Assertion](https://cwe.mitre.org/data/definitions/617.html)
- [Python docs: the assert statement](https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import in_test, parents, words

GUARD_WORDS = frozenset({"admin", "authenticated", "authorized", "authorised", "staff", "superuser", "perm", "perms",
                         "permission", "permissions", "role", "roles", "owner", "privilege", "privileges", "allowed",
                         "scope", "scopes", "csrf", "signature", "logged", "authenticate", "authorize", "acl",
                         "entitled", "entitlement", "granted", "verify", "verified"})
CHECK_CALL_WORDS = frozenset({"compare", "digest"})  # hmac.compare_digest(...): a check only when called
REQUEST_DATA = re.compile(r"^(?:request|req)\.(?:user|args|form|json|GET|POST|data|headers|query_params|values|files|"
                          r"cookies|session|auth|get_json)")
TEST_SIGNS = re.compile(r"\bimport (?:pytest|unittest)\b|from (?:pytest|unittest|django\.test)\b|\bTestCase\b|"
                        r"\bdef test_|self\.client\b|\bclient\.(?:get|post|put|delete)\(|\bdoctest\b")


# What a guard in a fragment of a handler checks: the request, its user, their roles and rights.
WHO_OR_WHAT_ASKS = re.compile(r"request|user|role|perm|admin|staff|session|owner|headers", re.IGNORECASE)


@rule(
    id="DSP028",
    symbol="assert-as-guard",
    title="assert used as an access or validation check",
    severity="medium",
    cwe=617,
    languages=("python",),
    equivalent="Bandit B101, Ruff S101 (both unconditional)",
    message="guards with assert, which python -O removes; use if ... raise",
    use_instead="if not condition: raise PermissionDenied(...)",
    triggers=('assert',),
)
def check(code: PythonView) -> Iterator[Hit]:
    up = parents(code)
    test_code: Optional[bool] = None  # a test module reports nothing; looked at before the first hit
    for node in code.nodes_of(ast.Assert):
        if code.function_of(node) is None and not WHO_OR_WHAT_ASKS.search(ast.unparse(node.test)):  # type: ignore[attr-defined]
            continue  # a module-level ``assert vk.verify(sig, msg)`` shows the API works; it guards no request
        if isinstance(node, ast.Assert) and not in_test(node, up):
            reason = _guard(code, node.test)
            if reason:
                if test_code is None:
                    test_code = bool(TEST_SIGNS.search(code.source))
                if test_code:
                    return
                condition = ast.unparse(node.test)
                condition = condition if len(condition) <= 50 else condition[:47] + "..."
                yield Hit(node.lineno, code.column(node),
                          f"`assert {condition}` {reason} disappears under `python -O`; use "
                          "`if not ...: raise PermissionDenied(...)` (or `abort(403)`)")


def _guard(code: PythonView, test: ast.AST) -> Optional[str]:
    for sub in ast.walk(test):
        name = None
        if isinstance(sub, ast.Attribute):
            written = code.qualname(sub) or ""
            if REQUEST_DATA.match(written):
                return "checks the request and"
            name = sub.attr
        elif isinstance(sub, ast.Name):
            name = sub.id
        elif isinstance(sub, ast.Call) and CHECK_CALL_WORDS.intersection(words(code.qualname(sub.func) or "")):
            return "is an access check that"
        elif isinstance(sub, ast.Constant) and isinstance(sub.value, str) and isinstance(test, ast.Compare):
            name = sub.value if re.fullmatch(r"\w+", sub.value) else None
        if name and GUARD_WORDS.intersection(words(name)):
            return "is an access check that"
    return None
