"""## What it does
Finds containers declared privileged in Kubernetes manifests, Helm values or
Docker Compose files: ``privileged: true`` (under a ``securityContext`` or a
Compose service), and the variables Ansible roles, Molecule platforms and
inventories pass it through (``container_privileged: true``).

## Why is this bad?
A privileged container has every capability and every host device: it can
mount the node's disks, load kernel modules and take over the node and the
other pods on it.  One flaw in the application, or a malicious image, is
then a compromise of the host.

## Example
```yaml
securityContext:
  privileged: true
```

## Use instead
```yaml
securityContext:
  privileged: false
  allowPrivilegeEscalation: false
  capabilities:
    drop: ["ALL"]
```

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [Kubernetes: Pod Security Standards](https://kubernetes.io/docs/concepts/security/pod-security-standards/)
"""

from __future__ import annotations

import re

from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule
from ._values import is_true


# ``privileged``, and the variables roles and inventories pass it through: ``container_privileged``,
# ``docker_privileged``, ``molecule_privileged``.
PRIVILEGED_KEY = re.compile(r"^(?:\w+_)?privileged$")


@rule(
    id="DSK001",
    symbol="k8s-privileged-container",
    title="Privileged container in Kubernetes or Compose YAML",
    severity="high",
    cwe=250,
    languages=("yaml",),
    triggers=("privileged",),
    equivalent="kube-linter privileged-container, Checkov CKV_K8S_16",
    message="`privileged: true` gives the container full control of the node; remove it and add only the capability needed",
    use_instead="securityContext: {privileged: false, allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    for entry in yaml.entries:
        if PRIVILEGED_KEY.match(entry.key) and is_true(entry.value):  # (also Ansible's ``container_privileged``)
            yield Hit(entry.line, 1, f"`{entry.key}: true` gives the container every capability and host device; "
                      "remove it and grant only the capability the workload needs")
