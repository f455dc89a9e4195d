"""## What it does
Finds containers started without isolation from the host by ``docker``,
``podman`` or ``nerdctl`` ``run``/``create``/``exec``: ``--privileged``,
``--cap-add`` of ``ALL``, ``SYS_ADMIN``, ``SYS_MODULE``, ``SYS_PTRACE``,
``SYS_RAWIO`` or ``DAC_READ_SEARCH``, a bind mount of the Docker/containerd
socket or of the host's ``/`` (``-v /var/run/docker.sock:...``,
``-v /:/host``, ``--mount type=bind,source=/var/run/docker.sock``), host
namespaces (``--net=host``, ``--network host``, ``--pid=host``,
``--ipc=host``, ``--userns=host``) and ``--security-opt``
``seccomp=unconfined``/``apparmor=unconfined``/``label=disable``.

## Why is this bad?
Each of these hands the container the keys to the host: a privileged
container or one with ``SYS_ADMIN`` can mount the host's disks and load
kernel modules; the Docker socket starts a privileged container on demand;
host namespaces expose the host's processes and network services.  Code that
escapes the application inside the container, or a malicious image, becomes
root on the host.

## Example
```console
$ docker run -d --privileged -v /var/run/docker.sock:/var/run/docker.sock example/agent
```

## Use instead
```console
$ docker run -d --cap-drop=ALL --security-opt no-new-privileges example/agent
```

Grant the one capability or device the tool needs (``--cap-add NET_BIND_SERVICE``,
``--device /dev/fuse``); use a socket proxy that allows only read calls.

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
- [Docker: Runtime privilege and Linux capabilities](https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

ENGINES = frozenset({"docker", "podman", "nerdctl", "finch"})
SUBCOMMANDS = frozenset({"run", "create", "exec"})
DANGEROUS_CAPS = frozenset({"ALL", "SYS_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "DAC_READ_SEARCH", "SYS_BOOT"})
HOST_SOURCES = re.compile(
    r"^(?:/|/var/run/docker\.sock|/run/docker\.sock|/var/run/containerd/containerd\.sock|/run/containerd/containerd\.sock"
    r"|/run/podman/podman\.sock|/var/run/crio/crio\.sock|/etc|/root|/proc|/boot|/dev|/var/lib/docker|/var/lib/kubelet)/?$"
)
NAMESPACES = ("--net", "--network", "--pid", "--ipc", "--userns", "--uts", "--cgroupns")
UNCONFINED = re.compile(r"^(?:seccomp[=:]unconfined|apparmor[=:]unconfined|label[=:]disable|systempaths=unconfined)$", re.I)


@rule(
    id="DSD001",
    symbol="docker-run-privileged",
    title="Container started with host privileges",
    severity="high",
    cwe=250,
    languages=("shell",),
    triggers=("docker", "podman", "nerdctl", "finch"),
    equivalent="none",
    message="the container is not isolated from the host; drop --privileged, host namespaces and the Docker socket, "
            "and add only the capability it needs",
    use_instead="docker run --cap-drop=ALL --cap-add=<the one needed> --security-opt no-new-privileges IMAGE",
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        if command.program in ENGINES and _subcommand(command) in SUBCOMMANDS:
            found = _escalation(command)
            if found:
                yield Hit(command.line, 1, f"`{command.program} {_subcommand(command)} {found}` gives the container "
                          "control of the host; remove it and grant only the capability or device it needs")


def _subcommand(command: Command) -> str:
    words = [w for w in command.words[1:] if not w.startswith("-")]
    if words[:1] == ["container"] and len(words) > 1:
        return words[1]
    return words[0] if words else ""


def _escalation(command: Command) -> Optional[str]:
    words = command.words
    for index, word in enumerate(words):
        if word == "--privileged" or word.lower() == "--privileged=true":
            return "--privileged"
    for cap in command.flag_values("--cap-add"):
        if cap.upper().removeprefix("CAP_") in DANGEROUS_CAPS:
            return f"--cap-add {cap}"
    for volume in command.flag_values("-v", "--volume"):
        source = volume.split(":", 1)[0]
        if ":" in volume and HOST_SOURCES.match(source):
            return f"-v {volume}"
    for mount in command.flag_values("--mount"):
        fields = dict(part.partition("=")[::2] for part in mount.split(","))
        source = fields.get("source") or fields.get("src") or ""
        if HOST_SOURCES.match(source):
            return f"--mount {mount}"
    for flag in NAMESPACES:
        value = command.flag_value(flag)
        if value == "host":
            return f"{flag}=host"
    for option in command.flag_values("--security-opt"):
        if UNCONFINED.match(option):
            return f"--security-opt {option}"
    return None
