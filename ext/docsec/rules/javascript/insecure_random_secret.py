"""## What it does
Finds ``Math.random()`` used to make a secret: a value that flows into a
variable, property, attribute or function whose name says token, password,
secret, key, session id, nonce, salt, OTP or a reset/verification code or
link (``const resetToken = Math.random().toString(36).slice(2)``,
``{sessionId: Math.random()}``, ``function makePassword() { ... Math.random() ... }``).
Names are read with the same word rules as the Python rules (``api_key``,
``apiKey``; not ``cacheKey`` or a game's ``secretNumber``).

## Why is this bad?
``Math.random`` is not a cryptographic generator: its output is predictable
from a few earlier values (V8 uses xorshift128+), so a token made from it can
be guessed.

## Example
```javascript
const resetToken = Math.random().toString(36).substring(2);
```

## Use instead
```javascript
const resetToken = crypto.randomBytes(32).toString("hex");   // Node.js
const sessionId = crypto.randomUUID();                       // Node.js and browsers
```
In the browser, ``crypto.getRandomValues(new Uint8Array(32))``.

## References
- [CWE-338: Use of Cryptographically Weak PRNG](https://cwe.mitre.org/data/definitions/338.html)
- [MDN: Math.random() is not cryptographically secure](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Math/random)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ...languages.credentials import is_random_secret_name
from ..registry import rule


@rule(
    id="DSW008",
    symbol="js-insecure-random-secret",
    title="Math.random used for a token, password or key",
    severity="medium",
    cwe=338,
    languages=("javascript",),
    equivalent="none",
    message="`Math.random` is predictable; make secrets with crypto.randomBytes or crypto.randomUUID",
    use_instead='crypto.randomBytes(32).toString("hex") or crypto.randomUUID()',
    name_triggers=("random",),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named("random"):
        if call.name != "Math.random":
            continue
        names = [*_flows_into(js, call.node), js.enclosing_function(call.node)]
        secret = next((name for name in names if name and is_random_secret_name(name)), None)
        if secret:
            yield Hit(js.line(call.node), js.column(call.node),
                      f"`Math.random()` makes `{secret}`, but its output is predictable; use "
                      "`crypto.randomBytes(32).toString('hex')` or `crypto.randomUUID()`")


def _flows_into(js: JavaScriptView, node) -> Iterator[str]:
    """The names the value flows into, and those the variables it is stored in flow into (one step)."""
    for name in js.destinations(node):
        yield name
        for value_name, values in js.assignments.items():
            if any(_mentions(js, value, name) for value in values):
                yield value_name


def _mentions(js: JavaScriptView, node, name: str) -> bool:
    return "." not in name and any(js.tree.text(sub) == name for sub in _identifiers(node))


def _identifiers(node) -> Iterator:
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "identifier":
            yield current
        stack.extend(current.named_children)
