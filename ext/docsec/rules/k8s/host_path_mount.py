"""## What it does
Finds sensitive host paths mounted into containers: Kubernetes
``hostPath`` volumes of ``/``, ``/etc``, ``/root``, ``/proc``, ``/boot``,
``/dev``, ``/var/lib/kubelet``, ``/var/lib/docker`` or a container runtime
socket (``/var/run/docker.sock``, ``containerd.sock``, ``crio.sock``), and
Compose volumes with those sources (``/var/run/docker.sock:/var/run/docker.sock``,
``/:/host``).  Harmless files such as ``/etc/localtime`` are left alone.

## Why is this bad?
The container runtime socket lets the container start a privileged container
on the node; the host's root, ``/etc``, kubelet or Docker directories hold
credentials and let the container rewrite the node's configuration.  Read-only
mounts still leak secrets.  Either is a path from the container to the node.

## Example
```yaml
volumes:
  - name: docker
    hostPath:
      path: /var/run/docker.sock
```

## Use instead
```yaml
volumes:
  - name: cache
    emptyDir: {}
```

Use a ``persistentVolumeClaim``, a ``configMap`` or a CSI driver; for builds
use a rootless builder (BuildKit rootless, kaniko) instead of the socket.

## References
- [CWE-668: Exposure of Resource to Wrong Sphere](https://cwe.mitre.org/data/definitions/668.html)
- [Kubernetes: hostPath volumes](https://kubernetes.io/docs/concepts/storage/volumes/#hostpath)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule

SENSITIVE = re.compile(
    r"^(?:/|/etc|/root|/home|/proc|/boot|/dev|/sys|/var/lib/kubelet|/var/lib/docker|/var/lib/containerd|/etc/kubernetes"
    r"|/var/run|/run|/var/run/docker\.sock|/run/docker\.sock|/var/run/containerd/containerd\.sock"
    r"|/run/containerd/containerd\.sock|/var/run/crio/crio\.sock|/run/podman/podman\.sock)/?$"
)


@rule(
    id="DSK005",
    symbol="k8s-host-path-mount",
    title="Sensitive host path mounted into a container",
    severity="high",
    cwe=668,
    languages=("yaml",),
    triggers=("hostpath", "volumes"),
    equivalent="kube-linter sensitive-host-mounts / docker-sock, Checkov CKV_K8S_27",
    message="a sensitive host path is mounted into the container; use a PVC, configMap or emptyDir instead",
    use_instead="volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    for entry in yaml.entries:
        if not entry.is_scalar:
            continue
        path = entry.path
        if entry.key == "path" and len(path) >= 2 and path[-2] == "hostPath" and SENSITIVE.match(entry.value.strip()):
            yield Hit(entry.line, 1, f"`hostPath: {entry.value}` mounts a sensitive node path into the pod; "
                      "use a persistentVolumeClaim, configMap or emptyDir")
        elif entry.key == "-" and len(path) >= 2 and path[-2] == "volumes" and ":" in entry.value:
            source = entry.value.strip().split(":", 1)[0]
            if SENSITIVE.match(source):
                yield Hit(entry.line, 1, f"the volume `{entry.value}` mounts a sensitive host path into the "
                          "container; use a named volume or a socket proxy")
        elif entry.key == "source" and "volumes" in path and SENSITIVE.match(entry.value.strip()):
            yield Hit(entry.line, 1, f"the bind mount `source: {entry.value}` mounts a sensitive host path into the "
                      "container; use a named volume")
