"""## What it does
Finds HTTP requests the server makes to a URL the client chose: ``requests``
and ``httpx`` calls (``get``, ``post``, ``request``..., on the module, a
session or a client), ``urllib.request.urlopen`` and aiohttp's
``ClientSession`` methods given a value read from the request
(``request.args["url"]``, ``request.GET.get("target")``, a JSON body, a
route's query parameter), directly, through a variable or inside an
f-string (``f"{base}/{request.args['path']}"`` is not, a host the server
fixes; ``f"https://{host}/..."`` with the host from the client is).  A
snippet that parses the URL to check it (``urlparse``, ``urlsplit``,
``ipaddress``, an allow-list helper) is left alone.

## Why is this bad?
The request leaves from the server, inside its network: ``url=http://169.254.169.254/latest/meta-data/``
reads the cloud instance's credentials, ``http://localhost:6379/`` or
``http://admin.internal/`` reaches services that trust anything local, and
``file:///etc/passwd`` reads files when ``urlopen`` is the client.  "Fetch
this URL for me" endpoints (previews, webhooks, image proxies) in tutorials
are copied without the checks a deployment needs.

## Example
```python
@app.get("/preview")
def preview():
    return requests.get(request.args["url"], timeout=5).text
```

## Use instead
```python
ALLOWED_HOSTS = {"api.example.com", "images.example.com"}

@app.get("/preview")
def preview():
    url = urlsplit(request.args["url"])
    if url.scheme != "https" or url.hostname not in ALLOWED_HOSTS:
        abort(400)
    return requests.get(url.geturl(), timeout=5, allow_redirects=False).text
```
Allow only the schemes and hosts the feature needs, do not follow
redirects, and keep the server that fetches out of the internal network.

## References
- [CWE-918: Server-Side Request Forgery (SSRF)](https://cwe.mitre.org/data/definitions/918.html)
- [OWASP: Server-Side Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import client_input, described_input, route_parameters

METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "stream"})
CLIENT_MODULES = ("requests", "httpx", "aiohttp")
URLOPEN = frozenset({"urllib.request.urlopen", "urllib2.urlopen", "urlopen"})
CHECKS = re.compile(r"urlparse|urlsplit|ip_address|ip_network|is_private|allow|validate|is_safe", re.IGNORECASE)


@rule(
    id="DSP064",
    symbol="server-side-request-forgery",
    title="HTTP request to a URL taken from the request (SSRF)",
    severity="medium",
    cwe=918,
    languages=("python",),
    equivalent="none (Semgrep python.flask.security.injection.ssrf-requests, partial)",
    message="the server fetches a URL the client chose, which can reach internal services and cloud metadata "
            "(SSRF); allow only the schemes and hosts the feature needs",
    use_instead="urlsplit(url) and a check of scheme and hostname against an allow-list before requests.get",
    triggers=("requests", "httpx", "urlopen", "aiohttp", "clientsession"),
)
def check(code: PythonView) -> Iterator[Hit]:
    candidates = code.calls_named(*METHODS, "urlopen")
    if not candidates or any(CHECKS.search(call.short) for call in code.calls):
        return
    parameters: Optional[frozenset[str]] = None
    clients = _client_names(code)
    for call in candidates:
        url = _url_of(code, call, clients)
        if url is None or _fixed_host(url):
            continue
        parameters = route_parameters(code) if parameters is None else parameters
        found = client_input(code, url, parameters)
        if found is not None:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(...)` fetches `{code.text_of(url, 40)}`, which comes from "
                      f"{described_input(code, found)}: a client can make the server call internal services or the "
                      "cloud metadata address (SSRF); allow only the schemes and hosts the feature needs")


def _url_of(code: PythonView, call: Call, clients: set[str]) -> Optional[ast.expr]:
    """The URL argument of an HTTP client call, or ``None`` for any other call."""
    if call.name in URLOPEN or call.short == "urlopen":
        return call.argument(0, "url")
    if call.short not in METHODS:
        return None
    receiver = call.node.func.value if isinstance(call.node.func, ast.Attribute) else None
    resolved = code.resolve(call.node.func) or call.name
    if not resolved.startswith(CLIENT_MODULES) and not (isinstance(receiver, ast.Name) and receiver.id in clients):
        return None
    return call.argument(1, "url") if call.short == "request" or call.short == "stream" else call.argument(0, "url")


def _client_names(code: PythonView) -> set[str]:
    """Names bound by ``with httpx.Client() as client`` or ``async with aiohttp.ClientSession() as session``."""
    names = set()
    for statement in code.nodes_of(ast.With, ast.AsyncWith):
        for item in statement.items:  # type: ignore[attr-defined]
            made = item.context_expr.func if isinstance(item.context_expr, ast.Call) else None
            if made is not None and isinstance(item.optional_vars, ast.Name) and \
                    (code.qualname(made) or "").startswith(CLIENT_MODULES):
                names.add(item.optional_vars.id)
    return names


def _fixed_host(url: ast.expr) -> bool:
    """An f-string or ``+`` chain that starts with a scheme and a host written in the snippet
    (``f"https://api.example.com/{path}"``): the client picks the path, not the server."""
    first = url.values[0] if isinstance(url, ast.JoinedStr) and url.values else None
    if isinstance(url, ast.BinOp) and isinstance(url.op, ast.Add):
        left = url.left
        while isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add):
            left = left.left
        first = left
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return re.match(r"^[a-z][a-z0-9+.-]*://[^/{}\s]+/", first.value, re.IGNORECASE) is not None
    return False
