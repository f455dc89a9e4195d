"""## What it does
Finds archive members written to a path built from the member's own name
without a containment check ("zip slip"): a loop over ``namelist()``,
``infolist()``, ``getmembers()`` or ``getnames()`` that joins the name into
a path (``os.path.join(dest, member.filename)``, ``Path(dest) / name``,
an f-string) and opens it for writing, writes to it or creates it.  Loops
that check the result with ``os.path.commonpath``, ``Path.is_relative_to``
or ``realpath(...).startswith(...)``, reject ``..``, or keep only
``os.path.basename(name)`` are not reported.  ``ZipFile.extractall`` and
``ZipFile.extract`` sanitise names themselves and are not reported.

## Why is this bad?
Member names come from whoever made the archive.  ``../../.ssh/authorized_keys``
or ``/etc/cron.d/job`` joined onto the destination points outside it, and the
loop writes the attacker's content there: arbitrary file overwrite, often
code execution.

## Example
```python
import os, zipfile
with zipfile.ZipFile(upload) as zf:
    for name in zf.namelist():
        with open(os.path.join(dest, name), "wb") as out:
            out.write(zf.read(name))
```

## Use instead
```python
import zipfile
with zipfile.ZipFile(upload) as zf:
    zf.extractall(dest)
```
Or check every target: ``target = os.path.realpath(os.path.join(dest, name))``
and refuse it unless ``os.path.commonpath([dest_real, target]) == dest_real``.

## References
- [CWE-22: Improper Limitation of a Pathname to a Restricted Directory](https://cwe.mitre.org/data/definitions/22.html)
- [Snyk: Zip Slip vulnerability](https://security.snyk.io/research/zip-slip-vulnerability)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

LISTINGS = frozenset({"namelist", "infolist", "getmembers", "getnames"})
MEMBER_ATTRIBUTES = frozenset({"filename", "name", "path", "orig_filename"})
STRIPPERS = re.compile(r"(?:basename|secure_filename|sanitize|sanitise|safe)", re.IGNORECASE)
JOINERS = frozenset({"os.path.join", "posixpath.join", "ntpath.join", "pathlib.Path", "Path", "PurePath",
                     "pathlib.PurePath", "joinpath"})
OPENERS = frozenset({"open", "io.open", "builtins.open", "codecs.open"})
RECEIVER_SINKS = frozenset({"write_bytes", "write_text", "mkdir", "touch", "symlink_to", "hardlink_to"})
FIRST_ARGUMENT_SINKS = frozenset({"makedirs", "mkdir"})
SECOND_ARGUMENT_SINKS = frozenset({"copy", "copy2", "copyfile", "move", "rename", "replace", "symlink", "link",
                                   "urlretrieve"})
VETTING = re.compile(r"(?:commonpath|commonprefix|is_relative_to|within|is_safe|safe_join|safe_path)", re.IGNORECASE)
MODE = re.compile(r"^[rwxabt+]{1,3}$")
CANONICAL = frozenset({"realpath", "abspath", "normpath", "resolve"})


@rule(
    id="DSP024",
    symbol="archive-member-path-join",
    title="Archive member name joined into a path without a containment check (zip slip)",
    severity="medium",
    cwe=22,
    languages=("python",),
    equivalent="none (Semgrep zip-slip rules)",
    message="an archive member name is joined into a write path unchecked; verify the target stays inside the destination",
    use_instead="zf.extractall(dest), or check os.path.commonpath([dest, realpath(target)]) == dest before writing.",
    triggers=('namelist', 'infolist', 'getmembers', 'getnames', 'tarfile'),
)
def check(code: PythonView) -> Iterator[Hit]:
    if _vetted(code):
        return
    for loop in code.nodes_of(ast.For, ast.AsyncFor):
        if not (isinstance(loop, (ast.For, ast.AsyncFor)) and _lists_members(code, loop.iter)):
            continue
        members = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
        reported: set[int] = set()
        for path in _written_paths(code, loop):
            for node in (n for candidate in _values(code, path) for n in ast.walk(candidate)):
                joined = _joined_member(code, node, members)
                line = getattr(node, "lineno", loop.lineno)
                if joined is not None and line not in reported:
                    reported.add(line)
                    yield Hit(line, code.column(node),
                              f"`{code.text_of(node, 50)}` builds a write path from the archive member name "
                              f"`{code.text_of(joined, 30)}`, which may hold `../` or an absolute path (zip slip); "
                              "use `extractall`, or check `os.path.commonpath` of the resolved target against "
                              "the destination")


def _written_paths(code: PythonView, loop: ast.AST) -> Iterator[ast.expr]:
    """Path expressions the loop body opens for writing, writes, creates or copies onto."""
    for node in ast.walk(loop):
        if not isinstance(node, ast.Call):
            continue
        name = code.qualname(node.func) or ""
        attribute = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name in OPENERS and node.args:
            mode = code.string_value(node.args[1] if len(node.args) > 1 else _keyword(node, "mode"))
            if mode is not None and any(flag in mode for flag in "wax+"):
                yield node.args[0]
        elif attribute == "open" and name not in OPENERS:
            mode = code.string_value(node.args[0] if node.args else _keyword(node, "mode"))
            if mode is not None and MODE.match(mode) and any(flag in mode for flag in "wax+"):
                yield node.func.value  # type: ignore[attr-defined]
        elif attribute in RECEIVER_SINKS:
            yield node.func.value  # type: ignore[attr-defined]
        elif name.rsplit(".", 1)[-1] in FIRST_ARGUMENT_SINKS and node.args:
            yield node.args[0]
        elif name.rsplit(".", 1)[-1] in SECOND_ARGUMENT_SINKS and len(node.args) > 1:
            yield node.args[1]


def _values(code: PythonView, node: ast.expr, depth: int = 0) -> list[ast.expr]:
    """The expression and, for a name, what it was assigned (two levels deep)."""
    if not isinstance(node, ast.Name) or depth > 2:
        return [node]
    found: list[ast.expr] = [node]
    for value in code.assignments.get(node.id, []):
        if isinstance(value, ast.expr):
            found.extend(_values(code, value, depth + 1))
    return found


def _lists_members(code: PythonView, node: ast.AST) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LISTINGS:
        return True
    resolved = code.resolve(node) or ""
    return resolved.endswith(("tarfile.open()", "TarFile()")) or resolved.rsplit(".", 1)[-1].rstrip("()") in LISTINGS


def _mentions_member(code: PythonView, node: ast.AST, members: set[str]) -> Optional[ast.AST]:
    """The member-name expression inside ``node``, unless it is reduced to a base name."""
    if isinstance(node, ast.Call) and STRIPPERS.search(code.text_of(node.func)):
        return None
    if isinstance(node, ast.Attribute) and node.attr == "name" and isinstance(node.value, ast.Call):
        return None  # Path(member).name keeps only the last component
    if isinstance(node, ast.Name) and node.id in members:
        return node
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in members:
        return node if node.attr in MEMBER_ATTRIBUTES else None
    for child in ast.iter_child_nodes(node):
        found = _mentions_member(code, child, members)
        if found is not None:
            return found
    return None


def _joined_member(code: PythonView, node: ast.AST, members: set[str]) -> Optional[ast.AST]:
    """For a path-building expression that takes the member name, the member expression."""
    if isinstance(node, ast.Call):
        name = code.qualname(node.func) or ""
        method_join = isinstance(node.func, ast.Attribute) and node.func.attr == "joinpath"
        if method_join or (name in JOINERS and len(node.args) >= 2):
            for argument in node.args if method_join else node.args[1:]:
                found = _mentions_member(code, argument, members)
                if found is not None:
                    return found
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return _mentions_member(code, node.right, members)
    if isinstance(node, ast.JoinedStr) and len(node.values) >= 2:
        return _mentions_member(code, node, members)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and _has_separator(code, node.left):
        return _mentions_member(code, node.right, members)
    return None


def _has_separator(code: PythonView, node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.endswith(("/", "\\"))
               for n in ast.walk(node)) or "os.sep" in code.text_of(node)


def _keyword(node: ast.Call, name: str) -> Optional[ast.expr]:
    return next((k.value for k in node.keywords if k.arg == name), None)


def _vetted(code: PythonView) -> bool:
    calls = {call.short for call in code.calls}
    if any(VETTING.search(short) for short in calls):
        return True
    if calls & CANONICAL and "startswith" in calls:
        return True
    return any(isinstance(node, ast.Compare) and any(code.string_value(c) == ".." for c in [node.left, *node.comparators])
               for node in code.nodes_of(ast.Compare))
