"""## What it does
Finds Jinja2 environments that render HTML without autoescaping:
``jinja2.Environment(autoescape=False)``, an ``Environment`` with no
``autoescape`` in a block that renders HTML templates (``.html`` names, HTML
in template strings), ``env.autoescape = False`` (also Flask's
``app.jinja_env``), and ``jinja2.Template("<p>{{ name }}</p>")`` - a
template object whose autoescaping is off - built from HTML with
unescaped expressions.  Mako escapes nothing unless told to, so a Mako
``Template("<p>${name}</p>")`` and a ``TemplateLookup`` for HTML templates
without ``default_filters=["h"]`` are reported too.

## Why is this bad?
Jinja2 does not escape by default.  Every ``{{ value }}`` that holds user
input then goes into the page as markup, so a comment or a user name
containing ``<script>`` runs in every visitor's browser (cross-site
scripting).

## Example
```python
from jinja2 import Environment, FileSystemLoader
env = Environment(loader=FileSystemLoader("templates"))
html = env.get_template("profile.html").render(user=user)
```

## Use instead
```python
from jinja2 import Environment, FileSystemLoader, select_autoescape
env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
html = env.get_template("profile.html").render(user=user)
```
Pass ``autoescape=select_autoescape()`` (or ``True``) for HTML and XML;
Flask and Django already autoescape ``.html`` templates.  For Mako, pass
``default_filters=["h"]`` to ``Template`` and ``TemplateLookup`` (or write
``${value | h}``).

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [Jinja2: Autoescaping](https://jinja.palletsprojects.com/en/stable/api/#autoescaping)
- [Mako: Filtering and Buffering](https://docs.makotemplates.org/en/latest/filtering.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import HTML_FILE, HTML_TAG, mentions_html

UNESCAPED_EXPRESSION = re.compile(r"\{\{(?:(?!\}\}).)*?\}\}", re.DOTALL)
ENVIRONMENTS = ("Environment", "SandboxedEnvironment", "NativeEnvironment")  # the short names _is_environment accepts
ESCAPED = re.compile(r"\|\s*(?:e|escape|forceescape|tojson|int|float|length|count)\b")
MAKO_EXPRESSION = re.compile(r"\$\{(?:(?!\}).)*\}", re.DOTALL)
MAKO_ESCAPED = re.compile(r"\|\s*(?:[\w\s,]*,\s*)?(?:h|x|u|n)\b")  # ${v | h}, ${v | x}, ${v | u}, ${v | n} (n: chosen)
MAKO_CALLS = ("mako.template.Template", "mako.lookup.TemplateLookup")


@rule(
    id="DSP021",
    symbol="jinja-autoescape-off",
    title="Jinja2 or Mako renders HTML without autoescaping",
    severity="medium",
    confidence="medium",
    cwe=79,
    languages=("python",),
    equivalent="Bandit B701/B702, Ruff S701/S702",
    message="renders HTML with Jinja2 autoescaping off; pass autoescape=select_autoescape()",
    use_instead="Environment(..., autoescape=select_autoescape())",
    # the environment and Template call names, `.autoescape` targets
    triggers=("environment", "template", "autoescape"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_named(*ENVIRONMENTS, "Template", "TemplateLookup"):  # the only calls the branches report
        if _is_mako(code, call):
            yield from _mako(code, call)
        elif _is_environment(code, call):
            autoescape = call.keyword("autoescape")
            if code.is_false(autoescape) or (autoescape is None and _renders_html(code, call)
                                             and not _has_kwargs(call)):
                shown = "autoescape=False" if autoescape is not None else "no autoescape"
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}(...)` with {shown} renders HTML templates unescaped (XSS); "
                          "pass `autoescape=select_autoescape()`")
        elif call.name in ("jinja2.Template", "Template"):
            source = code.string_value(call.argument(0, "source"))
            if source and HTML_TAG.search(source) and any(not ESCAPED.search(e) for e in UNESCAPED_EXPRESSION.findall(source)):
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}(...)` renders HTML with autoescaping off; use an `Environment` with "
                          "`autoescape=select_autoescape()` (or `|e` on every value)")
    for name, values in code.assignments.items():
        if name.endswith(".autoescape"):
            for value in values:
                if code.is_false(value):
                    yield Hit(value.lineno, code.column(value),
                              f"`{name} = False` turns off HTML escaping; keep autoescaping on")


def _is_mako(code: PythonView, call: Call) -> bool:
    return call.name in MAKO_CALLS or (call.name in ("Template", "TemplateLookup") and "mako" in code.source)


def _mako(code: PythonView, call: Call) -> Iterator[Hit]:
    filters = call.keyword("default_filters")
    if filters is not None and (not isinstance(filters, (ast.List, ast.Tuple))
                                or any(code.string_value(e) in ("h", "x") for e in filters.elts)):
        return  # escaping by default (or filters the block does not show)
    if call.short == "TemplateLookup":
        if _has_kwargs(call) or not mentions_html(code):
            return
        yield Hit(call.line, code.column(call.node),
                  f"`{call.written}(...)` renders HTML templates, and Mako escapes nothing by default (XSS); "
                  'pass `default_filters=["h"]`')
        return
    source = code.string_value(call.argument(0, "text")) or ""
    if HTML_TAG.search(source) and any(not MAKO_ESCAPED.search(e) for e in MAKO_EXPRESSION.findall(source)):
        yield Hit(call.line, code.column(call.node),
                  f"`{call.written}(...)` renders HTML, and Mako escapes nothing by default (XSS); "
                  'pass `default_filters=["h"]` or write `${value | h}`')


def _is_environment(code: PythonView, call: Call) -> bool:
    if call.name in ("jinja2.Environment", "jinja2.environment.Environment", "jinja2.sandbox.SandboxedEnvironment",
                     "jinja2.nativetypes.NativeEnvironment"):
        return call.name != "jinja2.nativetypes.NativeEnvironment"
    return call.name in ("Environment", "SandboxedEnvironment") and (
        call.keyword("loader") is not None or "jinja" in code.source.lower())


def _has_kwargs(call: Call) -> bool:
    return any(keyword.arg is None for keyword in call.node.keywords)


def _renders_html(code: PythonView, call: Call) -> bool:
    """Decide by the templates this environment loads when the block shows them, else by the block."""
    names = [name for name, values in code.assignments.items() if any(v is call.node for v in values)]
    templates = []
    for other in code.calls:
        func = other.node.func
        if (isinstance(func, ast.Attribute) and func.attr in ("get_template", "from_string", "select_template")
                and code.qualname(func.value) in names and other.node.args):
            templates.append(code.string_value(other.node.args[0]) or "")
    if templates:
        return any(HTML_FILE.search(t) or HTML_TAG.search(t) for t in templates)
    loader = call.keyword("loader")
    if loader is not None and any(HTML_FILE.search(c.value) or HTML_TAG.search(c.value)
                                  for c in ast.walk(loader) if isinstance(c, ast.Constant) and isinstance(c.value, str)):
        return True
    return mentions_html(code)
