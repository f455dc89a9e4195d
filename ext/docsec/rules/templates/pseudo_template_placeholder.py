"""## What it does
Finds placeholders of *pseudo-templates* (HTML that shows where a value goes,
written for any engine: ``$varUnsafe``, ``${value}``, ERB's, EJS's and JSP's
``<%= value %>``, PHP's ``<?= $value ?>``) in the HTML contexts where
escaping for HTML does not make them safe, read with the same HTML contexts
as Django and Jinja templates (DST003, DST004):

* an unquoted attribute value (``<input value=${value}>``);
* the whole value of ``href``, ``src``, ``action`` or ``formaction``
  (``<a href="<%= params[:next] %>">``);
* inside a ``<script>`` element, an event handler (``onclick="go('$id')"``)
  or a ``javascript:`` URL;
* element text, when the placeholder says its value is untrusted
  (``$varUnsafe``, ``${userInput}``, ``<%= params[:q] %>``) or the engine
  writes it unescaped (``<%== %>``, ``<%- %>``, ``{{{ }}}``, ``<?= ?>``,
  JSP's ``<%= %>``).

Blocks labelled ``erb``, ``ejs``, ``jsp``, or ``html``/``xml`` (and
unlabelled HTML) that hold such placeholders and no Django or Jinja syntax
are read this way; ``{{ value }}`` placeholders stay DST003's and DST004's.
Numbers, literals and names that say the value was encoded or checked
(``$safeUrl``, ``${encodedName}``) are left alone, and so is a ``$name`` in a
script that does not say it is untrusted (``$el``, jQuery's ``$``).

## Why is this bad?
Security guides show these contexts to explain where untrusted data may go:
a reader who copies the HTML puts a value where a space starts a new
attribute, ``javascript:`` runs on a click, a quote ends a script string,
or markup runs (cross-site scripting).  Show the encoded form instead, or
mark the example as insecure.

## Example
```html
<a href="${url}">Continue</a>
<input value=${userInput}>
<script>var name = '$varUnsafe';</script>
```

## Use instead
```html
<a href="${encodedUrl}">Continue</a>
<input value="${encodedValue}">
<script id="init" type="application/json">${jsonEncodedData}</script>
```
Quote attributes, encode for the context (HTML attribute, URL, JavaScript
string), validate URLs' schemes, and pass data to scripts as JSON in a data
element.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [OWASP Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.template import ATTRIBUTE, SCRIPT, TEXT, Expression, TemplateView
from ...model import Hit
from ..registry import rule
from ._values import ignored, plain_value

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcdoc"})
UNTRUSTED = re.compile(r"unsafe|untrusted|tainted|user_?input|userinput|^input|params?\b|\bparams?\[|query|request"
                       r"|^q$|search|comment|user_?data|_GET|_POST|_REQUEST", re.IGNORECASE)
ENCODED = re.compile(r"(?<!un)safe(?!ty)|encoded|escaped|saniti[sz]ed|validated|checked|trusted|clean", re.IGNORECASE)


@rule(
    id="DST005",
    symbol="template-placeholder-in-unsafe-context",
    title="Pseudo-template placeholder where HTML escaping does not protect it",
    severity="medium",
    confidence="medium",
    cwe=79,
    languages=("template",),
    triggers=("$", "<%", "<?="),
    equivalent="none",
    message="puts a placeholder where escaping for HTML does not make it safe; quote and encode for the context",
    use_instead='<input value="${encodedValue}">',
)
def check(template: TemplateView) -> Iterator[Hit]:
    if template.dialect == "django":
        return
    for expression in template.expressions:
        if expression.written.startswith("{{") and not expression.written.startswith("{{{"):
            continue  # (DST003's and DST004's, as in Django and Jinja)
        found = _where(expression)
        if found:
            yield Hit(expression.line, expression.column,
                      f"`{expression.written}` {found}; quote attributes and encode for the context (HTML, URL, "
                      "JavaScript), or mark the example as insecure")


def _where(expression: Expression) -> Optional[str]:
    variable = expression.variable.strip()
    if ignored(expression) or plain_value(expression) or (ENCODED.search(variable) and not expression.raw):
        return None
    untrusted = bool(UNTRUSTED.search(variable))
    bare = expression.written.startswith("$") and not expression.written.startswith("${")
    if expression.context == ATTRIBUTE:
        name = expression.attribute
        if (name.startswith("on") and len(name) > 2) or \
                (name in URL_ATTRIBUTES and expression.before.strip().lower().startswith("javascript:")):
            return f"is in the `{name}` attribute's JavaScript, where HTML escaping does not stop it"
        if not expression.quote:
            return f"is the unquoted value of `{name}`: a space in it starts a new attribute"
        if name in URL_ATTRIBUTES and not expression.before.strip():
            return f"is the whole `{name}` URL, so `javascript:` or another site can be given"
        return "is written unescaped into an attribute" if expression.raw else None
    if expression.context == SCRIPT and (untrusted or not bare):
        return "is inside a `<script>` element, where HTML escaping does not stop it"
    if expression.context == TEXT and (untrusted or expression.raw):
        return "is written unescaped into the page" if expression.raw else \
            "puts untrusted data into the page's HTML"
    return None
