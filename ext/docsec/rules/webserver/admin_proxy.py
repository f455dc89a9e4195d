"""## What it does
Finds a web server that proxies requests to a local administration port
without asking who is calling: nginx's ``proxy_pass``, Apache's
``ProxyPass`` and Caddy's ``reverse_proxy`` to the Docker API (2375),
Caddy's admin API (2019), Elasticsearch (9200), RabbitMQ's management
(15672), Consul (8500), Vault (8200), Nomad (4646), Kibana (5601), the
kubelet (10250) or the Kubernetes API (6443) on ``localhost``,
``127.0.0.1`` or a container name, in a block with no access control (nginx
``allow``/``deny``, ``auth_basic``, ``auth_request``; Apache ``Require``,
``AuthType``; Caddy ``basic_auth``/``basicauth``, ``forward_auth``, a
``remote_ip`` matcher).

## Why is this bad?
These services trust whoever can reach them: they listen on localhost so
that only the machine can.  A public proxy in front hands that trust to the
internet: the Docker API runs containers as root on request, the admin APIs
reconfigure or stop the service.

## Example
```nginx
location /docker/ {
    proxy_pass http://127.0.0.1:2375/;
}
```

## Use instead
```nginx
location /docker/ {
    allow 10.0.0.0/8;
    deny all;
    auth_basic "admin";
    auth_basic_user_file /etc/nginx/htpasswd;
    proxy_pass http://127.0.0.1:2375/;
}
```
Keep administration APIs off public servers; when one must be proxied, limit
who may reach it (addresses, authentication) in the same block.

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [Docker: Protect the Docker daemon socket](https://docs.docker.com/engine/security/protect-access/)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.webserver import Directive, WebServerView
from ...model import Hit
from ..registry import rule

ADMIN_PORTS = {2375: "the Docker API", 2376: "the Docker API", 2019: "Caddy's admin API", 9200: "Elasticsearch",
               15672: "RabbitMQ's management API", 8500: "Consul", 8200: "Vault", 4646: "Nomad", 5601: "Kibana",
               10250: "the kubelet", 6443: "the Kubernetes API"}
TARGET = re.compile(r"^(?:https?://|h2c://)?(?:[\w.-]+|\[[\d:]+\])?:(\d+)(?:/|$)")
LIMITS = frozenset({"allow", "deny", "auth_basic", "auth_request", "auth_jwt", "satisfy", "require", "authtype",
                    "authname", "basic_auth", "basicauth", "forward_auth", "remote_ip", "client_ip",
                    "ssl_verify_client", "sslverifyclient"})


@rule(
    id="DSN005",
    symbol="web-proxy-to-admin-port",
    title="Administration port proxied without access control (nginx, Apache, Caddy)",
    severity="high",
    cwe=306,
    languages=("webserver",),
    equivalent="none",
    message="proxies the public to a local administration API; restrict who may reach it",
    use_instead="allow 10.0.0.0/8; deny all; auth_basic ...; proxy_pass http://127.0.0.1:2375/;",
    triggers=("proxy_pass", "proxypass", "reverse_proxy"),
)
def check(view: WebServerView) -> Iterator[Hit]:
    for directive in view.named("proxy_pass", "proxypass", "reverse_proxy"):
        targets = directive.args[1:] if directive.lower == "proxypass" else directive.args
        for target in targets:
            match = TARGET.match(target)
            port = int(match.group(1)) if match else 0
            if port in ADMIN_PORTS and not _limited(view, directive):
                yield Hit(directive.line, directive.column,
                          f"`{directive.written}` hands {ADMIN_PORTS[port]} (port {port}) to whoever reaches the "
                          "server, with no `allow`/`deny` or authentication in the block; keep it off public "
                          "servers or limit who may reach it")
                break


def _limited(view: WebServerView, directive: Directive) -> bool:
    """Access control in the directive's block or one around it (or, in Caddy, a matcher on its line)."""
    if view.server == "caddy" and directive.args and directive.args[0].startswith("@"):
        return True  # (a named matcher decides who gets here)
    return any(d.lower in LIMITS and d.parents == directive.parents[:len(d.parents)] for d in view.directives)
