"""## What it does
Finds ``chmod`` (and ``mkdir -m`` / ``install -m``) giving write permission to
every user: octal modes whose "other" digit has the write bit (``777``,
``666``, ``0777``, ``-R 777``) and symbolic modes such as ``a+rwx``, ``o+w``,
``ugo+w`` or ``a=rw``.  Sticky directories (``1777``, as for ``/tmp``) are
left alone.

## Why is this bad?
Any local user or compromised service can then replace the files: a
script, a binary, a configuration or a socket becomes a way to run code as
whoever uses it next.  ``chmod -R 777`` is usually a blunt fix for a
permission error that a correct owner or group would solve.

## Example
```console
$ sudo chmod -R 777 /var/www/app
```

## Use instead
```console
$ sudo chown -R www-data:www-data /var/www/app
$ sudo chmod -R u=rwX,g=rX,o= /var/www/app
```

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

OCTAL = re.compile(r"^0*([0-7]?)([0-7])([0-7])([0-7])$")
SYMBOLIC_CLAUSE = re.compile(r"^([ugoa]*)([-+=])([rwxXst]*)$")


@rule(
    id="DSS002",
    symbol="world-writable-mode",
    title="File made writable by every user",
    severity="high",
    cwe=732,
    languages=("shell",),
    equivalent="none (Bandit B103 for os.chmod)",
    message="the mode makes the file writable by every user; give ownership to the right user or group and use 755/644",
    use_instead="chown app:app PATH && chmod 755 PATH (directories) / 644 (files)",
    # `chmod`, or the `-m`/`--mode` option (both hold `-m`) that mkdir and install need for a mode
    triggers=("chmod", "-m"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        mode = _mode(command)
        if mode is not None and _world_writable(mode):
            yield Hit(command.line, 1, f"`{command.program} {mode}` makes the path writable by every user; "
                      "set the right owner or group and use 755 (directories) or 644 (files)")


def _mode(command: Command) -> Optional[str]:
    if command.program == "chmod":
        for word in command.words[1:]:
            if not word.startswith("-") or SYMBOLIC_CLAUSE.match(word.split(",")[0]):
                return word
        return None
    if command.program in ("mkdir", "install"):
        return command.flag_value("-m", "--mode")
    return None


def _world_writable(mode: str) -> bool:
    octal = OCTAL.match(mode)
    if octal:
        special, other = octal.group(1), int(octal.group(4))
        return bool(other & 2) and not (special and int(special) & 1)
    for clause in mode.split(","):
        symbolic = SYMBOLIC_CLAUSE.match(clause)
        if symbolic and symbolic.group(2) in "+=" and "w" in symbolic.group(3):
            who = symbolic.group(1)
            if "o" in who or "a" in who:
                return True
    return False
