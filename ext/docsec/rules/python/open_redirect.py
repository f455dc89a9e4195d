"""## What it does
Finds redirects to a URL the client chose: Flask's and Django's
``redirect(...)``, Django's ``HttpResponseRedirect``, Starlette's and
FastAPI's ``RedirectResponse``, aiohttp's ``HTTPFound`` and Tornado's
``self.redirect(...)`` given a value read from the request
(``request.args.get("next")``, ``request.GET["next"]``,
``request.query_params["url"]``, the ``Referer`` header, a route's query
parameter), directly or through a variable, also as the first choice of
``next or url_for("index")``.  A snippet that checks the target
(``url_has_allowed_host_and_scheme``, ``is_safe_url``, ``urlparse(...)`` of
it) and a redirect to ``url_for(...)`` or ``reverse(...)`` are left alone.

## Why is this bad?
A link to the real site, ``https://example.com/login?next=https://evil.example``,
sends the user to a page the attacker controls right after they signed in:
a convincing phishing page, or a way to leak tokens that travel in the URL.
Login views in tutorials take ``next`` this way and are copied as they are.

## Example
```python
@app.post("/login")
def login():
    login_user(authenticate(request.form))
    return redirect(request.args.get("next") or url_for("index"))
```

## Use instead
```python
from django.utils.http import url_has_allowed_host_and_scheme

def login_view(request):
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    return redirect(target)
```
In Flask, accept only a relative path on your own site (``urlsplit(target)``
with no scheme and no host) or look the target up in a list of endpoints.

## References
- [CWE-601: URL Redirection to Untrusted Site ('Open Redirect')](https://cwe.mitre.org/data/definitions/601.html)
- [OWASP: Unvalidated Redirects and Forwards Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import client_input, described_input, route_parameters

REDIRECTS = frozenset({"redirect", "redirect_to", "HttpResponseRedirect", "HttpResponsePermanentRedirect", "RedirectResponse",
                       "HTTPFound", "HTTPSeeOther", "HTTPMovedPermanently", "HTTPTemporaryRedirect",
                       "HTTPPermanentRedirect"})
LOCAL_URLS = frozenset({"url_for", "reverse", "reverse_lazy", "url_path_for", "resolve_url"})
CHECKS = re.compile(r"allowed_host|is_safe|safe_url|safe_redirect|urlparse|urlsplit|netloc", re.IGNORECASE)


@rule(
    id="DSP063",
    symbol="open-redirect",
    title="Redirect to a URL taken from the request",
    severity="medium",
    cwe=601,
    languages=("python",),
    equivalent="none (Semgrep python.flask.security.open-redirect, python.django.security.injection.open-redirect)",
    message="redirects to a URL the client chose, so links to this site can forward users anywhere (open redirect); "
            "check it with url_has_allowed_host_and_scheme or allow only local paths",
    use_instead="url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}) before redirect(target)",
    name_triggers=tuple(sorted(name.lower() for name in REDIRECTS)),
)
def check(code: PythonView) -> Iterator[Hit]:
    redirects = code.calls_named(*REDIRECTS)
    if not redirects or any(CHECKS.search(call.short) for call in code.calls):
        return
    parameters = route_parameters(code)
    for call in redirects:
        target = call.argument(0, "url") or call.argument(0, "location") or call.argument(0, "redirect_to")
        if target is None or _local(code, target):
            continue
        found = client_input(code, target, parameters)
        if found is not None:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}({code.text_of(target, 40)})` sends the browser where "
                      f"{described_input(code, found)} says, and the client writes that: a link to this site can "
                      "forward users to any site (open redirect); check the target with "
                      "`url_has_allowed_host_and_scheme` or allow only paths on this site")


def _local(code: PythonView, target: ast.AST) -> bool:
    """``url_for(...)``, ``reverse(...)``: a URL of this site, whatever its arguments."""
    return isinstance(target, ast.Call) and (code.qualname(target.func) or "").rsplit(".", 1)[-1] in LOCAL_URLS
