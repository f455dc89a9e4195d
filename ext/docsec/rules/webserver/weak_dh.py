"""## What it does
Finds Diffie-Hellman parameter files named for a size under 2048 bits:
nginx's ``ssl_dhparam /etc/nginx/dhparam1024.pem`` and Apache's
``SSLOpenSSLConfCmd DHParameters "dh512.pem"`` (the file name says
``512``, ``768`` or ``1024``).

## Why is this bad?
DH groups of 1024 bits and less are within reach of precomputation by
well-funded attackers (the Logjam paper), and 512-bit export groups of
anyone; a key exchange in such a group can be broken and the session read.

## Example
```nginx
ssl_dhparam /etc/nginx/ssl/dhparam-1024.pem;
```

## Use instead
```nginx
ssl_dhparam /etc/nginx/ssl/ffdhe2048.pem;   # the RFC 7919 group, or drop DHE suites for ECDHE
```
Use a 2048-bit group or larger (RFC 7919's ``ffdhe2048``), or offer only
ECDHE key exchange.

## References
- [CWE-326: Inadequate Encryption Strength](https://cwe.mitre.org/data/definitions/326.html)
- [Weak Diffie-Hellman and the Logjam Attack](https://weakdh.org/)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.webserver import WebServerView
from ...model import Hit
from ..registry import rule

SMALL = re.compile(r"(?<!\d)(512|768|1024)(?!\d)")


@rule(
    id="DSN003",
    symbol="web-weak-dh-parameters",
    title="Diffie-Hellman parameters under 2048 bits (nginx, Apache)",
    severity="medium",
    cwe=326,
    languages=("webserver",),
    equivalent="none",
    message="uses a DH parameter file named for fewer than 2048 bits; use ffdhe2048 or larger",
    use_instead="ssl_dhparam /etc/nginx/ssl/ffdhe2048.pem;",
    triggers=("dhparam",),
)
def check(view: WebServerView) -> Iterator[Hit]:
    for directive in view.directives:
        if directive.lower == "ssl_dhparam" and directive.args:
            path = directive.args[0]
        elif directive.lower == "sslopensslconfcmd" and len(directive.args) >= 2 and \
                directive.args[0].lower() == "dhparameters":
            path = directive.args[1]
        else:
            continue
        size = SMALL.search(path.rsplit("/", 1)[-1])
        if size:
            yield Hit(directive.line, directive.column,
                      f"`{directive.written}` names a {size.group(1)}-bit Diffie-Hellman group, which precomputation "
                      "breaks (Logjam); use a 2048-bit group or larger (ffdhe2048), or ECDHE only")
