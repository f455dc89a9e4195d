"""## What it does
Finds CORS set up to answer every origin *and* to allow credentials:

* Starlette / FastAPI: ``CORSMiddleware`` with ``allow_credentials=True``
  and ``allow_origins=["*"]`` (or an ``allow_origin_regex`` such as ``".*"``);
* Flask-CORS: ``CORS(app, supports_credentials=True)`` or
  ``@cross_origin(supports_credentials=True)`` without ``origins`` (its
  default is every origin) or with ``origins="*"``;
* django-cors-headers: ``CORS_ALLOW_ALL_ORIGINS = True`` (or the old
  ``CORS_ORIGIN_ALLOW_ALL``) together with ``CORS_ALLOW_CREDENTIALS = True``;
* headers written by hand: ``Access-Control-Allow-Origin`` set to the
  request's own ``Origin`` header (``request.headers.get("Origin")``,
  ``request.META["HTTP_ORIGIN"]``) in a block that also sends
  ``Access-Control-Allow-Credentials: true`` (Flask's ``response.headers``,
  Django's ``response[...]``, Tornado's ``set_header``, a dict of headers).

A wildcard without credentials is left alone: a public, read-only API may
answer everyone.

## Why is this bad?
Browsers refuse ``Access-Control-Allow-Origin: *`` with credentials, so
these libraries echo the caller's ``Origin`` back instead.  Any web site a
logged-in user visits can then send requests with the user's cookies and
read the answers: account data, CSRF tokens, API keys.

## Example
```python
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True,
                   allow_methods=["*"], allow_headers=["*"])
```

## Use instead
```python
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"],
                   allow_credentials=True, allow_methods=["GET", "POST"],
                   allow_headers=["Authorization", "Content-Type"])
```
List the front ends that need the user's session; keep ``"*"`` only for
APIs that take no cookies or ``Authorization`` header
(``allow_credentials=False``).

## References
- [CWE-942: Permissive Cross-domain Policy with Untrusted Domains](https://cwe.mitre.org/data/definitions/942.html)
- [Starlette: CORSMiddleware](https://www.starlette.io/middleware/#corsmiddleware)
- [MDN: CORS requests with credentials](https://developer.mozilla.org/en-US/docs/Web/HTTP/CORS#requests_with_credentials)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

ANY_ORIGIN_REGEX = re.compile(r"^\^?(?:https?(?:\?|\[s\]\?)?:(?://|\\/\\/))?\.[*+]\$?$")  # ".*", "https?://.*"
ALLOW_ALL_SETTINGS = ("CORS_ALLOW_ALL_ORIGINS", "CORS_ORIGIN_ALLOW_ALL")


@rule(
    id="DSP061",
    symbol="cors-any-origin-with-credentials",
    title="CORS allows credentials from every origin",
    severity="high",
    cwe=942,
    languages=("python",),
    equivalent="none in Bandit or Ruff; Semgrep's wildcard-cors rules (partly)",
    message="allows credentialed CORS requests from every origin; list the allowed origins",
    use_instead='CORSMiddleware(allow_origins=["https://app.example.com"], allow_credentials=True)',
    # CORSMiddleware, CORS, the CORS_ settings; Flask-CORS's decorator
    triggers=("cors", "cross_origin", "access-control-allow-origin"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named("add_middleware", "Middleware"):
        if _is_cors_middleware(code, call) and code.is_true(call.keyword("allow_credentials")) and (
                _any_origin(code, call.keyword("allow_origins"))
                or ANY_ORIGIN_REGEX.match(code.string_value(call.keyword("allow_origin_regex")) or "")):
            yield _hit(code, call, "`CORSMiddleware` with `allow_credentials=True`")
    for call in code.calls_named("CORS", "cross_origin"):
        if code.is_true(call.keyword("supports_credentials")) and _flask_any_origin(code, call):
            yield _hit(code, call, f"`{call.written}(..., supports_credentials=True)`")
    yield from _django_settings(code)
    yield from _reflected_origin(code)


def _hit(code: PythonView, call: Call, what: str) -> Hit:
    return Hit(call.line, code.column(call.node),
               f"{what} answers every origin: any site a signed-in user visits can read responses made with "
               "the user's cookies; list the allowed origins (`https://app.example.com`) instead of `*`")


def _is_cors_middleware(code: PythonView, call: Call) -> bool:
    middleware = call.argument(0, "middleware_class") or call.keyword("cls")
    return middleware is not None and (code.qualname(middleware) or "").endswith("CORSMiddleware")


def _any_origin(code: PythonView, origins: Optional[ast.expr]) -> bool:
    """``"*"`` or a list, tuple or set holding ``"*"``."""
    if origins is None:
        return False
    if code.string_value(origins) == "*":
        return True
    if isinstance(origins, ast.Name):
        values = code.assignments.get(origins.id, [])
        origins = values[0] if len(values) == 1 else origins
    return isinstance(origins, (ast.List, ast.Tuple, ast.Set)) and any(
        code.string_value(element) == "*" for element in origins.elts)


def _flask_any_origin(code: PythonView, call: Call) -> bool:
    """Flask-CORS answers every origin unless ``origins`` (given, or in ``resources``) says otherwise."""
    origins = call.keyword("origins")
    if origins is not None:
        return _any_origin(code, origins)
    resources = call.keyword("resources")
    if isinstance(resources, ast.Dict):
        options = [value for value in resources.values if isinstance(value, ast.Dict)]
        given = [value for option in options for key, value in zip(option.keys, option.values)
                 if code.string_value(key) == "origins"]
        return not given or any(_any_origin(code, value) for value in given)
    return resources is None  # a resources value docsec cannot read: not reported


def _django_settings(code: PythonView) -> Iterator[Hit]:
    assigned = code.assignments
    credentials = any(code.is_true(value) for value in assigned.get("CORS_ALLOW_CREDENTIALS", ()))
    if not credentials:
        return
    for name in ALLOW_ALL_SETTINGS:
        for value in assigned.get(name, ()):
            if code.is_true(value):
                yield Hit(value.lineno, code.column(value),
                          f"`{name} = True` with `CORS_ALLOW_CREDENTIALS = True` lets any site a signed-in user "
                          "visits read responses made with the user's cookies; list the front ends in "
                          "`CORS_ALLOWED_ORIGINS` instead")


ALLOW_ORIGIN = "access-control-allow-origin"
ALLOW_CREDENTIALS = "access-control-allow-credentials"
ORIGIN_READS = re.compile(r"""(?:headers|META)\b.*(?:["']origin["']|["']HTTP_ORIGIN["'])|\.origin\b""", re.IGNORECASE)


def _reflected_origin(code: PythonView) -> Iterator[Hit]:
    """``Access-Control-Allow-Origin`` set by hand to the request's ``Origin``, with credentials allowed."""
    headers = list(_header_values(code))
    if not any(name == ALLOW_ORIGIN for name, _ in headers):
        return
    parents = code.parents
    credentialed = {_scope(parents, value) for name, value in headers
                    if name == ALLOW_CREDENTIALS and (code.string_value(value) or "").strip().lower() == "true"}
    for name, value in headers:
        if name == ALLOW_ORIGIN and _scope(parents, value) in credentialed and \
                ORIGIN_READS.search(code.text_of(value, 200)):
            yield Hit(value.lineno, code.column(value),  # type: ignore[attr-defined]
                      f"`Access-Control-Allow-Origin` echoes the request's `Origin` (`{code.text_of(value, 40)}`) "
                      "with `Access-Control-Allow-Credentials: true`: any site a signed-in user visits can read "
                      "responses made with the user's cookies; compare the origin with an allow-list first")


def _scope(parents: dict, node: Optional[ast.AST]) -> Optional[ast.AST]:
    """The function a node is in (``None`` at module level): one response's headers are set together."""
    found: Optional[ast.AST] = node
    while found is not None and not isinstance(found, (ast.FunctionDef, ast.AsyncFunctionDef)):
        found = parents.get(found)
    return found


def _header_values(code: PythonView) -> Iterator[tuple[str, ast.expr]]:
    """(lower-case header name, value) for headers set as ``x[NAME] = value``, ``set_header(NAME, value)``,
    ``headers.add(NAME, value)`` and ``{NAME: value}``."""
    for node in code.nodes_of(ast.Assign):
        for target in getattr(node, "targets", []):
            if isinstance(target, ast.Subscript):
                name = code.string_value(target.slice)
                if name:
                    yield name.lower(), node.value  # type: ignore[attr-defined]
    for call in code.calls_named("set_header", "add_header", "add", "set", "setdefault", "__setitem__"):
        if len(call.node.args) >= 2:
            name = code.string_value(call.node.args[0])
            if name:
                yield name.lower(), call.node.args[1]
    for node in code.nodes_of(ast.Dict):
        for key, value in zip(getattr(node, "keys", []), getattr(node, "values", [])):
            name = code.string_value(key) if key is not None else None
            if name:
                yield name.lower(), value
