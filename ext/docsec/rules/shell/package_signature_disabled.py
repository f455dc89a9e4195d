"""## What it does
Finds package managers told to install packages whose signature was not
checked: ``apt-get install --allow-unauthenticated``, ``apt-get update
--allow-insecure-repositories``, ``--force-yes``, ``-o
APT::Get::AllowUnauthenticated=true``, repository lines marked
``[trusted=yes]`` or ``[allow-insecure=yes]``, ``yum``/``dnf``
``--nogpgcheck`` or ``--setopt=gpgcheck=0``, ``zypper --no-gpg-checks``,
``rpm --nosignature``, ``apk add --allow-untrusted``, and repository
files with ``gpgcheck=0`` or pacman's ``SigLevel = Never``.

## Why is this bad?
Package signatures are what ties a package to its publisher: mirrors,
proxies and plain-HTTP repositories can all hand out altered packages, and
only the signature check notices.  Turned off, anyone who can answer the
download installs code that runs as root, usually in maintainer scripts,
on every machine that copies the example.

## Example
```console
$ echo "deb [trusted=yes] http://packages.example.com/apt stable main" | sudo tee /etc/apt/sources.list.d/example.list
$ sudo dnf install --nogpgcheck ./example-agent.rpm
```

## Use instead
```console
$ curl -fsSL https://packages.example.com/apt/key.gpg | sudo gpg --dearmor -o /usr/share/keyrings/example.gpg
$ echo "deb [signed-by=/usr/share/keyrings/example.gpg] https://packages.example.com/apt stable main" | sudo tee /etc/apt/sources.list.d/example.list
$ sudo rpm --import https://packages.example.com/rpm/key.asc && sudo dnf install ./example-agent.rpm
```

## References
- [CWE-347: Improper Verification of Cryptographic Signature](https://cwe.mitre.org/data/definitions/347.html)
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [Debian wiki: SecureApt](https://wiki.debian.org/SecureApt)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional, Union

from ...languages.shell import Command, ShellView
from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

APT = frozenset({"apt", "apt-get", "aptitude"})
RPM_TOOLS = frozenset({"yum", "dnf", "microdnf", "tdnf", "yum-config-manager", "dnf5"})
TRUE = re.compile(r"^(?:true|1|yes|on)$", re.IGNORECASE)
APT_OPTIONS = re.compile(r"^(?:APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories"
                         r"|Acquire::AllowDowngradeToInsecureRepositories)=(.*)$", re.IGNORECASE)
# Configuration text (sources lists, .repo files, pacman.conf), in any block.
CONFIG = re.compile(
    r"(?:^|[\"'\s])deb(?:-src)?\s+\[[^\]]*\b(?:trusted|allow-insecure)=yes\b"  # deb [trusted=yes] URL ...
    r"|(?:^|[\"'\s])gpgcheck\s*=\s*(?:0|false|no)\b"  # .repo files, yum.conf (not --setopt=, seen as a command)
    r"|^\s*SigLevel\s*=\s*(?:Never|Optional\s+TrustAll)\b"  # pacman.conf
    r"|^\s*(?:Trusted|Allow-Insecure)\s*:\s*yes\b",  # deb822 .sources files
    re.IGNORECASE,
)
CONFIG_TEXT = re.compile(r"trusted=yes|allow-insecure=yes|gpgcheck|siglevel|trusted:|allow-insecure:", re.IGNORECASE)


@rule(
    id="DSS010",
    symbol="package-signature-disabled",
    title="Package signature verification turned off",
    severity="high",
    cwe=347,
    languages=("shell", "text"),
    triggers=("unauthenticated", "insecure", "force-yes", "trusted", "gpgcheck", "gpg-check", "nosignature",
              "untrusted", "siglevel"),
    equivalent="none",
    message="package signatures are not checked, so a mirror or proxy can install altered packages; "
            "import the repository key and keep verification on",
    use_instead="deb [signed-by=/usr/share/keyrings/vendor.gpg] https://...; rpm --import KEY; gpgcheck=1",
)
def check(view: Union[ShellView, TextView]) -> Iterator[Hit]:
    if isinstance(view, TextView):
        yield from _config_lines(view)
        return
    for command in view.all_commands:
        found = _unsigned_install(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` installs packages without checking their signatures; "
                      "import the vendor's key (signed-by=, rpm --import) and keep verification on")


def _unsigned_install(command: Command) -> Optional[str]:
    program = command.program
    if program in APT:
        flag = next((f for f in ("--allow-unauthenticated", "--allow-insecure-repositories", "--force-yes")
                     if command.has_flag(f)), None)
        if flag:
            return f"{program} {flag}"
        for value in command.flag_values("-o", "--option"):
            match = APT_OPTIONS.match(value)
            if match and TRUE.match(match.group(1)):
                return f"{program} -o {value}"
    if program in RPM_TOOLS:
        if command.has_flag("--nogpgcheck", "--no-gpgchecks"):
            return f"{program} --nogpgcheck"
        for value in command.flag_values("--setopt"):
            if re.match(r"^(?:[\w.-]+\.)?gpgcheck=(?:0|false|no)$", value, re.IGNORECASE):
                return f"{program} --setopt={value}"
    if program == "zypper" and command.has_flag("--no-gpg-checks"):
        return "zypper --no-gpg-checks"
    if program == "rpm" and command.has_flag("--nosignature"):
        return "rpm --nosignature"
    if program == "apk" and command.has_flag("--allow-untrusted"):
        return "apk --allow-untrusted"
    return None


def _config_lines(text: TextView) -> Iterator[Hit]:
    if not CONFIG_TEXT.search(text.text):
        return
    for number, line in enumerate(text.lines, start=1):
        match = CONFIG.search(line)
        if match and not line.lstrip().startswith(("#", "//", ";")):
            shown = " ".join(match.group(0).split())[-60:]
            yield Hit(number, 1, f"`{shown}` turns off package signature checks for this repository; "
                      "use signed-by= with the vendor's key (apt) or gpgcheck=1 with gpgkey= (yum/dnf)")
