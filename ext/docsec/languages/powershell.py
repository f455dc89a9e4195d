"""PowerShell blocks, read with the tree-sitter PowerShell grammar.

A PowerShell block keeps its shell view (``languages/shell.py``), which reads
its commands as words as it always did (``iwr ... | iex``, ``Set-MpPreference``);
this view adds what only the grammar tells:

* :attr:`PowerShellView.commands`: each command with its name, its parameters
  (``-AsPlainText``) and the value written after each, its arguments, and the
  pipeline it stands in (:attr:`Command.pipeline`, :attr:`Command.position`);
* :attr:`PowerShellView.invocations`: method calls, ``(New-Object
  Net.WebClient).DownloadString(url)`` and ``[scriptblock]::Create($s)``, with
  the receiver and the method's name;
* :attr:`PowerShellView.assignments`: each variable or member assigned
  (``$s``, ``[System.Net.ServicePointManager]::ServerCertificateValidationCallback``)
  with its values;
* :meth:`PowerShellView.string_value`: a literal string's text (``None`` for a
  string that expands a variable or a subexpression).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional

from .lazy import lazy_property
from .treesitter import Tree, parse

# The grammar's chain of precedence levels: one value is many nested nodes; these stand for the value inside.
PASS_THROUGH = frozenset({
    "pipeline", "pipeline_chain", "logical_expression", "bitwise_expression", "comparison_expression",
    "additive_expression", "multiplicative_expression", "format_expression", "range_expression",
    "array_literal_expression", "unary_expression", "expression_with_unary_operator", "argument_expression",
    "logical_argument_expression", "bitwise_argument_expression", "comparison_argument_expression",
    "additive_argument_expression", "multiplicative_argument_expression", "format_argument_expression",
    "range_argument_expression", "parenthesized_expression", "left_assignment_expression", "string_literal",
    "sub_expression",
})


@dataclass(frozen=True)
class Parameter:
    name: str  # lower case, without the dash: ``asplaintext``
    node: Any
    value: Optional[Any]  # the element written after it, when it is not another parameter


@dataclass(frozen=True)
class Command:
    node: Any
    name: str  # as written: ``Invoke-WebRequest``, ``iex``, ``powershell``
    parameters: tuple[Parameter, ...]
    arguments: tuple[Any, ...]  # the elements that are not parameters nor their values, in order
    elements: tuple[Any, ...]  # every element after the name, in order
    pipeline: Any  # the pipeline node it stands in
    position: int  # its index in the pipeline

    @property
    def lower(self) -> str:
        return self.name.lower()

    def parameter(self, *names: str) -> Optional[Parameter]:
        """The first parameter given by one of these names or a prefix of them PowerShell accepts
        (``-SkipCert`` for ``-SkipCertificateCheck``, three letters or more)."""
        for parameter in self.parameters:
            for name in names:
                if parameter.name == name or (len(parameter.name) >= 3 and name.startswith(parameter.name)):
                    return parameter
        return None


@dataclass(frozen=True)
class Invocation:
    node: Any
    receiver: Any  # the expression before ``.`` or ``::``
    name: str  # the method's name as written
    arguments: tuple[Any, ...]
    static: bool  # ``[type]::Method``


class PowerShellView:
    """One PowerShell block."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def line(self, node: Any) -> int:
        return self.tree.line(node)

    def column(self, node: Any) -> int:
        return self.tree.column(node)

    def text_of(self, node: Any, limit: int = 0) -> str:
        text = " ".join(self.tree.text(node).split())
        return text if not limit or len(text) <= limit else text[:limit - 3] + "..."

    def inner(self, node: Any) -> Any:
        """The value a chain of precedence nodes stands for (``$s`` for the twelve nodes around it)."""
        while node is not None and node.type in PASS_THROUGH and len(node.named_children) == 1:
            node = node.named_children[0]
        return node

    @lazy_property
    def commands(self) -> list[Command]:
        found = []
        for node in self.tree.nodes_of("command"):
            name_node = node.child_by_field_name("command_name")
            if name_node is None:
                continue
            elements_node = node.child_by_field_name("command_elements")
            elements = [e for e in (elements_node.named_children if elements_node is not None else [])
                        if e.type != "command_argument_sep"]
            parameters, arguments = [], []
            index = 0
            while index < len(elements):
                element = elements[index]
                if element.type == "command_parameter":
                    text = self.tree.text(element)
                    name, _, attached = text.lstrip("-").partition(":")
                    value = None
                    if not attached and index + 1 < len(elements) and elements[index + 1].type != "command_parameter":
                        value = elements[index + 1]
                        index += 1
                    parameters.append(Parameter(name.lower(), element, value))
                else:
                    arguments.append(element)
                index += 1
            pipeline, position = self._pipeline_of(node)
            found.append(Command(node, self.tree.text(name_node), tuple(parameters), tuple(arguments),
                                 tuple(elements), pipeline, position))
        return found

    def _pipeline_of(self, node: Any) -> tuple[Any, int]:
        chain = node.parent
        if chain is None or chain.type != "pipeline_chain":
            return node, 0
        commands = [c for c in chain.named_children if c.type == "command" or c.type.endswith("expression")]
        return chain, next((i for i, c in enumerate(commands) if c.id == node.id), 0)

    def in_pipeline(self, command: Command) -> list[Command]:
        """The commands of the pipeline ``command`` stands in, in order."""
        return sorted((c for c in self.commands if c.pipeline.id == command.pipeline.id),
                      key=lambda c: c.node.start_byte)

    @lazy_property
    def invocations(self) -> list[Invocation]:
        found = []
        for node in self.tree.nodes_of("invokation_expression"):
            children = node.named_children
            member = next((c for c in children if c.type == "member_name"), None)
            if member is None or not children:
                continue
            arguments = next((c for c in children if c.type == "argument_list"), None)
            values: list[Any] = []
            if arguments is not None:
                for listed in arguments.named_children:
                    values.extend(listed.named_children)
            static = any(not c.is_named and c.type == "::" for c in node.children)
            found.append(Invocation(node, children[0], self.tree.text(member), tuple(values), static))
        return found

    @lazy_property
    def assignments(self) -> dict[str, list[Any]]:
        """Each variable or member assigned (as written, lower case) -> its values, in order."""
        found: dict[str, list[Any]] = {}
        for node in self.tree.nodes_of("assignment_expression"):
            left = next((c for c in node.named_children if c.type == "left_assignment_expression"), None)
            value = node.child_by_field_name("value")
            if left is not None and value is not None:
                found.setdefault(self.text_of(left).lower(), []).append(value)
        return found

    def string_value(self, node: Any) -> Optional[str]:
        """A literal string's text (``'...'``, or ``"..."`` that expands nothing); else ``None``."""
        node = self.inner(node)
        if node is None:
            return None
        if node.type == "generic_token":
            return self.tree.text(node)
        if node.type in ("verbatim_string_characters", "verbatim_here_string_characters"):
            return self.tree.text(node)[1:-1].replace("''", "'") if node.type == "verbatim_string_characters" \
                else self.tree.text(node)
        if node.type == "expandable_string_literal":
            if any(c.type in ("variable", "sub_expression") for c in node.named_children):
                return None
            return self.tree.text(node)[1:-1].replace('""', '"').replace("`\"", '"')
        return None

    def variables_in(self, node: Any) -> Iterator[str]:
        """The variables a value reads (lower case, with ``$``)."""
        stack = [node]
        while stack:
            current = stack.pop()
            if current.type == "variable":
                yield self.tree.text(current).lower()
            stack.extend(current.named_children)


def build_powershell_view(text: str) -> Optional[PowerShellView]:
    """The view of a PowerShell block; ``None`` when the grammar cannot be loaded."""
    tree = parse("powershell", text)
    return PowerShellView(tree) if tree is not None else None
