"""## What it does
Finds secrets made with a predictable random generator, in Java, C#, PHP, Go
and Ruby: ``new Random()``/``Math.random()`` in Java, ``new Random()`` in
C#, ``rand``/``mt_rand``/``uniqid``/``lcg_value``/``array_rand``/
``str_shuffle`` in PHP, ``math/rand`` in Go and ``rand``/``Random.rand`` in
Ruby, when the value goes into a token, password, key, secret, nonce, salt,
session id, one-time or reset code (by the name it is stored in or the
function that makes it).

## Why is this bad?
These generators are seeded from the clock or a small state, and their
output can be predicted from a few samples: whoever predicts the token
takes over the session or the account it unlocks.

## Example
```java
Random random = new Random();
String resetToken = Long.toHexString(random.nextLong());
```

## Use instead
```java
SecureRandom random = new SecureRandom();
byte[] bytes = new byte[32];
random.nextBytes(bytes);
String resetToken = HexFormat.of().formatHex(bytes);
```
``SecureRandom`` (Java), ``RandomNumberGenerator`` (C#),
``random_bytes``/``random_int`` (PHP), ``crypto/rand`` (Go),
``SecureRandom`` (Ruby).

## References
- [CWE-338: Use of Cryptographically Weak PRNG](https://cwe.mitre.org/data/definitions/338.html)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.code import Call, CodeView
from ...languages.credentials import is_random_secret_name
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES

PHP_RANDOM = frozenset({"rand", "mt_rand", "uniqid", "lcg_value", "array_rand", "str_shuffle", "shuffle"})


@rule(
    id="DSL013",
    symbol="weak-random-secret",
    title="Predictable random generator used for a secret (Java, C#, PHP, Go, Ruby)",
    severity="medium",
    cwe=338,
    languages=LANGUAGES,
    equivalent="Semgrep java.lang.security.audit.crypto.weak-random, php.lang.security.weak-random",
    message="makes a token, password or key with a predictable random generator; use the platform's secure one",
    use_instead="SecureRandom; RandomNumberGenerator.GetBytes; random_bytes; crypto/rand; SecureRandom.hex",
    triggers=("rand", "uniqid", "lcg_value", "str_shuffle"),
)
def check(view: CodeView) -> Iterator[Hit]:
    weak_objects = _weak_generators(view)
    for call in view.calls:
        if not _predictable(view, call, weak_objects):
            continue
        secret = _secret_destination(view, call.node)
        if secret:
            yield Hit(view.line(call.node), view.column(call.node),
                      f"`{view.text_of(call.node, 40)}` makes `{secret}` with a predictable generator: its output "
                      "can be guessed from a few samples; use the platform's cryptographic generator")


def _weak_generators(view: CodeView) -> set[str]:
    """Variables holding ``new Random()`` (Java, C#) or Go's ``rand.New(...)`` from math/rand."""
    names = set()
    for name, values in view.assignments.items():
        for value in values:
            text = view.text_of(value, 80).replace(" ", "")
            if text.startswith(("newRandom(", "newSystem.Random(", "newjava.util.Random(")) or \
                    view.language == "go" and text.startswith("rand.New(") and _go_math_rand(view):
                names.add(name.rsplit(".", 1)[-1])
    return names


def _predictable(view: CodeView, call: Call, weak_objects: set[str]) -> bool:
    language, name, short = view.language, call.name, call.short
    if language == "php":
        return name == short and short in PHP_RANDOM
    if language == "java" and name == "Math.random":
        return True
    if language in ("java", "csharp") and "." in name and name.split(".")[0] in weak_objects and \
            short.startswith("Next") | short.startswith("next"):
        return True
    if language == "go" and name.startswith("rand.") and short in ("Intn", "Int", "Int63", "Int31", "Read", "Uint32",
                                                                   "Uint64", "Int63n", "Int31n", "Perm") \
            and _go_math_rand(view):
        return True
    if language == "ruby" and (name in ("rand", "Random.rand", "Kernel.rand") or short == "sample" and
                               "SecureRandom" not in name):
        return short != "sample" or "Array" in view.text_of(call.node, 80) or ".." in view.text_of(call.node, 80)
    return False


def _go_math_rand(view: CodeView) -> bool:
    whole = view.text_of(view.tree.root, 20000)
    return "crypto/rand" not in whole


def _secret_destination(view: CodeView, node: Any) -> Optional[str]:
    """The secret-named variable, field or function the value goes into."""
    for name, values in view.assignments.items():
        for value in values:
            if value.start_byte <= node.start_byte and node.end_byte <= value.end_byte:
                short = name.rsplit(".", 1)[-1].lstrip("$@")
                if is_random_secret_name(short):
                    return short
    current = node.parent
    while current is not None:
        if current.type in ("method_declaration", "function_declaration", "method", "function_definition",
                            "function_item", "local_function_statement", "method_definition"):
            name_node = current.child_by_field_name("name")
            name = view.text_of(name_node) if name_node is not None else ""
            return name if name and is_random_secret_name(name) else None
        if current.type in ("pair", "keyed_element", "array_element_initializer") and current.named_children:
            key = view.string_value(current.named_children[0]) or view.text_of(current.named_children[0], 40)
            if is_random_secret_name(key.strip(":\"'")):
                return key.strip(":\"'")
        current = current.parent
    return None
