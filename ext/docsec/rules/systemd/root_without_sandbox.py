"""## What it does
Finds systemd services that run as root with no sandboxing: a ``[Service]``
with an ``ExecStart=`` and no ``User=`` (or ``User=root``), no
``DynamicUser=yes``, and none of systemd's hardening settings
(``NoNewPrivileges=``, ``ProtectSystem=``, ``ProtectHome=``,
``PrivateTmp=``, ``CapabilityBoundingSet=``, ``RestrictAddressFamilies=``,
``SystemCallFilter=``...).  A drop-in that resets ``ExecStart=`` (an
``override.conf``) is left alone: its unit sets the rest.  It runs in the audit profile: many units in
documentation are rightly minimal, and some daemons must start as root.

## Why is this bad?
A flaw in a service that runs as root with the whole file system writable
is a flaw in the machine: the attacker can read every secret, install
persistence and move on.  systemd can confine a service in a few lines.

## Example
```ini
[Unit]
Description=Example web app

[Service]
ExecStart=/opt/app/bin/server --port 8080
Restart=on-failure
```

## Use instead
```ini
[Unit]
Description=Example web app

[Service]
ExecStart=/opt/app/bin/server --port 8080
Restart=on-failure
User=app
NoNewPrivileges=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
```
Run the service as its own user (or ``DynamicUser=yes``) and add the
sandboxing settings ``systemd-analyze security UNIT`` suggests.

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [systemd.exec: Sandboxing](https://www.freedesktop.org/software/systemd/man/latest/systemd.exec.html#Sandboxing)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.systemd import SystemdView
from ...model import Hit
from ..registry import rule

SANDBOXING = frozenset({
    "NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp", "PrivateDevices", "CapabilityBoundingSet",
    "AmbientCapabilities", "RestrictAddressFamilies", "SystemCallFilter", "ProtectKernelTunables",
    "ProtectKernelModules", "ProtectControlGroups", "ReadOnlyPaths", "ReadWritePaths", "InaccessiblePaths",
    "RestrictNamespaces", "LockPersonality", "MemoryDenyWriteExecute", "PrivateUsers", "RootDirectory",
    "RootImage", "TemporaryFileSystem", "ProtectProc",
})


@rule(
    id="DSU001",
    symbol="systemd-root-service-without-sandbox",
    title="systemd service running as root with no sandboxing",
    severity="low",
    confidence="medium",
    cwe=250,
    languages=("systemd",),
    equivalent="systemd-analyze security",
    message="runs the service as root with no sandboxing; set User= and systemd's hardening settings",
    use_instead="User=app, NoNewPrivileges=yes, ProtectSystem=strict, PrivateTmp=yes",
    profile="audit",
    triggers=("execstart",),
)
def check(unit: SystemdView) -> Iterator[Hit]:
    start = unit.get("Service", "ExecStart")
    if start is None or any(s.key == "ExecStart" and not s.value for s in unit.settings):
        return  # (``ExecStart=`` empty resets the unit's command: a drop-in, whose unit sets the user)
    user = unit.get("Service", "User")
    dynamic = unit.get("Service", "DynamicUser")
    if user is not None and user.value not in ("root", "0", ""):
        return
    if dynamic is not None and dynamic.value.lower() in ("yes", "true", "1", "on"):
        return
    if any(s.section == "Service" and s.key in SANDBOXING for s in unit.settings):
        return
    shown = f"User={user.value}" if user is not None else "no User="
    yield Hit(start.line, 1,
              f"the service runs as root ({shown}) with no sandboxing; set `User=` (or `DynamicUser=yes`) and "
              "`NoNewPrivileges=yes`, `ProtectSystem=strict`, `PrivateTmp=yes` (`systemd-analyze security` lists more)")
