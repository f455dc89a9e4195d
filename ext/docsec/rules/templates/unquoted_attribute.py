"""## What it does
Finds template values written into an HTML attribute without quotes:
``<div class={{ css_class }}>``, ``<input value={{ query }}>``.  Numbers and
flags (``{{ item.pk }}``, ``{{ forloop.counter }}``, ``|length``), literals
and slugs are left alone.

## Why is this bad?
Autoescaping escapes ``<``, ``>``, ``&`` and quotes, but not spaces: an
unquoted value ends at the first space, and the rest becomes new attributes.
``x onmouseover=alert(document.cookie)`` as the value adds an event handler
that runs script in the visitor's browser (cross-site scripting) even with
autoescaping on.  Django's own documentation warns about this case.

## Example
```html+django
<div class={{ css_class }}>{{ message }}</div>
```

## Use instead
```html+django
<div class="{{ css_class }}">{{ message }}</div>
```
Always quote attribute values that hold template values.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [Django: Cross site scripting (XSS) protection](https://docs.djangoproject.com/en/stable/topics/security/#cross-site-scripting-xss-protection)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.template import ATTRIBUTE, TemplateView
from ...model import Hit
from ..registry import rule
from ._values import plain_value


@rule(
    id="DST003",
    symbol="template-unquoted-attribute",
    title="Template value in an unquoted HTML attribute",
    severity="medium",
    cwe=79,
    languages=("template",),
    triggers=("{{",),
    equivalent="none",
    message="writes a value into an unquoted attribute; quote the attribute value",
    use_instead='<div class="{{ css_class }}">',
)
def check(template: TemplateView) -> Iterator[Hit]:
    for expression in template.expressions:
        if expression.context == ATTRIBUTE and not expression.quote and not plain_value(expression) \
                and "urlencode" not in expression.filters:
            yield Hit(expression.line, expression.column,
                      f"`{expression.attribute}={expression.written}` is not quoted: a space in the value starts a "
                      f"new attribute such as `onmouseover=` (XSS) despite escaping; write "
                      f"`{expression.attribute}=\"{expression.written}\"`")
