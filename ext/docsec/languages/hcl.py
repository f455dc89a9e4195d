"""Terraform and other HCL blocks, read with the tree-sitter HCL grammar.

The view gives what the Terraform rules ask for: every block (``resource
"aws_security_group" "db" { ... }``, and the nested ``ingress { ... }``)
with its type, its labels, its attributes and the block it is written in, and
the value of an attribute as data (:meth:`HclView.value`): strings, numbers,
booleans, ``null``, lists and objects, ``jsonencode(...)`` read as its
argument, and a string or heredoc that holds JSON (an IAM policy) read with
:mod:`json`.  Anything computed (``var.cidr``, a conditional, a string with
``${...}``) is :data:`COMPUTED`.  A fragment (the attributes of a resource
without the resource) is read as it is: HCL's grammar accepts a body.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from .lazy import lazy_property
from .treesitter import Tree, parse


class _Computed:
    def __repr__(self) -> str:
        return "COMPUTED"


COMPUTED: Any = _Computed()  # a value Terraform computes: a reference, a call, an interpolation


@dataclass
class Attribute:
    name: str
    node: Any  # the attribute
    value: Any  # the value's expression node
    block: Optional[Block]


@dataclass
class Block:
    type: str  # ``resource``, ``ingress``, ``statement``...
    labels: tuple[str, ...]  # ``("aws_security_group", "db")``
    node: Any
    parent: Optional[Block]
    attributes: dict[str, Attribute] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)

    @property
    def resource_type(self) -> str:
        """The first label of the outermost block (``aws_s3_bucket``), or ``""``."""
        outer = self
        while outer.parent is not None:
            outer = outer.parent
        return outer.labels[0] if outer.labels and outer.type in ("resource", "data") else ""

    def children(self, kind: str) -> list[Block]:
        return [block for block in self.blocks if block.type == kind]


class HclView:
    """One HCL block: its blocks and attributes, their values as data."""

    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    def line(self, node: Any) -> int:
        return self.tree.line(node)

    def column(self, node: Any) -> int:
        return self.tree.column(node)

    def text_of(self, node: Any, limit: int = 0) -> str:
        text = " ".join(self.tree.text(node).split())
        return text if not limit or len(text) <= limit else text[:limit - 3] + "..."

    @lazy_property
    def blocks(self) -> list[Block]:
        """Every block, outer ones first, in document order."""
        found: list[Block] = []
        self.top = Block("", (), self.tree.root, None)
        for body in self.tree.root.named_children:
            if body.type == "body":
                self._read_body(body, self.top, found)
        found.sort(key=lambda block: block.node.start_byte)
        return found

    @lazy_property
    def attributes(self) -> list[Attribute]:
        """Every attribute, in document order (those outside any block have ``block`` ``None``)."""
        self.blocks  # (reads the tree)
        found = [a for block in [self.top, *self.blocks] for a in block.attributes.values()]
        for attribute in found:
            if attribute.block is self.top:
                attribute.block = None
        found.sort(key=lambda attribute: attribute.node.start_byte)
        return found

    def _read_body(self, body: Any, owner: Block, found: list[Block]) -> None:
        for child in body.named_children:
            if child.type == "attribute":
                parts = child.named_children
                if len(parts) >= 2:
                    name = self.tree.text(parts[0])
                    owner.attributes[name] = Attribute(name, child, parts[-1], owner)
            elif child.type == "block":
                parts = child.named_children
                if not parts:
                    continue
                labels = tuple(self._label(part) for part in parts[1:] if part.type in ("string_lit", "identifier"))
                block = Block(self.tree.text(parts[0]), labels, child, owner if owner.type else None)
                owner.blocks.append(block)
                found.append(block)
                for part in parts:
                    if part.type == "body":
                        self._read_body(part, block, found)

    def _label(self, node: Any) -> str:
        value = self.value(node)
        return value if isinstance(value, str) else self.tree.text(node)

    def blocks_of(self, kind: str) -> Iterator[Block]:
        return (block for block in self.blocks if block.type == kind)

    def resources(self, *types: str) -> Iterator[Block]:
        """The ``resource`` blocks of these types (any type when none is given)."""
        for block in self.blocks:
            if block.type == "resource" and block.labels and (not types or block.labels[0] in types):
                yield block

    # --- values ------------------------------------------------------------------------------------

    def value(self, node: Any, depth: int = 0) -> Any:
        """The value of an expression as data, or :data:`COMPUTED`."""
        if node is None or depth > 40:
            return COMPUTED
        kind = node.type
        if kind in ("expression", "literal_value", "collection_value", "template_expr") and node.named_children:
            return self.value(node.named_children[0], depth + 1)
        if kind == "numeric_lit":
            text = self.tree.text(node)
            try:
                return int(text)
            except ValueError:
                try:
                    return float(text)
                except ValueError:
                    return COMPUTED
        if kind == "bool_lit":
            return self.tree.text(node) == "true"
        if kind == "null_lit":
            return None
        if kind in ("string_lit", "heredoc_template"):
            return self._string(node)
        if kind == "tuple":
            return [self.value(part, depth + 1) for part in node.named_children if part.type == "expression"]
        if kind == "object":
            found: dict[str, Any] = {}
            for element in node.named_children:
                if element.type == "object_elem":
                    key, value = element.child_by_field_name("key"), element.child_by_field_name("val")
                    name = self._key(key)
                    if name is not None:
                        found[name] = self.value(value, depth + 1)
            return found
        if kind == "function_call" and node.named_children:
            name = self.tree.text(node.named_children[0])
            arguments = next((c for c in node.named_children if c.type == "function_arguments"), None)
            if name == "jsonencode" and arguments is not None and arguments.named_children:
                return self.value(arguments.named_children[0], depth + 1)
        return COMPUTED

    def _key(self, node: Any) -> Optional[str]:
        if node is None:
            return None
        value = self.value(node)
        if isinstance(value, str):
            return value
        text = self.tree.text(node).strip()
        return text if text.replace("_", "").replace("-", "").isalnum() else None

    def _string(self, node: Any, computed: str = "") -> Any:
        """The string's text; :data:`COMPUTED` when it interpolates, unless ``computed`` is given to
        stand for each interpolation."""
        pieces = []
        for part in node.named_children:
            if part.type == "template_literal":
                pieces.append(self.tree.text(part))
            elif part.type in ("template_interpolation", "template_directive"):
                if not computed:
                    return COMPUTED
                pieces.append(computed)
        return "".join(pieces)

    def data(self, node: Any) -> Any:
        """:meth:`value`, with a string or heredoc that holds a JSON document (a policy) read as that
        document (each ``${...}`` in it read as the text ``${computed}``)."""
        value = self.value(node)
        while node is not None and node.type in ("expression", "literal_value", "template_expr") and \
                node.named_children:
            node = node.named_children[0]
        if value is COMPUTED and node is not None and node.type in ("string_lit", "heredoc_template"):
            value = self._string(node, computed="${computed}")
        if isinstance(value, str) and value.lstrip().startswith(("{", "[")):
            try:
                return json.loads(value)
            except ValueError:
                return value
        return value


def build_hcl_view(text: str) -> Optional[HclView]:
    """The view of an HCL block; ``None`` when the grammar cannot be loaded."""
    tree = parse("hcl", text)
    return HclView(tree) if tree is not None else None
