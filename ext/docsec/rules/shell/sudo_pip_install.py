"""## What it does
Finds ``pip install`` run as root through ``sudo`` (``sudo pip install``,
``sudo pip3 install``, ``sudo -H python3 -m pip install``, ``sudo
easy_install``), including ``--break-system-packages`` with ``sudo``.
``sudo apt install python3-pip`` and ``sudo -u someuser pip install`` are
left alone; so are Dockerfile ``RUN`` lines, which run as the image's user
without ``sudo``.  In the audit profile: installing as root is poor practice,
but copying it creates no weakness an attacker can use by itself, and
reviewers of real documentation do not count it as one.

## Why is this bad?
Installing a package runs its build and setup code; with ``sudo`` that code
runs as root, and the files land in the system Python, where they can
replace modules the operating system's own tools import.  A typo-squatted or
compromised package then owns the machine, and the system package manager
can break.

## Example
```console
$ sudo pip install requests
```

## Use instead
```console
$ python3 -m venv .venv
$ .venv/bin/pip install requests      # or: pipx install tool / pip install --user
```

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [PEP 668: Marking Python base environments as "externally managed"](https://peps.python.org/pep-0668/)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

PIP = re.compile(r"^(?:pip[0-9.]*|easy_install[0-9.\-]*)$")
PYTHON = re.compile(r"^(?:python[0-9.]*|py|pypy[0-9.]*)$")
ROOT_USERS = ("root", "0", "#0")


@rule(
    id="DSS007",
    symbol="sudo-pip-install",
    title="pip install run as root with sudo",
    severity="low",
    cwe=250,
    languages=("shell",),
    equivalent="none",
    profile="audit",
    message="`sudo pip install` runs package code as root and changes the system Python; use a virtual environment",
    use_instead="python3 -m venv .venv && .venv/bin/pip install PACKAGE (or pipx install TOOL)",
    # _as_root needs one of these wrappers
    triggers=("sudo", "doas"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        if _as_root(command) and _pip_install(command):
            extra = " with --break-system-packages" if command.has_flag("--break-system-packages") else ""
            yield Hit(command.line, 1, f"`sudo {command.program} install`{extra} runs package code as root and "
                      "writes into the system Python; use a virtual environment (python3 -m venv) or pipx")


def _as_root(command: Command) -> bool:
    if "sudo" not in command.wrappers and "doas" not in command.wrappers:
        return False
    user = re.search(r"(?:^|\s)(?:sudo|doas)\s+(?:-\S+\s+)*?-u\s*(\S+)", command.text)
    return user is None or user.group(1) in ROOT_USERS


def _pip_install(command: Command) -> bool:
    words = command.words
    if PIP.match(command.program):
        return command.program.startswith("easy_install") or command.subcommand == "install"
    if PYTHON.match(command.program):
        for index, word in enumerate(words[:-2]):
            if word == "-m" and words[index + 1] == "pip":
                return "install" in words[index + 2:]
    return False
