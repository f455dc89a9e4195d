"""## What it does
Finds web applications run in debug mode: Flask-style ``app.run(debug=True)``
(also Quart, Dash, Flask-SocketIO's ``socketio.run(app, debug=True)``),
Tornado's ``Application(..., debug=True)``, ``Starlette(debug=True)`` and
``FastAPI(debug=True)``, Bottle's ``bottle.debug(True)``,
``app.debug = True``, ``app.config["DEBUG"] = True`` /
``app.config.update(DEBUG=True)``, Werkzeug's ``run_simple(...,
use_debugger=True)`` or ``use_evalex=True``, and Django/Flask settings with
``DEBUG = True`` when the same settings are public (``ALLOWED_HOSTS``
containing ``"*"`` or ``"0.0.0.0"``) or are production settings.

## Why is this bad?
The Werkzeug debugger behind Flask's debug mode lets anyone who can reach
the page run Python code on the server from the error page.  Django's debug
pages show settings, SQL queries and source code to every visitor, and
Tornado's and Starlette's send tracebacks with source lines.  A debug
flag copied from a quick-start into a deployment is a remote code execution
or an information leak.

## Example
```python
from flask import Flask
app = Flask(__name__)
app.run(debug=True)
```

## Use instead
```python
import os
from flask import Flask
app = Flask(__name__)
app.run(debug=os.environ.get("FLASK_DEBUG") == "1")
```
Turn debugging on from the environment of the developer's machine
(``flask --app hello run --debug``, ``DJANGO_DEBUG=1``), never in code that
can ship, and keep ``ALLOWED_HOSTS`` to real host names.

## References
- [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
- [CWE-215: Insertion of Sensitive Information Into Debugging Code](https://cwe.mitre.org/data/definitions/215.html)
- [Flask: debug mode](https://flask.palletsprojects.com/en/stable/debugging/)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import line_of, parents, subscript_assignments
from ._web_helpers import is_web_app

RUN_METHODS = frozenset({"run", "run_server", "run_app"})
DEBUGGER_KEYWORDS = ("use_debugger", "use_evalex")
CONFIG_CALLS = frozenset({"update", "from_mapping"})
PUBLIC_HOSTS = frozenset({"*", "0.0.0.0", ".*"})
PRODUCTION = re.compile(r"\bprod(?:uction)?\b", re.IGNORECASE)
PRODUCTION_FILE = re.compile(r"^\s*#\s*(?:file:\s*)?[\w./-]*prod(?:uction)?[\w-]*\.py\b", re.IGNORECASE | re.MULTILINE)


@rule(
    id="DSP013",
    symbol="debug-server",
    title="Web application run in debug mode",
    severity="high",
    cwe=489,
    languages=("python",),
    equivalent="Bandit B201, Ruff S201",
    message="runs the application with debugging on; enable debug mode only from the local environment",
    use_instead="Take the debug flag from the environment; never set it in code that can ship.",
    # every branch needs a name or key holding `debug`: the `debug`, `use_debugger` and `DEBUG` keywords
    # of _debug_call, `.debug` and `DEBUG` targets, the "DEBUG" key; or the `use_evalex` keyword
    triggers=("debug", "use_evalex"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named(*DEBUG_APPLICATIONS, "debug"):
        shown = _debug_application(code, call)
        if shown:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., {shown})` sends tracebacks with source lines and local values to every "
                      "client that triggers an error; take the flag from the environment and keep it off where "
                      "others can connect")
    for call in code.calls_named(*RUN_METHODS, "run_simple", *CONFIG_CALLS):  # the only calls _debug_call reports
        shown = _debug_call(code, call)
        if shown:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., {shown})` starts the interactive debugger, which runs code for anyone "
                      "who can reach an error page; take the flag from the environment (`flask run --debug` locally)")
    for name, values in code.assignments.items():
        if name.endswith(".debug") and "." in name and is_web_app(code, _receiver(name, code)):
            for value in values:
                if code.is_true(value):
                    yield Hit(value.lineno, code.column(value),
                              f"`{name} = True` turns on the debugger; set it from the environment instead")
    for container, key, value, target in subscript_assignments(code):
        if key == "DEBUG" and container.endswith("config") and code.is_true(value):
            yield Hit(line_of(target), code.column(target),
                      f"`{container}['DEBUG'] = True` turns on the debugger; set it from the environment instead")
    yield from _settings(code)


# Application objects whose ``debug=True`` answers errors with tracebacks: Tornado, Starlette, FastAPI.
DEBUG_APPLICATIONS = {"Application": "tornado", "Starlette": "starlette", "FastAPI": "fastapi"}


def _debug_application(code: PythonView, call: Call) -> str:
    if call.short == "debug":  # Bottle's ``bottle.debug(True)``
        return "True" if call.name in ("bottle.debug",) and call.node.args and code.is_true(call.node.args[0]) else ""
    module = DEBUG_APPLICATIONS.get(call.short)
    if module is None or not code.is_true(call.keyword("debug")):
        return ""
    return "debug=True" if call.name.startswith(module) or module in code.source else ""


def _receiver(name: str, code: PythonView) -> ast.AST:
    return ast.Name(id=name.rsplit(".", 1)[0].split(".")[-1])


def _debug_call(code: PythonView, call: Call) -> str:
    func = call.node.func
    receiver = func.value if isinstance(func, ast.Attribute) else None
    if call.short in RUN_METHODS and code.is_true(call.keyword("debug")) and (
            is_web_app(code, receiver) or call.name.split(".")[0] in ("flask", "bottle", "werkzeug")):
        return "debug=True"
    if call.short in RUN_METHODS | {"run_simple"}:
        for keyword in DEBUGGER_KEYWORDS:
            if code.is_true(call.keyword(keyword)):
                return f"{keyword}=True"
    if call.short in CONFIG_CALLS and isinstance(receiver, ast.Attribute) and receiver.attr == "config":
        if code.is_true(call.keyword("DEBUG")):
            return "DEBUG=True"
    return ""


def _settings(code: PythonView) -> Iterator[Hit]:
    """``DEBUG = True`` in a settings module or config class that is public or for production."""
    up = parents(code)
    hosts = [v for v in code.assignments.get("ALLOWED_HOSTS", []) if isinstance(v, (ast.List, ast.Tuple))]
    public = any(code.string_value(e) in PUBLIC_HOSTS for v in hosts for e in v.elts)
    production_file: Optional[bool] = None  # looked for at the first ``DEBUG = True``
    for node in code.nodes_of(ast.Assign):
        if not (isinstance(node, ast.Assign) and code.is_true(node.value)
                and any(isinstance(t, ast.Name) and t.id == "DEBUG" for t in node.targets)):
            continue
        owner = up.get(node)
        in_production_class = isinstance(owner, ast.ClassDef) and PRODUCTION.search(
            re.sub(r"(?<=[a-z])(?=[A-Z])", " ", owner.name))
        if production_file is None:
            production_file = bool(PRODUCTION_FILE.search(code.source))
        if public or in_production_class or production_file:
            why = "with ALLOWED_HOSTS open to every host" if public else "in production settings"
            yield Hit(node.lineno, code.column(node),
                      f"`DEBUG = True` {why} shows tracebacks, settings and SQL to every visitor; "
                      "read it from the environment, e.g. `DEBUG = os.environ.get('DJANGO_DEBUG') == '1'`")
