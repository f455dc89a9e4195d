"""## What it does
Finds MD5, SHA-1 and MD4 (``hashlib.md5``, ``hashlib.sha1``,
``hashlib.new("md5")``, PyCryptodome's ``MD5.new``) applied to passwords,
tokens, secrets and keys, or used to make a signature, a token or a stored
password hash; and ``crypt.crypt`` with a DES or MD5 salt.  Checksums, ETags
and cache keys (a file's bytes, a URL) and calls with
``usedforsecurity=False`` are left alone.

## Why is this bad?
MD5 and SHA-1 are broken for collision resistance and are fast: a GPU tries
billions of candidates a second, so an MD5 of a password or short token is
recovered from the hash almost immediately, and home-made MD5 "signatures"
(``md5(secret + message)``) can be forged by length extension.

## Example
```python
import hashlib
password_hash = hashlib.md5(password.encode()).hexdigest()
```

## Use instead
```python
from argon2 import PasswordHasher
password_hash = PasswordHasher().hash(password)
```
Use a password hash (Argon2, scrypt, bcrypt, or ``hashlib.pbkdf2_hmac``)
for passwords, ``hmac.new(key, msg, hashlib.sha256)`` for signatures, and
``secrets.token_urlsafe()`` for tokens.  Pass ``usedforsecurity=False`` when
MD5 really is only a checksum.

## References
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import (NOT_SECRET_USES, context_words, data_words, enclosing_function, hash_algorithm, hash_updates,
                                 hashed_data, is_secret_function, is_secret_name, is_signature_name, parents, words,
                                 HASH_CALLS)

WEAK = frozenset({"md4", "md5", "sha", "sha1", "ripemd160"})
WEAK_CRYPT_SALT = re.compile(r"^(?:[./0-9A-Za-z]{2}|\$1\$.*)$")


@rule(
    id="DSP016",
    symbol="weak-hash-for-secret",
    title="MD5 or SHA-1 used on a password, token or signature",
    severity="high",
    cwe=327,
    languages=("python",),
    equivalent="Bandit B324, Ruff S324",
    message="hashes a secret with a broken fast hash; use a password hash (argon2/scrypt/bcrypt) or HMAC-SHA256",
    use_instead="Argon2/scrypt/bcrypt/pbkdf2_hmac for passwords, hmac with SHA-256 for signatures.",
    # the weak algorithms' call names, `new` (hashlib.new, MD5.new), `crypt.crypt`
    triggers=("md4", "md5", "sha", "ripemd160", "new", "crypt"),  # (a signing call's digest holds md5 or sha)
)
def check(code: PythonView) -> Iterator[Hit]:
    up = parents(code)
    if "pwnedpasswords" in code.source:  # HIBP's k-anonymity API is defined on SHA-1
        return
    yield from _signatures_over_weak_hashes(code)
    for call in code.calls_named(*HASH_CALLS, "crypt"):  # the calls either branch reports
        algorithm = hash_algorithm(code, call.node, call.name)
        if algorithm in WEAK and not code.is_false(call.keyword("usedforsecurity")):
            secret = _secret_involved(code, call.node, hashed_data(call.node), up)
            if secret:
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}` ({algorithm.upper()}) on {secret} is broken and fast to brute-force; "
                          "use argon2/scrypt/bcrypt or `hashlib.pbkdf2_hmac` for passwords, `hmac` with SHA-256 "
                          "for signatures")
                continue
            for update in hash_updates(code, call.node):
                secret = _secret_involved(code, update, update.args[0], up)
                if secret:
                    yield Hit(update.lineno, code.column(update),
                              f"`{ast.unparse(update.func)}` feeds {secret} into {algorithm.upper()}, which is "
                              "broken and fast to brute-force; use a password hash or HMAC-SHA256")
        elif call.name == "crypt.crypt" and _weak_crypt(code, call):
            yield Hit(call.line, code.column(call.node),
                      "`crypt.crypt` with a DES/MD5 salt makes a weak password hash (and `crypt` is gone in "
                      "Python 3.13); use argon2, bcrypt or `hashlib.scrypt`")


# How a signing call names its digest: ``hashes.SHA1()``, ``"sha1"``, python-pkcs11's ``Mechanism.SHA1_RSA_PKCS``.
SIGNING_CALLS = frozenset({"sign", "sign_digest", "signer", "create_signature"})
WEAK_DIGEST = re.compile(r"^(?:MD5|MD4|SHA1|SHA|md5|md4|sha1|sha-1|SHA-1)$|^(?:MD5|SHA1)_(?:RSA|ECDSA|DSA)", re.IGNORECASE)


def _signatures_over_weak_hashes(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named(*SIGNING_CALLS):
        for argument in [*call.node.args, *(k.value for k in call.node.keywords)]:
            name = _digest_named(argument)  # (also inside the scheme: ``ec.ECDSA(hashes.SHA1())``)
            if name and WEAK_DIGEST.match(str(name)):
                yield Hit(call.line, code.column(call.node), f"`{call.written}(..., {code.text_of(argument, 30)})` "
                          "signs a SHA-1 or MD5 digest, which collisions break (a forged document gets the same "
                          "signature); use SHA-256 or better")
                break


def _digest_named(argument: ast.AST, depth: int = 0) -> str:
    """The digest a signing argument names: ``hashes.SHA1()``, ``"sha1"``, ``ec.ECDSA(hashes.SHA1())``."""
    node = argument.func if isinstance(argument, ast.Call) else argument
    name = node.attr if isinstance(node, ast.Attribute) else (
        node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else "")
    if name and WEAK_DIGEST.match(str(name)):
        return str(name)
    if isinstance(argument, ast.Call) and depth < 2:
        for inner in [*argument.args, *(k.value for k in argument.keywords)]:
            found = _digest_named(inner, depth + 1)
            if found:
                return found
    return ""


def _secret_involved(code: PythonView, node: ast.AST, data: Optional[ast.AST], up: dict) -> str:
    around = context_words(code, node, up)
    if any(w in NOT_SECRET_USES for name in around for w in words(name)):
        return ""
    for name in data_words(data):
        if is_secret_name(name):
            return f"`{name}`"
    function = enclosing_function(node, up)
    if function is not None and is_secret_function(function.name):
        return f"a value in `{function.name}`"
    for name in around:
        if is_secret_name(name) or is_signature_name(name):
            return f"a value for `{name}`"
    return ""


def _weak_crypt(code: PythonView, call: Call) -> bool:
    salt = call.argument(1, "salt")
    if salt is None:
        return False
    text = code.string_value(salt)
    if text is not None:
        return bool(WEAK_CRYPT_SALT.match(text))
    written = ast.unparse(salt)
    return "METHOD_CRYPT" in written or "METHOD_MD5" in written
