"""## What it does
Finds redirects to a URL taken from the request, in Java, C#, PHP, Go, Ruby
and Rust: ``response.sendRedirect(request.getParameter("url"))``, ASP.NET's
``Redirect(returnUrl)``/``Response.Redirect(Request.Query["next"])``, PHP's
``header("Location: " . $_GET["next"])`` and Laravel's
``redirect($request->input("next"))``, Go's ``http.Redirect(w, r,
r.URL.Query().Get("next"), ...)``, Rails' ``redirect_to params[:return_to]``
and axum's or Rocket's ``Redirect::to(&params.next)`` (also ``temporary``,
``permanent``, ``see_other``) with a value of the query or form.
A parameter named like the ones frameworks bind from the query
(``returnUrl``, ``redirect_to``, ``next``) counts as taken from the request.

## Why is this bad?
A link to your own site that forwards to ``https://evil.example/login``
makes a phishing page look trusted.

## Example
```csharp
public IActionResult Login(string returnUrl)
{
    return Redirect(returnUrl);
}
```

## Use instead
```csharp
public IActionResult Login(string returnUrl)
{
    return Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : RedirectToAction("Index", "Home");
}
```
Redirect only to local paths (``Url.IsLocalUrl``, ``LocalRedirect``, a
leading ``/`` but not ``//``) or to an allow-list.

## References
- [CWE-601: URL Redirection to Untrusted Site](https://cwe.mitre.org/data/definitions/601.html)
- [OWASP Unvalidated Redirects and Forwards Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.code import CodeView
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES, from_request

SINKS = {"java": ("sendRedirect",), "csharp": ("Redirect", "RedirectPermanent"),
         "php": ("header", "redirect", "to", "away"), "go": ("Redirect",), "ruby": ("redirect_to", "redirect"),
         "rust": ("to", "temporary", "permanent", "see_other")}
TARGET = {"Redirect": 0, "sendRedirect": 0, "header": 0, "redirect": 0, "to": 0, "away": 0, "redirect_to": 0,
          "RedirectPermanent": 0}


@rule(
    id="DSL005",
    symbol="redirect-to-request-value",
    title="Redirect to a URL taken from the request (Java, C#, PHP, Go, Ruby, Rust)",
    severity="medium",
    cwe=601,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL open-redirect queries",
    message="redirects to a URL from the request; redirect only to local paths or an allow-list",
    use_instead="Url.IsLocalUrl(returnUrl) ? Redirect(returnUrl) : RedirectToAction(...)",
    name_triggers=("sendredirect", "redirect", "redirectpermanent", "header", "to", "away", "redirect_to"),
    # (Rust's ``Redirect::temporary`` holds ``redirect``)
)
def check(view: CodeView) -> Iterator[Hit]:
    for call in view.calls_named(*SINKS[view.language]):
        if view.language == "go" and call.name != "http.Redirect" or \
                view.language == "rust" and not call.name.endswith("Redirect." + call.short):
            continue
        index = 2 if view.language == "go" else TARGET.get(call.short, 0)
        target = call.argument(index)
        if target is None:
            continue
        if call.short == "header":
            built = view.built(target)
            if built is None or not built.text.lower().lstrip().startswith("location:"):
                continue
        if from_request(view, target) and not _checked(view, call.node):
            yield Hit(view.line(call.node), view.column(call.node),
                      f"`{view.text_of(call.node, 50)}` redirects to a URL taken from the request; redirect only "
                      "to local paths or an allow-list")


def _checked(view: CodeView, node) -> bool:
    """Inside a condition that checks the URL (``Url.IsLocalUrl``, ``startsWith("/")``, an allow-list)."""
    current = node.parent
    while current is not None:
        if current.type in ("conditional_expression", "if_statement", "ternary_expression", "conditional",
                            "if", "if_modifier", "if_expression"):
            condition = view.text_of(current)
            if any(word in condition for word in ("IsLocalUrl", "startsWith", "StartsWith", "start_with?",
                                                   "HasPrefix", "str_starts_with", "starts_with", "in_array", "include?",
                                                   "Contains", "allowed", "ALLOWED")):
                return True
        current = current.parent
    return False
