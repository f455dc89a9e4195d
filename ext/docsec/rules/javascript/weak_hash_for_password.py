"""## What it does
Finds passwords hashed with a fast hash in Node.js:
``crypto.createHash("md5" | "sha1" | "sha256" | ...)`` whose ``update`` is
given a value named like a password (``password``, ``req.body.pwd``,
``user.passphrase``), chained (``createHash("md5").update(password)``) or
through a variable (``const h = crypto.createHash("sha1"); h.update(password)``),
and password hashes given too small a work factor: bcrypt under 10 rounds
(``bcrypt.hash(password, 4)``, ``genSaltSync(4)``), PBKDF2 under 10,000
iterations (``crypto.pbkdf2Sync(password, salt, 1000, 32, "sha256")``).
Hashes of file contents, cache keys and ETags are left alone.

## Why is this bad?
MD5, SHA-1 and the SHA-2 family are built to be fast: a graphics card tries
billions of guesses a second against a leaked table of such hashes, and
unsalted ones fall to precomputed tables at once.

## Example
```javascript
const hash = crypto.createHash("md5").update(req.body.password).digest("hex");
```

## Use instead
```javascript
const hash = await bcrypt.hash(req.body.password, 12);
// or, with no dependency: crypto.scrypt(password, salt, 64, callback)
```
Use a password hash: bcrypt, scrypt (``crypto.scrypt``) or Argon2, with a
salt and a work factor.

## References
- [CWE-916: Use of Password Hash With Insufficient Computational Effort](https://cwe.mitre.org/data/definitions/916.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.javascript import Call, JavaScriptView
from ...model import Hit
from ...languages.credentials import is_password_name
from ..registry import rule

FAST_HASHES = frozenset({"md4", "md5", "sha1", "sha-1", "sha224", "sha256", "sha-256", "sha384", "sha512", "sha-512",
                         "sha3-256", "sha3-512", "ripemd160", "rmd160"})


# Password hashes given a work factor too small to slow guessing, as Python's DSP017 judges them:
# bcrypt's rounds (``bcrypt.hash(pw, 4)``, ``genSalt(4)``) under 10, PBKDF2's iterations under 10,000.
WORK_FACTORS = {"hash": (1, 10), "hashSync": (1, 10), "genSalt": (0, 10), "genSaltSync": (0, 10),
                "pbkdf2": (2, 10_000), "pbkdf2Sync": (2, 10_000)}


def _cheap_work_factor(js: JavaScriptView, call: Call) -> Optional[int]:
    position, least = WORK_FACTORS[call.short]
    owner = call.name.rsplit(".", 1)[0].lower() if "." in call.name else ""
    if call.short.startswith(("hash", "genSalt")) and "bcrypt" not in owner:
        return None
    if call.short.startswith("pbkdf2") and owner not in ("crypto", "node:crypto", ""):
        return None
    node = call.argument(position)
    text = js.text_of(node, 20).replace("_", "") if node is not None else ""
    value = int(text) if text.isdigit() else None
    return value if value is not None and 0 < value < least else None


@rule(
    id="DSW009",
    symbol="js-fast-hash-for-password",
    title="Password hashed with a fast hash (MD5, SHA-1, SHA-2) in Node.js",
    severity="high",
    cwe=916,
    languages=("javascript",),
    equivalent="none",
    message="hashes a password with a fast hash; use bcrypt, scrypt or Argon2",
    use_instead="await bcrypt.hash(password, 12) or crypto.scrypt(password, salt, 64, callback)",
    name_triggers=("createhash", "hash", "hashsync", "gensalt", "gensaltsync", "pbkdf2", "pbkdf2sync"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named(*WORK_FACTORS):
        cheap = _cheap_work_factor(js, call)
        if cheap is not None:
            least = WORK_FACTORS[call.short][1]
            yield Hit(js.line(call.node), js.column(call.node),
                      f"`{call.written}(..., {cheap}, ...)` makes each password guess cheap (at least {least:,} for a "
                      "password hash); raise it, or use Argon2 with its default parameters")
    for call in js.calls_named("createHash"):
        algorithm = js.string_value(call.argument(0)) if call.arguments else None
        if algorithm is None or algorithm.lower() not in FAST_HASHES:
            continue
        for data in _hashed(js, call):
            if any(is_password_name(name) for name in _names(js, data)):
                yield Hit(js.line(call.node), js.column(call.node),
                          f"`{call.written}({algorithm!r})` hashes `{js.text_of(data, 40)}`, a password, with a fast "
                          "hash; use bcrypt, scrypt (`crypto.scrypt`) or Argon2 with a salt")
                break


def _hashed(js: JavaScriptView, call: Call) -> Iterator[Any]:
    """The values given to ``update`` on the hash, chained or through the variable it is stored in."""
    parent = call.node.parent
    if parent is not None and parent.type == "member_expression":
        outer = parent.parent
        if outer is not None and outer.type == "call_expression" and js.text_of(
                parent.child_by_field_name("property")) == "update":
            arguments = outer.child_by_field_name("arguments")
            if arguments is not None and arguments.named_children:
                yield arguments.named_children[0]
    for name in js.destinations(call.node):
        for other in js.calls_named("update"):
            if other.name == f"{name}.update" and other.arguments:
                yield other.arguments[0]


def _names(js: JavaScriptView, node: Any) -> Iterator[str]:
    """The identifiers, properties and string keys a value is read from."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type in ("identifier", "property_identifier"):
            yield js.tree.text(current)
        elif current.type == "string":
            value = js.string_value(current)
            if value:
                yield value
        stack.extend(current.named_children)
