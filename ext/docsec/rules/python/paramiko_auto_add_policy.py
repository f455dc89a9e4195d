"""## What it does
Finds SSH clients that accept any host key: paramiko's
``set_missing_host_key_policy`` with ``AutoAddPolicy`` or ``WarningPolicy``
(instance or class), ``asyncssh.connect(..., known_hosts=None)``, and host
keys switched off by a setting: pysftp's ``cnopts.hostkeys = None``,
``{"known_hosts": None}``.

## Why is this bad?
The host key is how an SSH client knows it reached the real server.  A
client that adds or merely warns about unknown keys connects to whoever
answers (a rogue access point, a poisoned DNS entry), sends them the
password or signs their challenge, and runs commands on their machine.

## Example
```python
import paramiko
client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect("server.example.com", username="deploy")
```

## Use instead
```python
import paramiko
client = paramiko.SSHClient()
client.load_system_host_keys()
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.connect("server.example.com", username="deploy")
```
Add the server's key to ``known_hosts`` once, through a channel you trust.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [Paramiko docs: host key policies](https://docs.paramiko.org/en/stable/api/client.html)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ...languages.key_values import settings_of
from ..registry import rule
from ..settings._knobs import verification_off

LAX_POLICIES = frozenset({"AutoAddPolicy", "WarningPolicy"})
ASYNCSSH_CONNECT = frozenset({"asyncssh.connect", "asyncssh.connect_reverse", "asyncssh.create_connection",
                              "asyncssh.SSHClientConnectionOptions"})


@rule(
    id="DSP027",
    symbol="paramiko-auto-add-policy",
    title="SSH client accepts unknown host keys",
    severity="high",
    cwe=295,
    languages=("python",),
    triggers=("set_missing_host_key_policy", "asyncssh"),
    joined_triggers=("hostkey", "knownhosts"),
    equivalent="Bandit B507, Ruff S507",
    message="accepts any SSH host key, so a man in the middle is trusted; verify against known_hosts",
    use_instead="client.load_system_host_keys(); client.set_missing_host_key_policy(paramiko.RejectPolicy())",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.short == "set_missing_host_key_policy" and call.node.args:
            policy = _policy_name(code, call.node.args[0])
            if policy:
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}({policy})` accepts any host key, so a man in the middle is trusted; "
                          "load `known_hosts` and use `RejectPolicy`")
        elif call.name in ASYNCSSH_CONNECT:
            known = call.keyword("known_hosts")
            if isinstance(known, ast.Constant) and known.value is None:
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}(..., known_hosts=None)` skips host key checking; leave the default "
                          "`known_hosts` or pass a trusted list")
    for setting in settings_of(code):  # pysftp's ``cnopts.hostkeys = None``, Fabric/Netmiko-style options
        if setting.form != "keyword" and verification_off(setting, network_context=False) == "SSH host key checking":
            yield Hit(setting.line, setting.column, f"`{setting.key} = {setting.written}` turns off SSH host key "
                      "checking, so a man in the middle is trusted; load the server's key into `known_hosts`")


def _policy_name(code: PythonView, node: ast.expr) -> Optional[str]:
    if isinstance(node, ast.Name) and node.id not in code.aliases:
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 else node
    target = node.func if isinstance(node, ast.Call) else node
    name = code.qualname(target) or ""
    return code.text_of(node) if name.rsplit(".", 1)[-1] in LAX_POLICIES else None
