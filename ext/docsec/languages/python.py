"""The Python view of a block: one tolerant parse, resolved names, helpers.

Documentation snippets are fragments: placeholders, undefined names, a
header without its body.  :func:`parse_tolerant` blanks the lines Python
rejects (and gives a bodiless header a ``pass``) until the rest parses, so a
single broken line does not hide the dangerous call three lines below it.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator, Optional

MAX_REPAIRS = 40
HEADER_END = re.compile(r":\s*(#.*)?$")


@dataclass(frozen=True)
class ParseResult:
    tree: Optional[ast.Module]
    dropped_lines: tuple[int, ...] = ()

    @property
    def complete(self) -> bool:
        return self.tree is not None and not self.dropped_lines


def parse_tolerant(source: str) -> ParseResult:
    lines = source.split("\n")
    dropped: list[int] = []
    for _ in range(min(MAX_REPAIRS, len(lines) + 1)):
        try:
            return ParseResult(ast.parse("\n".join(lines)), tuple(dropped))
        except SyntaxError as error:
            if not _repair(lines, error, dropped):
                break
        except (ValueError, RecursionError, MemoryError):
            break
    return ParseResult(None, tuple(dropped))


def _repair(lines: list[str], error: SyntaxError, dropped: list[int]) -> bool:
    number = error.lineno or 0
    if not 1 <= number <= len(lines):
        return _close_unterminated(lines, dropped)
    message = error.msg or ""
    if "expected an indented block" in message:
        header = _header_before(lines, number)
        if header is not None:
            lines[header - 1] = lines[header - 1].rstrip() + " pass"
            return True
    if not lines[number - 1].strip():
        return _close_unterminated(lines, dropped)
    lines[number - 1] = ""
    dropped.append(number)
    return True


def _header_before(lines: list[str], number: int) -> Optional[int]:
    for candidate in range(number - 1, 0, -1):
        text = lines[candidate - 1]
        if text.strip():
            return candidate if HEADER_END.search(text) else None
    return None


def _close_unterminated(lines: list[str], dropped: list[int]) -> bool:
    """Blank the last non-empty line, the usual place of an unclosed bracket."""
    for number in range(len(lines), 0, -1):
        if lines[number - 1].strip():
            lines[number - 1] = ""
            dropped.append(number)
            return True
    return False


@dataclass(frozen=True)
class Call:
    node: ast.Call
    name: str  # resolved dotted name, e.g. "subprocess.run" or "requests.Session().get"

    @property
    def line(self) -> int:
        return self.node.lineno

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    @property
    def written(self) -> str:
        """The callee as the snippet writes it, e.g. ``app.run``."""
        return ast.unparse(self.node.func)

    def keyword(self, name: str) -> Optional[ast.expr]:
        for keyword in self.node.keywords:
            if keyword.arg == name:
                return keyword.value
        return None

    def argument(self, position: int, name: str = "") -> Optional[ast.expr]:
        positional = [arg for arg in self.node.args if not isinstance(arg, ast.Starred)]
        if len(positional) > position and len(positional) == len(self.node.args[: len(positional)]):
            return self.node.args[position]
        return self.keyword(name) if name else None


@dataclass
class PythonView:
    """A parsed Python block with the queries rules need, computed once."""

    source: str
    tree: ast.Module
    lines: list[str]
    complete: bool = True
    column_offsets: dict[int, int] = field(default_factory=dict)

    @cached_property
    def aliases(self) -> dict[str, str]:
        aliases: dict[str, str] = {}
        for node in self.nodes:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        aliases[alias.asname] = alias.name
                    else:
                        top = alias.name.split(".")[0]
                        aliases.setdefault(top, top)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    if alias.name != "*":
                        aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        return aliases

    @cached_property
    def nodes(self) -> list[ast.AST]:
        return list(ast.walk(self.tree))

    @cached_property
    def calls(self) -> list[Call]:
        found = []
        for node in self.nodes:
            if isinstance(node, ast.Call):
                name = self.qualname(node.func)
                if name:
                    found.append(Call(node, name))
        return found

    @cached_property
    def assignments(self) -> dict[str, list[ast.expr]]:
        """Every value assigned to a plain name or ``obj.attr`` target."""
        assigned: dict[str, list[ast.expr]] = {}
        for node in self.nodes:
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._record(assigned, target, node.value)
            elif isinstance(node, (ast.AnnAssign, ast.AugAssign)) and node.value is not None:
                value = node.value if isinstance(node, ast.AnnAssign) else node
                self._record(assigned, node.target, value)  # type: ignore[arg-type]
            elif isinstance(node, ast.NamedExpr):
                self._record(assigned, node.target, node.value)
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.arguments)):
                for target in _bound_names(node):
                    assigned.setdefault(target, []).append(node)  # type: ignore[arg-type]
        return assigned

    def _record(self, assigned: dict[str, list[ast.expr]], target: ast.AST, value: ast.expr) -> None:
        if isinstance(target, (ast.Tuple, ast.List)):
            for element in target.elts:
                self._record(assigned, element, value if not isinstance(value, (ast.Tuple, ast.List)) else ast.Constant(None))
            return
        name = self.qualname(target) if isinstance(target, (ast.Name, ast.Attribute)) else None
        if name:
            assigned.setdefault(name, []).append(value)

    def qualname(self, node: ast.AST) -> Optional[str]:
        """Dotted name of an expression with import aliases resolved."""
        parts: list[str] = []
        while True:
            if isinstance(node, ast.Attribute):
                parts.append(node.attr)
                node = node.value
            elif isinstance(node, ast.Call):
                inner = self.qualname(node.func)
                if inner is None:
                    return None
                parts.append(inner + "()")
                break
            elif isinstance(node, ast.Name):
                parts.append(self.aliases.get(node.id, node.id))
                break
            else:
                return None
        return ".".join(reversed(parts))

    def calls_to(self, *names: str) -> Iterator[Call]:
        """Calls whose resolved name is, or ends with, one of ``names``."""
        wanted = set(names)
        for call in self.calls:
            if call.name in wanted or any(call.name.endswith("." + name) for name in wanted if "." in name):
                yield call

    def is_constant(self, node: Optional[ast.AST], depth: int = 0) -> bool:
        """True when the value is fixed text in the snippet, not outside data."""
        if node is None or depth > 8:
            return False
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.JoinedStr):
            return all(self.is_constant(v.value if isinstance(v, ast.FormattedValue) else v, depth + 1) for v in node.values)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return all(self.is_constant(e, depth + 1) for e in node.elts)
        if isinstance(node, ast.BinOp):
            return self.is_constant(node.left, depth + 1) and self.is_constant(node.right, depth + 1)
        if isinstance(node, ast.Name):
            values = self.assignments.get(node.id, [])
            return len(values) == 1 and self.is_constant(values[0], depth + 1)
        return False

    def string_value(self, node: Optional[ast.AST]) -> Optional[str]:
        """The literal string a node holds, following one-time name assignment."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.Name):
            values = self.assignments.get(node.id, [])
            if len(values) == 1 and values[0] is not node:
                return self.string_value(values[0])
        return None

    def is_true(self, node: Optional[ast.AST]) -> bool:
        return isinstance(node, ast.Constant) and node.value is True

    def is_false(self, node: Optional[ast.AST]) -> bool:
        return isinstance(node, ast.Constant) and node.value is False

    def line_text(self, number: int) -> str:
        return self.lines[number - 1].strip() if 1 <= number <= len(self.lines) else ""

    def column(self, node: ast.AST) -> int:
        line = getattr(node, "lineno", 1)
        return getattr(node, "col_offset", 0) + 1 + self.column_offsets.get(line, 0)


def _bound_names(node: ast.AST) -> Iterator[str]:
    targets: list[ast.AST] = []
    if isinstance(node, (ast.For, ast.AsyncFor)):
        targets = [node.target]
    elif isinstance(node, (ast.With, ast.AsyncWith)):
        targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
    elif isinstance(node, ast.arguments):
        return (arg.arg for arg in [*node.posonlyargs, *node.args, *node.kwonlyargs, node.vararg, node.kwarg] if arg)
    return (n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))


def build_python_view(text: str, column_offsets: Optional[dict[int, int]] = None) -> Optional[PythonView]:
    text, indent = _dedent(text)
    offsets = dict(column_offsets or {})
    if indent:
        for number in range(1, text.count("\n") + 2):
            offsets[number] = offsets.get(number, 0) + indent
    parsed = parse_tolerant(text)
    if parsed.tree is None:
        return None
    return PythonView(
        source=text,
        tree=parsed.tree,
        lines=text.split("\n"),
        complete=parsed.complete,
        column_offsets=offsets,
    )


def _dedent(text: str) -> tuple[str, int]:
    """Remove the indentation common to every line of a fragment."""
    lines = text.split("\n")
    indents = [len(line) - len(line.lstrip(" ")) for line in lines if line.strip()]
    indent = min(indents, default=0)
    if not indent:
        return text, 0
    return "\n".join(line[indent:] for line in lines), indent
