"""## What it does
Finds workloads that share the node's namespaces: Kubernetes
``hostNetwork: true``, ``hostPID: true``, ``hostIPC: true``, and Compose
``network_mode: host``, ``pid: host``, ``ipc: host``.

## Why is this bad?
With the host's PID namespace a container sees and can signal or trace every
process on the node; with the host network it can reach services bound to
localhost (the kubelet, cloud metadata proxies, databases) and sniff
traffic; with host IPC it can read shared memory of other processes.  The
isolation between the workload and the node is gone.

## Example
```yaml
spec:
  hostNetwork: true
  hostPID: true
```

## Use instead
```yaml
spec:
  containers:
    - name: app
      ports:
        - containerPort: 8080
```

Expose ports through a Service; leave the host namespaces to node agents that
truly need them.

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [Kubernetes: Pod Security Standards, Host Namespaces](https://kubernetes.io/docs/concepts/security/pod-security-standards/)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule
from ._values import is_true

K8S_KEYS = ("hostNetwork", "hostPID", "hostIPC", "hostUsers")
COMPOSE_KEYS = ("network_mode", "pid", "ipc", "userns_mode", "uts")


@rule(
    id="DSK003",
    symbol="k8s-host-namespaces",
    title="Workload shares the host's network, PID or IPC namespace",
    severity="high",
    cwe=250,
    languages=("yaml",),
    triggers=("host",),
    equivalent="kube-linter host-network / host-pid / host-ipc, Checkov CKV_K8S_17/18/19",
    message="the workload shares the node's namespaces; remove hostNetwork/hostPID/hostIPC (network_mode/pid: host)",
    use_instead="leave hostNetwork/hostPID/hostIPC unset; publish ports through a Service",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    for entry in yaml.entries_named(*K8S_KEYS):
        if entry.key == "hostUsers":
            continue  # hostUsers: false is the safe setting; true is the default
        if is_true(entry.value):
            yield Hit(entry.line, 1, f"`{entry.key}: true` shares the node's namespace with the pod; "
                      "remove it unless this is a node agent that needs it")
    for entry in yaml.entries_named(*COMPOSE_KEYS):
        if entry.is_scalar and entry.value.strip().lower() == "host":
            yield Hit(entry.line, 1, f"`{entry.key}: host` shares the host's namespace with the container; "
                      "remove it and publish the ports you need")
