"""## What it does
Finds dangerous Linux capabilities added to containers: Kubernetes
``capabilities: add:`` and Compose ``cap_add:`` with ``ALL``, ``SYS_ADMIN``,
``NET_ADMIN``, ``SYS_MODULE``, ``SYS_PTRACE``, ``SYS_RAWIO``, ``BPF``,
``PERFMON`` or ``DAC_READ_SEARCH`` (with or without the ``CAP_`` prefix).

## Why is this bad?
These capabilities break the container boundary: ``SYS_ADMIN`` is "the new
root" (mount, namespaces, BPF), ``SYS_MODULE`` loads kernel code,
``SYS_PTRACE`` reads other processes' memory, ``NET_ADMIN`` rewrites the
node's network, ``ALL`` is nearly ``privileged``.

## Example
```yaml
securityContext:
  capabilities:
    add: ["SYS_ADMIN"]
```

## Use instead
```yaml
securityContext:
  capabilities:
    drop: ["ALL"]
    add: ["NET_BIND_SERVICE"]
```

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [capabilities(7)](https://man7.org/linux/man-pages/man7/capabilities.7.html)
"""

from __future__ import annotations

import re

from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule

DANGEROUS = frozenset({
    "ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "BPF", "PERFMON", "DAC_READ_SEARCH",
    "SYS_BOOT",
})


ADDED_LIST = re.compile(r"^\w+_(?:capabilities|cap_add)$")


@rule(
    id="DSK006",
    symbol="k8s-capabilities-added",
    title="Dangerous Linux capability added to a container",
    severity="high",
    cwe=250,
    languages=("yaml",),
    triggers=("capabilities", "cap_add"),
    equivalent="Checkov CKV_K8S_39 (SYS_ADMIN only)",
    message="a capability that breaks container isolation is added; drop ALL and add only narrow ones",
    use_instead="capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    for entry in yaml.entries:
        path = entry.path
        if entry.key != "-" or len(path) < 2:
            continue
        added = (path[-2] == "add" and len(path) >= 3 and path[-3] == "capabilities") or path[-2] == "cap_add" \
            or ADDED_LIST.match(path[-2]) is not None  # (inventory variables: ``container_capabilities``)
        capability = entry.value.strip().upper().removeprefix("CAP_")
        if added and capability in DANGEROUS:
            yield Hit(entry.line, 1, f"adding the `{entry.value}` capability breaks container isolation; "
                      "drop ALL and add only the narrow capability the workload needs")
