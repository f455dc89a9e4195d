"""## What it does
Finds secrets written as plain values into a container's environment in
Docker Compose files (``environment:`` as a mapping or as ``NAME=value``
items) and Kubernetes manifests (``env:`` items with ``name:`` and
``value:``): a variable whose name says it holds a secret
(``POSTGRES_PASSWORD``, ``API_KEY``, ``DJANGO_SECRET_KEY``) set to a value that
reads as a real one.  References (``${POSTGRES_PASSWORD}``,
``valueFrom: secretKeyRef``), placeholders (``changeme``, ``<password>``) and
names that point at a secret (``POSTGRES_PASSWORD_FILE``) are left alone.

## Why is this bad?
The file is committed, shared and copied: the password travels with it into
every repository, CI log and cluster that uses it, and ``docker inspect`` or
``kubectl get pod -o yaml`` shows it to anyone who may read the workload.
Readers of a tutorial keep the example password in production.

## Example
```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: Sup3r-S3cret!
```

## Use instead
```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD_FILE: /run/secrets/db_password
    secrets:
      - db_password
secrets:
  db_password:
    file: ./db_password.txt
```
or ``POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}`` from an ``.env`` file kept out
of version control; in Kubernetes, ``valueFrom: secretKeyRef:`` to a Secret.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [Docker docs: secrets in Compose](https://docs.docker.com/compose/how-tos/use-secrets/)
- [Kubernetes: using Secrets as environment variables](https://kubernetes.io/docs/tasks/inject-data-application/distribute-credentials-secure/)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.text import looks_like_secret, names_a_secret
from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule
from ._values import container_setting


@rule(
    id="DSK009",
    symbol="plaintext-env-secret",
    title="Secret written into a container's environment in Compose or Kubernetes YAML",
    severity="high",
    cwe=798,
    languages=("yaml",),
    triggers=("environment", "env"),
    equivalent="Checkov CKV_K8S_35 (prefer secrets as files), kube-linter env-var-secret",
    message="a secret is written into the container's environment in the file; reference a secret instead",
    use_instead="POSTGRES_PASSWORD_FILE: /run/secrets/db_password; valueFrom: secretKeyRef",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    entries = yaml.entries
    for index, entry in enumerate(entries):
        found = container_setting(entries, index)
        if found and names_a_secret(found[0]) and looks_like_secret(found[1], 8):
            yield Hit(entry.line, 1, f"`{found[0]}` is written into the container's environment in the file, where "
                      "every copy of it and `inspect` show it; reference a secret (`*_FILE: /run/secrets/...`, "
                      "`${VAR}` from an uncommitted .env, `valueFrom: secretKeyRef`)")
