r"""## What it does
Finds Microsoft Defender switched off through the registry or its
preferences in PowerShell: ``Set-ItemProperty``/``New-ItemProperty`` on a
``...\Windows Defender`` key setting ``DisableAntiSpyware``,
``DisableAntiVirus``, ``DisableRealtimeMonitoring``,
``DisableBehaviorMonitoring``, ``DisableOnAccessProtection`` or
``DisableIOAVProtection`` to ``1``/``$true``, and ``Set-MpPreference``'s
other switches (``-DisableBehaviorMonitoring``, ``-DisableIOAVProtection``,
``-DisableScriptScanning``, ``-DisableIntrusionPreventionSystem``,
``-DisableBlockAtFirstSeen``, ``-MAPSReporting 0``) and exclusions of a
whole drive (``Add-MpPreference -ExclusionPath C:\``).
``Set-MpPreference -DisableRealtimeMonitoring $true`` is DSS014's, which
reads it in every shell.

## Why is this bad?
Installers and tutorials that switch Defender off "to avoid false
positives" leave the machine without protection long after the install,
and teach readers to do it for the next download too.

## Example
```powershell
Set-ItemProperty -Path "HKLM:\SOFTWARE\Policies\Microsoft\Windows Defender" -Name DisableAntiSpyware -Value 1
```

## Use instead
```powershell
Add-MpPreference -ExclusionPath "C:\BuildAgent\_work"   # one folder, if a build is really slowed down
```
Keep Defender on; if one tool's folder must be excluded, exclude only that
folder and report false positives to Microsoft.

## References
- [CWE-693: Protection Mechanism Failure](https://cwe.mitre.org/data/definitions/693.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.powershell import Command, PowerShellView
from ...model import Hit
from ..registry import rule

REGISTRY_SWITCHES = frozenset({"disableantispyware", "disableantivirus", "disablerealtimemonitoring",
                               "disablebehaviormonitoring", "disableonaccessprotection", "disableioavprotection",
                               "disablescanonrealtimeenable"})
PREFERENCE_SWITCHES = frozenset({"disablebehaviormonitoring", "disableioavprotection", "disablescriptscanning",
                                 "disableintrusionpreventionsystem", "disableblockatfirstseen",
                                 "disablearchivescanning", "disableemailscanning"})
WHOLE_DRIVE = re.compile(r"^[A-Za-z]:\\?$")


@rule(
    id="DSM003",
    symbol="ps-defender-disabled",
    title="Microsoft Defender switched off through the registry or its preferences (PowerShell)",
    severity="medium",
    cwe=693,
    languages=("powershell",),
    equivalent="none",
    message="switches Microsoft Defender's protection off; keep it on and exclude one folder if you must",
    use_instead='Add-MpPreference -ExclusionPath "C:\\BuildAgent\\_work"',
    triggers=("defender", "mppreference"),
)
def check(view: PowerShellView) -> Iterator[Hit]:
    for command in view.commands:
        found = _registry(view, command) if command.lower in ("set-itemproperty", "new-itemproperty", "sp") else \
            _preference(view, command) if command.lower in ("set-mppreference", "add-mppreference") else None
        if found:
            yield Hit(view.line(command.node), view.column(command.node),
                      f"{found} switches Microsoft Defender's protection off; keep it on and, if one tool's folder "
                      "must be excluded, exclude only that folder")


def _value(view: PowerShellView, command: Command, name: str) -> Optional[str]:
    parameter = command.parameter(name)
    if parameter is None or parameter.value is None:
        return None
    text = view.string_value(parameter.value)
    return text if text is not None else view.text_of(parameter.value)


def _registry(view: PowerShellView, command: Command) -> Optional[str]:
    path, name, value = (_value(view, command, n) for n in ("path", "name", "value"))
    if path and "windows defender" in path.lower() and name and name.lower() in REGISTRY_SWITCHES and \
            value is not None and value.lower() in ("1", "$true", "0x1"):
        return f"`{command.name} ... -Name {name} -Value {value}`"
    return None


def _preference(view: PowerShellView, command: Command) -> Optional[str]:
    for parameter in command.parameters:
        value = view.text_of(parameter.value).lower() if parameter.value is not None else "$true"
        if command.lower == "set-mppreference" and parameter.name in PREFERENCE_SWITCHES and value in ("$true", "1"):
            return f"`Set-MpPreference -{view.text_of(parameter.node).lstrip('-')} {value}`"
        if command.lower == "set-mppreference" and parameter.name == "mapsreporting" and value in ("0", "disabled"):
            return f"`Set-MpPreference -MAPSReporting {value}`"
        if command.lower == "add-mppreference" and parameter.name == "exclusionpath" and parameter.value is not None:
            path = view.string_value(parameter.value) or view.text_of(parameter.value)
            if WHOLE_DRIVE.match(path.strip("\"'")):
                return f"`Add-MpPreference -ExclusionPath {path}` (a whole drive)"
    return None
