"""## What it does
Finds ``os.system``, ``os.popen``, ``subprocess.getoutput``,
``subprocess.getstatusoutput``, ``commands.getoutput``, ``platform.popen``,
``os.exec*``/``os.spawn*``/``os.posix_spawn`` running ``sh -c``, Paramiko's
``client.exec_command(...)`` (a command line for the remote shell), and Invoke's
and Fabric's ``c.run(...)``/``c.sudo(...)``/``c.local(...)`` (which run the
string through a shell) with a command built from variable data: a task's
argument formatted into ``f"rm -rf {target}"`` is a shell command anyone
passing that argument writes.  Fixed commands such as
``os.system("clear")`` are not reported.

## Why is this bad?
These functions always hand the string to a shell.  Any shell syntax inside
the interpolated value (``;``, ``&&``, ``$(...)``, backticks) runs extra
commands: a file called ``x; rm -rf ~`` is enough.

## Example
```python
import os
os.system("convert " + upload_path + " out.png")
```

## Use instead
```python
import subprocess
subprocess.run(["convert", upload_path, "out.png"], check=True)
```
Use ``subprocess.run`` with an argument list; read output with
``capture_output=True`` instead of ``os.popen``.

## References
- [CWE-78: Improper Neutralization of Special Elements used in an OS Command](https://cwe.mitre.org/data/definitions/78.html)
- [Python docs: os.system](https://docs.python.org/3/library/os.html#os.system)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._process import argv_elements, shell_in_argv, unquoted_parts

SHELL_STRING_CALLS = frozenset({
    "os.system", "os.popen", "os.popen2", "os.popen3", "os.popen4", "posix.system", "nt.system",
    "subprocess.getoutput", "subprocess.getstatusoutput", "commands.getoutput", "commands.getstatusoutput",
    "platform.popen", "popen2.popen2", "popen2.popen3", "popen2.popen4",
})
EXEC_PREFIXES = ("os.exec", "os.spawn", "os.posix_spawn", "posix.exec", "posix.spawn", "posix.posix_spawn")
# Invoke's and Fabric's ``c.run("...")``, ``c.sudo(...)``, ``c.local(...)``: the string goes to a shell.
TASK_RUNNER_METHODS = frozenset({"run", "sudo", "local"})
TASK_RUNNER_OBJECTS = frozenset({"c", "ctx", "context", "conn", "connection", "cxn", "runner"})
TASK_RUNNER_MODULES = ("invoke", "fabric")
# Paramiko's ``SSHClient.exec_command`` and ``Channel.exec_command``: the remote login shell parses the string.
REMOTE_SHELL_METHODS = frozenset({"exec_command"})


@rule(
    id="DSP002",
    symbol="os-system-command",
    title="Shell command built from data in os.system or os.popen",
    severity="high",
    cwe=78,
    languages=("python",),
    equivalent="Bandit B605, Ruff S605",
    message="passes a command built from variable data to a shell; use subprocess.run with an argument list",
    use_instead="subprocess.run([program, arg1, arg2], check=True)",
    triggers=('system', 'popen', 'getoutput', 'getstatusoutput', 'exec', 'spawn', 'invoke', 'fabric', 'task',
              'exec_command'),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.name in SHELL_STRING_CALLS or _task_runner_shell(code, call) or call.short in REMOTE_SHELL_METHODS:
            parts = unquoted_parts(code, call.argument(0, "cmd") or call.keyword("command"))
        elif call.name.startswith(EXEC_PREFIXES):
            found = shell_in_argv(code, argv_elements(call.node))
            parts = [found] if found is not None else []
        else:
            continue
        if parts:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` runs a shell command containing `{code.text_of(parts[0], 40)}` "
                      "(command injection); use `subprocess.run([...], check=True)` with an argument list")


def _task_runner_shell(code: PythonView, call: Call) -> bool:
    """``c.run(...)`` on an Invoke ``Context`` or a Fabric ``Connection``: the receiver is the first
    parameter of a ``@task`` function, or a name the block binds to a Fabric connection."""
    if call.short not in TASK_RUNNER_METHODS or not isinstance(call.node.func, ast.Attribute):
        return False
    receiver = call.node.func.value
    if isinstance(receiver, ast.Call) and (code.qualname(receiver.func) or "").rsplit(".", 1)[-1] in (
            "Connection", "SerialGroup", "ThreadingGroup"):
        return "fabric" in code.source  # ``Connection(host).run(...)`` (the import says whose Connection)
    resolved = (code.receiver(call) or "").removesuffix("()")
    if resolved.endswith(("fabric.Connection", "fabric.connection.Connection", "fabric.SerialGroup",
                          "fabric.ThreadingGroup")):
        return True  # ``cxn = fabric.Connection(host)``, whatever the variable is called
    if not isinstance(receiver, ast.Name) or receiver.id not in TASK_RUNNER_OBJECTS:
        return False
    return any(module in code.source for module in TASK_RUNNER_MODULES) or "@task" in code.source
