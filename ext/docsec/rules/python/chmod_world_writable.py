"""## What it does
Finds permissions that let every user on the machine write a file or
directory: ``os.chmod``, ``os.fchmod``, ``os.lchmod``, ``Path.chmod``,
``os.mkdir``/``os.makedirs``/``Path.mkdir`` with a mode that has the
"others may write" bit (``0o777``, ``0o666``, ``0o757``, ``511``,
``stat.S_IWOTH``, ``stat.S_IRWXO``), any other call given such a
permission mode as ``mode=`` / ``file_mode=`` / ``dir_mode=`` /
``permissions=`` (``config.dump(path, mode=0o666)``,
``upload(..., file_mode=0o777)``; string modes such as ``mode="w"`` are not
permissions), and ``os.umask`` with a mask that lets it through
(``os.umask(0)``).  Creation calls whose mode the umask still narrows
(``open``, ``os.open``, ``Path.touch``) are left to the umask check.  ``0o755``, ``0o644``, ``0o700`` and ``0o600``
are not reported.

## Why is this bad?
A world-writable script, configuration file or directory can be changed by
any local user or compromised service: they replace the code the next run
executes, plant a symlink, or edit a config that is trusted.  Readers copy
``0o777`` to "fix" a permission error and keep it.

## Example
```python
import os
os.chmod("deploy.sh", 0o777)
```

## Use instead
```python
import os, stat
os.chmod("deploy.sh", stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)  # 0o755
```
Give write permission to the owner only (``0o755`` for programs and
directories, ``0o644`` for files, ``0o600``/``0o700`` for secrets).

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
- [Python docs: os.chmod](https://docs.python.org/3/library/os.html#os.chmod)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

OTHERS_WRITE = 0o002
STAT_BITS = {
    "S_ISUID": 0o4000, "S_ISGID": 0o2000, "S_ISVTX": 0o1000, "S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200,
    "S_IXUSR": 0o100, "S_IRWXG": 0o070, "S_IRGRP": 0o040, "S_IWGRP": 0o020, "S_IXGRP": 0o010, "S_IRWXO": 0o007,
    "S_IROTH": 0o004, "S_IWOTH": 0o002, "S_IXOTH": 0o001, "S_IREAD": 0o400, "S_IWRITE": 0o200, "S_IEXEC": 0o100,
}
MODE_POSITION = {"chmod": 1, "fchmod": 1, "lchmod": 1, "mkdir": 1, "makedirs": 1}
PERMISSION_KEYWORDS = frozenset({"mode", "file_mode", "dir_mode", "directory_mode", "permissions", "perms", "chmod",
                                 "file_permissions", "directory_permissions"})
# Creation calls whose mode is narrowed by the umask (0o666 is their default).
UMASKED = frozenset({"open", "touch", "mkfifo", "mknod", "NamedTemporaryFile", "mkstemp", "mkdtemp"})


@rule(
    id="DSP029",
    symbol="chmod-world-writable",
    title="File or directory made writable by every user",
    severity="high",
    cwe=732,
    languages=("python",),
    equivalent="Bandit B103, Ruff S103",
    message="grants write permission to every user; use 0o755 / 0o644 or tighter",
    use_instead="os.chmod(path, 0o755) for programs and directories, 0o644 for files, 0o600 for secrets",
    # every branch compares a whole name: `umask`, a MODE_POSITION short name, a PERMISSION_KEYWORDS keyword
    name_triggers=tuple(sorted({"umask", *MODE_POSITION, *PERMISSION_KEYWORDS})),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.name in ("os.umask", "posix.umask"):
            mask = _bits(code, call.argument(0, "mask"))
            if mask is not None and not mask & OTHERS_WRITE and not _explicit_modes(code):
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}({oct(mask)})` lets new files be created writable by every user; "
                          "use `os.umask(0o022)` or tighter")
            continue
        mode_node = _mode_argument(code, call)
        if mode_node is None and call.short not in UMASKED and not call.name.startswith(("os.", "posix.")):
            mode_node = _permission_keyword(code, call)
        mode = _bits(code, mode_node)
        if mode_node is not None and mode is not None and mode & OTHERS_WRITE:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., {code.text_of(mode_node, 40)})` makes the path writable by every user "
                      f"(mode {oct(mode)}); use `0o755` (or `0o644` for files)")


def _explicit_modes(code: PythonView) -> bool:
    """``os.umask(0)`` followed by ``os.open(path, flags, 0o600)``: the modes are chosen per file."""
    for call in code.calls:
        if call.name in ("os.open", "os.mkdir", "os.makedirs", "os.mkfifo", "os.chmod"):
            bits = _bits(code, call.argument(2 if call.name == "os.open" else 1, "mode"))
            if bits is not None and not bits & OTHERS_WRITE:
                return True
    return False


def _mode_argument(code: PythonView, call: Call) -> Optional[ast.expr]:
    if call.short not in MODE_POSITION:
        return None
    is_os = call.name.startswith(("os.", "posix."))
    if not is_os and isinstance(call.node.func, ast.Attribute):
        # Path.chmod(mode) / Path.mkdir(mode=...): the mode comes first.
        if call.short == "chmod":
            return call.argument(0, "mode")
        return call.keyword("mode") if call.short == "mkdir" else None
    return call.argument(MODE_POSITION[call.short], "mode") if is_os else None


def _permission_keyword(code: PythonView, call: Call) -> Optional[ast.expr]:
    """A ``mode=``-like keyword that holds permission bits: an octal literal, ``stat`` constants,
    or a decimal number in the permission range, never a string (``mode="w"``) or a small enum."""
    for keyword in call.node.keywords:
        if keyword.arg not in PERMISSION_KEYWORDS:
            continue
        value = keyword.value
        written = code.text_of(value, 80).lower()
        bits = _bits(code, value)
        if bits is None or not 0 <= bits <= 0o7777:
            continue
        if written.startswith("0o") or "s_i" in written or bits >= 0o400:
            return value
    return None


def _bits(code: PythonView, node: Optional[ast.AST], depth: int = 0) -> Optional[int]:
    """The permission bits an expression certainly sets, or None when it is not known."""
    if node is None or depth > 6:
        return None
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.Name) and node.id in STAT_BITS:
        return STAT_BITS[node.id]
    if isinstance(node, ast.Attribute) and node.attr in STAT_BITS:
        return STAT_BITS[node.attr]
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        return _bits(code, values[0], depth + 1) if len(values) == 1 else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.Add)):
        left, right = _bits(code, node.left, depth + 1), _bits(code, node.right, depth + 1)
        if left is None and right is None:
            return None
        return (left or 0) | (right or 0)
    if isinstance(node, ast.Call) and code.qualname(node.func) == "int" and len(node.args) == 2:
        text, base = code.string_value(node.args[0]), node.args[1]
        if text is not None and isinstance(base, ast.Constant) and base.value == 8:
            try:
                return int(text, 8)
            except ValueError:
                return None
    return None
