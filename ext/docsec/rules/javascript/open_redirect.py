"""## What it does
Finds redirects to a value read from the request or the page's URL:
Express/Koa ``res.redirect(req.query.next)``, ``ctx.redirect(...)``,
``res.location(...)``, ``res.writeHead(302, {Location: ...})``, and in the
browser ``location.href = ...``, ``location.assign(...)``,
``location.replace(...)``, ``window.location = ...`` and ``window.open(...)``
with a value from ``location.search``, ``URLSearchParams`` or the request
(``req.query``, ``req.params``, ``req.body``, ``req.get``...), directly or
through a variable of the example.

## Why is this bad?
A link to your own site that forwards to ``https://evil.example/login``
makes phishing pages look trusted; a ``javascript:`` URL runs script in the
page.

## Example
```javascript
app.get("/login/done", (req, res) => {
  res.redirect(req.query.next);
});
```

## Use instead
```javascript
const next = req.query.next;
res.redirect(next && next.startsWith("/") && !next.startsWith("//") ? next : "/");
```
Redirect only to paths of your own site, or to an allow-list of known
URLs.

## References
- [CWE-601: URL Redirection to Untrusted Site](https://cwe.mitre.org/data/definitions/601.html)
- [OWASP Unvalidated Redirects and Forwards Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule
from ._values import from_request

REDIRECT_CALLS = frozenset({"redirect", "location", "assign", "replace", "open"})
LOCATION_TARGETS = frozenset({"location", "window.location", "document.location", "location.href",
                              "window.location.href", "document.location.href", "top.location", "top.location.href"})


@rule(
    id="DSW005",
    symbol="js-open-redirect",
    title="Redirect to a URL taken from the request",
    severity="medium",
    cwe=601,
    languages=("javascript",),
    equivalent="none",
    message="redirects to a URL from the request; redirect only to your own paths or an allow-list",
    use_instead='res.redirect(next.startsWith("/") && !next.startsWith("//") ? next : "/")',
    name_triggers=("redirect", "location", "assign", "replace", "open", "writehead"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named(*REDIRECT_CALLS, "writeHead"):
        if call.short == "writeHead":
            for key, value, pair in js.properties:
                if key.lower() == "location" and call.node.start_byte <= pair.start_byte < call.node.end_byte \
                        and from_request(js, value):
                    yield _hit(js, pair, f"`{call.written}(..., {{Location: {js.text_of(value, 40)}}})`")
            continue
        if call.short in ("assign", "replace", "open") and not call.name.startswith(
                ("location.", "window.", "document.location.", "top.location.")):
            continue
        if call.short == "replace" and "location" not in call.name:
            continue  # str.replace, window.replace is not a thing
        target = call.argument(1) if call.short == "redirect" and len(call.arguments) > 1 else call.argument(0)
        if target is not None and from_request(js, target):
            yield _hit(js, call.node, f"`{call.written}({js.text_of(target, 40)})`")
    for name, values in js.assignments.items():
        if name in LOCATION_TARGETS:
            for value in values:
                if from_request(js, value):
                    yield _hit(js, value, f"`{name} = {js.text_of(value, 40)}`")


def _hit(js: JavaScriptView, node, what: str) -> Hit:
    return Hit(js.line(node), js.column(node),
               f"{what} redirects to a URL taken from the request; redirect only to your own paths "
               "(a leading `/`, not `//`) or to an allow-list")
