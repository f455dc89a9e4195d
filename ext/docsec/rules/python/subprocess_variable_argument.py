"""## What it does
Audit profile only.  Lists every process started with arguments that are
not fixed text in the example: ``subprocess.run``/``call``/``check_call``/
``check_output``/``Popen``, ``asyncio.create_subprocess_exec``,
``os.exec*``/``os.spawn*`` and ``os.posix_spawn``, even without a shell.
Commands made only of literals are not listed.

## Why is this bad?
Without a shell there is no command injection, but the values still choose
what runs: a file name starting with ``-`` becomes an option
(``--upload-pack=...`` for git, ``-o ProxyCommand=...`` for ssh), a
relative program name is looked up on ``PATH``, and an argument vector
taken from a request picks the program itself.  A reviewer should see each
of these; the default profile leaves them alone because most are fine.

## Example
```python
import subprocess
subprocess.run(["git", "clone", repo_url, target])
```

## Use instead
```python
import subprocess
subprocess.run(["git", "clone", "--", repo_url, target], check=True)
```
Validate the values, put ``--`` before positional arguments and use
absolute program paths where ``PATH`` is not trusted.

## References
- [CWE-78: Improper Neutralization of Special Elements used in an OS Command](https://cwe.mitre.org/data/definitions/78.html)
- [CWE-88: Argument Injection](https://cwe.mitre.org/data/definitions/88.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._process import argv_elements, shell_in_argv

PROCESS_CALLS = frozenset({
    "subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen",
    "asyncio.create_subprocess_exec", "os.posix_spawn", "os.posix_spawnp",
})
PROCESS_PREFIXES = ("os.exec", "os.spawn")
TRUSTED = frozenset({"sys.executable"})


@rule(
    id="DSP041",
    symbol="subprocess-variable-argument",
    title="Process started with variable arguments (audit)",
    severity="low",
    confidence="low",
    cwe=78,
    languages=("python",),
    equivalent="Bandit B603/B606/B607, Ruff S603/S606/S607",
    message="starts a process with arguments from variables; check they are validated and separated by `--`",
    use_instead='subprocess.run(["prog", "--", value], check=True) after validating value',
    profile="audit",
    # every PROCESS_CALLS name holds subprocess or spawn; the prefixes os.exec, os.spawn
    triggers=("subprocess", "spawn", "exec"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.name not in PROCESS_CALLS and not call.name.startswith(PROCESS_PREFIXES):
            continue
        elements = argv_elements(call.node)
        if code.is_true(call.keyword("shell")) or shell_in_argv(code, elements):
            continue  # a shell command: DSP001/DSP002 report these
        variable = [part for element in elements for part in code.non_constant_parts(element)
                    if code.qualname(part) not in TRUSTED]
        if variable:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` starts a process with `{code.text_of(variable[0], 40)}` in its arguments; "
                      "validate it, put `--` before positional values and prefer absolute program paths")
