"""Shared heuristics for the web-framework rules (DSP013, DSP020-DSP022).

What looks like a web application object, what text is SQL or HTML, and
which parts of a built string come from outside the snippet.  No rule lives
here (the module starts with ``_``).
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional, Sequence

from ...languages.python import PythonView
from .._text import SQL_STATEMENT, SQL_WORDS, looks_like_sql  # noqa: F401 - the rules import them from here

WEB_FRAMEWORKS = ("flask", "quart", "sanic", "dash", "bottle", "flask_socketio", "werkzeug", "connexion", "apiflask")
APP_NAME = re.compile(r"(?:^|_)(?:app|application|server|api|site|socketio|sio|webapp|flaskapp|web)(?:_|$)|app$|^app",
                      re.IGNORECASE)
NOT_APPS = ("asyncio", "loop", "trio", "anyio", "unittest", "pytest", "doctest", "subprocess", "ray", "mlflow")


def is_web_app(code: PythonView, receiver: Optional[ast.AST]) -> bool:
    """``app``, ``application``, ``flask_app``, ``socketio``, or an object built by a web framework."""
    if receiver is None:
        return False
    name = code.qualname(receiver) or ""
    if name.split(".")[0] in NOT_APPS:
        return False
    if name.split(".")[0] in WEB_FRAMEWORKS:
        return True
    if isinstance(receiver, ast.Name):
        for value in code.assignments.get(receiver.id, []):
            if isinstance(value, ast.Call) and (code.qualname(value.func) or "").split(".")[0] in WEB_FRAMEWORKS:
                return True
    tail = name.rsplit(".", 1)[-1].replace("()", "")
    return bool(APP_NAME.search(tail))


# --- SQL ------------------------------------------------------------------------------------------

SAFE_CONVERSIONS = frozenset({"int", "float", "len", "bool", "abs", "round", "sql.Identifier", "sql.Literal",
                              "quote_ident", "quote_identifier", "escape_string"})
PLACEHOLDER_TEXT = re.compile(r"^\s*(?:[?]|%s|:\w+|\$\d+|@\w+)\s*$")


HOLE = "\x00"
PERCENT_FIELD = re.compile(r"%(?:\(\w+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc]")
FORMAT_FIELD = re.compile(r"\{[^{}]*\}")
IDENTIFIER_BEFORE = re.compile(r"(?:\b(?:FROM|JOIN|INTO|UPDATE|TABLE|EXISTS|ON|DATABASE|SCHEMA|USE|DESCRIBE)\s+"
                               r"|\.)[\"`\[]?$", re.IGNORECASE)


class Built:
    """A string built from pieces: the constant text, the non-constant pieces, and a template
    with ``HOLE`` where each piece goes."""

    def __init__(self, text: str, dynamic: Sequence[ast.AST], how: str, template: str = ""):
        self.text, self.dynamic, self.how, self.template = text, dynamic, how, template

    @property
    def identifiers_only(self) -> bool:
        """Every piece names a table or schema (``FROM {table}``), none is a value."""
        parts = self.template.split(HOLE)
        return len(parts) > 1 and all(IDENTIFIER_BEFORE.search(before) for before in parts[:-1])


def built_string(code: PythonView, node: ast.AST) -> Optional[Built]:
    """Split an f-string, ``%`` format, ``.format`` call or ``+`` chain into text and pieces."""
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        template = "".join(HOLE if isinstance(v, ast.FormattedValue) else str(getattr(v, "value", "")) for v in node.values)
        return Built(text, [v.value for v in node.values if isinstance(v, ast.FormattedValue)], "an f-string", template)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        left = _text(code, node.left)
        if left is None:
            return None
        right = node.right
        pieces = list(right.elts) if isinstance(right, ast.Tuple) else (
            [v for v in right.values] if isinstance(right, ast.Dict) else [right])
        return Built(left, pieces, "`%` formatting", PERCENT_FIELD.sub(HOLE, left.replace("%%", "")))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        operands = _operands(node)
        texts = [_text(code, o) for o in operands]
        if not any(t is not None for t in texts):
            return None
        inner = [built_string(code, o) for o in operands if not isinstance(o, ast.Constant)]
        text = "".join(t for t in texts if t) + "".join(b.text for b in inner if b)
        dynamic = [o for o, t in zip(operands, texts) if t is None and built_string(code, o) is None]
        dynamic += [d for b in inner if b for d in b.dynamic]
        template = "".join(t if t is not None else HOLE for t in texts)
        return Built(text, dynamic, "string concatenation", template)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        fmt = _text(code, node.func.value)
        if fmt is None:
            return None
        return Built(fmt, [*node.args, *(k.value for k in node.keywords)], "`str.format`",
                     FORMAT_FIELD.sub(HOLE, fmt.replace("{{", "").replace("}}", "")))
    return None


def _operands(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _operands(node.left) + _operands(node.right)
    return [node]


def _text(code: PythonView, node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.Constant) and isinstance(node.value, bytes):  # b"Hello, %s!" % name
        return node.value.decode("latin-1")
    if isinstance(node, ast.Name):
        return code.string_value(node)
    return None


def is_outside_data(code: PythonView, node: ast.AST, depth: int = 0) -> bool:
    """A piece that may carry outside input: not a constant, a CONSTANT_NAME, a number
    conversion, or a join of bind placeholders (``", ".join("?" * len(ids))``)."""
    if depth > 6 or code.is_constant(node):
        return False
    if isinstance(node, ast.Name):
        if node.id.isupper():
            return False
        values = code.assignments.get(node.id, [])
        if values and all(isinstance(v, ast.expr) and not is_outside_data(code, v, depth + 1) for v in values):
            return False
        return True
    if isinstance(node, ast.Attribute) and node.attr.isupper():
        return False
    if isinstance(node, ast.Call):
        name = code.qualname(node.func) or ""
        if name in SAFE_CONVERSIONS or name.rsplit(".", 1)[-1] in SAFE_CONVERSIONS:
            return False
        if isinstance(node.func, ast.Attribute) and node.func.attr == "join":
            return any(is_outside_data(code, a, depth + 1) for a in node.args)
    if isinstance(node, (ast.GeneratorExp, ast.ListComp)):
        return is_outside_data(code, node.elt, depth + 1)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return is_outside_data(code, node.left, depth + 1) and is_outside_data(code, node.right, depth + 1) \
            if not (code.is_constant(node.left) or code.is_constant(node.right)) else False
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(is_outside_data(code, e, depth + 1) for e in node.elts)
    return True


# --- HTML -----------------------------------------------------------------------------------------

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
HTML_FILE = re.compile(r"\.(?:html?|xhtml|jinja2?|j2)$|html", re.IGNORECASE)


def string_constants(code: PythonView) -> Iterator[ast.Constant]:
    for node in code.nodes_of(ast.Constant):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node


def mentions_html(code: PythonView) -> bool:
    """The block renders HTML: ``.html`` template names, HTML tags in strings or responses."""
    for node in string_constants(code):
        text = str(node.value)
        if HTML_FILE.search(text.strip()) or HTML_TAG.search(text):
            return True
    return any(n in code.source for n in ("HTMLResponse", "text/html", "render_template", "make_response"))


# --- what the client sent -------------------------------------------------------------------------

# Attributes of a request object that hold what the client sent (Flask, Django, Starlette, aiohttp...).
# Not ``url``, ``path``, ``method``, ``user`` or ``session``: the server decides those.
REQUEST_INPUTS = frozenset({"args", "form", "values", "json", "get_json", "data", "GET", "POST", "query_params",
                            "query", "rel_url", "match_info", "path_params", "cookies", "COOKIES", "headers", "META",
                            "params", "body", "post"})
REQUEST_INPUT_KEYS = frozenset({"post_data", "get_data", "query_string", "args", "form", "params", "body", "json",
                                "query", "GET", "POST", "data"})
TORNADO_INPUTS = frozenset({"get_argument", "get_arguments", "get_query_argument", "get_query_arguments",
                            "get_body_argument", "get_body_arguments"})
ROUTE_DECORATORS = frozenset({"get", "post", "put", "patch", "delete", "route", "api_route", "websocket"})
# Decorators that parse the request into the function's arguments (webargs, flask-smorest).
INPUT_DECORATORS = frozenset({"use_args", "use_kwargs", "arguments"})
SERVER_SIDE_PARAMETERS = frozenset({"self", "cls", "request", "req", "response", "db", "session", "background_tasks"})
DEPENDENCIES = frozenset({"Depends", "Security"})
# Calls whose result still carries what the client passed them: readers of a request's fields and
# functions that reshape a string.
PASSES_INPUT_ON = frozenset({"get", "getlist", "getone", "getall", "get_json", "json", "pop", "strip", "lstrip",
                             "rstrip", "lower", "upper", "replace", "decode", "encode", "unquote", "unquote_plus",
                             "quote", "str", "format", "join", "urljoin", "urlunsplit", "urlunparse", "removeprefix",
                             "removesuffix", "parse_qs", "parse_qsl", "urlparse", "urlsplit", "read", "getvalue",
                             "getfirst", "FieldStorage"})
# A WSGI ``environ``'s entries the client writes (``environ["QUERY_STRING"]``, ``environ["wsgi.input"]``).
ENVIRON_INPUTS = re.compile(r"^(?:QUERY_STRING|PATH_INFO|REQUEST_URI|RAW_URI|wsgi\.input|HTTP_\w+|CONTENT_TYPE)$")
# What a ``BaseHTTPRequestHandler`` (``http.server``) reads from the client: ``self.path``, ``self.headers``.
HANDLER_INPUTS = frozenset({"path", "headers", "rfile", "requestline"})


def route_parameters(code: PythonView) -> frozenset[str]:
    """Parameters of route functions (``@app.get("/items/{id}")``, ``@app.route("/<path:url>")``):
    path and query parameters, which the client writes.  Not ``request``, ``self`` or a dependency."""
    found: set[str] = set()
    for function in code.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef):
        if not is_route(function):
            continue
        arguments: ast.arguments = function.args  # type: ignore[attr-defined]
        positional = [*arguments.posonlyargs, *arguments.args]
        defaults = dict(zip([a.arg for a in positional][len(positional) - len(arguments.defaults):], arguments.defaults))
        defaults.update((a.arg, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d is not None)
        numbers = _number_parameters(function)
        for argument in [*positional, *arguments.kwonlyargs]:
            default = defaults.get(argument.arg)
            dependency = isinstance(default, ast.Call) and (code.qualname(default.func) or "").rsplit(".", 1)[-1] in DEPENDENCIES
            if argument.arg not in SERVER_SIDE_PARAMETERS and not dependency and not _server_object(argument) \
                    and argument.arg not in numbers and not _number_annotation(argument):
                found.add(argument.arg)
    return frozenset(found)


# Route converters that only let numbers or UUIDs through: ``<int:post_id>``, ``{item_id:int}``.
NUMBER_CONVERTERS = re.compile(r"<(?:int|float|uuid):(\w+)>|\{(\w+):(?:int|float|uuid)\}")
NUMBER_TYPES = frozenset({"int", "float", "bool", "UUID", "uuid.UUID", "Decimal", "datetime", "date", "PositiveInt"})


# webargs/marshmallow fields that only let numbers, booleans, dates or UUIDs through.
NUMBER_FIELDS = frozenset({"Int", "Integer", "Float", "Decimal", "Number", "Bool", "Boolean", "UUID", "DateTime",
                           "Date", "Time", "TimeDelta"})


def _number_parameters(function: ast.AST) -> set[str]:
    """Route parameters and parsed fields that are numbers: ``<int:post_id>``, ``{"page": fields.Int()}``."""
    found: set[str] = set()
    for decorator in getattr(function, "decorator_list", []):
        if isinstance(decorator, ast.Call):
            for argument in decorator.args[:1]:
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    found.update(a or b for a, b in NUMBER_CONVERTERS.findall(argument.value))
                elif isinstance(argument, ast.Dict):
                    found.update(key.value for key, value in zip(argument.keys, argument.values)
                                 if isinstance(key, ast.Constant) and isinstance(key.value, str)
                                 and isinstance(value, ast.Call) and _field_name(value.func) in NUMBER_FIELDS)
    return found


def number_fields(code: PythonView) -> frozenset[str]:
    """The names of every number field parsed into route functions (``args["page"]`` holds a number):
    in the decorator's schema dict, or declared in a marshmallow ``Schema`` class of the block."""
    found = {name for function in code.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef)
             if is_route(function) for name in _number_parameters(function)}
    for node in code.nodes_of(ast.ClassDef):
        for statement in getattr(node, "body", []):
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call) \
                    and _field_name(statement.value.func) in NUMBER_FIELDS:
                found.update(t.id for t in statement.targets if isinstance(t, ast.Name))
    return frozenset(found)


def _field_name(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _number_annotation(argument: ast.arg) -> bool:
    annotation = argument.annotation
    name = annotation.attr if isinstance(annotation, ast.Attribute) else getattr(annotation, "id", "")
    return name in NUMBER_TYPES


def is_route(function: ast.AST) -> bool:
    """A function a web framework calls with what the client sent: ``@app.get(...)``, ``@app.route(...)``,
    ``@bp.post(...)``, or webargs' and flask-smorest's ``@use_args(...)`` / ``@blp.arguments(...)``."""
    for decorator in getattr(function, "decorator_list", []):
        if not isinstance(decorator, ast.Call):
            continue
        func = decorator.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if (isinstance(func, ast.Attribute) and name in ROUTE_DECORATORS) or name in INPUT_DECORATORS \
                or (isinstance(func, ast.Name) and name == "route"):  # Klein's and Bottle's bare ``@route(...)``
            return True
    return any(_exposed(decorator) for decorator in getattr(function, "decorator_list", []))


def _exposed(decorator: ast.AST) -> bool:
    """CherryPy's ``@cherrypy.expose`` (and ``@expose``): the method's parameters are the query's fields."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
    owner = getattr(getattr(target, "value", None), "id", "")
    return name == "expose" and owner in ("", "cherrypy")


def is_request_handler(function: ast.AST) -> bool:
    """A route, or a decorated function whose first parameter is the request (``@controller def hello(req)``,
    WebOb's and Pyramid's views): what it returns is the response."""
    if is_route(function):
        return True
    arguments = getattr(function, "args", None)
    positional = [*arguments.posonlyargs, *arguments.args] if arguments is not None else []
    first = positional[0].arg if positional and positional[0].arg not in ("self", "cls") else (
        positional[1].arg if len(positional) > 1 else "")
    return bool(getattr(function, "decorator_list", [])) and first in ("request", "req")


def _server_object(argument: ast.arg) -> bool:
    """A parameter annotated with a framework object (``Request``, ``Session``, ``BackgroundTasks``)."""
    annotation = argument.annotation
    name = annotation.attr if isinstance(annotation, ast.Attribute) else getattr(annotation, "id", "")
    return name in ("Request", "HttpRequest", "WebSocket", "Session", "AsyncSession", "BackgroundTasks", "Response")


def client_input(code: PythonView, node: ast.AST, parameters: frozenset[str], depth: int = 0) -> Optional[ast.AST]:
    """Where ``node`` takes what the client sent: ``request.args`` in ``request.args["next"]``,
    ``request.GET`` in ``request.GET.get("url")``, Tornado's ``self.get_argument(...)``, a route
    function's parameter; followed through names assigned one of those (three assignments deep).

    A call passes what the client sent on only when it reads or reshapes it (``.get``,
    ``.strip()``, ``unquote``, ``urljoin``, ``str.format``...): ``Post(title=request.form["t"]).url``
    and ``request.route_url("page", name=...)`` are values the server makes."""
    if depth > 3:
        return None
    pending = [node]
    while pending:
        sub = pending.pop()
        if isinstance(sub, ast.Attribute) and sub.attr in REQUEST_INPUTS and _is_request(code, sub.value):
            return sub
        if isinstance(sub, ast.Subscript) and _is_request(code, sub.value) and \
                code.string_value(sub.slice) in REQUEST_INPUT_KEYS:
            return sub  # ``req["post_data"]``: a request given as a dict (python3-saml's toolkit request)
        if _environ_input(code, sub) or _handler_input(code, sub) or _pseudo_header(code, sub):
            return sub
        if isinstance(sub, ast.Call):
            func = sub.func
            if isinstance(func, ast.Attribute) and func.attr in TORNADO_INPUTS:
                return sub
            pending.append(func)
            short = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if short in PASSES_INPUT_ON:
                pending.extend([*sub.args, *(keyword.value for keyword in sub.keywords)])
            continue
        if isinstance(sub, ast.Name):
            if isinstance(sub.ctx, ast.Store):
                continue
            if sub.id in parameters:
                return sub
            for value in code.assigned_where_read(sub):
                origin = client_input(code, value, parameters, depth + 1)
                if origin is not None:
                    return origin
            continue
        pending.extend(ast.iter_child_nodes(sub))
    return None


def _environ_input(code: PythonView, node: ast.AST) -> bool:
    """``environ["QUERY_STRING"]``, ``environ.get("PATH_INFO", "")``: a WSGI environ's client-written entries."""
    if isinstance(node, ast.Subscript):
        owner, key = node.value, code.string_value(node.slice)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args:
        owner, key = node.func.value, code.string_value(node.args[0])
    else:
        return False
    return getattr(owner, "id", "") in ("environ", "env") and bool(key) and bool(ENVIRON_INPUTS.match(key or ""))


def _pseudo_header(code: PythonView, node: ast.AST) -> bool:
    """``headers[":path"]`` (HTTP/2's request target, as h2 and hyper-h2 servers read it): the client's."""
    if not isinstance(node, ast.Subscript) or not isinstance(node.slice, ast.Constant):
        return False
    key = node.slice.value
    return key in (":path", b":path", ":authority", b":authority")


def _handler_input(code: PythonView, node: ast.AST) -> bool:
    """``self.path`` / ``self.headers`` inside a ``BaseHTTPRequestHandler`` subclass (what the client sent)."""
    if not (isinstance(node, ast.Attribute) and node.attr in HANDLER_INPUTS and getattr(node.value, "id", "") == "self"):
        return False
    return any(code.text_of(base).endswith("RequestHandler") and "tornado" not in code.text_of(base)
               for klass in code.nodes_of(ast.ClassDef) for base in getattr(klass, "bases", []))


def described_input(code: PythonView, origin: ast.AST) -> str:
    """How a message names what :func:`client_input` found."""
    if isinstance(origin, ast.Name):
        return f"the route parameter `{origin.id}`"
    return f"`{code.text_of(origin, 40)}`"


def _is_request(code: PythonView, node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return node.id in ("request", "req")
    name = code.qualname(node) or ""
    return name == "request" or name.endswith(".request")
