"""## What it does
Finds ``{% autoescape off %}`` (Django) and ``{% autoescape false %}``
(Jinja) regions of an HTML template that render a value: a ``{{ ... }}``
inside the region that no filter escapes.  A block labelled as an HTML
template (``html+django``, ``htmldjango``, ``html+jinja``, ``django``) counts
even with no HTML element in it, when it is a fragment (fewer than five words
outside its constructs: ``{% autoescape off %}{{ body }}{% endautoescape %}``).
Plain-text templates (e-mail bodies: sentences and no HTML element) and
regions holding only constants, numbers or explicitly escaped values
(``{{ x|escape }}``, ``{{ items|escapeseq|join:", " }}``) are left alone.

## Why is this bad?
Inside the region the template engine stops escaping ``<``, ``>``, ``&`` and
quotes, so every value rendered there goes into the page as markup.  A
comment, a user name or a search term containing ``<script>`` then runs in
every visitor's browser (cross-site scripting).

## Example
```html+django
{% autoescape off %}
  <div class="comment">{{ comment.body }}</div>
{% endautoescape %}
```

## Use instead
```html+django
<div class="comment">{{ comment.body }}</div>
```
Leave autoescaping on.  For markup the application itself produced, mark
that one value safe where it is built in Python (``format_html``,
``Markup("<b>{}</b>").format(x)``); sanitise user-written HTML with a real
sanitiser (``nh3``, ``bleach``) before it is stored or shown.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [Django: autoescape](https://docs.djangoproject.com/en/stable/ref/templates/builtins/#autoescape)
- [Jinja: Autoescape Overrides](https://jinja.palletsprojects.com/en/stable/templates/#autoescape-overrides)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.template import TemplateView
from ...model import Hit
from ..registry import rule
from ._values import escaped, ignored, plain_value

OFF = ("off", "false")
# A block labelled as an HTML template with fewer words than this outside its constructs is a fragment of a page.
FRAGMENT_WORDS = 5


@rule(
    id="DST001",
    symbol="template-autoescape-off",
    title="Template region rendered without HTML escaping",
    severity="medium",
    cwe=79,
    languages=("template",),
    triggers=("autoescape",),
    equivalent="none (Bandit B701 / Ruff S701 see only Python)",
    message="turns HTML escaping off around rendered values; leave autoescaping on",
    use_instead="Leave autoescaping on; build trusted markup with format_html or Markup(...).format(...).",
)
def check(template: TemplateView) -> Iterator[Hit]:
    if not template.has_html and not (template.declared_html and template.words_outside < FRAGMENT_WORDS):
        return  # (a template that writes sentences and no element is a text message: Django's e-mails)
    for tag in template.tags:
        if tag.name != "autoescape" or tag.arguments.lower().strip("\"'") not in OFF:
            continue
        values = [e for e in template.expressions_between(tag.end, template.region_end(tag, "endautoescape"))
                  if not (ignored(e) or plain_value(e) or escaped(e))]
        if values:
            yield Hit(tag.line, tag.column,
                      f"`{{% autoescape {tag.arguments} %}}` renders `{values[0].written}` without HTML escaping "
                      "(XSS); leave autoescaping on and mark only markup the application built as safe")
