"""Shared heuristics for the rules about write paths built from a name someone else chose
(DSP024: an archive member's name, DSP062: an uploaded file's name).

Where a snippet writes files, whether a path expression joins such a name
into a directory, and whether the snippet checks where the path ends up.
No rule lives here (the module starts with ``_``).
"""

from __future__ import annotations

import ast
import re
from typing import Callable, Iterator, Optional

from ...languages.python import PythonView

# Calls that keep only the last component of a name, or clean it.
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

# Tells whether a node is the outside name: True, False (and nothing inside it is), None (look inside).
NameTest = Callable[[ast.AST], Optional[bool]]


def written_paths(code: PythonView, scope: ast.AST) -> Iterator[ast.expr]:
    """Path expressions ``scope`` opens for writing, writes, creates or copies onto."""
    for node in ast.walk(scope):
        if not isinstance(node, ast.Call):
            continue
        name = code.qualname(node.func) or ""
        attribute = node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name in OPENERS and node.args:
            mode = code.string_value(node.args[1] if len(node.args) > 1 else keyword(node, "mode"))
            if mode is not None and any(flag in mode for flag in "wax+"):
                yield node.args[0]
        elif attribute == "open" and name not in OPENERS:
            mode = code.string_value(node.args[0] if node.args else keyword(node, "mode"))
            if mode is not None and MODE.match(mode) and any(flag in mode for flag in "wax+"):
                yield node.func.value  # type: ignore[attr-defined]
        elif attribute in RECEIVER_SINKS:
            yield node.func.value  # type: ignore[attr-defined]
        elif name.rsplit(".", 1)[-1] in FIRST_ARGUMENT_SINKS and node.args:
            yield node.args[0]
        elif name.rsplit(".", 1)[-1] in SECOND_ARGUMENT_SINKS and len(node.args) > 1:
            yield node.args[1]


def values(code: PythonView, node: ast.expr, depth: int = 0) -> list[ast.expr]:
    """The expression and, for a name, what it was assigned where it is read (two levels deep)."""
    if not isinstance(node, ast.Name) or depth > 2:
        return [node]
    found: list[ast.expr] = [node]
    for value in code.assigned_where_read(node):
        found.extend(values(code, value, depth + 1))
    return found


def mentioned_name(code: PythonView, node: ast.AST, is_name: NameTest) -> Optional[ast.AST]:
    """The outside name inside ``node``, unless it is reduced to a base name on the way."""
    if isinstance(node, ast.Call) and STRIPPERS.search(code.text_of(node.func)):
        return None
    if isinstance(node, ast.Attribute) and node.attr == "name" and isinstance(node.value, ast.Call):
        return None  # Path(name).name keeps only the last component
    verdict = is_name(node)
    if verdict is not None:
        return node if verdict else None
    for child in ast.iter_child_nodes(node):
        found = mentioned_name(code, child, is_name)
        if found is not None:
            return found
    return None


def joined_name(code: PythonView, node: ast.AST, is_name: NameTest) -> Optional[ast.AST]:
    """For a path-building expression that joins the outside name under a directory, the name."""
    if isinstance(node, ast.Call):
        name = code.qualname(node.func) or ""
        method_join = isinstance(node.func, ast.Attribute) and node.func.attr == "joinpath"
        if method_join or (name in JOINERS and len(node.args) >= 2):
            for argument in node.args if method_join else node.args[1:]:
                found = mentioned_name(code, argument, is_name)
                if found is not None:
                    return found
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return mentioned_name(code, node.right, is_name)
    if isinstance(node, ast.JoinedStr) and len(node.values) >= 2:
        return mentioned_name(code, node, is_name)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and _has_separator(code, node.left):
        return mentioned_name(code, node.right, is_name)
    return None


def vetted(code: PythonView) -> bool:
    """The snippet checks where its paths end up (``commonpath``, ``is_relative_to``, ``".." in``...)."""
    calls = {call.short for call in code.calls}
    if any(VETTING.search(short) for short in calls):
        return True
    if calls & CANONICAL and "startswith" in calls:
        return True
    return any(isinstance(node, ast.Compare) and any(code.string_value(c) == ".." for c in [node.left, *node.comparators])
               for node in code.nodes_of(ast.Compare))


def keyword(node: ast.Call, name: str) -> Optional[ast.expr]:
    return next((k.value for k in node.keywords if k.arg == name), None)


def _has_separator(code: PythonView, node: ast.AST) -> bool:
    return any(isinstance(n, ast.Constant) and isinstance(n.value, str) and n.value.endswith(("/", "\\"))
               for n in ast.walk(node)) or "os.sep" in code.text_of(node)
