"""## What it does
Finds JSON Web Tokens decoded without checking their signature: PyJWT and
python-jose ``jwt.decode(...)`` with ``options={"verify_signature": False}``
(also through a variable holding the options), PyJWT 1.x
``jwt.decode(token, verify=False)``, and ``algorithms=["none"]`` (or
``"none"`` among the accepted algorithms).  ``jwt.get_unverified_header``
(reading the ``kid`` before verifying) is not reported.

## Why is this bad?
A JWT's claims (``sub``, ``role``, ``exp``) are only as trustworthy as its
signature.  Decoded without verification, anyone can write a token that
says ``"role": "admin"`` and the code believes it.  Accepting ``none``
lets an attacker strip the signature altogether.  Examples that "just
decode the payload" end up in authentication middleware.

## Example
```python
import jwt
claims = jwt.decode(token, options={"verify_signature": False})
user_id = claims["sub"]
```

## Use instead
```python
import jwt
claims = jwt.decode(token, public_key, algorithms=["RS256"], audience="api://orders")
user_id = claims["sub"]
```

## References
- [CWE-347: Improper Verification of Cryptographic Signature](https://cwe.mitre.org/data/definitions/347.html)
- [PyJWT: Reading the claimset without validation](https://pyjwt.readthedocs.io/en/stable/usage.html#reading-the-claimset-without-validation)
- [OWASP JSON Web Token Cheat Sheet for Java: None hashing algorithm](https://cheatsheetseries.owasp.org/cheatsheets/JSON_Web_Token_for_Java_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

JWT_MODULES = ("jwt.", "jose.")


@rule(
    id="DSP051",
    symbol="jwt-verification-disabled",
    title="JWT decoded without verifying its signature",
    severity="high",
    cwe=347,
    languages=("python",),
    triggers=("jwt", "jose"),
    equivalent="none (Semgrep python.jwt.security.unverified-jwt-decode)",
    message="the token's signature is not checked, so anyone can forge its claims; "
            "pass the key and algorithms=[...] and keep verification on",
    use_instead='jwt.decode(token, key, algorithms=["RS256"], audience=...)',
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.short != "decode" or not call.name.startswith(JWT_MODULES):
            continue
        found = _unverified(code, call)
        if found:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., {found})` accepts a token without checking its signature, so anyone "
                      "can forge the claims; pass the key and `algorithms=[...]` and keep verification on")


def _unverified(code: PythonView, call: Call) -> Optional[str]:
    if code.is_false(call.keyword("verify")):
        return "verify=False"
    options = _dict_of(code, call.keyword("options"))
    if options is not None:
        for key, value in zip(options.keys, options.values):
            if code.string_value(key) == "verify_signature" and code.is_false(value):
                return 'options={"verify_signature": False}'
    algorithms = call.keyword("algorithms")
    if algorithms is not None:
        elements = algorithms.elts if isinstance(algorithms, (ast.List, ast.Tuple, ast.Set)) else [algorithms]
        if any((code.string_value(e) or "").lower() == "none" for e in elements):
            return 'algorithms=["none"]'
    return None


def _dict_of(code: PythonView, node: Optional[ast.AST]) -> Optional[ast.Dict]:
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 else None
    return node if isinstance(node, ast.Dict) else None
