"""## What it does
Finds JSON Web Tokens accepted without a real signature check in
JavaScript and TypeScript: ``"none"`` among the ``algorithms`` a verifier
accepts (``jwt.verify(token, key, { algorithms: ["none", "HS256"] })``,
``jose``'s and ``fast-jwt``'s options alike), and node-jose's
``allowEmbeddedKey: true`` (the token brings the key it is checked
with).  The shapes are those of DSP051 (Python).

## Why is this bad?
A token's claims (``sub``, ``role``) are only as trustworthy as its
signature.  With ``none`` accepted an attacker strips the signature and
writes any claims; with an embedded key the attacker signs with their own
key and ships it in the header.

## Example
```javascript
const claims = jwt.verify(token, publicKey, { algorithms: ["RS256", "none"] });
```

## Use instead
```javascript
const claims = jwt.verify(token, publicKey, { algorithms: ["RS256"], audience: "api://orders" });
```
List only the algorithm your issuer signs with, and verify with a key you
hold.

## References
- [CWE-347: Improper Verification of Cryptographic Signature](https://cwe.mitre.org/data/definitions/347.html)
- [RFC 8725: JSON Web Token Best Current Practices](https://www.rfc-editor.org/rfc/rfc8725)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSW017",
    symbol="js-jwt-verification-weakened",
    title="JWT accepted with the 'none' algorithm or an embedded key (JavaScript)",
    severity="high",
    cwe=347,
    languages=("javascript",),
    equivalent="Semgrep javascript.jsonwebtoken.security.jwt-none-alg",
    message="accepts JWTs without a signature you check; list only your issuer's algorithm and verify with your key",
    use_instead='jwt.verify(token, publicKey, { algorithms: ["RS256"] })',
    triggers=("none", "allowembeddedkey"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for key, value, pair in js.properties:
        if key in ("algorithms", "algorithm") and _names_none(js, value):
            yield Hit(js.line(pair), js.column(pair), f"`{js.text_of(pair, 50)}` accepts unsigned tokens: anyone "
                      "can write the claims; list only the algorithm your issuer signs with")
        elif key == "allowEmbeddedKey" and value.type == "true":
            yield Hit(js.line(pair), js.column(pair), "`allowEmbeddedKey: true` checks a token with the key the token "
                      "itself brings: anyone signs with their own key; verify with a key you hold")


def _names_none(js: JavaScriptView, node) -> bool:  # type: ignore[no-untyped-def]
    values = node.named_children if node.type == "array" else [node]
    return any((js.string_value(value) or "").strip().lower() == "none" for value in values)
