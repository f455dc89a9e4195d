"""Shared by the process rules (DSP001, DSP002, DSP041): how a command reaches a shell.

Not a rule; the catalog finds no rule here.
"""

from __future__ import annotations

import ast
from typing import Optional

from ...languages.python import PythonView

SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "fish", "cmd", "cmd.exe", "powershell", "powershell.exe",
                    "pwsh", "pwsh.exe"})
SHELL_FLAGS = frozenset({"-c", "/c", "/C", "-Command", "-command", "-lc", "-ic", "-ec", "-xc"})
# Values Python itself supplies, not outside data.
FIXED_BY_PYTHON = frozenset({"sys.executable", "os.devnull", "os.sep", "os.pathsep", "os.linesep", "os.name",
                             "sys.platform", "os.curdir", "os.pardir"})
QUOTERS = frozenset({"shlex.quote", "pipes.quote", "shlex.join", "mslex.quote", "quote"})


def unquoted_parts(code: PythonView, node: Optional[ast.AST]) -> list[ast.expr]:
    """Non-constant pieces of a command, leaving out pieces passed through ``shlex.quote``."""
    return [part for part in code.non_constant_parts(node)
            if not (isinstance(part, ast.Call) and (code.qualname(part.func) or "") in QUOTERS)
            and code.qualname(part) not in FIXED_BY_PYTHON]


def shell_in_argv(code: PythonView, elements: list[ast.expr]) -> Optional[ast.expr]:
    """For ``["bash", "-c", cmd]``-style argument vectors: the first non-constant
    element the shell will interpret, else ``None``."""
    for index, element in enumerate(elements[:-1]):
        program = code.string_value(element)
        if program is None or program.replace("\\", "/").rsplit("/", 1)[-1] not in SHELLS:
            continue
        rest = elements[index + 1:]
        flags = [i for i, e in enumerate(rest) if code.string_value(e) in SHELL_FLAGS]
        if flags:
            for candidate in rest[flags[0] + 1:]:
                parts = unquoted_parts(code, candidate)
                if parts:
                    return parts[0]
    return None


def argv_elements(call: ast.Call) -> list[ast.expr]:
    """Arguments of a call with one list/tuple argument flattened: ``execv(p, [a, b])`` -> ``[p, a, b]``."""
    flat: list[ast.expr] = []
    for argument in call.args:
        if isinstance(argument, (ast.List, ast.Tuple)):
            flat.extend(argument.elts)
        else:
            flat.append(argument)
    return flat
