"""## What it does
Finds commands that switch off a host's own protection: SELinux
(``setenforce 0``, ``setenforce Permissive``, ``SELINUX=disabled`` or
``permissive`` written into ``/etc/selinux/config`` with ``sed`` or ``echo``,
``selinux=0`` on the kernel command line with ``grubby``), the firewall
(``systemctl stop``/``disable``/``mask`` of ``firewalld``, ``ufw``,
``iptables``, ``ip6tables`` or ``nftables``; ``service firewalld stop``;
``chkconfig iptables off``; ``ufw disable``; Windows'
``netsh advfirewall set ... state off`` and
``Set-NetFirewallProfile -Enabled False``), AppArmor (``systemctl stop`` or
``disable apparmor``, ``aa-teardown``) and Microsoft Defender's real-time
protection (``Set-MpPreference -DisableRealtimeMonitoring $true``).
Stopping a service to restart it, ``setenforce 1`` and enabling a firewall
are left alone.

## Why is this bad?
Installation guides switch these off to make a permission denied or a
refused connection go away, and the reader's server keeps running that way:
every service on it becomes reachable from the network, and a compromised
process is no longer confined to the files and ports its policy allows.  The
step is copied onto production hosts with the rest of the guide, and nothing
turns the protection back on.

## Example
```console
$ sudo setenforce 0
$ sudo systemctl disable --now firewalld
```

## Use instead
```console
$ sudo semanage port -a -t http_port_t -p tcp 8080
$ sudo firewall-cmd --permanent --add-port=8080/tcp && sudo firewall-cmd --reload
```
Keep SELinux enforcing and label what the service needs (``semanage``,
``restorecon``, ``audit2allow`` to read the denial); open only the port
the service listens on.

## References
- [CWE-693: Protection Mechanism Failure](https://cwe.mitre.org/data/definitions/693.html)
- [Red Hat: Changing SELinux states and modes](https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/using_selinux/changing-selinux-states-and-modes_using-selinux)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

FIREWALLS = frozenset({"firewalld", "ufw", "iptables", "ip6tables", "nftables"})
CONFINEMENT = frozenset({"apparmor"})
STOPPING = frozenset({"stop", "disable", "mask", "kill"})
SELINUX_OFF = re.compile(r"\bSELINUX\s*=\s*(?:disabled|permissive)\b|\bselinux=0\b|\benforcing=0\b", re.IGNORECASE)
CONFIG_WRITERS = frozenset({"sed", "echo", "printf", "grubby", "perl"})
FALSE_WORDS = frozenset({"false", "$false", "0", "off"})
TRUE_WORDS = frozenset({"true", "$true", "1"})


@rule(
    id="DSS014",
    symbol="host-security-disabled",
    title="SELinux, AppArmor, the firewall or antivirus switched off",
    severity="medium",
    cwe=693,
    languages=("shell",),
    equivalent="none",
    message="switches off a protection of the whole host; keep it on and allow only what the service needs",
    use_instead="semanage / restorecon for SELinux denials; firewall-cmd --add-port=PORT/tcp for the one port needed",
    triggers=("setenforce", "selinux", "enforcing", "firewalld", "ufw", "iptables", "ip6tables", "nftables", "apparmor",
              "aa-teardown", "advfirewall", "netfirewallprofile", "realtimemonitoring"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        what = _switched_off(command)
        if what:
            yield Hit(command.line, 1, f"{what}; keep it on and allow only what the service needs "
                      "(an SELinux label, one open port)")


def _switched_off(command: Command) -> Optional[str]:
    program, arguments = command.program, [word.lower() for word in command.arguments]
    if program == "setenforce" and arguments[:1] in (["0"], ["permissive"]):
        return f"`setenforce {command.arguments[0]}` stops SELinux from enforcing its policy on the whole host"
    if program in CONFIG_WRITERS and any(SELINUX_OFF.search(word) for word in command.arguments):
        return "writing `SELINUX=disabled` (or `permissive`, `selinux=0`) turns SELinux off at every boot"
    if program == "systemctl":
        verb, *units = [word for word in arguments if not word.startswith("-")] or [""]
        stopped = sorted({_unit(unit) for unit in units} & (FIREWALLS | CONFINEMENT))
        if verb in STOPPING and stopped:
            return f"`systemctl {verb} {stopped[0]}` {_leaves(stopped[0])}"
    if program == "service" and len(arguments) >= 2 and arguments[1] == "stop" and _unit(arguments[0]) in FIREWALLS:
        return f"`service {arguments[0]} stop` {_leaves(_unit(arguments[0]))}"
    if program == "chkconfig" and len(arguments) >= 2 and arguments[1] == "off" and _unit(arguments[0]) in FIREWALLS:
        return f"`chkconfig {arguments[0]} off` {_leaves(_unit(arguments[0]))}"
    if program == "ufw" and arguments[:1] == ["disable"]:
        return "`ufw disable` leaves every listening port open to the network"
    if program == "aa-teardown":
        return "`aa-teardown` unloads every AppArmor profile, so no process is confined"
    return _windows(command, program, arguments)


def _windows(command: Command, program: str, arguments: list[str]) -> Optional[str]:
    if program == "netsh" and arguments[:1] == ["advfirewall"] and "state" in arguments:
        state = arguments[arguments.index("state") + 1:][:1]
        if state == ["off"]:
            return "`netsh advfirewall ... state off` leaves every listening port open to the network"
    if program == "set-netfirewallprofile" and _value(command, "-enabled") in FALSE_WORDS:
        return "`Set-NetFirewallProfile -Enabled False` leaves every listening port open to the network"
    if program == "set-mppreference" and _value(command, "-disablerealtimemonitoring") in TRUE_WORDS:
        return "`Set-MpPreference -DisableRealtimeMonitoring $true` switches off Defender's real-time protection"
    return None


def _value(command: Command, option: str) -> Optional[str]:
    """The value of a PowerShell parameter (``-Enabled False``, ``-Enabled:$false``), lower-cased."""
    words = [word.lower() for word in command.arguments]
    for index, word in enumerate(words):
        if word == option and index + 1 < len(words):
            return words[index + 1]
        if word.startswith(option + ":"):
            return word.split(":", 1)[1]
    return None


def _unit(word: str) -> str:
    return word[:-len(".service")] if word.endswith(".service") else word


def _leaves(unit: str) -> str:
    if unit in CONFINEMENT:
        return "unloads the AppArmor profiles, so no process is confined"
    return "leaves every listening port open to the network"
