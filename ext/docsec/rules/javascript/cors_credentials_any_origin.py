"""## What it does
Finds JavaScript servers whose CORS answers every origin *and* allows
credentials: the ``cors`` middleware (Express, and the ``cors`` option of
Socket.IO, Fastify's ``@fastify/cors``, NestJS's ``enableCors``) given
``origin: true``, ``origin: "*"`` or a function that accepts every origin,
together with ``credentials: true``; and ``Access-Control-Allow-Origin`` set
by hand to the request's own ``Origin`` header in a block that also sends
``Access-Control-Allow-Credentials: true``.  Python's equivalent is DSP061.

## Why is this bad?
The browser then lets any web site a logged-in user visits send requests
with the user's cookies and read the answers: account data, CSRF tokens,
API keys.

## Example
```javascript
app.use(cors({ origin: true, credentials: true }));
```

## Use instead
```javascript
app.use(cors({ origin: ["https://app.example.com"], credentials: true }));
```
List the origins that may call with credentials.

## References
- [CWE-942: Permissive Cross-domain Policy with Untrusted Domains](https://cwe.mitre.org/data/definitions/942.html)
- [PortSwigger: CORS vulnerabilities](https://portswigger.net/web-security/cors)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.javascript import JavaScriptView, _unwrapped
from ...model import Hit
from ..registry import rule
from ._values import from_request


@rule(
    id="DSW015",
    symbol="js-cors-any-origin-credentials",
    title="CORS with credentials for every origin (JavaScript)",
    severity="high",
    cwe=942,
    languages=("javascript",),
    equivalent="none",
    message="lets every web site call with the user's cookies and read the answers; list the allowed origins",
    use_instead='cors({ origin: ["https://app.example.com"], credentials: true })',
    name_triggers=("credentials",),
    triggers=("access-control-allow-origin",),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    objects: dict[int, dict[str, Any]] = {}
    for key, value, pair in js.properties:
        if key in ("origin", "credentials") and pair.parent is not None:
            objects.setdefault(pair.parent.start_byte, {})[key] = (value, pair)
    for found in objects.values():
        if "origin" in found and "credentials" in found:
            origin, pair = found["origin"]
            credentials, _ = found["credentials"]
            if js.text_of(credentials) == "true" and _every_origin(js, origin):
                yield Hit(js.line(pair), js.column(pair), f"`origin: {js.text_of(origin, 40)}` with `credentials: "
                          "true` lets every web site call with the user's cookies and read the answers; list the "
                          "origins allowed")
    echoed, allows_credentials = None, False
    for call in js.calls_named("setHeader", "header", "set", "append"):
        name = js.string_value(call.argument(0)) if call.arguments else None
        if not name or len(call.arguments) < 2:
            continue
        value = call.argument(1)
        if name.lower() == "access-control-allow-origin" and from_request(js, value):
            echoed = call
        if name.lower() == "access-control-allow-credentials" and (js.string_value(value) or js.text_of(value)) \
                .lower() == "true":
            allows_credentials = True
    if echoed is not None and allows_credentials:
        yield Hit(js.line(echoed.node), js.column(echoed.node), "`Access-Control-Allow-Origin` echoes the request's "
                  "`Origin` while credentials are allowed: every web site can call with the user's cookies and read "
                  "the answers; compare the origin with an allow-list first")


def _every_origin(js: JavaScriptView, node: Any) -> bool:
    node = _unwrapped(node)
    if node.type == "true" or js.string_value(node) in ("*",):
        return True
    if node.type in ("arrow_function", "function_expression"):  # (origin, callback) => callback(null, true)
        body = js.text_of(node).replace(" ", "")
        accepts = "callback(null,true)" in body or "cb(null,true)" in body
        return accepts and not any(word in body for word in ("if(", "?", "includes(", "indexOf(", "test(", "has("))
    return False
