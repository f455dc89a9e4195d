"""## What it does
Finds passwords hashed with a fast general-purpose hash: ``hashlib.sha256``,
``sha512``, ``sha3_*``, ``blake2b`` (or ``hashlib.new("sha256")``) applied
to a password, stored as a password hash, or computed in a
``hash_password``-style function; and Werkzeug's
``generate_password_hash(..., method="sha256")`` (or ``"plain"``, ``"md5"``).
passlib's weak schemes (``des_crypt``, ``md5_crypt``, ``ldap_md5``, ``nthash``,
``oracle10``...) as a ``CryptContext``'s default or called directly
(``md5_crypt.hash(password)``) count too, as do password hashes given a work
factor that makes them fast: ``pbkdf2_hmac(..., 1000)`` or ``PBKDF2HMAC(iterations=1000)``
(under 10,000), ``bcrypt.gensalt(rounds=4)`` (under 10), ``scrypt(n=1024)`` (under 2**14).  Pre-hashing that feeds a real password hash
(``bcrypt.hashpw(b64encode(sha256(pw).digest()), salt)``) is left alone.

## Why is this bad?
SHA-2 and SHA-3 are built to be fast: one GPU computes billions of SHA-256
hashes a second, so a leaked table of salted SHA-256 password hashes gives
up most of its passwords in hours.  Password hashes are deliberately slow
and memory-hard so that each guess is expensive.

## Example
```python
import hashlib
hashed = hashlib.sha256(password.encode() + salt).hexdigest()
```

## Use instead
```python
import hashlib, os
salt = os.urandom(16)
hashed = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
```
Use Argon2 (``argon2-cffi``), ``bcrypt``, ``hashlib.scrypt``,
``hashlib.pbkdf2_hmac`` with a high iteration count, or your framework's
password hasher (``werkzeug.security.generate_password_hash`` with its
default method, Django's ``make_password``).

## References
- [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import (NOT_SECRET_USES, context_words, data_words, flows_into_kdf, hash_algorithm,
                                 hash_updates, hashed_data, is_password_name, parents, words, HASH_CALLS)

FAST = frozenset({"sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512",
                  "blake2b", "blake2s", "sha512_256", "sha512_224"})
SLOW_METHODS = ("pbkdf2", "scrypt", "argon2", "bcrypt")


@rule(
    id="DSP017",
    symbol="fast-hash-for-password",
    title="Password hashed with a fast hash instead of a password hash",
    severity="medium",
    cwe=916,
    languages=("python",),
    equivalent="",
    message="hashes a password with a fast hash; use argon2, bcrypt, scrypt or pbkdf2_hmac",
    use_instead="Hash passwords with argon2, bcrypt, hashlib.scrypt or hashlib.pbkdf2_hmac.",
    # the fast algorithms' call names, `new`, generate_password_hash
    triggers=("sha", "blake2", "new", "generate_password_hash", "cryptcontext", "_crypt", "ldap_", "hash", "oracle", "mysql",
              "pbkdf2", "gensalt", "scrypt"),
)
def check(code: PythonView) -> Iterator[Hit]:
    up = parents(code)
    for call in code.calls_named(*HASH_CALLS, "generate_password_hash"):  # the calls either branch reports
        algorithm = hash_algorithm(code, call.node, call.name)
        if algorithm in FAST:
            password = _password_involved(code, call.node, hashed_data(call.node), up)
            if password:
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}` on {password} is a fast hash (billions of guesses a second), even "
                          "salted; use argon2, bcrypt, `hashlib.scrypt` or `hashlib.pbkdf2_hmac`")
                continue
            for update in hash_updates(code, call.node):
                password = _password_involved(code, update, update.args[0], up)
                if password:
                    yield Hit(update.lineno, code.column(update),
                              f"`{ast.unparse(update.func)}` feeds {password} into {algorithm.upper()}, a fast "
                              "hash; use argon2, bcrypt, `hashlib.scrypt` or `hashlib.pbkdf2_hmac`")
        elif call.short == "generate_password_hash":
            method = _weak_method(code, call)
            if method:
                yield Hit(call.line, code.column(call.node),
                          f"`generate_password_hash(..., method={method!r})` is a fast or plain hash; "
                          "drop `method` to use the default (scrypt/pbkdf2)")
    yield from _weak_password_schemes(code)
    yield from _low_work_factors(code)


# Password hashes given a work factor so low that they break like a fast hash: (call, where the factor is,
# the least that counts as slow).  PBKDF2 under 10,000 iterations (1,000 was the 2000 default; OWASP asks
# 600,000 for SHA-256), bcrypt under 10 rounds, scrypt with n under 2**14.
WORK_FACTORS = {
    "pbkdf2_hmac": ((3, "iterations"), 10_000), "PBKDF2HMAC": ((None, "iterations"), 10_000),
    "PBKDF2": ((3, "count"), 10_000), "gensalt": ((0, "rounds"), 10), "scrypt": ((None, "n"), 2 ** 14),
}


def _number(node: Optional[ast.AST]) -> Optional[int]:
    """An integer written as a literal or a power (``2**10``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
        base, exponent = _number(node.left), _number(node.right)
        return base ** exponent if base is not None and exponent is not None and exponent < 64 else None
    return None


def _low_work_factors(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named(*WORK_FACTORS):
        (position, keyword), least = WORK_FACTORS[call.short]
        if call.short == "gensalt" and "bcrypt" not in call.name:
            continue
        secret = call.argument(1, "password") if call.short == "pbkdf2_hmac" else (
            call.argument(0, "password") if call.short == "scrypt" else None)
        if isinstance(secret, ast.Constant):
            continue  # a test vector: a constant passphrase checked against a known output
        factor = call.keyword(keyword) if position is None else call.argument(position, keyword)
        if isinstance(factor, ast.Name):
            values = code.assignments.get(factor.id, [])
            factor = values[0] if len(values) == 1 else factor
        value = _number(factor)
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < least:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., {keyword}={value})` makes each password guess cheap (at least "
                      f"{least:,} for a password hash); raise it, or use argon2 with its default parameters")


# passlib's (and libpass's) schemes that break like a fast hash: DES crypt, MD5 crypt, LDAP MD5/SHA-1 digests,
# LAN Manager and NT hashes, the old Oracle and MySQL hashes, hex digests and plain text.
WEAK_SCHEMES = frozenset({"des_crypt", "bsdi_crypt", "bigcrypt", "crypt16", "md5_crypt", "apr_md5_crypt",
                          "sun_md5_crypt", "ldap_md5", "ldap_salted_md5", "ldap_sha1", "ldap_salted_sha1",
                          "ldap_plaintext", "lmhash", "nthash", "bsd_nthash", "oracle10", "oracle11", "mysql323",
                          "mysql41", "postgres_md5", "msdcc", "msdcc2", "hex_md4", "hex_md5", "hex_sha1",
                          "hex_sha256", "hex_sha512", "plaintext", "unix_disabled", "roundup_plaintext"})


def _weak_password_schemes(code: PythonView) -> Iterator[Hit]:
    """``CryptContext(schemes=["des_crypt", ...])`` hashing new passwords with its first (or ``default=``) scheme,
    and ``passlib.hash.md5_crypt.hash(password)``."""
    for call in code.calls_named("CryptContext", "using"):
        schemes = call.keyword("schemes")
        names = [code.string_value(e) for e in getattr(schemes, "elts", [])]
        default = code.string_value(call.keyword("default")) or (names[0] if names else None)
        if default in WEAK_SCHEMES:
            yield Hit(call.line, code.column(call.node), f"`{call.written}` hashes new passwords with {default!r}, "
                      "which breaks like a fast hash; make argon2, bcrypt or pbkdf2_sha256 the default and keep old "
                      "schemes as deprecated")
    for call in code.calls_named("hash", "encrypt"):
        scheme = code.string_value(call.keyword("scheme")) or next(
            (part for part in call.name.split(".")[:-1] if part in WEAK_SCHEMES), "")  # (``md5_crypt.using(...).hash``)
        if scheme in WEAK_SCHEMES and "passlib" in code.source:
            yield Hit(call.line, code.column(call.node), f"`{call.written}` hashes a password with {scheme!r}, "
                      "which breaks like a fast hash; use argon2, bcrypt or pbkdf2_sha256")


def _password_involved(code: PythonView, node: ast.AST, data, up: dict) -> str:
    around = context_words(code, node, up)
    if any(w in NOT_SECRET_USES for name in around for w in words(name)) or flows_into_kdf(code, node, up):
        return ""
    for name in data_words(data):
        if is_password_name(name):
            return f"`{name}`"
    for name in around:
        if is_password_name(name) or "password" in name.lower().replace("_", ""):
            return f"a value for `{name}`"
    return ""


def _weak_method(code: PythonView, call: Call) -> str:
    method = code.string_value(call.argument(1, "method"))
    if method is None or method.lower().startswith(SLOW_METHODS):
        return ""
    return method
