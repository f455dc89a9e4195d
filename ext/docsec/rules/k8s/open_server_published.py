"""## What it does
Finds Compose services running a server that answers without a password
(Redis, Memcached, MongoDB without root credentials, etcd, ZooKeeper,
Cassandra) with its port published on every interface of the host
(``ports: ["6379:6379"]``), and no authentication set in its command or
environment.  ``127.0.0.1:6379:6379``, ``expose:`` (other containers only)
and a password (``--requirepass``, ``MONGO_INITDB_ROOT_PASSWORD``) are fine.

## Why is this bad?
A published port listens on every address of the host: on a laptop that is
the café Wi-Fi, on a VM the internet.  The server then serves anyone who
finds the port, and scanners find open Redis and MongoDB ports within hours.

## Example
```yaml
services:
  cache:
    image: redis:7
    ports:
      - "6379:6379"
```

## Use instead
```yaml
services:
  cache:
    image: redis:7
    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD}"]
    ports:
      - "127.0.0.1:6379:6379"
```

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from ...languages.yaml import Entry, YamlView
from ...model import Hit
from .._services import OPEN_IMAGES, image_base, on_every_interface
from ..registry import rule


@rule(
    id="DSK011",
    symbol="open-server-published",
    title="Password-less server published on every interface in Compose",
    severity="medium",
    cwe=306,
    languages=("yaml",),
    equivalent="none",
    message="publishes a server that answers without a password on every interface; publish on 127.0.0.1 and set one",
    use_instead="ports: [\"127.0.0.1:6379:6379\"] and command: [redis-server, --requirepass, ${REDIS_PASSWORD}]",
    triggers=("ports",),
)
def check(yaml: YamlView) -> Iterator[Hit]:
    services: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for entry in yaml.entries:
        if len(entry.path) >= 3 and entry.path[0] == "services":
            services[entry.path[:2]].append(entry)
    for service, entries in services.items():
        image = next((e.value for e in entries if e.path == service + ("image",) and e.is_scalar), "")
        auth = OPEN_IMAGES.get(image_base(image)) if image else None
        if auth is None:
            continue
        if any(marker in e.value or marker in e.key for e in entries for marker in auth):
            continue  # a password or authentication in its command or environment
        for entry in entries:
            if entry.path == service + ("ports", "-") and on_every_interface(entry.value):
                yield Hit(entry.line, 1, f"`{service[1]}` publishes {image_base(image)} on `{entry.value}`, every "
                          "interface of the host, and it answers without a password; publish it on 127.0.0.1 "
                          "(`127.0.0.1:...`) and set a password")
                break
