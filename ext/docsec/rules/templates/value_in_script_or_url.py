"""## What it does
Finds template values placed where HTML escaping does not protect them:

* inside a ``<script>`` element, an event-handler attribute
  (``onclick="track('{{ name }}')"``) or a ``javascript:`` URL, unless a
  JavaScript-safe filter encodes them (``|escapejs``, ``|tojson``,
  ``|json_script``);
* at the start of an ``href``, ``src``, ``action`` or ``formaction`` value
  when the value comes from the request or is a user's link
  (``href="{{ request.GET.next }}"``, ``href="{{ next }}"``,
  ``href="{{ comment.user.website }}"``), unless ``|urlencode`` encodes it.

Numbers, literals, CSRF tokens, settings constants, URLs the application
generates (``url_for(...)``, ``{% url %}``) and names that say the value was
checked (``safe_next_url``) are left alone.  Values in
client-side templates (``<script type="text/x-template">``,
``{% verbatim %}``) are not rendered by the server and are ignored.

## Why is this bad?
HTML escaping is made for element text and quoted attributes.  Inside
JavaScript, ``\\``, line breaks and ``</script>`` are not escaped, and the
browser decodes ``&#x27;`` back to a quote before it runs an event handler,
so the value breaks out of its string and runs as code.  A URL attribute
whose whole value is user data accepts ``javascript:alert(1)``, which runs
when the link is followed, and a ``next`` parameter sends visitors to any
site (open redirect).

## Example
```html+django
<script>
  const username = "{{ request.user.username }}";
</script>
<a href="{{ request.GET.next }}">Continue</a>
```

## Use instead
```html+django
{{ request.user.username|json_script:"username" }}
<script>
  const username = JSON.parse(document.getElementById("username").textContent);
</script>
<a href="{% url 'home' %}">Continue</a>
```
Hand data to scripts with ``|json_script`` (Django) or ``|tojson`` (Jinja);
check redirect targets on the server (``url_has_allowed_host_and_scheme``)
and only link to URLs the application built or validated (``http``/``https``
schemes).

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [CWE-601: URL Redirection to Untrusted Site ('Open Redirect')](https://cwe.mitre.org/data/definitions/601.html)
- [Django: json_script](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#json-script)
- [OWASP XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.template import ATTRIBUTE, SCRIPT, Expression, TemplateView
from ...model import Hit
from ..registry import rule
from ._values import is_literal, plain_value

JS_SAFE = frozenset({"escapejs", "tojson", "json_script", "json", "jsonify", "js"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcdoc"})
FROM_REQUEST = re.compile(r"^(?:request|req)\.(?:args|form|values|GET|POST|query_params|data|params|headers|META|COOKIES"
                          r"|cookies|referrer)\b|^(?:params|query_params)\s*[.\[]")
REDIRECT_NAME = re.compile(
    r"(?:^|[._])(?:next|next_url|next_page|redirect|redirect_to|redirect_url|redirect_uri|return_to|return_url|"
    r"came_from|continue_url|callback|callback_url|target_url|external_url|website|homepage|home_page)$")
USER_LINK = re.compile(r"(?:^|[._])(?:user|author|commenter|comment|profile|member|customer|owner|submitter|poster)"
                       r"(?:\.\w+)*\.(?:url|link|site|web_site)$")

# A name that says the value was checked (``safe_next_url``, ``validated_redirect``).
VALIDATED = re.compile(r"(?:^|[._])(?:safe|validated|checked|allowed|clean|cleaned|trusted|verified|sanitized)_\w+$")


@rule(
    id="DST004",
    symbol="template-value-in-script-or-url",
    title="Template value in JavaScript or a user-controlled URL",
    severity="medium",
    confidence="medium",
    cwe=79,
    languages=("template",),
    triggers=("{{",),
    equivalent="none",
    message="renders a value where HTML escaping does not protect it (script, event handler or URL)",
    use_instead='{{ value|json_script:"id" }} for scripts; validated URLs for links',
)
def check(template: TemplateView) -> Iterator[Hit]:
    for expression in template.expressions:
        found = _where(expression)
        if found:
            yield Hit(expression.line, expression.column, found)


def _where(expression: Expression) -> Optional[str]:
    if is_literal(expression) or plain_value(expression):
        return None
    shown = expression.written
    in_script = expression.context == SCRIPT
    handler = expression.context == ATTRIBUTE and (
        (expression.attribute.startswith("on") and len(expression.attribute) > 2)
        or (expression.attribute in URL_ATTRIBUTES and expression.before.strip().lower().startswith("javascript:")))
    if in_script or handler:
        if JS_SAFE & set(expression.filters):
            return None
        where = "a `<script>` element" if in_script else f"the `{expression.attribute}` attribute's JavaScript"
        return (f"`{shown}` in {where} is HTML-escaped, not JavaScript-escaped, so the value can break out of its "
                "string and run (XSS); pass data with `|json_script` (Django) or `|tojson` (Jinja), or `|escapejs`")
    if expression.context == ATTRIBUTE and expression.attribute in URL_ATTRIBUTES and not expression.before.strip() \
            and "urlencode" not in expression.filters and _user_url(expression.variable):
        return (f"`{expression.attribute}=\"{shown}\"` lets the user choose the whole URL, including "
                "`javascript:` (XSS) or another site (open redirect); validate it on the server "
                "(`url_has_allowed_host_and_scheme`) or link to a URL the application builds")
    return None


def _user_url(variable: str) -> bool:
    variable = variable.strip()
    if VALIDATED.search(variable):
        return False
    return bool(FROM_REQUEST.search(variable) or REDIRECT_NAME.search(variable) or USER_LINK.search(variable))
