"""## What it does
Finds passwords, tokens and keys made in the shell from predictable values:
``$RANDOM`` (``DB_PASSWORD=pass$RANDOM``, ``TOKEN=$RANDOM$RANDOM``,
``$(echo $RANDOM | md5sum)``) or the clock (``SECRET=$(date +%s |
sha256sum | base64 | head -c 32)``, ``--password "$(date +%N)"``), set as a
secret-named variable or passed to a password or token option.

## Why is this bad?
``$RANDOM`` is a 15-bit number from a non-cryptographic generator: 32,768
values, tried in under a second.  The time a command ran is known to within
seconds or milliseconds.  Hashing or base64-encoding either value only makes
it look random; an attacker who knows the recipe enumerates every
candidate.

## Example
```bash
export ADMIN_PASSWORD="admin$RANDOM"
API_TOKEN=$(date +%s | sha256sum | head -c 32)
```

## Use instead
```bash
export ADMIN_PASSWORD="$(openssl rand -base64 24)"
API_TOKEN=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 32)
```

## References
- [CWE-338: Use of Cryptographically Weak Pseudo-Random Number Generator (PRNG)](https://cwe.mitre.org/data/definitions/338.html)
- [CWE-330: Use of Insufficiently Random Values](https://cwe.mitre.org/data/definitions/330.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.shell import ShellView
from ...languages.text import NOT_A_SECRET, SECRET_NAME
from ...model import Hit
from ..registry import rule

# What a predictable value looks like in the text of an assignment or option value.
PREDICTABLE = re.compile(r"\$\{?RANDOM\b|\bdate\s+(?:-\w+\s+)*['\"]?\+%[sNTHMSYmdF]|\bdate\s*\|")
ASSIGNED = re.compile(r"(?:^|[\s;(&|])(?:\$env:)?([A-Za-z_]\w*)\s*=\s*(.*)$")
SHORT_PASSWORD_NAME = re.compile(r"(?:^|[_-])(?:pass|pw|passphrase)(?:$|[_-])", re.IGNORECASE)
OPTION = re.compile(r"(?:^|\s)(--?[\w.-]*(?:password|passwd|secret|token|api-?key))(?:=|\s+)(.*)$", re.IGNORECASE)


@rule(
    id="DSS012",
    symbol="weak-random-secret-shell",
    title="Secret made from $RANDOM or the clock in the shell",
    severity="medium",
    cwe=338,
    languages=("shell",),
    triggers=("random", "date"),
    equivalent="none (Bandit B311 / Ruff S311 for Python's random module)",
    message="a secret made from $RANDOM or the time is guessable; use openssl rand or /dev/urandom",
    use_instead="PASSWORD=\"$(openssl rand -base64 24)\"",
)
def check(shell: ShellView) -> Iterator[Hit]:
    for number, text in shell.code_lines:
        for match in ASSIGNED.finditer(text):
            name, value = match.group(1), match.group(2)
            named = SECRET_NAME.search(name) or SHORT_PASSWORD_NAME.search(name)
            if named and not NOT_A_SECRET.search(name) and PREDICTABLE.search(value):
                yield Hit(number, 1, f"`{name}` is made from {_source(value)}, which an attacker can enumerate; "
                          "use `openssl rand -base64 24` or bytes from /dev/urandom")
                break
        else:
            option = OPTION.search(text)
            value = re.split(r"\s--?[A-Za-z]", option.group(2))[0] if option else ""
            if option and not NOT_A_SECRET.search(option.group(1)) and PREDICTABLE.search(value):
                yield Hit(number, 1, f"`{option.group(1)}` is given a value made from {_source(value)}, "
                          "which an attacker can enumerate; use `openssl rand -base64 24`")


def _source(value: str) -> str:
    return "`$RANDOM`" if "RANDOM" in value else "the current time"
