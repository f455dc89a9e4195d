"""Sphinx's ``conf.py``, read without running it.

``docsec check`` needs two things from a Sphinx project's configuration: the
``docsec_*`` settings (so that the gate and the build run with one
configuration) and the Sphinx settings that decide which code blocks a page
has and how they read (``source_suffix``, ``extensions``,
``myst_enable_extensions``, ``highlight_language``, ``exclude_patterns``,
``myst_substitutions``, ...).  ``conf.py`` is Python, and docsec never runs
what it reads: the file is parsed with :mod:`ast` and only the statements of
the module's top level that give a name a *literal* value are followed:

* ``name = <literal>`` (also ``name: T = ...`` and ``a = b = ...``), where a
  literal is a string, number, boolean, ``None``, or a list, tuple, set or
  dict of literals; a name assigned earlier, ``+`` of lists, tuples or
  strings and ``|`` of dicts are literals too;
* ``name += <literal>``, ``name |= <literal>``, ``name[key] = <literal>``;
* ``name.append(x)``, ``.extend(xs)``, ``.insert(i, x)``, ``.remove(x)`` and
  ``.update(d)`` with literal arguments on a literal value.

Anything else that gives a name a value (a call, a comprehension, an
f-string, an assignment inside ``if`` / ``try`` / ``for`` / ``with``) makes it
*not literal*: :class:`Setting` then carries the reason and the line, and the
front end says "set it as a literal".  A ``from module import *`` may set
any name, which is recorded as a problem of the file.  Names assigned inside
functions (``setup(app)``) are the functions' own and are not read.
"""

from __future__ import annotations

import ast
import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from .files import read_regular_file

PREFIX = "docsec_"
MAX_CONF_BYTES = 2 * 1024 * 1024
MUTATORS = frozenset({"append", "extend", "insert", "remove", "update"})
MAX_VALUE_SIZE = 100_000  # items (or characters) of a computed value
COMPOUND = (ast.If, ast.Try, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith)
if hasattr(ast, "TryStar"):  # Python 3.11
    COMPOUND = (*COMPOUND, ast.TryStar)  # type: ignore[assignment]
if hasattr(ast, "Match"):  # Python 3.10
    COMPOUND = (*COMPOUND, ast.Match)  # type: ignore[assignment]


class NotLiteral(Exception):
    """The expression is not something docsec can read without running it."""


@dataclass(frozen=True)
class Setting:
    """One name of conf.py: its literal value, or why it has none."""

    name: str
    line: int  # 1-based: where it was last given its value (or lost it)
    value: Any = None
    problem: str = ""  # empty when ``value`` is a literal

    @property
    def literal(self) -> bool:
        return not self.problem


@dataclass(frozen=True)
class ConfPy:
    """What docsec could read from one conf.py."""

    path: Path
    settings: Mapping[str, Setting] = field(default_factory=dict)
    problems: tuple[tuple[int, str], ...] = ()  # (line, message) about the file as a whole

    def get(self, name: str) -> Optional[Setting]:
        return self.settings.get(name)

    def value(self, name: str, default: Any = None) -> Any:
        """The literal value of ``name``, else ``default`` (not set, or not literal)."""
        setting = self.settings.get(name)
        return setting.value if setting is not None and setting.literal else default

    def docsec_settings(self) -> dict[str, Setting]:
        """The ``docsec_*`` names, keyed without the prefix."""
        return {name[len(PREFIX):]: setting for name, setting in self.settings.items()
                if name.startswith(PREFIX) and len(name) > len(PREFIX)}


def read_conf_py(path: Path, text: Optional[str] = None) -> ConfPy:
    """Read ``path`` (or ``text``) statically; never raises on bad input."""
    if text is None:
        try:
            data = read_regular_file(path, MAX_CONF_BYTES)
            text = data.decode("utf-8-sig")
        except Exception as error:  # noqa: BLE001 - unreadable, not a file, too large, not UTF-8
            return ConfPy(path, problems=((1, f"cannot read it ({error})"),))
    try:
        tree = ast.parse(text, str(path))
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        line = getattr(error, "lineno", None) or 1
        return ConfPy(path, problems=((line, f"it is not valid Python ({getattr(error, 'msg', error)})"),))
    reader = _Reader()
    for statement in tree.body:
        try:
            reader.statement(statement)
        except (RecursionError, MemoryError):  # nesting no settings file needs: the names it sets are lost
            for name in _assigned_names(ast.Module(body=[statement], type_ignores=[])) | _target_names(statement):
                reader.lose(name, statement.lineno, "its value is nested too deeply for docsec to read")
    return ConfPy(path, dict(reader.settings), tuple(reader.problems))


def _target_names(statement: ast.stmt) -> set[str]:
    targets = getattr(statement, "targets", None) or [getattr(statement, "target", None)]
    return set().union(*(_names_in(target) for target in targets if target is not None))


class _Reader:
    def __init__(self) -> None:
        self.settings: dict[str, Setting] = {}
        self.problems: list[tuple[int, str]] = []

    # -- statements of the module's top level ---------------------------------

    def statement(self, node: ast.stmt) -> None:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is None:  # ``name: int`` declares, sets nothing
                return
            for target in targets:
                self.assign(target, node.value, node.lineno)
        elif isinstance(node, ast.AugAssign):
            self.augment(node)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            self.call(node.value, node.lineno)
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    self.settings.pop(target.id, None)
                else:
                    self.touch(target, node.lineno, "an item of it is deleted")
        elif isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names):
            module = "." * node.level + (node.module or "")
            self.problems.append((node.lineno, f"`from {module} import *` may set any setting, and docsec "
                                               "reads only conf.py itself"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                name = (alias.asname or alias.name).split(".")[0]
                self.lose(name, node.lineno, "it is imported, not assigned")
        elif isinstance(node, COMPOUND):
            kind = type(node).__name__.lower().replace("async", "")
            for name in sorted(_assigned_names(node)):
                self.lose(name, node.lineno, f"it is set inside a `{kind}` statement (line {node.lineno}), "
                                             "so its value depends on running conf.py")
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            self.lose(node.name, node.lineno, "it is a function or class")

    def assign(self, target: ast.expr, value: ast.expr, line: int) -> None:
        if isinstance(target, ast.Name):
            self.set(target.id, value, line)
        elif isinstance(target, (ast.Tuple, ast.List)):
            if isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not any(
                    isinstance(item, ast.Starred) for item in (*target.elts, *value.elts)):
                for item, item_value in zip(target.elts, value.elts):
                    self.assign(item, item_value, line)
            else:
                for name in _names_in(target):
                    self.lose(name, line, "it is unpacked from a value docsec cannot split")
        elif isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
            self.set_item(target.value.id, target, value, line)
        else:
            for name in _names_in(target):
                self.lose(name, line, "an attribute or item of it is assigned")

    def set(self, name: str, value: ast.expr, line: int) -> None:
        try:
            self.settings[name] = Setting(name, line, self.literal(value))
        except NotLiteral as why:
            self.settings[name] = Setting(name, line, problem=f"its value is {why}")

    def lose(self, name: str, line: int, why: str) -> None:
        self.settings[name] = Setting(name, line, problem=why)

    def touch(self, node: ast.expr, line: int, why: str) -> None:
        for name in _names_in(node):
            self.lose(name, line, why)

    def set_item(self, name: str, target: ast.Subscript, value: ast.expr, line: int) -> None:
        current = self.settings.get(name)
        if current is None or not current.literal:
            self.lose(name, line, "an item of it is assigned" + (f" and {current.problem}" if current else ""))
            return
        try:
            key = self.literal(target.slice)
            item = self.literal(value)
            updated = copy.deepcopy(current.value)
            updated[key] = item
        except (NotLiteral, TypeError, KeyError, IndexError, AttributeError) as why:
            self.lose(name, line, f"an item of it is assigned something docsec cannot read ({why})")
            return
        self.settings[name] = Setting(name, line, updated)

    def augment(self, node: ast.AugAssign) -> None:
        if not isinstance(node.target, ast.Name):
            self.touch(node.target, node.lineno, "an attribute or item of it is changed")
            return
        name = node.target.id
        current = self.settings.get(name)
        if current is None:
            self.lose(name, node.lineno, "it is changed with an operator before it is assigned")
            return
        if not current.literal:  # the first reason stands
            return
        try:
            updated = _combine(current.value, node.op, self.literal(node.value))
        except NotLiteral as why:
            self.lose(name, node.lineno, f"it is changed with {why}")
            return
        self.settings[name] = Setting(name, node.lineno, updated)

    def call(self, call: ast.Call, line: int) -> None:
        function = call.func
        if not (isinstance(function, ast.Attribute) and isinstance(function.value, ast.Name)):
            for argument in [*call.args, *(keyword.value for keyword in call.keywords)]:
                if isinstance(argument, ast.Call):
                    continue
                self.touch(argument, line, "it is passed to a call that may change it") if _mutable_use(
                    argument) else None
            return
        name, method = function.value.id, function.attr
        current = self.settings.get(name)
        if current is None:
            return  # a module or a name conf.py never set (``sys.path.insert``)
        if method not in MUTATORS or not current.literal or call.keywords:
            if method in MUTATORS or not current.literal:
                self.lose(name, line, f"`.{method}(...)` changes it" if current.literal else current.problem)
            return
        try:
            arguments = [self.literal(argument) for argument in call.args]
            if _size(current.value) + sum(map(_size, arguments)) > MAX_VALUE_SIZE:
                raise NotLiteral(f"a value larger than {MAX_VALUE_SIZE} items")
            updated = copy.deepcopy(current.value)
            getattr(updated, method)(*arguments)
        except (NotLiteral, TypeError, ValueError, AttributeError) as why:
            self.lose(name, line, f"`.{method}(...)` changes it with something docsec cannot read ({why})")
            return
        self.settings[name] = Setting(name, line, updated)

    # -- expressions ------------------------------------------------------------

    def literal(self, node: ast.expr) -> Any:
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items: list[Any] = []
            for element in node.elts:
                if isinstance(element, ast.Starred):
                    items.extend(self.literal(element.value))
                else:
                    items.append(self.literal(element))
            return {ast.List: list, ast.Tuple: tuple, ast.Set: set}[type(node)](items)
        if isinstance(node, ast.Dict):
            result: dict[Any, Any] = {}
            for key, value in zip(node.keys, node.values):
                if key is None:  # ``**other``
                    spread = self.literal(value)
                    if not isinstance(spread, dict):
                        raise NotLiteral("a ** of something that is not a dict")
                    result.update(spread)
                else:
                    result[self.literal(key)] = self.literal(value)
            return result
        if isinstance(node, ast.Name):
            setting = self.settings.get(node.id)
            if setting is None:
                raise NotLiteral(f"the name `{node.id}`, which conf.py does not assign a literal")
            if not setting.literal:
                raise NotLiteral(f"the name `{node.id}`, which is not a literal ({setting.problem})")
            return copy.deepcopy(setting.value)
        if isinstance(node, ast.BinOp):
            return _combine(self.literal(node.left), node.op, self.literal(node.right))
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            value = self.literal(node.operand)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return -value if isinstance(node.op, ast.USub) else value
        raise NotLiteral(_describe(node))


def _combine(left: Any, operator: ast.operator, right: Any) -> Any:
    if _size(left) + _size(right) > MAX_VALUE_SIZE:  # ``a += a`` forty times would fill memory
        raise NotLiteral(f"a value larger than {MAX_VALUE_SIZE} items")
    if isinstance(operator, ast.Add) and type(left) is type(right) and isinstance(left, (list, tuple, str)):
        return left + right
    if isinstance(operator, ast.Add) and isinstance(left, list) and isinstance(right, tuple):
        return left + list(right)
    if isinstance(operator, ast.BitOr) and isinstance(left, dict) and isinstance(right, dict):
        return {**left, **right}
    if isinstance(operator, ast.BitOr) and isinstance(left, set) and isinstance(right, set):
        return left | right
    raise NotLiteral(f"a `{_OPERATORS.get(type(operator), type(operator).__name__)}` docsec does not compute here")


def _size(value: Any) -> int:
    return len(value) if isinstance(value, (str, list, tuple, dict, set)) else 1


_OPERATORS = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.BitOr: "|", ast.Mod: "%", ast.Div: "/"}


def _describe(node: ast.expr) -> str:
    if isinstance(node, ast.Call):
        return "the result of a call"
    if isinstance(node, ast.JoinedStr):
        return "an f-string"
    if isinstance(node, (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
        return "a comprehension"
    if isinstance(node, ast.Attribute):
        return "an attribute"
    if isinstance(node, ast.Subscript):
        return "an item of another value"
    if isinstance(node, ast.IfExp):
        return "a conditional expression"
    return f"an expression ({type(node).__name__})"


def _names_in(node: ast.AST) -> set[str]:
    """The outermost names of an assignment target: ``a`` of ``a.b[1]``."""
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
        node = node.value
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, (ast.Tuple, ast.List)):
        return set().union(*(_names_in(item) for item in node.elts)) if node.elts else set()
    return set()


def _mutable_use(node: ast.expr) -> bool:
    return isinstance(node, ast.Name)


def _assigned_names(node: ast.AST) -> set[str]:
    """Every name a compound statement may give a value (not inside nested functions or classes)."""
    found: set[str] = set()
    stack = list(ast.iter_child_nodes(node))
    while stack:
        child = stack.pop()
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                found.add(child.name)
            continue
        if isinstance(child, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = child.targets if isinstance(child, ast.Assign) else [child.target]
            for target in targets:
                found |= _names_in(target)
        elif isinstance(child, (ast.For, ast.AsyncFor)):
            found |= _names_in(child.target)
        elif isinstance(child, (ast.With, ast.AsyncWith)):
            for item in child.items:
                if item.optional_vars is not None:
                    found |= _names_in(item.optional_vars)
        elif isinstance(child, ast.ExceptHandler) and child.name:
            found.add(child.name)
        elif isinstance(child, (ast.Import, ast.ImportFrom)):
            found |= {(alias.asname or alias.name).split(".")[0] for alias in child.names if alias.name != "*"}
        elif isinstance(child, ast.Delete):
            for target in child.targets:
                found |= _names_in(target)
        elif isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) and isinstance(
                child.func.value, ast.Name) and child.func.attr in MUTATORS:
            found.add(child.func.value.id)
        elif isinstance(child, ast.NamedExpr) and isinstance(child.target, ast.Name):
            found.add(child.target.id)
        stack.extend(ast.iter_child_nodes(child))
    return found
