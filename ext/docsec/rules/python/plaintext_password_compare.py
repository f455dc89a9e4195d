"""## What it does
Finds login code that checks a password by comparing it with ``==`` (or
``!=``) against a stored password: ``request.form["password"] ==
users[email]["password"]``, ``form.password.data == user.password``,
``if password != account.password:``.  A comparison with a hash made by a
password hashing function (``check_password_hash``, ``bcrypt.checkpw``,
``argon2``'s ``verify``, Django's ``check_password``) is the safe form and
is not reported, nor is a comparison with a constant (that is a hard-coded
password, DSP019's).

## Why is this bad?
A password that can be compared with ``==`` is stored as it was typed:
whoever reads the database, a backup or a log reads every user's password,
and users reuse passwords elsewhere.  ``==`` also returns as soon as a
character differs, which leaks how much of a guess was right.

## Example
```python
@app.post("/login")
def login():
    user = User.query.filter_by(email=request.form["email"]).first()
    if user and request.form["password"] == user.password:
        login_user(user)
```

## Use instead
```python
from werkzeug.security import check_password_hash

@app.post("/login")
def login():
    user = User.query.filter_by(email=request.form["email"]).first()
    if user and check_password_hash(user.password_hash, request.form["password"]):
        login_user(user)
```
Store ``generate_password_hash(password)`` (or bcrypt/argon2) at sign-up and
check with the matching function.

## References
- [CWE-256: Plaintext Storage of a Password](https://cwe.mitre.org/data/definitions/256.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.credentials import is_password_name
from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

# Attributes and keys of a stored password hash: comparing those with == is a hash comparison (another rule's).
HASH_WORDS = ("hash", "digest", "hashed", "encrypted", "crypt")
# A second entry of the same password at sign-up or change: ``confirm_password``, ``password2``, ``new_password``.
CONFIRMATION = re.compile(r"confirm|repeat|again|retype|verify|password2|passwd2|new_?pass|old_?pass", re.IGNORECASE)


@rule(
    id="DSP071",
    symbol="plaintext-password-compare",
    title="Password checked by comparing it with a stored plaintext password",
    severity="medium",
    confidence="medium",
    cwe=256,
    languages=("python",),
    equivalent="none",
    message="checks a password with == against a stored password, so passwords are stored as typed; store a "
            "password hash and check it with check_password_hash/bcrypt/argon2",
    use_instead="check_password_hash(user.password_hash, request.form['password'])",
    joined_triggers=("password", "passwd", "pwd"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for node in code.nodes_of(ast.Compare):
        assert isinstance(node, ast.Compare)
        if len(node.ops) != 1 or not isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            continue
        left, right = node.left, node.comparators[0]
        if _is_constant(left) or _is_constant(right):
            continue
        shown = _password_side(code, left)
        other = _password_side(code, right)
        if shown and other and not _same_source(left, right) and not CONFIRMATION.search(shown + " " + other):
            yield Hit(node.lineno, code.column(node),
                      f"`{code.text_of(node, 60)}` compares a password with a stored password, so passwords are "
                      "kept as typed (anyone who reads the database reads them) and `==` leaks timing; store a "
                      "hash and check it with `check_password_hash`, `bcrypt.checkpw` or argon2's `verify`")


def _same_source(left: ast.AST, right: ast.AST) -> bool:
    """Two fields of one form or dict (``form["password"] != form["password2"]``): a sign-up check."""
    def base(node: ast.AST) -> str:
        if isinstance(node, ast.Attribute) and node.attr == "data":
            node = node.value
        inner = node.value if isinstance(node, (ast.Subscript, ast.Attribute)) else None
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            inner = node.func.value
        return ast.unparse(inner) if inner is not None else ""
    return bool(base(left)) and base(left) == base(right)


def _is_constant(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant)


def _password_side(code: PythonView, node: ast.AST) -> Optional[str]:
    """The password name an operand reads (``user.password``, ``users[email]["password"]``,
    ``request.form["password"]``, ``form.password.data``, ``password``), unless it names a hash."""
    name = _last_name(code, node)
    if not name or any(word in name.lower() for word in HASH_WORDS):
        return None
    return name if is_password_name(name) else None


def _last_name(code: PythonView, node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Attribute) and node.attr == "data":  # WTForms: form.password.data
        node = node.value
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Subscript):
        return code.string_value(node.slice)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        return code.string_value(node.args[0])  # request.form.get("password")
    return None
