"""## What it does
Finds SSH host key checking turned off: ``-o StrictHostKeyChecking=no``
(``ssh``, ``scp``, ``sftp``, ``rsync -e "ssh ..."``, ``GIT_SSH_COMMAND``,
``sshpass``), ``-o UserKnownHostsFile=/dev/null``, the same settings
written into an ``ssh_config`` block or file (``StrictHostKeyChecking no``),
and Ansible's ``ANSIBLE_HOST_KEY_CHECKING=False`` / ``host_key_checking =
False``.  ``StrictHostKeyChecking=accept-new`` is left alone.

## Why is this bad?
The host key is how SSH knows it talks to the real server.  Without the
check, a machine in the middle can pose as the server, collect the password
or the forwarded agent, and read or change everything sent, including code
pushed or deployed.

## Example
```console
$ ssh -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null deploy@203.0.113.10
```

## Use instead
```console
$ ssh-keyscan -H 203.0.113.10 >> ~/.ssh/known_hosts   # then compare the fingerprint
$ ssh-keygen -lf ~/.ssh/known_hosts
$ ssh deploy@203.0.113.10
```

Or use ``StrictHostKeyChecking=accept-new``, which still refuses changed keys.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [CWE-322: Key Exchange without Entity Authentication](https://cwe.mitre.org/data/definitions/322.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Union

from ...languages.shell import ShellView
from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

OPTION = re.compile(
    r"StrictHostKeyChecking\s*[=\s]\s*[\"']?(?:no|off|false)\b"
    r"|UserKnownHostsFile\s*[=\s]\s*[\"']?/dev/null\b"
    r"|ANSIBLE_HOST_KEY_CHECKING\s*=\s*[\"']?(?:false|no|0)\b",
    re.IGNORECASE,
)
CONFIG = re.compile(
    r"^\s*(?:StrictHostKeyChecking\s*[=\s]\s*[\"']?(?:no|off)\b"
    r"|UserKnownHostsFile\s*[=\s]\s*[\"']?/dev/null\b"
    r"|host_key_checking\s*[=:]\s*[\"']?(?:false|no|0)\b)",
    re.IGNORECASE,
)


@rule(
    id="DSS006",
    symbol="ssh-host-key-check-disabled",
    title="SSH host key checking turned off",
    severity="medium",
    cwe=295,
    languages=("shell", "text"),
    equivalent="none",
    message="SSH host key checking is off, so a machine in the middle can pose as the server; "
            "add the host key to known_hosts or use StrictHostKeyChecking=accept-new",
    use_instead="ssh-keyscan HOST >> ~/.ssh/known_hosts (check the fingerprint), or -o StrictHostKeyChecking=accept-new",
    # literals of OPTION and CONFIG
    triggers=("hostkeychecking", "userknownhostsfile", "host_key_checking"),
)
def check(view: Union[ShellView, TextView]) -> Iterator[Hit]:
    if isinstance(view, TextView):
        for number, line in enumerate(view.lines, start=1):
            match = CONFIG.match(line)
            if match:
                yield Hit(number, 1, f"`{match.group(0).strip()}` turns off SSH host key checking; "
                          "keep known_hosts or use `StrictHostKeyChecking accept-new`")
        return
    for number, text in view.code_lines:
        match = OPTION.search(text)
        if match:
            yield Hit(number, 1, f"`{match.group(0)}` turns off SSH host key checking; add the host's key to "
                      "known_hosts (ssh-keyscan, then compare the fingerprint) or use StrictHostKeyChecking=accept-new")
