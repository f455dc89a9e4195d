"""## What it does
Finds secrets made with a predictable random generator: ``random.choice``,
``random.choices``, ``random.randint``, ``random.getrandbits``,
``random.sample``/``shuffle``/``randbytes`` (also ``numpy.random`` and
``uuid.uuid1()``) whose result becomes a token, password, secret or API key,
a nonce, salt or IV, a one-time or verification code, a session id or a
password-reset link, or the value of a cookie that identifies the user
(``response.set_cookie("session", value)``, whatever the value is called).  The names the value is assigned to, passed as, or
returned from decide; ``random`` in games, simulations and ML, and
``random.SystemRandom`` and ``secrets``, are left alone.

## Why is this bad?
``random`` is a Mersenne Twister: after 624 outputs its whole future (and
past) is known, and its seed is often the time.  Tokens, reset codes and
passwords made with it can be predicted by anyone who sees a few of them.
``uuid1()`` is the MAC address and a timestamp.

## Example
```python
import random, string
reset_token = "".join(random.choices(string.ascii_letters + string.digits, k=32))
```

## Use instead
```python
import secrets
reset_token = secrets.token_urlsafe(32)
```
Use the ``secrets`` module (``token_urlsafe``, ``token_hex``,
``choice``, ``randbelow``) or ``random.SystemRandom()`` for anything an
attacker must not guess.

## References
- [CWE-338: Use of Cryptographically Weak Pseudo-Random Number Generator (PRNG)](https://cwe.mitre.org/data/definitions/338.html)
- [Python docs: secrets](https://docs.python.org/3/library/secrets.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import destinations, enclosing_function, is_random_secret_name, parents, uses_of, words

RANDOM_FUNCTIONS = frozenset({"random", "randint", "choice", "choices", "getrandbits", "randrange", "sample",
                              "shuffle", "randbytes", "uniform", "bytes", "rand", "integers", "permutation"})
RANDOM_MODULES = ("random.", "numpy.random.", "np.random.")
CREDENTIAL_TOKEN = frozenset({"access", "auth", "api", "reset", "csrf", "xsrf", "session", "bearer", "refresh",
                              "verification", "verify", "secret", "confirm", "confirmation", "invite", "security",
                              "login", "activation", "email", "magic", "jwt", "oauth", "password"})
# A bare ``token`` in text processing is a word, not a credential.
NLP = re.compile(r"\b(?:tokens|tokeni[sz]e[rd]?|vocab\w*|corpus|sentences?|words|markov|logits|ngrams?)\b", re.IGNORECASE)


@rule(
    id="DSP018",
    symbol="insecure-random-secret",
    title="Secret made with a predictable random generator",
    severity="medium",
    cwe=338,
    languages=("python",),
    equivalent="Bandit B311, Ruff S311 (both unconditional)",
    message="makes a secret with the predictable `random` module; use the `secrets` module",
    use_instead="secrets.token_urlsafe(), secrets.token_hex(), secrets.choice() or random.SystemRandom().",
    # a name _predictable accepts starts with a random module, holds default_rng() or is uuid1
    triggers=("random", "default_rng", "uuid1"),
)
def check(code: PythonView) -> Iterator[Hit]:
    up = parents(code)
    for call in code.calls_named(*RANDOM_FUNCTIONS, "uuid1"):  # the only calls _predictable accepts
        if not _predictable(call):
            continue
        name = _secret_destination(code, call.node, up)
        if name and not _word_token(name, code):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` is predictable but makes `{name}`; use `secrets` "
                      "(`secrets.token_urlsafe()`, `secrets.choice()`) for values an attacker must not guess")


def _word_token(name: str, code: PythonView) -> bool:
    parts = words(name)
    return "token" in parts and not CREDENTIAL_TOKEN.intersection(parts) and bool(NLP.search(code.source))


def _predictable(call: Call) -> bool:
    if "SystemRandom" in call.name or "default_rng" in call.name and "secrets" in call.name:
        return False
    if call.name in ("uuid.uuid1", "uuid1"):
        return True
    if call.short not in RANDOM_FUNCTIONS:
        return False
    return call.name.startswith(RANDOM_MODULES) or call.name.startswith("random.Random()") or (
        "default_rng()" in call.name)


COOKIE_SETTERS = frozenset({"set_cookie", "set_signed_cookie", "set_secure_cookie"})


def _cookie_value(node: ast.AST, up: dict) -> Optional[str]:
    """The cookie a value is set as (``response.set_cookie("session", value)``), whatever the value is called:
    a cookie is a credential the browser sends back."""
    parent = up.get(node)
    if isinstance(parent, ast.keyword) and parent.arg == "value":
        node, parent = parent, up.get(parent)
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr in COOKIE_SETTERS:
        if node in parent.args[1:2] or isinstance(node, ast.keyword):
            first = parent.args[0] if parent.args else None
            name = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
            if name is None or CREDENTIAL_COOKIE.search(name):
                return f"the {name or 'session'} cookie"
    return None


# Cookies that identify or authenticate (not ``theme`` or ``lang``): a guessable value is a stolen session.
CREDENTIAL_COOKIE = re.compile(r"sess|sid|token|auth|remember|csrf|xsrf|login|key|secret|(?:^|[_-])id$", re.IGNORECASE)


def _secret_destination(code: PythonView, node: ast.AST, up: dict, depth: int = 0) -> Optional[str]:
    cookie = _cookie_value(node, up)
    if cookie:
        return cookie
    names = list(destinations(code, node, up)) + _collected_into(code, node, up)
    for name in names:
        if is_random_secret_name(name):
            return name
    if depth < 2:
        for name in names:
            if "." not in name and "[" not in name:
                for use in uses_of(code, name):
                    found = _secret_destination(code, use, up, depth + 1)
                    if found:
                        return found
    function = enclosing_function(node, up)
    if function is not None and is_random_secret_name(function.name):
        return function.name
    return None


def _collected_into(code: PythonView, node: ast.AST, up: dict) -> list[str]:
    """``chars.append(random.choice(...))`` collects into ``chars``; ``random.shuffle(password)`` into
    ``password``."""
    parent = up.get(node)
    if isinstance(node, ast.Call) and isinstance(parent, ast.Expr):
        func = code.qualname(node.func) or ""
        if func.rsplit(".", 1)[-1] in ("shuffle",) and node.args:
            return [code.qualname(node.args[0]) or ""]
    if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and node in parent.args:
        if parent.func.attr in ("append", "extend", "insert", "add", "write") and isinstance(parent.func.value, ast.Name):
            return [parent.func.value.id]
    return []
