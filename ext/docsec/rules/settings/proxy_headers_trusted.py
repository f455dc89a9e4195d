"""## What it does
Finds servers told to believe proxy headers (``X-Forwarded-For``,
``X-Forwarded-Proto``, ``Forwarded``) from every address: Gunicorn's and
Uvicorn's ``forwarded_allow_ips="*"`` (``--forwarded-allow-ips '*'``,
``FORWARDED_ALLOW_IPS=*``), ``trusted_proxies: ["0.0.0.0/0"]``,
``trustProxy: true`` (Fastify), Express's ``app.set("trust proxy", true)`` and
``app.enable("trust proxy")``, and nginx-style ``set_real_ip_from 0.0.0.0/0``, in
Python, JavaScript, YAML and JSON, configuration files and command lines.

## Why is this bad?
Proxy headers are only as true as the proxy that writes them.  Believed
from every client, they let anyone choose the address the application sees
(defeating rate limits, allow-lists and audit logs) and the scheme it
thinks it was reached by (so it builds ``https`` links, or marks cookies
secure, for plain HTTP requests).

## Example
```console
$ gunicorn app:app --bind 0.0.0.0:8000 --forwarded-allow-ips='*'
```

## Use instead
```console
$ gunicorn app:app --bind 0.0.0.0:8000 --forwarded-allow-ips='10.0.0.5'
```
List the addresses of your own proxies (the default is 127.0.0.1).

## References
- [CWE-348: Use of Less Trusted Source](https://cwe.mitre.org/data/definitions/348.html)
- [Gunicorn: forwarded_allow_ips](https://docs.gunicorn.org/en/stable/settings.html#forwarded-allow-ips)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.key_values import settings_of
from ...model import Hit
from ..registry import rule
from ._knobs import trusts_every_proxy


@rule(
    id="DSG004",
    symbol="proxy-headers-trusted-from-everyone",
    title="Proxy headers believed from every address",
    severity="medium",
    cwe=348,
    languages=("python", "shell", "yaml", "javascript", "text"),
    equivalent="none",
    message="believes X-Forwarded-* headers from every client; list your proxies' addresses",
    use_instead="forwarded_allow_ips='10.0.0.5' (your proxies only)",
    joined_triggers=("forwarded", "trusted", "trustproxy", "realip"),
)
def check(view: object) -> Iterator[Hit]:
    for setting in settings_of(view):
        if trusts_every_proxy(setting):
            yield Hit(setting.line, setting.column, f"`{setting.key}={setting.written}` believes proxy headers from "
                      "every client, so anyone chooses the address and scheme the application sees; list only "
                      "your own proxies' addresses")
