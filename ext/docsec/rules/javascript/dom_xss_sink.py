"""## What it does
Finds HTML written into the page from a value that is not a constant:
assignments to ``innerHTML`` and ``outerHTML`` (``=`` and ``+=``),
``document.write``/``writeln``, ``insertAdjacentHTML``,
``createContextualFragment``, React's ``dangerouslySetInnerHTML={{__html:
value}}``, jQuery's ``.html(value)`` and ``.append``/``.prepend``/``.after``/
``.before``/``.replaceWith`` given markup built from a value (Vue's ``v-html``
in a template is DSW011's).  Constants and values passed through a sanitizer
(``DOMPurify.sanitize``, ``sanitizeHtml``, ``escapeHtml``) are left alone.

## Why is this bad?
The browser parses the value as HTML: ``<img src=x onerror=alert(document.cookie)>``
in a user name runs script in every reader's session (DOM-based cross-site
scripting).

## Example
```javascript
const name = new URLSearchParams(location.search).get("name");
document.getElementById("greeting").innerHTML = `Hello, ${name}!`;
```

## Use instead
```javascript
document.getElementById("greeting").textContent = `Hello, ${name}!`;
```
Write text with ``textContent`` or ``createTextNode``; when HTML is really
needed, pass it through ``DOMPurify.sanitize`` first.  In React, render the
value as a child (``<p>{name}</p>``), which React escapes.

## References
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
- [OWASP DOM based XSS Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/DOM_based_XSS_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule
from ._values import is_outside

PROPERTIES = ("innerHTML", "outerHTML")
# jQuery: ``.html(value)`` parses any value as HTML; the inserting methods parse a string of markup.
JQUERY_HTML = frozenset({"html"})
JQUERY_INSERT = frozenset({"append", "prepend", "after", "before", "replaceWith", "wrap", "wrapAll", "wrapInner"})
WRITE_CALLS = frozenset({"write", "writeln"})
HTML_CALLS = frozenset({"insertAdjacentHTML", "createContextualFragment"})


@rule(
    id="DSW004",
    symbol="js-dom-xss-sink",
    title="HTML written into the page from a value (DOM XSS sink)",
    severity="high",
    cwe=79,
    languages=("javascript",),
    equivalent="eslint-plugin-no-unsanitized, react/no-danger",
    message="writes a value into the page as HTML; use textContent or sanitize it with DOMPurify",
    use_instead="element.textContent = value; or element.innerHTML = DOMPurify.sanitize(html)",
    name_triggers=("innerhtml", "outerhtml", "write", "writeln", "insertadjacenthtml", "createcontextualfragment",
                   "dangerouslysetinnerhtml"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for node in js.nodes_of("assignment_expression", "augmented_assignment_expression"):
        target, value = node.child_by_field_name("left"), node.child_by_field_name("right")
        prop = target.child_by_field_name("property") if target is not None and target.type == "member_expression" \
            else None
        if prop is not None and value is not None and js.text_of(prop) in PROPERTIES and is_outside(js, value):
            yield _hit(js, node, f"`{js.text_of(target, 40)} = {js.text_of(value, 40)}`")
    for call in js.calls_named(*WRITE_CALLS, *HTML_CALLS):
        if call.short in WRITE_CALLS and not call.name.endswith(("document.write", "document.writeln")):
            continue
        html = call.argument(1 if call.short == "insertAdjacentHTML" else 0)
        if html is not None and is_outside(js, html):
            yield _hit(js, call.node, f"`{call.written}({js.text_of(html, 40)})`")
    for call in js.calls_named(*JQUERY_HTML, *JQUERY_INSERT):
        if not _jquery(call.name) or not call.arguments:
            continue
        html = call.argument(0)
        if call.short in JQUERY_HTML and is_outside(js, html):
            yield _hit(js, call.node, f"`{call.written}({js.text_of(html, 40)})`")
        elif call.short in JQUERY_INSERT and _markup_with_outside_parts(js, html):
            yield _hit(js, call.node, f"`{call.written}({js.text_of(html, 40)})`")
    for name, value, attribute in js.jsx_attributes:
        if name != "dangerouslySetInnerHTML" or value is None:
            continue
        for key, html, _ in js.properties:
            if key == "__html" and value.start_byte <= html.start_byte < value.end_byte and is_outside(js, html):
                yield _hit(js, attribute, f"`dangerouslySetInnerHTML={{{{__html: {js.text_of(html, 40)}}}}}`")


def _jquery(name: str) -> bool:
    """A jQuery object's method: ``$(...).html``, ``jQuery(...).append``, ``$el.html`` (a ``$``-named variable)."""
    receiver = name.rsplit(".", 1)[0] if "." in name else ""
    return receiver.startswith(("$", "jQuery"))


def _markup_with_outside_parts(js: JavaScriptView, node: Any) -> bool:
    built, _ = js.built_through(node)
    return built is not None and "<" in built.text and any(is_outside(js, part) for part in built.dynamic)


def _hit(js: JavaScriptView, node: Any, what: str) -> Hit:
    return Hit(js.line(node), js.column(node),
               f"{what} writes the value into the page as HTML; write text with `textContent`, or pass HTML through "
               "`DOMPurify.sanitize` first")
