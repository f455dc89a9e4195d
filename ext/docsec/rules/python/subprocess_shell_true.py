"""## What it does
Finds commands built from variable data and run through a shell:
``shell=True`` on ``subprocess.run``, ``call``, ``check_output``, ``Popen``
(or any other call taking ``shell=True``), ``asyncio.create_subprocess_shell``,
``loop.subprocess_shell`` and argument vectors such as
``["bash", "-c", command]``.  A command that is fixed text in the example is
not reported.

## Why is this bad?
The shell interprets the whole string: a file name, branch name or form
field containing ``;``, ``|``, ``$(...)`` or a backtick runs commands of the
attacker's choosing (command injection).  Readers paste the example into a
web handler or a CI script and pass it whatever arrives.

## Example
```python
import subprocess
subprocess.run(f"grep {pattern} {filename}", shell=True)
```

## Use instead
```python
import subprocess
subprocess.run(["grep", "--", pattern, filename], check=True)
```
Pass an argument list and leave ``shell`` at its default ``False``.  When a
shell is unavoidable, quote every piece with ``shlex.quote``.

## References
- [CWE-78: Improper Neutralization of Special Elements used in an OS Command](https://cwe.mitre.org/data/definitions/78.html)
- [Python docs: Security Considerations for subprocess](https://docs.python.org/3/library/subprocess.html#security-considerations)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._process import shell_in_argv, unquoted_parts

SHELL_FUNCTIONS = ("asyncio.create_subprocess_shell", "subprocess_shell")
ARGV_FUNCTIONS = frozenset({"run", "call", "check_call", "check_output", "Popen", "create_subprocess_exec",
                            "subprocess_exec"})


@rule(
    id="DSP001",
    symbol="subprocess-shell-true",
    title="Command built from data run with shell=True",
    severity="high",
    cwe=78,
    languages=("python",),
    equivalent="Bandit B602/B604, Ruff S602/S604",
    message="runs a command built from variable data through the shell; pass an argument list without shell=True",
    use_instead="subprocess.run([program, arg1, arg2]) without shell=True; shlex.quote each piece if a shell is required.",
    # the `shell` keyword, `*subprocess_shell` calls, or (argument vectors) a string in SHELL_FLAGS:
    # `-c` (also in `-command`), `/c`, `-lc`, `-ic`, `-ec`, `-xc`
    triggers=("shell", "-c", "/c", "-lc", "-ic", "-ec", "-xc"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        tainted = _shell_command(code, call)
        if tainted is not None:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(...)` runs a command containing `{code.text_of(tainted, 40)}` through the "
                      "shell (command injection); pass an argument list such as `[\"prog\", arg]` without "
                      "`shell=True`, or `shlex.quote` each value")


def _shell_command(code: PythonView, call: Call) -> Optional[ast.expr]:
    """The first unquoted variable piece of a command a shell will interpret."""
    shell = call.keyword("shell")
    if isinstance(shell, ast.Constant) and shell.value in (True, 1):
        command = call.argument(0, "args") or call.keyword("cmd") or call.keyword("command")
        parts = unquoted_parts(code, command)
        return parts[0] if parts else None
    if call.name.endswith(SHELL_FUNCTIONS) or call.short == "subprocess_shell":
        command = call.argument(1 if call.short == "subprocess_shell" else 0, "cmd")
        parts = unquoted_parts(code, command)
        return parts[0] if parts else None
    if call.short in ARGV_FUNCTIONS and call.node.args:
        first = call.node.args[0]
        if call.short.endswith("_exec"):
            return shell_in_argv(code, [a for a in call.node.args if not isinstance(a, ast.Starred)])
        if isinstance(first, (ast.List, ast.Tuple)):
            return shell_in_argv(code, list(first.elts))
    return None
