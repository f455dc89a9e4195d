"""What credentials look like: the names that hold them, and values that are real rather than stand-ins.

One judgement for every rule and every language: a Python keyword, a YAML or
INI key, an environment variable, a command-line option or a JavaScript
property that names a password, secret key or token, and whether the literal
given to it would work as written and reads as a real credential.  The
labelling standard (``benchmarks/realdocs/LABELING.md``) is the yardstick: a
literal that works and looks real (``'192b...'``, ``'pass1234'``,
``'some-secret-key'``, ``'super_secret_production_password_123'``) is a
secret; an obvious placeholder (``'user'``, ``'pass'``, ``'password'``,
``'<your key>'``, ``'...'``, ``'XXXX'``, ``'EXAMPLE'``) is not.

The names are read as words (``client_secret``, ``rejectUnauthorized``,
``DB_PASSWORD`` and ``api-key`` alike); the values by the signs a stand-in
shows.  No view and no rule lives here.
"""

from __future__ import annotations

import math
import re

_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")  # matches only letters and digits
_PATH_SEPARATORS = re.compile(r"[.\[\]'\"]+")

PASSWORD_WORDS = frozenset({"password", "passwd", "passwort", "pwd", "pw", "passphrase", "pass", "pword",
                            "passcode", "passwords"})
SECRET_WORDS = frozenset({"secret", "secrets", "token", "credential", "credentials", "creds", "apikey",
                          "secretkey", "privatekey", "privkey", "privatekeys", "accesskey", "authtoken", "accesstoken",
                          "bearer", "signingkey", "seckey"})
# ``key`` names a secret only with one of these beside it: ``api_key``, not ``cache_key``.
KEY_QUALIFIERS = frozenset({"api", "secret", "private", "signing", "sign", "encryption", "encrypt", "aes",
                            "hmac", "master", "access", "auth", "crypto", "fernet", "jwt", "session",
                            "client", "license", "app", "consumer", "subscription", "webhook", "sk", "priv"})
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
    "logits", "stream", "counter", "budget", "existing",
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
    return (not PASSWORD_WORDS.isdisjoint(parts) or _glued_password(parts)) and META_WORDS.isdisjoint(parts)


# Words that end like a password word without being one.
NOT_PASSWORD_ENDINGS = frozenset({"bypass", "compass", "surpass", "overpass", "underpass", "trespass", "encompass",
                                  "impass", "repass", "subpass", "multipass", "renderpass", "highpass", "lowpass",
                                  "bandpass", "allpass"})
_GLUED_PASSWORD = re.compile(r"^[a-z]{2,}(?:password|passwd|pass|pwd|pw)$")


def _glued_password(parts: list[str]) -> bool:
    """``bindpass``, ``dbpassword``, ``rootpw``: a name run together with a password word at its end."""
    return len(parts) >= 1 and bool(_GLUED_PASSWORD.match(parts[-1])) and parts[-1] not in NOT_PASSWORD_ENDINGS


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
            or "".join(parts) in SECRET_WORDS or _glued_password(parts))


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
    "redis", "mongo", "mongodb", "rabbit", "rabbitmq", "elastic", "minio", "minioadmin", "airflow", "jupyter",
    "django", "flask", "app", "demo", "sample", "dbpass", "dbpassword", "pgpass",
})
SNAKE_CASE_WORDS = re.compile(r"^[a-z]+[0-9]*(?:_[a-z]+[0-9]*)+$")
KNOWN_PREFIX = re.compile(r"^(?:django-insecure-|sk-|sk_live_|rk_live_|ghp_|gho_|github_pat_|glpat-|xox[abpr]-"
                          r"|AKIA|ASIA|AIza|SG\.|hf_|eyJ)")


CREDENTIAL_NOUNS = frozenset({"token", "password", "passphrase", "key", "secret", "credentials", "pin", "passcode"})
STAND_IN_SHAPES = re.compile(
    r"^(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{2,}(?:[.-][A-Z]{2,})+|(?:foo|bar|baz|qux|quux)+\d*|__encrypt__.*|ENC\[.*\]|\$ANSIBLE_VAULT.*"
    r"|!vault.*|vault:v\d+:.*|AQIC.*|sops:.*)$", re.DOTALL)
# Passwords that only stand for one in writing (``hunter2`` from the IRC joke, the XKCD phrase).
FAMOUS_STAND_INS = frozenset({"hunter2", "correcthorsebatterystaple", "swordfish", "opensesame", "letmein123"})


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
    if re.sub(r"[^a-z0-9]", "", text.lower()) in FAMOUS_STAND_INS:
        return True
    if STAND_IN_SHAPES.match(text):
        return True  # ``SOME_ACCESS_KEY_FOR_VAULTS_USE``, ``foobarbaz``, ``__encrypt__...``, ``ENC[...]``, vaulted text
    if re.fullmatch(r"[a-z]+(?: [a-z]+){2,}", text) and text.rsplit(" ", 1)[-1] in CREDENTIAL_NOUNS:
        return True  # ``some personal github token``: a phrase naming what goes there (not ``super secret string``)
    if bare in WEAK_WORDS and re.fullmatch(r"[A-Za-z]+(?:[-_. ][A-Za-z]+)*", text):
        return True  # a bare word (``password``, ``secret-key``); ``pass1234``, ``admin123``, ``secret!`` are chosen
    return (not bare and len(text) < 5 and text.isdigit()) or describes_itself(text)


# Words a stand-in uses to say what it stands for: ``password-for-30001``, ``fallback-password``,
# ``password for key``, ``user_password``.  A value made only of these and a password word describes
# itself; one with any other word (``super_secret_production_password_123``, ``my-secret-passphrase``)
# works as written and reads as a chosen password.
DESCRIBING_WORDS = frozenset({
    "for", "of", "the", "a", "an", "my", "our", "some", "any", "this", "that", "fallback", "default", "cluster", "user", "users", "admin", "db",
    "database", "app", "application", "service", "server", "client", "key", "value", "string", "new", "old",
    "current", "initial", "other", "another", "second", "first", "root", "account", "login", "site", "web",
    "redis", "postgres", "mysql", "mongo", "ftp", "ssh", "smtp", "email", "mail", "proxy", "node", "master",
})
_PASSWORD_IN_WORD = re.compile(r"pass(?:word|wd|phrase)?|pwd", re.IGNORECASE)


def describes_itself(value: str) -> bool:
    """``password-for-30001``, ``fallback-password``, ``johnpassword``: a password word with words that
    describe it and nothing else but digits, or a short name glued in front of a password word."""
    parts = [p for p in (run.lower() for run in re.findall(r"[A-Za-z]+|\d+", value)) if not p.isdigit()]
    if not parts:
        return False
    password_parts = [p for p in parts if p in PASSWORD_WORDS]
    if password_parts:  # (``pass1234``, a password word and digits only, is a weak real password)
        return len(parts) > len(password_parts) and all(p in PASSWORD_WORDS or p in DESCRIBING_WORDS for p in parts)
    if len(parts) == 1 and not re.search(r"\d", value):
        # ``johnpassword``, ``alicepw``: a short name glued to a password word (``shopPass2023``, with
        # digits chosen after it, is a weak real password, as ``pass1234`` is)
        match = _PASSWORD_IN_WORD.search(parts[0])
        rest = _PASSWORD_IN_WORD.sub("", parts[0]) if match else parts[0]
        if match and len(rest) <= 6 and match.end() == len(parts[0]):
            return True
    if len(parts) != 1:
        return False
    # ``myuser``, ``adminuser``, ``rootpass``: two stand-in words glued into one
    word, stand_ins = parts[0], DESCRIBING_WORDS | PASSWORD_WORDS
    return any(word[:cut] in stand_ins and word[cut:] in stand_ins for cut in range(1, len(word)))


def char_classes(value: str) -> int:
    return sum(bool(re.search(p, value)) for p in (r"[a-z]", r"[A-Z]", r"[0-9]", r"[^A-Za-z0-9\s]"))


def entropy(value: str) -> float:
    if not value:
        return 0.0
    counts = {c: value.count(c) for c in set(value)}
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


# A value that names itself a secret (``some-secret-key``, ``my-top-secret``, ``myverysecretkey``) works as
# written: the labelling standard counts ``secret='some-secret-key'`` as a published secret.
_SECRET_WORD_IN_VALUE = re.compile(r"secret|passw|passphrase|token|private|credential|(?:api|auth|signing)[-_ ]?key",
                                   re.IGNORECASE)


WORDS_ONLY = re.compile(r"[A-Za-z]+(?:[-_ .]?[A-Za-z]+)*")  # ``my-client-secret``, ``apiToken``: names, not values


def looks_real(value: str, kind: str = "secret", strict: bool = False) -> bool:
    """Whether a literal reads as a real password/key a reader would copy, not a stand-in.

    ``kind`` is ``password`` (six characters or more), ``secret`` (secret keys: any
    non-placeholder phrase of eight or more), or ``token`` (API keys and tokens: must look
    machine-made, unless the value calls itself a secret).  ``strict`` (fallback defaults,
    ``os.getenv("KEY", "...")``) asks for a value that looks generated or calls itself a secret:
    the standard counts ``... or "fallback-secret"``, and not ``"dev"``.
    """
    text = value.strip()
    if kind == "signing":
        return _working_signing_key(text) or looks_real(text, "secret", strict)
    if kind == "issued":  # a client secret a provider issued: a value made only of words names it
        return not (not strict and WORDS_ONLY.fullmatch(text)) and looks_real(text, "secret", strict)
    if text.lower().startswith(("bearer ", "token ", "basic ")):
        text = text.split(None, 1)[1] if " " in text else ""
    if KNOWN_PREFIX.match(text) and not is_placeholder(text.split("-", 1)[-1] if text.startswith("django-") else text):
        return True
    if is_placeholder(text) or re.match(r"^[a-z]+://", text):
        return False
    if len(text) >= 8 and _SECRET_WORD_IN_VALUE.search(text) and not (
            kind == "token" and not strict and WORDS_ONLY.fullmatch(text)):
        return True  # (not an API key named for what it is, ``my-api-key``, ``apiToken``: the provider issues it)
    # (``strict``, a fallback default, is judged as a literal: the standard counts ``or "fallback-secret"``,
    # and its stand-ins, ``os.getenv("SECRET_KEY", "dev")``, are placeholders like any other)
    if kind == "password":
        return len(text) >= 6 or (len(text) == 5 and text.isdigit())  # (``12345``: the classic weak password)
    if kind == "token":
        if " " in text or SNAKE_CASE_WORDS.match(text):
            return False  # (``engine1_upgrades``: a name, not something a machine made)
        return len(text) >= 16 and (char_classes(text) >= 2 or entropy(text) >= 3.5) or (
            len(text) >= 10 and char_classes(text) >= 3)
    return len(text) >= 6  # (a secret key: ``secret!`` works as written)


def _working_signing_key(text: str) -> bool:
    """A key the application signs with works as written unless it only stands for one: ``"secret"``,
    ``"super-secret"`` and ``"my-secret-key"`` sign real sessions; ``"<your key>"``, ``"changeme"``, ``"dev"``,
    ``"SECRET_KEY"`` and ``"xxxx"`` stand for a key."""
    if len(text) < 6 or PLACEHOLDER.search(text) or len(set(text.lower())) <= 2 or STAND_IN_SHAPES.match(text):
        return False
    bare = re.sub(r"[^a-z]", "", text.lower())
    runs = [run.lower() for run in _ALPHA_RUNS.findall(text)]
    return bare not in SIGNING_STAND_INS and not any(run in PLACEHOLDER_RUNS for run in runs) \
        and not re.match(r"^[a-z]+://", text)


TOKEN_ALPHABET = re.compile(r"^[A-Za-z0-9_\-+/=.]+$")
CLASS_SWITCH = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[A-Z])(?=[a-z0-9])|(?<=[0-9])(?=[A-Za-z])")


def machine_made(value: str) -> bool:
    """A literal a machine generated (an API key, a token, a hex secret), told from names and ids people
    write (``my-project-id-12345``, ``bot-user-agent-v2``, ``MyApplicationName``): sixteen characters or
    more of a token's alphabet whose lower-case letters, capitals and digits switch again and again, with
    no lower-case word longer than eight letters in it."""
    text = value.strip()
    if len(text) < 16 or not TOKEN_ALPHABET.match(text) or is_placeholder(text):
        return False
    letters_digits = re.sub(r"[^A-Za-z0-9]", "", text)
    switches = len(CLASS_SWITCH.findall(letters_digits))
    longest_lower = max((len(run) for run in re.findall(r"[a-z]+", letters_digits)), default=0)
    longest_upper = max((len(run) for run in re.findall(r"[A-Z]+", letters_digits)), default=0)
    digits = sum(c.isdigit() for c in letters_digits)
    return switches >= max(4, len(letters_digits) / 5) and longest_lower <= 8 and longest_upper <= 12 \
        and entropy(text) >= 3.3 and (digits >= 2 or switches >= len(letters_digits) / 3)  # (not CamelCaseNames)


# A secret the application defines for itself (it signs sessions, cookies, tokens): any literal works as
# written, so a word like ``"secret"`` or ``"super-secret"`` is a working key, unlike a password or client
# secret that must match someone else's server.  Named ``SECRET_KEY``, ``app.secret_key``, ``JWT_SECRET``,
# ``SESSION_SECRET``, ``cookie_secret``, ``signing_key``; not ``client_secret`` or ``aws_secret_key``.
SIGNING_OWNERS = frozenset({"app", "flask", "django", "session", "sessions", "cookie", "cookies", "jwt", "signing",
                            "csrf", "wtf", "hmac", "signer", "serializer", "itsdangerous", "state", "remember"})
EXTERNAL_OWNERS = frozenset({"client", "consumer", "api", "aws", "access", "s3", "oauth", "app_secret", "twilio",
                             "stripe", "webhook", "account", "storage", "bot", "azure", "gcp", "minio", "sse"})
# (``"secret"`` alone names the thing, as ``"password"`` does: PyJWT's own ``jwt.encode(..., "secret")``.)
SIGNING_STAND_INS = frozenset({"dev", "development", "test", "testing", "debug", "local", "key", "secretkey",
                               "secret", "changeme", "none", "null", "signingkey", "jwtsecret"})


def is_signing_secret_name(identifier: str) -> bool:
    """``SECRET_KEY``, ``app.secret_key``, ``JWT_SECRET_KEY``, ``SESSION_SECRET``, ``cookie_secret``, ``signing_key``."""
    parts = words(identifier)
    if EXTERNAL_OWNERS.intersection(parts):
        return False
    if "signing" in parts and "key" in parts:
        return True
    return "secret" in parts and (parts[-2:] == ["secret", "key"] and len(parts) <= 3 or
                                  bool(SIGNING_OWNERS.intersection(parts)))


def shown_kind(kind: str) -> str:
    """How a message names a kind: ``signing key`` for ``signing``, ``secret`` for an ``issued`` one."""
    return {"signing": "signing key", "issued": "secret"}.get(kind, kind)


def kind_of(identifier: str) -> str:
    parts = words(identifier)
    if any(p in PASSWORD_WORDS for p in parts) or _glued_password(parts):
        return "password"
    if is_signing_secret_name(identifier):
        return "signing"
    if "secret" in parts and EXTERNAL_OWNERS.intersection(parts):
        return "issued"  # ``client_secret``, ``consumer_secret``, ``aws_secret``: issued by someone else
    if any(p in ("secret", "secrets", "secretkey") for p in parts) or (
            "key" in parts and any(p in ("signing", "sign", "hmac", "encryption", "fernet", "jwt", "session", "master")
                                   for p in parts)):
        return "secret"
    return "token"


