"""## What it does
Finds server-side template injection: a template *source* built from
outside data and then compiled, with Flask's ``render_template_string``,
``jinja2.Template``, ``Environment().from_string``, Mako's and Tornado's
``Template`` and Django's ``Template``.  A source counts as outside data
when it is built with an f-string, ``%``, ``+`` or ``.format`` from values
that are not constants (a view's parameter, ``request.args[...]``), or when
it comes straight from the request (``request.form["template"]``,
``request.get_data()``) or ``input()``.

A constant template that receives the values as context,
``render_template_string("Hello {{ name }}", name=name)``, is the safe form
and is not reported; nor is ``jinja2.sandbox.SandboxedEnvironment``.

## Why is this bad?
Template languages are programming languages: ``{{ ... }}`` in Jinja2 can
reach Python objects (``{{ cycler.__init__.__globals__.os.popen("id").read() }}``),
Mako runs ``<% %>`` blocks as Python.  Pasting user text into the template
source lets the user write that code: reading configuration and secrets,
and running commands on the server.  The "Hello, {name}" example is the
textbook case, and readers copy it.

## Example
```python
from flask import Flask, request, render_template_string
app = Flask(__name__)

@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    return render_template_string(f"<h1>Hello {name}!</h1>")
```

## Use instead
```python
from flask import Flask, request, render_template_string
app = Flask(__name__)

@app.route("/hello")
def hello():
    name = request.args.get("name", "world")
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)
```

## References
- [CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine](https://cwe.mitre.org/data/definitions/1336.html)
- [CWE-94: Improper Control of Generation of Code](https://cwe.mitre.org/data/definitions/94.html)
- [PortSwigger: Server-side template injection](https://portswigger.net/web-security/server-side-template-injection)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import built_string, is_outside_data

TEMPLATE_CLASSES = frozenset({"jinja2.Template", "jinja2.environment.Template", "mako.template.Template",
                              "tornado.template.Template", "django.template.Template", "django.template.base.Template"})
RENDER_STRING = frozenset({"render_template_string", "render_string_template"})
REQUEST_ROOTS = ("request.", "flask.request.", "quart.request.", "bottle.request.", "self.request.")


@rule(
    id="DSP053",
    symbol="template-injection",
    title="Template source built from outside data (SSTI)",
    severity="high",
    cwe=1336,
    languages=("python",),
    triggers=("template", "from_string"),
    equivalent="Semgrep python.flask.security.audit.render-template-string (partial)",
    message="the template source is built from outside data, so users can write template code that runs on "
            "the server; keep the template constant and pass values as context",
    use_instead='render_template_string("Hello {{ name }}", name=name)',
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if not _compiles_template(code, call):
            continue
        source = call.argument(0, "source")
        how = _untrusted(code, source) if source is not None else None
        if how:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(...)` compiles a template {how}, so a user can inject template code "
                      "that runs on the server; keep the template text constant and pass the values as context")


def _compiles_template(code: PythonView, call: Call) -> bool:
    if call.short in RENDER_STRING:
        return True
    if call.name in TEMPLATE_CLASSES:
        return True
    if call.short == "from_string" and isinstance(call.node.func, ast.Attribute):
        receiver = code.resolve(call.node.func.value) or ""
        return "Sandbox" not in receiver
    return False


def _untrusted(code: PythonView, node: ast.AST, depth: int = 0) -> Optional[str]:
    if depth > 3:
        return None
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        if len(values) == 1 and isinstance(values[0], ast.expr):
            return _untrusted(code, values[0], depth + 1)
        return None
    if _from_request(code, node):
        return "straight from the request"
    built = built_string(code, node)
    if built is not None and any(is_outside_data(code, piece) for piece in built.dynamic):
        return f"built with {built.how} from non-constant values"
    return None


def _from_request(code: PythonView, node: ast.AST) -> bool:
    for sub in ast.walk(node):
        if isinstance(sub, (ast.Attribute, ast.Call)):
            target = sub.func if isinstance(sub, ast.Call) else sub
            name = code.qualname(target) or ""
            if name.startswith(REQUEST_ROOTS) or (isinstance(sub, ast.Call) and name in ("input", "sys.stdin.read")):
                return True
    return False
