"""## What it does
Finds text marked as safe HTML that is not a fixed literal:
``django.utils.safestring.mark_safe(x)``, ``SafeString(x)``,
``markupsafe.Markup(x)`` (also ``flask.Markup``) with a variable, an
f-string, ``%`` or ``.format`` argument, and ``format_html`` given a string
that was already formatted (``format_html(f"<b>{name}</b>")``, directly or
through a variable built earlier in the block).  Literals,
``Markup.escape(x)``, ``format_html("<b>{}</b>", name)`` and values passed
through ``escape``/``bleach.clean`` are left alone.

## Why is this bad?
Marking a string safe tells the template engine not to escape it.  When the
string contains user input, that input reaches the page as markup and its
``<script>`` runs in the visitor's browser (cross-site scripting).
``format_html`` only escapes its *arguments*; a pre-formatted string gets
no escaping at all.

## Example
```python
from django.utils.safestring import mark_safe
greeting = mark_safe(f"<b>Hello {request.user.first_name}</b>")
```

## Use instead
```python
from django.utils.html import format_html
greeting = format_html("<b>Hello {}</b>", request.user.first_name)
```
Build HTML with ``format_html`` (Django) or ``Markup("<b>{}</b>").format(x)``
(MarkupSafe), which escape the values, and keep ``mark_safe``/``Markup`` for
constant markup.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [Django: format_html](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

SAFE_MARKERS = frozenset({"mark_safe", "Markup", "SafeString", "SafeText", "SafeUnicode"})
ESCAPING = frozenset({"escape", "conditional_escape", "format_html", "format_html_join", "clean", "linebreaks",
                      "urlize", "render_to_string", "render", "escapejs", "json_script", "strip_tags", "sanitize",
                      "Markup", "mark_safe"})


@rule(
    id="DSP022",
    symbol="mark-safe-non-literal",
    title="Non-literal text marked as safe HTML",
    severity="medium",
    cwe=79,
    languages=("python",),
    triggers=("mark_safe", "markup", "safestring", "safetext", "safeunicode", "format_html"),
    equivalent="Bandit B308/B703/B704, Ruff S308/S704",
    message="marks non-literal text as safe HTML; build it with format_html or escape the values",
    use_instead='format_html("<b>{}</b>", value) or Markup("<b>{}</b>").format(value)',
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.short in SAFE_MARKERS and "escape" not in call.name.split("."):
            argument = call.argument(0, "s") or call.argument(0, "base")
            if argument is not None and _not_literal(code, argument):
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}({_short(argument)})` marks text that is not a literal as safe HTML, so "
                          "values in it are not escaped (XSS); use `format_html(\"...{}...\", value)` or "
                          "`Markup(\"...{}...\").format(value)`")
        elif call.short == "format_html" and call.node.args and _preformatted(code, call.node.args[0]):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` is given an already formatted string, so nothing is escaped; pass the "
                      "values as arguments: `format_html(\"<b>{}</b>\", value)`")


def _not_literal(code: PythonView, node: ast.AST) -> bool:
    if code.is_constant(node):
        return False
    if isinstance(node, ast.Call):
        name = code.qualname(node.func) or ""
        if name.rsplit(".", 1)[-1] in ESCAPING:
            return False
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        if values and all(isinstance(v, ast.expr) and not _not_literal(code, v) for v in values):
            return False
    return True


def _preformatted(code: PythonView, node: ast.AST) -> bool:
    if isinstance(node, ast.Name):  # html = f"<b>{name}</b>" ... format_html(html)
        values = code.assignments.get(node.id, [])
        return any(isinstance(v, ast.expr) and not isinstance(v, ast.Name) and _preformatted(code, v) for v in values)
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"


def _short(node: ast.AST) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 40 else text[:37] + "..."
