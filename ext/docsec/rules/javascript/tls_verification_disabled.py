"""## What it does
Finds JavaScript that turns off TLS certificate checks: the option
``rejectUnauthorized: false`` (``https.request``, ``https.Agent``,
``tls.connect``, database and mail clients, ``ssl: {rejectUnauthorized:
false}``), ``strictSSL: false`` and ``insecure: true`` of request
libraries, ``checkServerIdentity`` that accepts every certificate
(``() => undefined``), a certificate ``verify`` callback that always
returns ``true`` (node-forge's ``tls.createConnection({verify: ...})``, told
by its ``verified`` parameter or its four), and ``process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"``.
(Setting ``NODE_TLS_REJECT_UNAUTHORIZED=0`` in a shell or a Dockerfile is
DSS004's.)

## Why is this bad?
Without the check, anyone on the network path (a café Wi-Fi, a compromised
router, a proxy) can present their own certificate, read the traffic and
change it, including passwords and tokens sent over the connection.

## Example
```javascript
const agent = new https.Agent({ rejectUnauthorized: false });
```

## Use instead
```javascript
const agent = new https.Agent({ ca: fs.readFileSync("internal-ca.pem") });
```
Trust the certificate authority that signed the server's certificate with
``ca`` (or ``NODE_EXTRA_CA_CERTS``), and keep verification on.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [Node.js docs: tls.connect options](https://nodejs.org/api/tls.html#tlsconnectoptions-callback)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule

ENV = "NODE_TLS_REJECT_UNAUTHORIZED"


@rule(
    id="DSW006",
    symbol="js-tls-verification-disabled",
    title="TLS certificate verification turned off in JavaScript",
    severity="high",
    cwe=295,
    languages=("javascript",),
    equivalent="none",
    message="turns off TLS certificate verification; trust the server's CA with `ca` instead",
    use_instead='new https.Agent({ ca: fs.readFileSync("internal-ca.pem") })',
    triggers=("rejectunauthorized", "strictssl", "insecure", "checkserveridentity", "node_tls_reject_unauthorized",
              "verify"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for key, value, pair in js.properties:
        if (key in ("rejectUnauthorized", "strictSSL", "strict_ssl") and _is_false(js, value)) or \
                (key == "insecure" and value.type == "true") or \
                (key == "checkServerIdentity" and _accepts_all(js, value)) or \
                (key == "verify" and _is_certificate_callback(js, value) and _accepts_all(js, value, "true")):
            yield Hit(js.line(pair), js.column(pair),
                      f"`{js.text_of(pair, 50)}` turns off TLS certificate verification; anyone on the network "
                      "path can read and change the traffic: trust the server's CA with `ca` instead")
    for name, values in js.assignments.items():
        if name.rsplit(".", 1)[-1] in ("rejectUnauthorized", "strictSSL") and "." in name:
            for value in values:  # ``options.rejectUnauthorized = false`` on a request's options
                if _is_false(js, value):
                    yield Hit(js.line(value), js.column(value),
                              f"`{name} = {js.text_of(value)}` turns off TLS certificate verification for that "
                              "request; trust the server's CA with `ca` instead")
        if name.endswith(ENV) and name.startswith("process.env"):
            for value in values:
                if js.string_value(value) == "0" or js.text_of(value) == "0":
                    yield Hit(js.line(value), js.column(value),
                              f"`{name} = {js.text_of(value)}` turns off TLS certificate verification for every "
                              "connection of the process; trust the CA with `NODE_EXTRA_CA_CERTS` instead")


def _is_false(js: JavaScriptView, node: Any) -> bool:
    return node.type == "false" or js.text_of(node) in ("!1", "0") or js.string_value(node) == "false"


def _is_certificate_callback(js: JavaScriptView, node: Any) -> bool:
    """node-forge's ``verify(connection, verified, depth, certs)``."""
    parameters = node.child_by_field_name("parameters")
    names = [js.text_of(p) for p in parameters.named_children] if parameters is not None else []
    return "verified" in names or len(names) == 4


def _accepts_all(js: JavaScriptView, node: Any, accepted: str = "") -> bool:
    """``() => undefined``, ``() => {}``, ``function () { return undefined; }``; with ``accepted="true"``,
    ``() => true`` and ``function (...) { return true; }``."""
    if node.type not in ("arrow_function", "function_expression", "function"):
        return False
    body = node.child_by_field_name("body")
    if body is None:
        return False
    if body.type == "statement_block":
        statements = [s for s in body.named_children if s.type != "comment"]
        if accepted:  # other statements (a log line) may come first; every return gives ``accepted``
            returns = list(_returns(body))
            return bool(returns) and statements[-1] == returns[-1] and all(
                js.text_of(s).rstrip(";") == f"return {accepted}" for s in returns)
        return not statements or all(s.type == "return_statement" and js.text_of(s).rstrip(";") in
                                     ("return", "return undefined", "return null") for s in statements)
    return js.text_of(body) == accepted if accepted else js.text_of(body) in ("undefined", "null", "void 0")


def _returns(node: Any) -> Iterator[Any]:
    """The return statements of a function body, not those of functions nested in it."""
    for child in node.named_children:
        if child.type == "return_statement":
            yield child
        elif child.type not in ("function_expression", "arrow_function", "function_declaration", "method_definition"):
            yield from _returns(child)
