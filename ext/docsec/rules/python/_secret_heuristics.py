"""Shared heuristics for the secret-handling rules (DSP016-DSP019, DSP028).

Documentation snippets rarely say where a value goes, so these rules read
the *names* around it: the identifier a value is assigned to, the keyword it
is passed as, the dict key it sits under, the function that returns it.  The
helpers here split identifiers into words, decide whether those words name a
secret, and decide whether a literal is a real-looking secret or an obvious
placeholder.  No rule lives here (the module starts with ``_``).
"""

from __future__ import annotations

import ast
import math
import re
from typing import Iterator, Optional

from ...languages.python import PythonView

_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")  # matches only letters and digits
_PATH_SEPARATORS = re.compile(r"[.\[\]'\"]+")

PASSWORD_WORDS = frozenset({"password", "passwd", "passwort", "pwd", "pw", "passphrase", "pass", "pword",
                            "passcode", "passwords"})
SECRET_WORDS = frozenset({"secret", "secrets", "token", "credential", "credentials", "creds", "apikey",
                          "secretkey", "privatekey", "accesskey", "authtoken", "accesstoken", "bearer"})
# ``key`` names a secret only with one of these beside it: ``api_key``, not ``cache_key``.
KEY_QUALIFIERS = frozenset({"api", "secret", "private", "signing", "sign", "encryption", "encrypt", "aes",
                            "hmac", "master", "access", "auth", "crypto", "fernet", "jwt", "session",
                            "client", "license", "app", "consumer", "subscription", "webhook", "sk"})
KEY_WORDS = frozenset({"key", "keys"})
# Every word above, and every join of a name's words into one of SECRET_WORDS, holds one of these; the
# words of a name are runs of its ASCII letters and digits, so its letters and digits hold it too.
SECRET_NAME_HINTS = re.compile("pw|pass|secret|token|cred|key|bearer")
_NOT_LETTER_OR_DIGIT = re.compile(r"[^A-Za-z0-9]+")
SECRET_OR_PASSWORD_WORDS = PASSWORD_WORDS | SECRET_WORDS
# Words that make an identifier *about* a secret rather than the secret itself.
META_WORDS = frozenset({
    "url", "uri", "urls", "endpoint", "path", "file", "filename", "dir", "field", "fields", "name", "names",
    "label", "prompt", "placeholder", "hint", "type", "types", "length", "len", "min", "max", "regex",
    "pattern", "format", "header", "headers", "prefix", "env", "var", "column", "col", "attr", "param",
    "validators", "validator", "hashers", "hasher", "policy", "expiry", "expires", "expire", "expiration",
    "ttl", "lifetime", "timeout", "age", "count", "template", "message", "msg", "error", "help", "required",
    "location", "input", "widget", "form", "strength", "rules", "rule",
    "setting", "settings", "option", "options", "mode", "method", "algorithm", "algorithms", "alg",
    "scheme", "kind", "id", "ids", "index", "idx", "size", "bits", "num", "number", "limit", "store",
    "storage", "manager", "class", "backend", "provider", "loader", "source", "getter", "handler",
    "generator", "hash", "hashed", "hashes", "digest", "verifier", "check", "is", "has", "use", "enabled",
    "ref", "arn", "version", "position", "start", "end", "list", "usage", "cookie", "query",
    "tokenizer", "tokens", "mask", "masked", "encoding", "dim", "vocab", "embedding", "embeddings",
    "logits", "stream", "counter", "budget",
})
RANDOM_SECRET_WORDS = frozenset({"nonce", "salt", "otp", "totp", "hotp", "pin", "csrf", "xsrf", "sessionid",
                                 "sid", "iv", "captcha", "invite", "invitation"})
CODE_QUALIFIERS = frozenset({"verification", "verify", "otp", "reset", "confirm", "confirmation", "activation",
                             "auth", "login", "sms", "mfa", "twofa", "2fa", "invite", "invitation", "access",
                             "recovery", "backup", "security", "one", "pin", "magic", "email", "signup"})
LINK_QUALIFIERS = frozenset({"reset", "magic", "invite", "invitation", "activation", "confirm", "confirmation",
                             "login", "verification", "unsubscribe", "share", "download"})
SIGNATURE_WORDS = frozenset({"signature", "sig", "signed", "sign", "hmac", "mac", "authenticator"})


def words(identifier: str) -> list[str]:
    """``app.config['SECRET_KEY']`` style names and camelCase split into lower-case words."""
    tail = _PATH_SEPARATORS.split(identifier.strip(".[]'\""))[-1] if identifier else ""
    return [part.lower() for part in _CAMEL.findall(tail)]  # a match never spans a character that is not alphanumeric


def _names_key(parts: list[str]) -> bool:
    for index, word in enumerate(parts):
        if word in KEY_WORDS and index and parts[index - 1] in KEY_QUALIFIERS:
            return True
    return False


def is_password_name(identifier: str) -> bool:
    parts = words(identifier)
    return not PASSWORD_WORDS.isdisjoint(parts) and META_WORDS.isdisjoint(parts)


def is_secret_name(identifier: str) -> bool:
    """A name that holds a password, token or key: ``db_password``, ``API_KEY``, ``client_secret``."""
    if not SECRET_NAME_HINTS.search(_NOT_LETTER_OR_DIGIT.sub("", identifier).lower()):
        return False  # (most names: cheaper than splitting them into words)
    parts = words(identifier)
    if "cookie" in parts and any(a == "cookie" and b == "secret" for a, b in zip(parts, parts[1:])):
        return True  # Tornado's and JupyterHub's ``cookie_secret`` signs the session cookies
    if not parts or not META_WORDS.isdisjoint(parts):
        return False
    return (not SECRET_OR_PASSWORD_WORDS.isdisjoint(parts) or (not KEY_WORDS.isdisjoint(parts) and _names_key(parts))
            or "".join(parts) in SECRET_WORDS)


GAME_WORDS = frozenset({"word", "words", "number", "num", "letter", "color", "colour", "card", "guess", "move",
                        "animal", "item", "spot", "room", "door", "target", "answer"})


def is_random_secret_name(identifier: str) -> bool:
    """Broader than :func:`is_secret_name`: also nonces, salts, OTPs, verification codes, session ids.
    Not the ``secret_number`` of a guessing game."""
    parts = words(identifier)
    if GAME_WORDS.intersection(parts):
        return False
    if is_secret_name(identifier):
        return True
    if not parts or any(p in ("type", "length", "len", "size", "count", "num", "max", "min") for p in parts):
        return False
    if any(p in RANDOM_SECRET_WORDS for p in parts):
        return True
    for index, word in enumerate(parts):
        before = parts[:index]
        if word == "code" and any(q in CODE_QUALIFIERS for q in before):
            return True
        if word in ("id", "key") and before and before[-1] in ("session", "sess"):
            return True
        if word in ("link", "url") and any(q in LINK_QUALIFIERS for q in before):
            return True
    return False


def is_signature_name(identifier: str) -> bool:
    return any(p in SIGNATURE_WORDS for p in words(identifier))


# --- literal values -------------------------------------------------------------------------------

PLACEHOLDER = re.compile(
    r"^\W*$|\.\.\.|…|<[^<>]*>|\$\{|^\$\w+$|\{\{|\{\w*\}|%\(\w+\)s|\*{3}|[xX]{3}|_{3}|#{3}"
    r"|example|sample|dummy|placeholder|redacted|changeme|change[-_. ]?(?:me|this|it)|replace|insert|fill[-_ ]?in"
    r"|your|\bfake|\bmock|\btodo\b|fixme|goes[-_ ]?here|[-_ ]here\b|^(?:not[-_ ])?set$",
    re.IGNORECASE,
)
_ALPHA_RUNS = re.compile(r"[A-Za-z]+")
PLACEHOLDER_RUNS = frozenset({"test", "testing", "tests", "foo", "bar", "baz", "qux", "demo", "none", "null",
                              "nil", "undefined", "todo", "tbd", "here", "lorem", "ipsum", "xyz"})
WEAK_WORDS = frozenset({
    "password", "passwd", "pass", "pwd", "secret", "admin", "root", "changeme", "guest", "user", "default",
    "qwerty", "letmein", "mypassword", "mysecret", "mysecretpassword", "yourpassword", "secretkey",
    "mysecretkey", "secretpassword", "postgres", "mysql", "token", "key", "apikey", "dev", "development",
    "local", "localhost", "debug", "abc", "abcdef", "hunter", "tiger", "scott", "s", "pw", "sa", "master",
    "supersecret", "topsecret", "login", "welcome", "public", "private", "insecure", "unsafe", "empty",
})
SNAKE_CASE_WORDS = re.compile(r"^[a-z]+[0-9]*(?:_[a-z]+[0-9]*)+$")
KNOWN_PREFIX = re.compile(r"^(?:django-insecure-|sk-|sk_live_|rk_live_|ghp_|gho_|github_pat_|glpat-|xox[abpr]-"
                          r"|AKIA|ASIA|AIza|SG\.|hf_|eyJ)")


def is_placeholder(value: str) -> bool:
    """``your-secret-key``, ``<token>``, ``${API_KEY}``, ``xxxx``, ``changeme``, ``sk_test_...``."""
    text = value.strip()
    if PLACEHOLDER.search(text):
        return True
    if len(set(text.lower())) <= 2:
        return True
    runs = [run.lower() for run in _ALPHA_RUNS.findall(text)]
    if any(run in PLACEHOLDER_RUNS for run in runs):
        return True
    bare = re.sub(r"[^a-z]", "", text.lower())
    return (bare in WEAK_WORDS and char_classes(text) <= 2) or not bare and len(text) < 10 and text.isdigit()


def char_classes(value: str) -> int:
    return sum(bool(re.search(p, value)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9\s]"))


def entropy(value: str) -> float:
    if not value:
        return 0.0
    counts = {c: value.count(c) for c in set(value)}
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def looks_real(value: str, kind: str = "secret", strict: bool = False) -> bool:
    """Whether a literal reads as a real password/key a reader would copy, not a stand-in.

    ``kind`` is ``password``, ``secret`` (secret keys: any non-placeholder phrase counts), or
    ``token`` (API keys and tokens: must look machine-made).  ``strict`` is for fallback
    defaults (``os.getenv("KEY", "...")``), which only count when they look generated.
    """
    text = value.strip()
    if text.lower().startswith(("bearer ", "token ", "basic ")):
        text = text.split(None, 1)[1] if " " in text else ""
    if KNOWN_PREFIX.match(text) and not is_placeholder(text.split("-", 1)[-1] if text.startswith("django-") else text):
        return True
    if is_placeholder(text) or re.match(r"^[a-z]+://", text):
        return False
    if strict:
        return len(text) >= 16 and char_classes(text) >= 3 and entropy(text) >= 3.5
    if kind == "password":
        return len(text) >= 8 or (len(text) >= 6 and char_classes(text) >= 2)
    if kind == "token":
        if " " in text or SNAKE_CASE_WORDS.match(text):
            return False  # (``engine1_upgrades``: a name, not something a machine made)
        return len(text) >= 16 and (char_classes(text) >= 2 or entropy(text) >= 3.5) or (
            len(text) >= 10 and char_classes(text) >= 3)
    return len(text) >= 8


def kind_of(identifier: str) -> str:
    parts = words(identifier)
    if any(p in PASSWORD_WORDS for p in parts):
        return "password"
    if any(p in ("secret", "secrets", "secretkey") for p in parts) or (
            "key" in parts and any(p in ("signing", "sign", "hmac", "encryption", "fernet", "jwt", "session", "master")
                                   for p in parts)):
        return "secret"
    return "token"


# --- tree queries ---------------------------------------------------------------------------------

def line_of(node: ast.AST) -> int:
    return int(getattr(node, "lineno", 1))


def parents(code: PythonView) -> dict[ast.AST, ast.AST]:
    """Each node's parent: computed once per block by the view."""
    return code.parents


def target_name(code: PythonView, target: ast.AST) -> Optional[str]:
    """``x``, ``app.secret_key``, ``app.config['SECRET_KEY']`` (subscripts by their string key)."""
    if isinstance(target, (ast.Name, ast.Attribute)):
        return code.qualname(target) or (target.attr if isinstance(target, ast.Attribute) else None)
    if isinstance(target, ast.Subscript):
        key = target.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            container = code.qualname(target.value) or ""
            return f"{container}[{key.value!r}]"
    if isinstance(target, ast.Starred):
        return target_name(code, target.value)
    return None


def enclosing(node: ast.AST, up: dict[ast.AST, ast.AST], kinds: tuple[type, ...]) -> Optional[ast.AST]:
    current = up.get(node)
    while current is not None and not isinstance(current, kinds):
        current = up.get(current)
    return current


def enclosing_function(node: ast.AST, up: dict[ast.AST, ast.AST]) -> Optional[ast.FunctionDef | ast.AsyncFunctionDef]:
    found = enclosing(node, up, (ast.FunctionDef, ast.AsyncFunctionDef))
    return found if isinstance(found, (ast.FunctionDef, ast.AsyncFunctionDef)) else None


def destinations(code: PythonView, node: ast.AST, up: dict[ast.AST, ast.AST]) -> Iterator[str]:
    """The names a value flows into within its statement: assignment targets, the keyword or
    dict key it is passed as, and the enclosing function's name when it is returned."""
    child, current = node, up.get(node)
    while current is not None:
        if isinstance(current, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = current.targets if isinstance(current, ast.Assign) else [current.target]
            for target in targets:
                for element in (target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]):
                    name = target_name(code, element)
                    if name:
                        yield name
            return
        if isinstance(current, ast.NamedExpr):
            yield current.target.id
        elif isinstance(current, ast.keyword) and current.arg:
            yield current.arg
        elif isinstance(current, ast.Dict):
            for key, value in zip(current.keys, current.values):
                if value is child and isinstance(key, ast.Constant) and isinstance(key.value, str):
                    yield key.value
        elif isinstance(current, ast.Return) or (isinstance(current, ast.Lambda) and child is current.body):
            function = enclosing_function(current, up)
            if function is not None:
                yield function.name
            return
        elif isinstance(current, ast.arguments):
            return
        elif isinstance(current, ast.Subscript) and child is current.slice:
            return  # an index picks a value; it is not the value
        elif isinstance(current, ast.Call) and isinstance(current.func, ast.Name) and current.func.id in ("range", "len"):
            return
        elif isinstance(current, ast.stmt):
            return
        child, current = current, up.get(current)


def mentioned(node: ast.AST) -> Iterator[str]:
    """Identifiers a value is built from: names, attribute names and called functions."""
    for sub in ast.walk(node):
        if isinstance(sub, ast.Name):
            yield sub.id
        elif isinstance(sub, ast.Attribute):
            yield sub.attr
        elif isinstance(sub, ast.arg):
            yield sub.arg


def string_of(node: Optional[ast.AST]) -> Optional[str]:
    """A str or bytes literal's text (bytes decoded leniently)."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str):
            return node.value
        if isinstance(node.value, bytes):
            return node.value.decode("latin-1")
    return None


def uses_of(code: PythonView, name: str) -> Iterator[ast.Name]:
    for sub in code.nodes_of(ast.Name):
        if isinstance(sub, ast.Name) and sub.id == name and isinstance(sub.ctx, ast.Load):
            yield sub


def in_test(node: ast.AST, up: dict[ast.AST, ast.AST]) -> bool:
    """Inside a ``test_*`` function or a ``Test*`` class."""
    current = up.get(node)
    while current is not None:
        if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef)) and current.name.startswith("test"):
            return True
        if isinstance(current, ast.ClassDef) and (current.name.startswith("Test") or current.name.endswith("Test")
                                                  or current.name.endswith("Tests")):
            return True
        current = up.get(current)
    return False


def subscript_assignments(code: PythonView) -> Iterator[tuple[str, str, ast.expr, ast.AST]]:
    """``container[key] = value`` with a string key: (container, key, value, target)."""
    for node in code.nodes_of(ast.Assign):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant)
                        and isinstance(target.slice.value, str)):
                    yield code.qualname(target.value) or "", target.slice.value, node.value, target


# --- hashing --------------------------------------------------------------------------------------

HASH_NAMES = frozenset({"md4", "md5", "sha", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256",
                        "sha3_384", "sha3_512", "blake2b", "blake2s", "ripemd160", "sha512_256", "sha512_224"})
KDF_CALLS = frozenset({"pbkdf2_hmac", "scrypt", "hashpw", "checkpw", "kdf", "derive", "PBKDF2", "PBKDF2HMAC",
                       "Scrypt", "hash_secret", "hash_secret_raw", "argon2", "bcrypt", "generate_password_hash",
                       "make_password", "PasswordHasher", "encrypt", "hash"})
NOT_SECRET_USES = frozenset({"cache", "etag", "checksum", "fingerprint", "gravatar", "avatar", "filename", "file",
                             "chunk", "shard", "bucket", "dedup", "partition", "color", "colour", "seed"})


# The short names of the calls :func:`hash_algorithm` names an algorithm for.
HASH_CALLS = (*sorted(HASH_NAMES), "new")


def hash_algorithm(code: PythonView, call: "ast.Call", name: str) -> Optional[str]:
    """``md5`` for ``hashlib.md5(...)``, ``hashlib.new("md5", ...)``, ``MD5.new(...)``; else None."""
    parts = name.split(".")
    short = parts[-1]
    if short == "new" and len(parts) >= 2:
        if parts[-2] == "hashlib" and call.args:
            text = code.string_value(call.args[0])
            algorithm = text.lower().replace("-", "") if text else None
            return algorithm if algorithm in HASH_NAMES else None
        candidate = parts[-2].lower().replace("_", "")
        candidate = {"sha3256": "sha3_256", "sha3512": "sha3_512", "blake2b": "blake2b"}.get(candidate, candidate)
        if candidate in HASH_NAMES and (len(parts) == 2 or "Hash" in parts or "Crypto" in parts[0]):
            return candidate
        return None
    if short in HASH_NAMES and (len(parts) == 1 or parts[0] in ("hashlib", "_hashlib")):
        return short
    return None


def hashed_data(call: "ast.Call") -> Optional["ast.AST"]:
    if call.args and not isinstance(call.args[0], ast.Starred):
        first = call.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str) and len(call.args) > 1:
            return call.args[1]  # hashlib.new("md5", data)
        return None if isinstance(first, ast.Constant) and isinstance(first.value, str) else first
    for keyword in call.keywords:
        if keyword.arg in ("data", "string"):
            return keyword.value
    return None


def data_words(node: Optional["ast.AST"]) -> list[str]:
    """Identifiers and identifier-like string keys (``request.form["password"]``) a value is built from."""
    if node is None:
        return []
    found = list(mentioned(node))
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str) and re.fullmatch(r"[A-Za-z_]\w{0,40}", sub.value):
            found.append(sub.value)
    return found


def hash_updates(code: PythonView, call: "ast.Call") -> Iterator["ast.Call"]:
    """``h.update(x)`` calls on the name a hash constructor was assigned to."""
    for name, values in code.assignments.items():
        if any(value is call for value in values) and "." not in name:
            for other in code.calls:
                func = other.node.func
                if (isinstance(func, ast.Attribute) and func.attr == "update" and isinstance(func.value, ast.Name)
                        and func.value.id == name and other.node.args):
                    yield other.node


def flows_into_kdf(code: PythonView, node: "ast.AST", up: dict, depth: int = 0) -> bool:
    """Pre-hashing for a KDF: ``bcrypt.hashpw(base64.b64encode(sha256(pw).digest()), salt)``."""
    current = up.get(node)
    while current is not None and not isinstance(current, ast.stmt):
        if isinstance(current, ast.Call) and (code.qualname(current.func) or "").rsplit(".", 1)[-1] in KDF_CALLS:
            return True
        current = up.get(current)
    if depth > 3:
        return False
    for name in destinations(code, node, up):
        if "." in name or "[" in name:
            continue
        for use in uses_of(code, name):
            if flows_into_kdf(code, use, up, depth + 1):
                return True
    return False


def is_secret_function(name: str) -> bool:
    """``check_password``, ``hash_token``, ``make_api_key``: a function that handles a secret."""
    parts = words(name)
    return any(p in PASSWORD_WORDS or p in SECRET_WORDS for p in parts) or _names_key(parts)


def context_words(code: PythonView, node: "ast.AST", up: dict) -> list[str]:
    """Names around a value: where it goes and the function it is computed in."""
    names = list(destinations(code, node, up))
    function = enclosing_function(node, up)
    if function is not None:
        names.append(function.name)
    return names
