"""## What it does
Finds template values marked safe with the ``|safe`` or ``|safeseq``
filter (Django and Jinja), so they are rendered without HTML escaping.
Literals, numbers, CSRF tokens and values escaped or sanitised by an earlier
filter (``{{ x|escape|safe }}``, ``{{ data|tojson|safe }}``,
``{{ body|bleach|safe }}``) are left alone.

## Why is this bad?
``|safe`` tells the engine the value is already HTML.  When it holds
anything a user wrote (a comment, a profile field, a Markdown document, a
search term echoed back) that text becomes markup on the page, and a
``<script>`` or ``<img onerror=...>`` in it runs in the visitor's browser
(cross-site scripting).

## Example
```html+django
<div class="comment">{{ comment.body|safe }}</div>
```

## Use instead
```html+django
<div class="comment">{{ comment.body|linebreaksbr }}</div>
```
Let the engine escape the value.  When the value must carry markup, build
it in Python with ``format_html`` / ``Markup("...{}...").format(x)``, or
sanitise it with an HTML sanitiser (``nh3``, ``bleach``) and mark only the
sanitised result safe.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [Django: safe](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#safe)
- [Jinja: Working with Manual Escaping](https://jinja.palletsprojects.com/en/stable/templates/#working-with-manual-escaping)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.template import TemplateView
from ...model import Hit
from ..registry import rule
from ._values import escaped, ignored, plain_value

SAFE_FILTERS = ("safe", "safeseq")


@rule(
    id="DST002",
    symbol="template-safe-filter",
    title="Template value marked safe with |safe",
    severity="medium",
    confidence="medium",
    cwe=79,
    languages=("template",),
    triggers=("safe",),
    equivalent="none (Bandit B703 / Ruff S308 see only Python's mark_safe)",
    message="renders a value without HTML escaping (|safe); let the engine escape it",
    use_instead="{{ value }} (escaped), or a sanitiser before |safe",
)
def check(template: TemplateView) -> Iterator[Hit]:
    for expression in template.expressions:
        marker = next((name for name in expression.filters if name in SAFE_FILTERS), None)
        if marker is None or ignored(expression) or plain_value(expression) or escaped(expression, before=marker):
            continue
        yield Hit(expression.line, expression.column,
                  f"`{expression.written}` renders `{expression.variable}` without HTML escaping, so markup in it "
                  "runs in the page (XSS); drop `|" + marker + "` or sanitise the value (`nh3`, `bleach`) first")
