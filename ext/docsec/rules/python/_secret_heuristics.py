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

from ...languages.credentials import (  # noqa: F401 - shared names, imported from here by the rules
    KEY_QUALIFIERS, KEY_WORDS, META_WORDS, PASSWORD_WORDS, SECRET_OR_PASSWORD_WORDS, SECRET_WORDS, _names_key,
    char_classes, entropy, is_password_name, is_placeholder, is_random_secret_name, is_secret_name,
    is_signature_name, kind_of, looks_real, words,
)
from ...languages.python import PythonView

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
