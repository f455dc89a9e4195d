"""## What it does
Finds ``allowPrivilegeEscalation: true`` in a Kubernetes ``securityContext``.

## Why is this bad?
It lets a process in the container gain more privileges than its parent,
through setuid binaries or file capabilities, so an attacker who gets code
execution as the application user can become root in the container.  The
restricted Pod Security Standard requires it to be ``false``.

## Example
```yaml
securityContext:
  allowPrivilegeEscalation: true
```

## Use instead
```yaml
securityContext:
  allowPrivilegeEscalation: false
```

## References
- [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
- [Kubernetes: Configure a Security Context](https://kubernetes.io/docs/tasks/configure-pod-container/security-context/)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule
from ._values import is_true


@rule(
    id="DSK002",
    symbol="k8s-privilege-escalation",
    title="Container allowed to escalate privileges",
    severity="medium",
    cwe=269,
    languages=("yaml",),
    triggers=("allowprivilegeescalation",),
    equivalent="kube-linter privilege-escalation-container, Checkov CKV_K8S_20",
    message="`allowPrivilegeEscalation: true` lets processes gain root through setuid binaries; set it to false",
    use_instead="securityContext: {allowPrivilegeEscalation: false}",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    for entry in yaml.entries_named("allowPrivilegeEscalation"):
        if is_true(entry.value):
            yield Hit(entry.line, 1, "`allowPrivilegeEscalation: true` lets a process become root through setuid "
                      "binaries; set it to false")
