"""## What it does
Finds passwords, secret keys, API keys and tokens written into JavaScript as
literals: variables (``const apiKey = "..."``), assignments
(``process.env.JWT_SECRET = "..."``, ``config.db.password = "..."``),
object properties (``{password: "...", clientSecret: "..."}``, ``headers:
{Authorization: "Bearer ..."}``), the key of ``jwt.sign``/``jwt.verify``,
``express-session``'s ``secret`` and a fallback after ``||``/``??``
(``process.env.SECRET || "..."``, judged as any literal: the shared standard
counts ``|| "fallback-secret"``).
Names and values are judged as in the Python rule DSP019: obvious
placeholders (``"<your-api-key>"``, ``"changeme"``, ``"xxxx"``, ``"${TOKEN}"``,
bare words such as ``"password"``) are left alone, and so are passwords that
name themselves (``"password-for-30001"``, ``"fallback-password"``).

## Why is this bad?
A secret in an example is copied with the example: a published JWT or
session secret lets anyone forge logins, and a copied database password or
API key becomes the production one.

## Example
```javascript
const token = jwt.sign({ sub: user.id }, "k8Jz2vQw9rTn4LpX7sYb");
const client = new Client({ user: "app", password: "Wint3r-2024!" });
```

## Use instead
```javascript
const token = jwt.sign({ sub: user.id }, process.env.JWT_SECRET);
const client = new Client({ user: "app", password: process.env.PGPASSWORD });
```
Read secrets from the environment or a secret manager, and show
placeholders such as ``"<your-api-key>"`` when a literal must appear.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ...languages.javascript import JavaScriptView, _unwrapped
from ...model import Hit
from ...languages.credentials import describes_itself, is_secret_name, kind_of, looks_real, shown_kind
from ..registry import rule

# A connection string with a password in it (``postgres://user:pass@host/db``, ``redis://:pass@host``): the schemes
# of servers, not web pages (an ``http://user:pass@`` URL is DSG006's and DSP066's business).
URL_CREDENTIALS = re.compile(r"^([a-z][a-z0-9+.-]*)://([^:/@\s]*):([^@/\s]+)@", re.IGNORECASE)
KEYED_CALLS = {"sign": 1, "verify": 1, "createHmac": 1, "createCipheriv": 1, "createDecipheriv": 1}


@rule(
    id="DSW010",
    symbol="js-hardcoded-secret",
    title="Hard-coded password, secret key or token in JavaScript",
    severity="high",
    cwe=798,
    languages=("javascript",),
    equivalent="none",
    message="a secret is written into the code; read it from the environment (process.env) or a secret store",
    use_instead="jwt.sign(payload, process.env.JWT_SECRET)",
    # Every name is_secret_name accepts holds one of _secrets.SECRET_NAME_HINTS; and the keyed calls' names.
    joined_triggers=("pw", "pass", "secret", "token", "cred", "key", "bearer", "authorization", "sign", "verify",
                     "hmac", "cipher"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    seen: set[int] = set()
    candidates = [(name, value, "") for name, values in js.assignments.items() for value in values]
    candidates += [(key, value, "signing" if _signing_context(js, pair) else "") for key, value, pair in js.properties]
    for name, value, kind in candidates:
        if not is_secret_name(name) and not (name.lower() == "authorization" and _is_literal(js, value)):
            continue
        yield from _judge(js, name, value, seen, kind=kind if kind and kind_of(name) != "password" else "")
    for node in js.nodes_of("string", "template_string"):  # ``"mongodb://admin:Passw0rd123@db.example.com"``
        text = js.string_value(node)
        match = URL_CREDENTIALS.match(text.strip()) if text and "@" in text else None
        if match and not match.group(1).lower().startswith(("http", "ws")) and match.start(3) >= 0 and \
                looks_real(match.group(3), "password") and not describes_itself(match.group(3)) and \
                node.start_byte not in seen:
            seen.add(node.start_byte)
            yield Hit(js.line(node), js.column(node), f"the connection string has a password in it "
                      f"({_masked(match.group(3))}); build it from `process.env` or pass the password separately")
    for call in js.calls_named(*KEYED_CALLS):
        if call.short in ("sign", "verify") and "jwt" not in call.name.lower():
            continue
        key = call.argument(KEYED_CALLS[call.short])
        if key is not None:  # (a JWT or HMAC key the application chooses: any literal works as written)
            yield from _judge(js, f"{call.written} key", key, seen,
                              kind="secret" if call.short.endswith("ipheriv") else "signing")


def _judge(js: JavaScriptView, name: str, value: Any, seen: set[int], kind: str = "") -> Iterator[Hit]:
    value, strict = _unwrapped(value), False
    if value.type == "binary_expression" and js.text_of(value.child_by_field_name("operator")) in ("||", "??"):
        value, strict = _unwrapped(value.child_by_field_name("right")), True
    text = js.string_value(value)
    if text is None or value.start_byte in seen:
        return
    kind = kind or ("token" if name.lower() == "authorization" else kind_of(name))
    if looks_real(text, kind, strict) and not describes_itself(text):
        seen.add(value.start_byte)
        yield Hit(js.line(value), js.column(value),
                  f"`{name}` is given a literal {shown_kind(kind)} ({_masked(text)}); read it from the environment "
                  "(`process.env`) or a secret store, and show a placeholder such as \"<your-key>\" in docs")


# What signs sessions, cookies and tokens with a key the application chooses: ``session({ secret })``,
# ``cookieParser(secret)``, ``cookie: { secret }``, ``register(require("@fastify/jwt"), { secret })``.
SIGNING_CONTEXT = re.compile(r"session|cookie|jwt|jsonwebtoken|jose|passport|csrf|signing|hmac|iron|signed",
                             re.IGNORECASE)


def _signing_context(js: JavaScriptView, pair: Any) -> bool:
    """The object a ``secret`` property sits in is given to something that signs with it."""
    node, steps = pair.parent, 0
    while node is not None and steps < 4:
        if node.type == "pair":
            key = node.child_by_field_name("key")
            if key is not None and SIGNING_CONTEXT.search(js.text_of(key, 60)):
                return True
        if node.type in ("call_expression", "new_expression"):
            callee = node.child_by_field_name("function") or node.child_by_field_name("constructor")
            arguments = node.child_by_field_name("arguments")
            named = js.text_of(callee, 80) if callee is not None else ""
            given = js.text_of(arguments, 300) if arguments is not None else ""
            return bool(SIGNING_CONTEXT.search(named) or SIGNING_CONTEXT.search(given.split("{", 1)[0]))
        node, steps = node.parent, steps + 1
    return False


def _is_literal(js: JavaScriptView, node: Any) -> bool:
    return js.string_value(node) is not None


def _masked(text: str) -> str:
    return f"\"{text[:3]}...\"" if len(text) > 6 else "\"...\""

