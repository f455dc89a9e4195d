"""## What it does
Finds passwords hashed with a fast hash (MD5, SHA-1, SHA-2) in Java, C#, PHP,
Go, Ruby and Rust:

* Java: ``MessageDigest.getInstance("MD5")`` (``"SHA-1"``, ``"SHA-256"``...)
  whose ``digest``/``update`` is given a password, and Commons Codec's
  ``DigestUtils.md5Hex(password)``/``sha1Hex``/``sha256Hex``;
* C#: ``MD5.Create()``/``SHA1.Create()``/``SHA256.Create()`` (and
  ``new MD5CryptoServiceProvider()``) whose ``ComputeHash`` is given a
  password, and ``MD5.HashData``/``SHA256.HashData``;
* PHP: ``md5($password)``, ``sha1($password)``, ``hash("sha256", $password)``;
* Go: ``md5.Sum([]byte(password))``, ``sha1.Sum``, ``sha256.Sum256``, and
  ``h := md5.New(); h.Write([]byte(password))``;
* Ruby: ``Digest::MD5.hexdigest(password)`` (``SHA1``, ``SHA256``...);
* Rust: ``md5::compute(password)``, ``Sha256::digest(password.as_bytes())``
  and ``let mut h = Sha1::new(); h.update(password)``.

A value counts as a password when a name it is read from says so
(``password``, ``user.passwd``, ``params[:password]``,
``$_POST['pwd']``), judged as in every other language (one shared
judgement of names).  Hashes of files, cache keys and ETags are left alone.

## Why is this bad?
These hashes are built to be fast: a graphics card tries billions of guesses
a second against a leaked table of them, and unsalted ones fall to
precomputed tables at once.

## Example
```php
<?php
$hash = md5($_POST["password"]);
```

## Use instead
```php
<?php
$hash = password_hash($_POST["password"], PASSWORD_DEFAULT);
```
Use a password hash with a salt and a work factor: ``password_hash``
(PHP), BCrypt/Argon2 (Spring Security's ``PasswordEncoder``,
ASP.NET Identity's ``PasswordHasher``, ``golang.org/x/crypto/bcrypt``,
``bcrypt-ruby``/``has_secure_password``, the ``argon2`` crate).

## References
- [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
- [CWE-328: Use of Weak Hash](https://cwe.mitre.org/data/definitions/328.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Optional

from ...languages.code import Call, CodeView
from ...languages.credentials import is_password_name
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES

FAST = re.compile(r"^(?:md[245]|sha-?(?:1|224|256|384|512)|sha3-?\d+|ripemd-?160)$", re.IGNORECASE)
# Calls that hash their first argument at once (the name as written, after the last ``.`` the type's).
ONE_SHOT = re.compile(
    r"(?:^|\.)(?:md5|sha1|sha224|sha256|sha384|sha512)(?:Hex|Base64)?$"
    r"|^(?:md5|sha1|sha256|sha512)\.Sum(?:224|256|384|512)?$"
    r"|(?:^|\.)(?:MD5|SHA1|SHA256|SHA384|SHA512|RMD160)\.(?:hexdigest|digest|base64digest|HashData)$"
    r"|^md5\.compute$|(?:^|\.)(?:Md5|Sha1|Sha224|Sha256|Sha384|Sha512)\.digest$")
ALGORITHM_IN_NAME = re.compile(r"md[245]|sha-?\d+|ripemd-?160|rmd160", re.IGNORECASE)
# Calls that make a hasher to feed.
HASHER = re.compile(r"(?:^|\.)(?:MessageDigest\.getInstance|hash_init)$|(?:^|\.)(?:MD5|SHA1|SHA256|SHA384|SHA512)"
                    r"(?:\.Create|CryptoServiceProvider|Managed|\.new)$|^(?:md5|sha1|sha256|sha512)\.New\w*$"
                    r"|(?:^|\.)(?:Md5|Sha1|Sha224|Sha256|Sha384|Sha512)\.new$")
FEEDS = frozenset({"digest", "update", "ComputeHash", "Write", "write", "hexdigest", "hash_update", "chain_update",
                   "TransformFinalBlock"})
NAME_NODES = frozenset({"identifier", "variable_name", "name", "field_identifier", "property_identifier",
                        "simple_symbol", "hash_key_symbol", "constant", "instance_variable"})


@rule(
    id="DSL006",
    symbol="code-fast-hash-for-password",
    title="Password hashed with a fast hash (Java, C#, PHP, Go, Ruby, Rust)",
    severity="high",
    cwe=916,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL weak-password-hash queries",
    message="hashes a password with a fast hash; use a password hash (bcrypt, scrypt, Argon2)",
    use_instead="password_hash($password, PASSWORD_DEFAULT); BCryptPasswordEncoder; bcrypt.GenerateFromPassword",
    triggers=("md5", "md4", "md2", "sha", "ripemd", "rmd160"),
)
def check(view: CodeView) -> Iterator[Hit]:
    hashers = _hashers(view)
    for call in view.calls:
        algorithm = _one_shot(view, call)
        if algorithm is None and call.short in FEEDS:
            receiver = call.name.rsplit(".", 1)[0]
            algorithm = hashers.get(receiver) or _chained(view, call)
        if algorithm is None or not call.arguments:
            continue
        data = call.arguments[1] if call.name == "hash" and len(call.arguments) > 1 else call.arguments[0]
        password = next((name for name in _names(view, data) if is_password_name(name)), None)
        if password is not None:
            yield Hit(view.line(call.node), view.column(call.node),
                      f"`{view.text_of(call.node, 50)}` hashes `{password}`, a password, with {algorithm}, which is "
                      "built to be fast to guess; use a password hash with a salt and a work factor (bcrypt, "
                      "scrypt, Argon2, `password_hash`)")


def _one_shot(view: CodeView, call: Call) -> Optional[str]:
    """The algorithm of a call that hashes its argument at once, or ``None``."""
    if call.name == "hash" and view.language == "php" and call.arguments:  # hash("sha256", $password)
        algorithm = view.string_value(call.arguments[0])
        return algorithm.upper() if algorithm and FAST.match(algorithm) else None
    if ONE_SHOT.search(call.name) and (view.language != "php" or call.name in ("md5", "sha1")):
        found = ALGORITHM_IN_NAME.search(call.name)
        return found.group(0).upper() if found else None
    return None


def _algorithm(view: CodeView, node: Any) -> Optional[str]:
    """The algorithm a hasher-making call names (``MessageDigest.getInstance("MD5")``, ``md5.New()``)."""
    if node is None or node.type not in view.spec.calls and node.type not in view.spec.new:
        return None
    call = next((c for c in view.calls if c.node.id == node.id), None)
    if call is None or not HASHER.search(call.name):
        return None
    if call.short in ("getInstance", "hash_init"):
        algorithm = view.string_value(call.argument(0))
        return algorithm.upper() if algorithm and FAST.match(algorithm) else None
    found = ALGORITHM_IN_NAME.search(call.name)
    return found.group(0).upper() if found else None


def _hashers(view: CodeView) -> dict[str, str]:
    """Variables given a fast hasher in the block -> its algorithm."""
    found = {}
    for name, values in view.assignments.items():
        for value in values:
            algorithm = _algorithm(view, value)
            if algorithm:
                found[name] = algorithm
    return found


def _chained(view: CodeView, call: Call) -> Optional[str]:
    """``MessageDigest.getInstance("MD5").digest(...)``, ``MD5.Create().ComputeHash(...)``."""
    function = call.node.child_by_field_name("function") or call.node.child_by_field_name("object") or \
        call.node.child_by_field_name("receiver")
    if function is not None and function.type in view.spec.members:
        object_field = view.spec.members[function.type][0]
        function = function.child_by_field_name(object_field) if object_field else None
    return _algorithm(view, function)


def _names(view: CodeView, node: Any) -> Iterator[str]:
    """The names and string keys a value is read from (``password``, ``user.passwd``, ``$_POST['pwd']``)."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in NAME_NODES:
            yield view.text_of(current).lstrip("$:@")
        else:
            value = view.string_value(current)
            if value:
                yield value
                continue
        stack.extend(current.named_children)
