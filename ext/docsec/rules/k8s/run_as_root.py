"""## What it does
Finds containers told to run as root: Kubernetes ``runAsUser: 0`` or
``runAsNonRoot: false``, and Compose ``user: root`` / ``user: "0"`` /
``user: "0:0"``.

## Why is this bad?
A process running as root in the container owns everything in it and is one
kernel bug, mounted socket or writable host path away from root on the node.
Images that would run as an unprivileged user are forced back to root.

## Example
```yaml
securityContext:
  runAsUser: 0
```

## Use instead
```yaml
securityContext:
  runAsNonRoot: true
  runAsUser: 10001
```

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [Kubernetes: Pod Security Standards, Running as Non-root](https://kubernetes.io/docs/concepts/security/pod-security-standards/)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule
from ._values import is_false

ROOT_USER = re.compile(r"^(?:root|0)(?::(?:root|0))?$")


@rule(
    id="DSK004",
    symbol="k8s-run-as-root",
    title="Container set to run as root",
    severity="medium",
    cwe=250,
    languages=("yaml",),
    triggers=("runasuser", "runasnonroot", "services"),
    equivalent="kube-linter run-as-non-root, Checkov CKV_K8S_23",
    message="the container runs as root; set runAsNonRoot: true and a non-zero runAsUser",
    use_instead="securityContext: {runAsNonRoot: true, runAsUser: 10001}",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    for entry in yaml.entries:
        if entry.key == "runAsUser" and entry.value.strip() == "0":
            yield Hit(entry.line, 1, "`runAsUser: 0` runs the container as root; use a non-zero user id and "
                      "runAsNonRoot: true")
        elif entry.key == "runAsNonRoot" and is_false(entry.value):
            yield Hit(entry.line, 1, "`runAsNonRoot: false` allows the container to run as root; set it to true")
        elif entry.key == "user" and entry.is_scalar and "services" in entry.path[:-2] and ROOT_USER.match(entry.value.strip()):
            yield Hit(entry.line, 1, f"`user: {entry.value}` runs the service as root; use an unprivileged uid")
