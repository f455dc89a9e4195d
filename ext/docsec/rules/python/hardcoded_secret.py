"""## What it does
Finds passwords, secret keys, API keys and tokens written into the code as
literals: assignments (``SECRET_KEY = "..."``, ``app.secret_key = ...``,
``app.config["SECRET_KEY"] = ...``, ``os.environ["API_KEY"] = ...``),
keyword arguments (``connect(password="...")``, ``OpenAI(api_key="...")``),
dict entries (``DATABASES = {... "PASSWORD": "..."}``,
``headers={"Authorization": "Bearer ..."}``), parameter defaults,
comparisons (``if password == "..."``), keys given to ``hmac.new``,
``jwt.encode``/``jwt.decode``, ``Fernet``, itsdangerous serializers and
``AES.new``, ``auth=("user", "...")``, ``smtp.login(user, "...")``, and
passwords inside connection URLs (``postgresql://app:...@db/prod``).
Key bytes decoded from a literal count as the literal
(``c.JupyterHub.cookie_secret = bytes.fromhex("...")``,
``base64.b64decode("...")``, ``binascii.unhexlify("...")``), and
``cookie_secret`` (Tornado, JupyterHub) names a secret.
A fallback default (``os.getenv("SECRET_KEY", "...")``, ``... or "..."``)
counts when it looks generated or calls itself a secret (``"fallback-secret"``).

What counts follows the labelling standard: a literal that works as written
and reads as chosen counts, however it was made up (``"pass1234"``,
``"some-secret-key"``, ``"super_secret_production_password_123"``,
a six-letter password).  Obvious placeholders are left alone: empty strings,
``...``, ``<your-key>``, ``${API_KEY}``, ``{{ token }}``, ``your-secret-key``,
``xxxx``, ``****``, ``changeme``, ``EXAMPLE``, ``dummy``, ``test``, bare words
such as ``password``, ``secret`` or ``admin``, and values that describe
themselves (``password-for-30001``, ``fallback-password``, ``johnpassword``,
``myuser``).  Every rule that judges a secret (here, on the command line, in
Dockerfiles, Kubernetes and Compose files) uses the same judgement.  So are values read from the
environment, form field names (``password_field = "password"``), URLs and
file paths, and credentials inside test functions.

## Why is this bad?
A secret in an example is copied with the example.  A Flask or Django
``SECRET_KEY`` that is published lets anyone forge session cookies and
password-reset links; a copied database password or API key becomes the
production one.  Secrets belong in the environment or a secret store.

## Example
```python
app.config["SECRET_KEY"] = "8f42a73054b1749f8f58848be5e6502c"
conn = psycopg2.connect(host="db", user="app", password="Wint3r-2024!")
```

## Use instead
```python
import os
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
conn = psycopg2.connect(host="db", user="app", password=os.environ["DB_PASSWORD"])
```
Read secrets from the environment or a secret manager, and show
placeholders such as ``"<your-api-key>"`` when a literal must appear.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ...languages.credentials import machine_made
from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import (in_test, line_of, is_password_name, is_secret_name, kind_of, looks_real, parents, string_of,
                                 target_name, words)

ENV_LOOKUPS = frozenset({"getenv", "get", "setdefault", "config", "env", "str", "add_argument", "environ.get"})
KEY_POSITION = {"hmac.new": (0, "key"), "jwt.encode": (1, "key"), "jwt.decode": (1, "key"), "Fernet": (0, "key"),
                "URLSafeTimedSerializer": (0, "secret_key"), "URLSafeSerializer": (0, "secret_key"),
                "TimedSerializer": (0, "secret_key"), "Serializer": (0, "secret_key"), "Signer": (0, "secret_key"),
                "TimestampSigner": (0, "secret_key"), "AES.new": (0, "key"), "ChaCha20.new": (0, "key"),
                "HMAC.new": (0, "key"), "AESGCM": (0, "key"), "ChaCha20Poly1305": (0, "key")}
# The same entries by the short name a call must have to match one (``new`` for ``hmac.new``), in order.
KEY_POSITION_BY_SHORT = {short: tuple((suffix, where) for suffix, where in KEY_POSITION.items()
                                      if suffix.rsplit(".", 1)[-1] == short)
                         for short in {suffix.rsplit(".", 1)[-1] for suffix in KEY_POSITION}}
# The calls above that sign with a key the application chooses (any literal works as written).
SIGNING_CALLS = frozenset({"hmac.new", "jwt.encode", "URLSafeTimedSerializer", "URLSafeSerializer", "TimedSerializer",
                           "Serializer", "Signer", "TimestampSigner", "HMAC.new"})
LOGIN_CALLS = frozenset({"login", "HTTPBasicAuth", "HTTPDigestAuth", "BasicAuth", "auth_plain", "add_user"})
CALL_SHORTS = ENV_LOOKUPS | KEY_POSITION_BY_SHORT.keys() | LOGIN_CALLS  # the calls _call_candidates reads
URL_CREDENTIALS = re.compile(r"^[a-z][a-z0-9+.-]*://([^:/@\s]+):([^@/\s]+)@", re.IGNORECASE)
DSN_PASSWORD = re.compile(r"(?:^|[\s;])(?:password|pwd|passwd)\s*=\s*'?([^\s;']+)", re.IGNORECASE)
FILE_PATH = re.compile(r"^(?:~|\.{0,2}/|[A-Za-z]:\\)|\.(?:pem|key|crt|cer|der|p12|pfx|json|txt|ya?ml|env|cfg|ini)$")
# Calls that turn a literal into key bytes: the literal is the secret.
DECODERS = frozenset({"fromhex", "b64decode", "urlsafe_b64decode", "b32decode", "b16decode", "unhexlify", "a2b_hex",
                      "a2b_base64"})
IDENTIFIER = re.compile(r"^[A-Za-z_]+(?:[_.][A-Za-z]+)*$")  # a field or setting name (``access_token``); ``some-secret-key`` is a value
DOTTED_PATH = re.compile(r"^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*){2,}$")
NAME_WITH_DIGITS = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:[-_.][A-Za-z0-9]+)*$")


@dataclass(frozen=True)
class Candidate:
    name: str
    value: ast.AST
    strict: bool = False  # a fallback default: only generated-looking values count
    kind: str = ""


@rule(
    id="DSP019",
    symbol="hardcoded-secret",
    title="Hard-coded password, secret key or token",
    severity="high",
    cwe=798,
    languages=("python",),
    equivalent="Bandit B105-B107, Ruff S105-S107",
    message="hard-codes a secret; read it from the environment or a secret store",
    use_instead="os.environ['SECRET_KEY'] (or a secret manager), and placeholders like '<your-api-key>' in docs.",
    # A candidate's name holds a password or secret word (PASSWORD_WORDS, SECRET_WORDS, `key`), is the
    # keyword `auth` or the dict key `authorization` (a string: a substring trigger), or its call's short name
    # is one of KEY_POSITION's (new, encode, ...) or LOGIN_CALLS (the identifiers as whole words: not `author`,
    # `renew` or `urlencode`); a connection string holds `://` or a password word.  Names whose words only
    # join into a secret word (`to_ken`) need the joined triggers.
    triggers=("pass", "pw", "secret", "token", "cred", "key", "bearer", "authorization", "://"),
    joined_triggers=("secret", "token", "cred", "key", "bearer"),
    name_triggers=tuple(sorted({"auth", "client", "connect", "api",  # (clients given credentials by position)
                                *(short.lower() for short in (*KEY_POSITION_BY_SHORT, *LOGIN_CALLS))})),
)
def check(code: PythonView) -> Iterator[Hit]:
    for node in code.nodes_of(*CANDIDATES):
        for candidate in CANDIDATES[type(node)](code, node):  # type: ignore[operator]
            text = string_of(candidate.value)
            if text is None or _not_a_secret_value(text, candidate.name):
                continue
            kind = candidate.kind or kind_of(candidate.name)
            if looks_real(text, kind, candidate.strict) and not in_test(candidate.value, parents(code)):
                shown = text if len(text) <= 12 else text[:6] + "…"
                where = "as a fallback default " if candidate.strict else ""
                yield Hit(line_of(candidate.value), code.column(candidate.value),
                          f"`{candidate.name}` is hard-coded {where}({shown!r}); readers copy it into real "
                          "deployments: read it from the environment (`os.environ[...]`) or a secret store")
    yield from _url_credentials(code)


def _assignment_candidates(code: PythonView, node: ast.Assign | ast.AnnAssign) -> Iterator[Candidate]:
    if node.value is not None:
        for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
            name = target_name(code, target)
            if name and is_secret_name(name):
                yield from _values(name, node.value)


def _keyword_candidates(code: PythonView, node: ast.keyword) -> Iterator[Candidate]:
    if node.arg and "__" in node.arg.strip("_"):  # an ORM lookup (``password__startswith="md5$$"``) compares
        return
    if node.arg and (is_secret_name(node.arg) or node.arg == "auth"):
        signing = node.arg in ("secret", "key", "secret_key", "secret_token") and _signing_call(code, node)
        for candidate in _values(node.arg, node.value):
            yield Candidate(candidate.name, candidate.value, candidate.strict, "signing") if signing and \
                not candidate.kind else candidate


# What signs sessions, cookies and tokens with a key the application chooses: ``SessionMiddleware(secret_key=...)``,
# ``CookieStorage(secret=...)``, ``JWTStrategy(secret=...)``.
SIGNING_CALL = re.compile(r"session|cookie|jwt|jws|signer|serializer|signing|hmac|csrf|token_?auth|remember",
                          re.IGNORECASE)


def _signing_call(code: PythonView, keyword: ast.keyword) -> bool:
    """The keyword is given to a call whose name says it signs (a session, cookie or token signer)."""
    call = parents(code).get(keyword)
    return isinstance(call, ast.Call) and bool(SIGNING_CALL.search(code.qualname(call.func) or ""))


def _dict_candidates(code: PythonView, node: ast.Dict) -> Iterator[Candidate]:
    owner = _owner_name(code, node)  # ``secrets={"1": "pO7Sw..."}``: the values of a dict of secrets
    for key, value in zip(node.keys, node.values):
        key_text = string_of(key)
        if key_text and (is_secret_name(key_text) or key_text.lower() == "authorization"):
            yield from _values(key_text, value)
        elif owner and key_text is not None and isinstance(value, ast.Constant):
            yield Candidate(f"{owner}[{key_text!r}]", value, kind="secret")


def _owner_name(code: PythonView, node: ast.Dict) -> Optional[str]:
    """The secret-named keyword or name a dict literal is given to, if any (without building the parents map)."""
    owners = code.__dict__.get("_secret_dict_owners")
    if owners is None:
        owners = {}
        for keyword in code.nodes_of(ast.keyword):
            if isinstance(keyword.value, ast.Dict) and keyword.arg and _owns_secrets(keyword.arg):  # type: ignore[attr-defined]
                owners[id(keyword.value)] = keyword.arg  # type: ignore[attr-defined]
        for assign in code.nodes_of(ast.Assign):
            if isinstance(assign.value, ast.Dict):  # type: ignore[attr-defined]
                name = target_name(code, assign.targets[0])  # type: ignore[attr-defined]
                if name and _owns_secrets(name):
                    owners[id(assign.value)] = name  # type: ignore[attr-defined]
        code.__dict__["_secret_dict_owners"] = owners
    return owners.get(id(node))


def _owns_secrets(name: str) -> bool:
    """``secrets``, ``passwords``, ``api_tokens``: a name for several secrets (not ``DATABASES``, not ``*_key``)."""
    return is_secret_name(name) and "key" not in words(name)[-1:]


def _default_candidates(code: PythonView, node: ast.arguments) -> Iterator[Candidate]:
    positional = [*node.posonlyargs, *node.args]
    pairs = list(zip(positional[len(positional) - len(node.defaults):], node.defaults))
    pairs += [(a, d) for a, d in zip(node.kwonlyargs, node.kw_defaults) if d is not None]
    for arg, default in pairs:
        if is_secret_name(arg.arg):
            yield Candidate(arg.arg, default)


def _comparison_candidates(code: PythonView, node: ast.Compare) -> Iterator[Candidate]:
    if len(node.comparators) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
        left, right = node.left, node.comparators[0]
        for side, other in ((left, right), (right, left)):
            name = target_name(code, side)
            if name and is_secret_name(name):
                yield Candidate(name, other)


def _values(name: str, value: ast.AST) -> Iterator[Candidate]:
    """The literal itself, or the fallback in ``os.getenv("X") or "..."``."""
    if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or):
        yield Candidate(name, value.values[-1], strict=True)
    elif isinstance(value, ast.IfExp):
        yield Candidate(name, value.orelse, strict=True)
    elif isinstance(value, ast.Tuple) and name.lower() == "auth" and len(value.elts) == 2:
        yield Candidate("auth password", value.elts[1], kind="password")
    elif _decoded_literal(value) is not None:
        yield Candidate(name, _decoded_literal(value))  # type: ignore[arg-type]
    else:
        yield Candidate(name, value)


def _decoded_literal(value: ast.AST) -> Optional[ast.AST]:
    """The literal inside ``bytes.fromhex("...")``, ``base64.b64decode("...")``, ``"...".encode()``."""
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Attribute):
        return None
    if value.func.attr in DECODERS and value.args and isinstance(value.args[0], ast.Constant):
        return value.args[0]
    if value.func.attr == "encode" and isinstance(value.func.value, ast.Constant):
        return value.func.value
    return None


def _call_candidates(code: PythonView, call: ast.Call) -> Iterator[Candidate]:
    if _short_name(code, call.func) not in CALL_SHORTS:
        return  # (most calls: told without resolving every call of the block)
    resolved = code.call_of(call)
    if resolved is None:  # no name: none of the calls below
        return
    name, short = resolved.name, resolved.short
    if short in ENV_LOOKUPS and call.args:
        looked_up = string_of(call.args[0])
        default = call.args[1] if len(call.args) > 1 else next(
            (k.value for k in call.keywords if k.arg in ("default", "fallback")), None)
        if looked_up and default is not None and is_secret_name(looked_up.lstrip("-")):
            yield Candidate(looked_up.lstrip("-"), default, strict=True)
    for suffix, (position, keyword) in KEY_POSITION_BY_SHORT.get(short, ()):
        if name == suffix or name.endswith("." + suffix):
            # Django's signing classes name it ``key``, itsdangerous's ``secret_key``.
            key = call.args[position] if len(call.args) > position else next(
                (k.value for k in call.keywords if k.arg in (keyword, "key")), None)
            if key is not None:
                yield Candidate(f"{short} key", key, kind="signing" if suffix in SIGNING_CALLS else "secret")
    if short in LOGIN_CALLS and len(call.args) >= 2:
        yield Candidate(f"{short} password", call.args[1], kind="password")


def _positional_candidates(code: PythonView, call: ast.Call) -> Iterator[Candidate]:
    """A literal passed by position to something that keys sessions, cookies or signatures
    (``SessionManager.cookies("myverysecretkey")``, ``Signer("...")``), when the literal calls itself a
    secret or looks generated: readers cannot tell what a position means, the value says it."""
    if not call.args or not isinstance(call.func, (ast.Attribute, ast.Name)):
        return
    short = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
    if short.lower() in ACCESSORS or not KEYING_WORDS.intersection(words(code.qualname(call.func) or short)):
        return
    for argument in call.args:
        text = string_of(argument)
        if text and (SELF_NAMED_SECRET.search(text) or looks_real(text, "token", strict=True)) \
                and not IDENTIFIER.match(text.replace("-", "_")) or (text and GLUED_SECRET.match(text)):
            yield Candidate(f"{short} key", argument, kind="secret")


def _authenticating_positional(code: PythonView, call: ast.Call) -> Iterator[Candidate]:
    """A machine-made literal passed by position to a client or authenticator
    (``tweepy.OAuthHandler("xvz1evFS...", "L8qq9PZy...")``, ``twilio Client("AC8f...", "9f8e...")``,
    ``auth.set_access_token(...)``, ``OAuth1(...)``), and Paramiko's password in ``connect(host, port,
    user, password)``."""
    if not call.args or not isinstance(call.func, (ast.Attribute, ast.Name)):
        return
    short = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id
    if short == "connect" and len(call.args) >= 4 and "paramiko" in code.source:
        yield Candidate("connect password", call.args[3], kind="password")
        return
    if short.lower() in ACCESSORS or not AUTHENTICATING_WORDS.intersection(words(code.qualname(call.func) or short)):
        return
    for argument in call.args:
        text = string_of(argument)
        if text and machine_made(text):
            yield Candidate(f"{short} credential", argument, kind="token")


def _short_name(code: PythonView, func: ast.expr) -> Optional[str]:
    """What ``Call.short`` would be for a callee, when it can be one of CALL_SHORTS: the attribute, or
    the last part of the name the import aliases give (a call's result, ``f()()``, ends in ``()``)."""
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return code.aliases.get(func.id, func.id).rsplit(".", 1)[-1]
    return None


def _not_a_secret_value(text: str, name: str) -> bool:
    """Field names, URLs and paths that sit where a secret might."""
    stripped = text.strip()
    if IDENTIFIER.match(stripped) and is_secret_name(stripped) and _reads_as_a_name(stripped):
        return True
    if NAME_WITH_DIGITS.match(stripped) and _as_name(stripped) in _as_name(name):
        return True
    if DOTTED_PATH.match(stripped):
        return True  # ``allauth.account.forms.ResetPasswordForm``: a class to import, not a secret
    if is_password_name(name) or name.endswith("password"):
        return False  # (``johnpassword``, ``password-for-30001``: placeholders, see credentials.describes_itself)
    return bool(FILE_PATH.search(stripped) and " " not in stripped) or stripped.lower().startswith(("http://", "https://"))


def _reads_as_a_name(text: str) -> bool:
    """``db_password``, ``apiKey``, ``SECRET_KEY``: an identifier written as a name (its words separated by ``_``,
    ``-``, ``.`` or a change of case); ``ourverygoodadminpassword`` is a password someone typed."""
    return bool(re.search(r"[_.\-]|[a-z][A-Z]", text)) or text.isupper()


# URL schemes whose ``user:password@`` part is a login (``github://org:repo@ref`` in fsspec is not).
CREDENTIAL_SCHEMES = frozenset({
    "http", "https", "ftp", "ftps", "sftp", "ssh", "git", "svn", "postgres", "postgresql", "mysql", "mariadb",
    "mssql", "oracle", "sqlite", "mongodb", "redis", "rediss", "amqp", "amqps", "mqtt", "mqtts", "ldap", "ldaps",
    "smtp", "smtps", "imap", "imaps", "pop3", "pop3s", "jdbc", "cockroachdb", "clickhouse", "neo4j", "bolt",
    "couchdb", "elasticsearch", "kafka", "nats", "sqs", "socks5", "socks5h", "socks4", "proxy", "ws", "wss",
})


def _credential_scheme(url: str) -> bool:
    scheme = url.strip().split("://", 1)[0].lower()
    return scheme.split("+", 1)[0] in CREDENTIAL_SCHEMES


def _as_name(text: str) -> str:
    """``s3-secret-access-key`` and ``S3_SECRET_ACCESS_KEY`` alike: a value that spells its setting's name."""
    return text.lower().replace("-", "_").replace(".", "_")


# Calls that key sessions, cookies or signatures, by the words of their name; and the accessors of a
# mapping, whose first argument is a key's *name* (``request.cookies.get("session-token")``).
KEYING_WORDS = frozenset({"session", "sessions", "cookie", "cookies", "secret", "signer", "serializer", "fernet",
                          "crypt", "encrypt", "cipher", "hmac", "jwt"})
ACCESSORS = frozenset({"get", "pop", "getlist", "set", "setdefault", "delete", "set_cookie", "delete_cookie",
                       "get_cookie", "get_secure_cookie", "set_secure_cookie", "cookie", "has", "remove", "load",
                       "loads", "dumps", "dump", "sign", "unsign", "encrypt", "decrypt", "get_secret"})
SELF_NAMED_SECRET = re.compile(r"secret|passw|token|privatekey|private-key", re.IGNORECASE)
GLUED_SECRET = re.compile(r"^[a-z]{4,}(?:secret|key|token)[a-z]*$")  # ``myverysecretkey``: words run together


# Calls that take credentials by position, by the words of their name: clients and authenticators.
AUTHENTICATING_WORDS = frozenset({"auth", "token", "credentials", "client", "api", "authenticate", "authorize"})


def _call_and_positional(code: PythonView, call: ast.Call) -> Iterator[Candidate]:
    yield from _call_candidates(code, call)
    yield from _positional_candidates(code, call)
    yield from _authenticating_positional(code, call)


# Where candidates come from, by node type (the order of the walk decides which hit a line keeps).
CANDIDATES = {ast.Assign: _assignment_candidates, ast.AnnAssign: _assignment_candidates,
              ast.keyword: _keyword_candidates, ast.Dict: _dict_candidates, ast.arguments: _default_candidates,
              ast.Compare: _comparison_candidates, ast.Call: _call_and_positional}


def _url_credentials(code: PythonView) -> Iterator[Hit]:
    for node in code.nodes_of(ast.Constant):
        text = string_of(node) if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        if not text or ("@" not in text and "=" not in text):
            continue  # both patterns below need an "@" or an "="
        match = URL_CREDENTIALS.match(text.strip())
        password = match.group(2) if match and _credential_scheme(text) else None
        if password is None:
            dsn = DSN_PASSWORD.search(text)
            password = dsn.group(1) if dsn else None
        if password and looks_real(password, "password") \
                and not in_test(node, parents(code)):
            yield Hit(line_of(node), code.column(node),
                      f"the connection string has a password in it ({password[:3]}…); build it from "
                      "`os.environ` or pass the password separately from the environment")
