"""## What it does
Finds web servers configured to accept old TLS versions or weak ciphers:

* nginx: ``ssl_protocols`` naming ``SSLv2``, ``SSLv3``, ``TLSv1`` or
  ``TLSv1.1``; ``ssl_ciphers`` that enables ``RC4``, ``DES``/``3DES``,
  ``NULL``, ``EXPORT``, ``MD5`` or anonymous (``aNULL``, ``ADH``) suites
  (a name prefixed with ``!`` or ``-`` removes them and is fine);
* Apache: ``SSLProtocol`` that enables ``SSLv3``, ``TLSv1`` or ``TLSv1.1``
  (``all`` does, unless they are removed with ``-``), ``SSLCipherSuite``
  as ``ssl_ciphers``;
* Caddy: ``protocols tls1.0`` or ``tls1.1`` in a ``tls`` block.

## Why is this bad?
TLS 1.0 and 1.1 are deprecated (RFC 8996) and fall to downgrade and
padding-oracle attacks (BEAST, POODLE); RC4, DES, export and anonymous suites
let an attacker on the path read or change the traffic.

## Example
```nginx
ssl_protocols TLSv1 TLSv1.1 TLSv1.2;
ssl_ciphers HIGH:RC4:!aNULL;
```

## Use instead
```nginx
ssl_protocols TLSv1.2 TLSv1.3;
ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305;
```
Use Mozilla's SSL Configuration Generator ("intermediate" profile) for the
server and version you run.

## References
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [RFC 8996: Deprecating TLS 1.0 and TLS 1.1](https://www.rfc-editor.org/rfc/rfc8996)
- [Mozilla SSL Configuration Generator](https://ssl-config.mozilla.org/)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.webserver import Directive, WebServerView
from ...model import Hit
from ..registry import rule

OLD_NGINX = frozenset({"sslv2", "sslv3", "tlsv1", "tlsv1.1"})
OLD_APACHE = ("sslv2", "sslv3", "tlsv1", "tlsv1.1")
OLD_CADDY = frozenset({"tls1.0", "tls1.1"})
WEAK_CIPHER = re.compile(r"^(?:RC4|DES|3DES|DES-CBC3-SHA|NULL|eNULL|aNULL|EXPORT|EXP|MD5|ADH|AECDH|LOW|RC2|IDEA|SEED|PSK)$"
                         r"|(?:^|-)(?:RC4|DES|3DES|NULL|EXPORT|EXP|MD5|ADH|RC2)(?:-|$)", re.IGNORECASE)


@rule(
    id="DSN002",
    symbol="web-old-tls-or-weak-ciphers",
    title="Old TLS versions or weak ciphers accepted (nginx, Apache, Caddy)",
    severity="medium",
    cwe=327,
    languages=("webserver",),
    equivalent="testssl.sh, SSL Labs",
    message="accepts TLS 1.0/1.1 or weak ciphers; allow TLS 1.2 and 1.3 with modern AEAD suites",
    use_instead="ssl_protocols TLSv1.2 TLSv1.3; SSLProtocol -all +TLSv1.2 +TLSv1.3",
    triggers=("ssl_protocols", "ssl_ciphers", "sslprotocol", "sslciphersuite", "protocols", "ciphers"),
)
def check(view: WebServerView) -> Iterator[Hit]:
    for directive in view.directives:
        found = _finding(view, directive)
        if found:
            yield Hit(directive.line, directive.column,
                      f"`{directive.written}` {found}, which an attacker on the network path can exploit; allow TLS "
                      "1.2 and 1.3 with modern ciphers (Mozilla's intermediate profile)")


def _finding(view: WebServerView, directive: Directive) -> Optional[str]:
    name, args = directive.lower, [a.lower() for a in directive.args]
    if view.server == "nginx" and name == "ssl_protocols" or view.server == "caddy" and name == "protocols" and \
            directive.within("tls") is not None:
        old = sorted(set(args) & (OLD_NGINX if view.server == "nginx" else OLD_CADDY))
        return f"accepts {', '.join(old)}" if old else None
    if view.server == "apache" and name == "sslprotocol":
        enabled: set[str] = set()
        for arg in args:
            sign, version = (arg[0], arg[1:]) if arg[:1] in "+-" else ("+", arg)
            versions = set(OLD_APACHE) if version == "all" else {version}
            enabled = enabled - versions if sign == "-" else enabled | versions
        old = sorted(enabled & set(OLD_APACHE))
        return f"accepts {', '.join(old)}" if old else None
    if name in ("ssl_ciphers", "sslciphersuite") or view.server == "caddy" and name == "ciphers":
        suites = [part for arg in directive.args for part in re.split(r"[:\s,]+", arg) if part]
        weak = [s for s in suites if s[:1] not in "!-" and WEAK_CIPHER.search(s.lstrip("+"))]
        return f"enables weak ciphers ({', '.join(weak[:3])})" if weak else None
    return None
