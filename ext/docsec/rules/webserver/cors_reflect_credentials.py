"""## What it does
Finds CORS configuration that sends back whatever ``Origin`` the request
carried together with ``Access-Control-Allow-Credentials: true``:

* nginx: ``add_header Access-Control-Allow-Origin $http_origin`` with
  ``add_header Access-Control-Allow-Credentials true`` where both apply;
* Apache: ``Header set Access-Control-Allow-Origin "%{HTTP_ORIGIN}e"`` (or
  ``expr=%{req:Origin}``) with ``Header set Access-Control-Allow-Credentials true``;
* Caddy: ``header Access-Control-Allow-Origin {http.request.header.Origin}``
  with the credentials header.

An origin checked first (an nginx ``map`` or ``if`` on ``$http_origin``, an
Apache ``SetEnvIf Origin`` allow-list) is left alone.

## Why is this bad?
The browser then lets any web site the user visits read responses made with
the user's cookies: the attacker's page fetches ``/api/account`` and reads
it, as if same-origin protection did not exist.

## Example
```nginx
location /api/ {
    add_header Access-Control-Allow-Origin $http_origin;
    add_header Access-Control-Allow-Credentials true;
}
```

## Use instead
```nginx
map $http_origin $cors_origin {
    default "";
    "https://app.example.com" $http_origin;
}
server {
    location /api/ {
        add_header Access-Control-Allow-Origin $cors_origin;
        add_header Access-Control-Allow-Credentials true;
    }
}
```
Allow a fixed list of origins, and send credentials only to them.

## References
- [CWE-942: Permissive Cross-domain Policy with Untrusted Domains](https://cwe.mitre.org/data/definitions/942.html)
- [PortSwigger: CORS vulnerabilities](https://portswigger.net/web-security/cors)
"""

from __future__ import annotations

from typing import Iterator, Optional

from ...languages.webserver import Directive, WebServerView
from ...model import Hit
from ..registry import rule

ORIGIN_VALUES = ("$http_origin", "%{http_origin}e", "expr=%{req:origin}", "{http.request.header.origin}",
                 "{header.origin}", "%{origin}e")
HEADER_DIRECTIVES = frozenset({"add_header", "more_set_headers", "header"})


@rule(
    id="DSN004",
    symbol="web-cors-reflects-origin-with-credentials",
    title="CORS reflects any Origin with credentials allowed (nginx, Apache, Caddy)",
    severity="high",
    cwe=942,
    languages=("webserver",),
    equivalent="none",
    message="echoes the request's Origin with Allow-Credentials true; allow a fixed list of origins",
    use_instead="map $http_origin $cors_origin { \"https://app.example.com\" $http_origin; }",
    triggers=("access-control-allow-origin",),
)
def check(view: WebServerView) -> Iterator[Hit]:
    headers = [(d, _header(d)) for d in view.directives if d.lower in HEADER_DIRECTIVES]
    for directive, header in headers:
        if header is None or header[0] != "access-control-allow-origin" or \
                not any(header[1].lower() == value for value in ORIGIN_VALUES):
            continue
        credentials = any(h is not None and h[0] == "access-control-allow-credentials" and h[1].lower() == "true"
                          and _applies(d, directive) for d, h in headers)
        if credentials and not _checked(view):
            yield Hit(directive.line, directive.column,
                      f"`{directive.written}` sends back any Origin while credentials are allowed, so every web "
                      "site can read your users' responses; allow a fixed list of origins (an nginx `map`, "
                      "`SetEnvIf Origin`)")


def _header(directive: Directive) -> Optional[tuple[str, str]]:
    """(header name lower-cased, value) that a header directive sets."""
    args = [a for a in directive.args if a.lower() not in ("always", "set", "onsuccess", "append", "add", "merge")]
    if directive.lower == "more_set_headers" and args:
        name, _, value = args[0].partition(":")
        return name.strip().lower(), value.strip()
    return (args[0].lstrip("+").lower(), args[1]) if len(args) >= 2 else None


def _applies(one: Directive, other: Directive) -> bool:
    """Both apply to one response: one's blocks enclose the other's, or the other way round."""
    shorter, longer = sorted((one.parents, other.parents), key=len)
    return longer[:len(shorter)] == shorter


def _checked(view: WebServerView) -> bool:
    """The origin is checked against a list somewhere in the block (``map``, ``if``, ``SetEnvIf Origin``)."""
    for directive in view.directives:
        if directive.lower in ("map", "if") and any("$http_origin" in a.lower() for a in directive.args):
            return True
        if directive.lower in ("setenvif", "setenvifnocase") and directive.args[:1] and \
                directive.args[0].lower() == "origin":
            return True
    return False
