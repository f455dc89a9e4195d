"""## What it does
Finds containers started from Python without isolation from the host, with
the Docker SDK (``client.containers.run``/``create``,
``api.create_host_config``), a ``host_config`` dictionary, or JupyterHub's
``DockerSpawner`` settings (``c.DockerSpawner.extra_host_config``,
``c.DockerSpawner.volumes``): ``privileged=True``, ``cap_add`` with
``ALL``, ``SYS_ADMIN``, ``SYS_MODULE``, ``SYS_PTRACE`` or ``SYS_RAWIO``,
``network_mode``/``pid_mode``/``ipc_mode``/``userns_mode`` ``"host"``,
``security_opt`` with ``seccomp=unconfined``/``apparmor=unconfined``, and
volumes or binds that mount the Docker socket (``/var/run/docker.sock``)
or the host's root.

## Why is this bad?
The code in the container, or anyone who breaks into it, gets the host: a
privileged container or one with ``SYS_ADMIN`` mounts the host's disks and
loads kernel modules; the Docker socket starts a privileged container on
request; host namespaces expose the host's processes and network services.
JupyterHub spawns such containers for every user, so every notebook user
becomes root on the host.

## Example
```python
import docker
client = docker.from_env()
client.containers.run("example/worker:1.4", detach=True, privileged=True,
                      volumes={"/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "rw"}})
```

## Use instead
```python
import docker
client = docker.from_env()
client.containers.run("example/worker:1.4", detach=True, cap_drop=["ALL"],
                      security_opt=["no-new-privileges"], volumes={"worker-data": {"bind": "/data", "mode": "rw"}})
```

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [Docker SDK for Python: containers.run](https://docker-py.readthedocs.io/en/stable/containers.html)
- [OWASP Docker Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

DANGEROUS_CAPS = frozenset({"ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH"})
NAMESPACE_KEYS = ("network_mode", "pid_mode", "ipc_mode", "userns_mode", "uts_mode")
HOST_SOURCE = re.compile(r"^(?:/var)?/run/(?:docker|containerd/containerd|podman/podman)\.sock(?::|$)|^/(?::|$)")
UNCONFINED = re.compile(r"^(?:seccomp|apparmor)[=:]unconfined$|^label[=:]disable$", re.IGNORECASE)
CONTAINER_CALLS = frozenset({"run", "create", "create_container", "create_host_config", "HostConfig", "create_service"})
CONFIG_TARGETS = ("host_config", "extra_host_config", "extra_create_kwargs")


@rule(
    id="DSD004",
    symbol="docker-sdk-privileged",
    title="Container started from Python with host privileges",
    severity="high",
    cwe=250,
    languages=("python",),
    triggers=("privileged", "cap_add", "network_mode", "pid_mode", "ipc_mode", "userns_mode", "uts_mode",
              "security_opt", "host_config", "extra_create_kwargs", "volumes", "binds", "network_name"),
    equivalent="none",
    message="the container is not isolated from the host; drop privileged=True, host namespaces and the Docker "
            "socket, and add only the capability it needs",
    use_instead='client.containers.run(image, cap_drop=["ALL"], security_opt=["no-new-privileges"])',
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.short in CONTAINER_CALLS and _is_docker(code, call.name):
            pairs = [(k.arg, k.value) for k in call.node.keywords if k.arg]
            for key in ("host_config", "extra_host_config"):
                nested = _dict(code, call.keyword(key))
                if nested is not None:
                    pairs += _dict_pairs(code, nested)
            found = _dangerous(code, pairs)
            if found:
                yield Hit(call.line, code.column(call.node), f"`{call.written}(..., {found})` {_WHY}")
    for name, values in code.assignments.items():
        leaf = name.rsplit(".", 1)[-1]
        for value in values:
            if not isinstance(value, ast.expr):
                continue
            if leaf in CONFIG_TARGETS and isinstance(value, ast.Dict):
                found = _dangerous(code, _dict_pairs(code, value))
            elif "Spawner" in name and leaf in ("volumes", "read_only_volumes"):
                found = _dangerous(code, [("volumes", value)])
            elif "Spawner" in name and leaf == "network_name" and code.string_value(value) == "host":
                found = 'network_name="host"'
            else:
                found = None
            if found:
                yield Hit(value.lineno, code.column(value), f"`{name}` sets {found}; {_WHY}")


_WHY = ("the container is not isolated from the host; drop it and grant only the capability, device or volume "
        "the workload needs")


def _is_docker(code: PythonView, name: str) -> bool:
    lowered = name.lower()
    return "docker" in lowered or ".containers." in lowered or lowered.startswith("containers.") or \
        name.rsplit(".", 1)[-1] in ("create_host_config", "HostConfig")


def _dict(code: PythonView, node: Optional[ast.AST]) -> Optional[ast.Dict]:
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 else None
    return node if isinstance(node, ast.Dict) else None


def _dict_pairs(code: PythonView, node: ast.Dict) -> list[tuple[str, ast.expr]]:
    return [(code.string_value(k) or "", v) for k, v in zip(node.keys, node.values) if k is not None]


def _strings(code: PythonView, node: ast.AST) -> list[str]:
    """The string items of a list/tuple/set value, or the keys of a dict."""
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 and isinstance(values[0], ast.expr) else node
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return [s for s in (code.string_value(e) for e in node.elts) if s is not None]
    if isinstance(node, ast.Dict):
        return [s for s in (code.string_value(k) for k in node.keys if k is not None) if s is not None]
    text = code.string_value(node)
    return [text] if text is not None else []


def _dangerous(code: PythonView, pairs: list[tuple[str, ast.expr]]) -> Optional[str]:
    for key, value in pairs:
        lowered = key.lower()
        if lowered == "privileged" and code.is_true(value):
            return "privileged=True"
        if lowered == "cap_add":
            caps = [c.upper().removeprefix("CAP_") for c in _strings(code, value)]
            bad = next((c for c in caps if c in DANGEROUS_CAPS), None)
            if bad:
                return f'cap_add=["{bad}"]'
        if lowered in NAMESPACE_KEYS and (code.string_value(value) or "").lower() == "host":
            return f'{key}="host"'
        if lowered == "security_opt":
            opt = next((o for o in _strings(code, value) if UNCONFINED.match(o)), None)
            if opt:
                return f'security_opt=["{opt}"]'
        if lowered in ("volumes", "binds", "mounts"):
            source = next((v for v in _strings(code, value) if HOST_SOURCE.match(v)), None)
            if source:
                return f"a volume from {source.split(':', 1)[0]}"
    return None
