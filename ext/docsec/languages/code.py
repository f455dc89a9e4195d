"""One view for Java, C#, PHP, Go, Ruby and Rust blocks, read with their tree-sitter grammars.

Security guides show the same weakness in several of these languages side by
side; the rules that read them ask the same questions of each (which function
is called, with which arguments; is a string built from parts, and which parts
are not constant; which key is given which value), so one view answers them
for all six, from a table of each grammar's node types (:data:`SPECS`):

* :attr:`CodeView.calls`: calls, method calls and ``new`` expressions, with the
  callee's dotted name as written (``Runtime.getRuntime().exec``,
  ``$pdo.query``, ``exec.Command``, ``Marshal.load``, ``Command.new``; PHP's
  ``->`` and ``::`` and Ruby's and Rust's ``::`` read as ``.``), its short name
  and its arguments (Rust's ``&x``, ``x?`` and ``x.await`` read as ``x``);
* :meth:`CodeView.built`: a string built from parts (``+``, PHP's ``.``,
  interpolation: C#'s ``$"..."``, PHP's ``"... $id"``, Ruby's ``"#{...}"``;
  ``String.format``, ``string.Format``, ``sprintf``, ``fmt.Sprintf``, Rust's
  ``format!`` with its arguments and the names it captures, ``"{name}"``)
  with its constant text and its non-constant parts;
* :attr:`CodeView.pairs`: keys given values: Go's keyed elements
  (``InsecureSkipVerify: true``), C# object initializers, PHP array entries
  (``'verify' => false``), Ruby hash pairs (``verify_mode: ...``) and Rust
  struct fields (``Config { password: ... }``), and assignments to names and members (:attr:`CodeView.assignments`);
* :meth:`CodeView.string_value`, :meth:`CodeView.is_constant`.

PHP without ``<?php`` is read as if it had it; Java statements, C# top-level
statements, Go statements and Ruby need no wrapping (the grammars accept
them), a Java or C# method without its class is read inside one, and Rust
statements are read inside a function when they do not parse as items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator, Optional

from .lazy import lazy_property
from .treesitter import Tree, Wrapper, parse


@dataclass(frozen=True)
class Spec:
    """The node types of one grammar, as the view needs them."""

    grammar: str
    # node type -> (field of the callee or receiver, field of the method name or "", field of the arguments)
    calls: dict[str, tuple[str, str, str]]
    new: dict[str, tuple[str, str]]  # node type -> (field of the type, field of the arguments)
    members: dict[str, tuple[str, str]]  # member access node type -> (field of the object, field of the name)
    strings: frozenset[str]  # string literal node types
    content: frozenset[str]  # node types of a literal's text
    interpolations: frozenset[str]  # node types of a value inside a string
    concatenation: str = "+"
    binary: str = "binary_expression"  # the node type of ``a + b``
    formats: frozenset[str] = frozenset()
    constants: frozenset[str] = frozenset()
    declarations: tuple[str, ...] = ()  # node types that bind a name to a value (name field, value field)
    pairs: dict[str, tuple[str, str]] = field(default_factory=dict)  # node type -> (key field/index, value ...)
    wrappers: tuple[Wrapper, ...] = ()
    argument_wrapper: str = ""  # a node type that wraps each argument (``argument``)


SPECS = {
    "java": Spec(
        grammar="java",
        calls={"method_invocation": ("object", "name", "arguments")},
        new={"object_creation_expression": ("type", "arguments")},
        members={"field_access": ("object", "field")},
        strings=frozenset({"string_literal"}), content=frozenset({"string_fragment", "multiline_string_fragment"}),
        interpolations=frozenset(),
        formats=frozenset({"String.format", "format", "formatted", "MessageFormat.format"}),
        constants=frozenset({"decimal_integer_literal", "true", "false", "null_literal", "character_literal"}),
        declarations=("variable_declarator", "assignment_expression"),
        wrappers=(Wrapper("class Fragment {\n", "\n}"),),
    ),
    "csharp": Spec(
        grammar="csharp",
        calls={"invocation_expression": ("function", "", "arguments")},
        new={"object_creation_expression": ("type", "arguments")},
        members={"member_access_expression": ("expression", "name")},
        strings=frozenset({"string_literal", "verbatim_string_literal", "interpolated_string_expression",
                           "raw_string_literal"}),
        content=frozenset({"string_literal_content", "string_content", "raw_string_content"}),
        interpolations=frozenset({"interpolation"}),
        formats=frozenset({"string.Format", "String.Format", "Format"}),
        constants=frozenset({"integer_literal", "boolean_literal", "null_literal", "character_literal"}),
        declarations=("variable_declarator", "assignment_expression"),
        wrappers=(Wrapper("class Fragment {\n", "\n}"),),
        argument_wrapper="argument",
    ),
    "php": Spec(
        grammar="php",
        calls={"function_call_expression": ("function", "", "arguments"),
               "member_call_expression": ("object", "name", "arguments"),
               "nullsafe_member_call_expression": ("object", "name", "arguments"),
               "scoped_call_expression": ("scope", "name", "arguments")},
        new={"object_creation_expression": ("", "arguments")},
        members={"member_access_expression": ("object", "name"), "class_constant_access_expression": ("", "")},
        strings=frozenset({"string", "encapsed_string", "heredoc", "nowdoc"}),
        content=frozenset({"string_content", "string_value", "heredoc_body", "nowdoc_body"}),
        interpolations=frozenset({"variable_name", "subscript_expression", "member_access_expression",
                                  "dynamic_variable_name", "complex_interpolation"}),
        concatenation=".",
        formats=frozenset({"sprintf", "vsprintf"}),
        constants=frozenset({"integer", "float", "boolean", "null"}),
        declarations=("assignment_expression",),
        pairs={"array_element_initializer": ("0", "1")},
        wrappers=(Wrapper("<?php\n", ""), Wrapper("<?php\nclass Fragment {\n", "\n}")),
        argument_wrapper="argument",
    ),
    "go": Spec(
        grammar="go",
        calls={"call_expression": ("function", "", "arguments")},
        new={},
        members={"selector_expression": ("operand", "field")},
        strings=frozenset({"interpreted_string_literal", "raw_string_literal"}),
        content=frozenset({"interpreted_string_literal_content", "raw_string_literal_content"}),
        interpolations=frozenset(),
        formats=frozenset({"fmt.Sprintf"}),
        constants=frozenset({"int_literal", "float_literal", "true", "false", "nil", "rune_literal"}),
        declarations=("short_var_declaration", "assignment_statement", "var_spec", "const_spec"),
        pairs={"keyed_element": ("0", "1")},
        wrappers=(Wrapper("package fragment\nfunc fragment() {\n", "\n}"),),
    ),
    "ruby": Spec(
        grammar="ruby",
        calls={"call": ("receiver", "method", "arguments")},
        new={},
        members={"scope_resolution": ("scope", "name")},
        strings=frozenset({"string", "subshell"}),
        content=frozenset({"string_content"}),
        interpolations=frozenset({"interpolation"}),
        formats=frozenset({"format", "sprintf"}),
        constants=frozenset({"integer", "float", "true", "false", "nil", "simple_symbol"}),
        declarations=("assignment",),
        pairs={"pair": ("key", "value")},
        binary="binary",
    ),
    "rust": Spec(
        grammar="rust",
        calls={"call_expression": ("function", "", "arguments")},
        new={},
        members={"field_expression": ("value", "field"), "scoped_identifier": ("path", "name")},
        strings=frozenset({"string_literal", "raw_string_literal"}),
        content=frozenset({"string_content"}),
        interpolations=frozenset(),
        formats=frozenset({"format", "format_args"}),
        constants=frozenset({"integer_literal", "float_literal", "boolean_literal", "char_literal"}),
        declarations=("let_declaration", "const_item", "static_item", "assignment_expression"),
        pairs={"field_initializer": ("field", "value")},
        wrappers=(Wrapper("fn fragment() {\n", "\n}"),),
    ),
}
# Rust's wrappers that leave the value as it is: ``&x``, ``x?``, ``x.await``, ``(x)``.
TRANSPARENT = frozenset({"parenthesized_expression", "reference_expression", "try_expression", "await_expression"})
# Rust's calls that turn a string literal into a ``String`` (``"x".to_string()``, ``String::from("x")``).
RUST_STRING_CALLS = frozenset({"to_string", "to_owned", "into", "String.from", "String.new"})
RUST_CAPTURE = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[:][^{}]*)?\}")
CONSTANT_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
GENERIC_ARGUMENTS = re.compile(r"<.*>$", re.DOTALL)


@dataclass(frozen=True)
class Call:
    node: Any
    name: str  # dotted, as written ("" when the callee is not a name)
    arguments: tuple[Any, ...]
    is_new: bool = False

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def argument(self, index: int) -> Optional[Any]:
        return self.arguments[index] if index < len(self.arguments) else None


@dataclass(frozen=True)
class Built:
    """A string built from parts: constant text (``{}`` for each other part), the non-constant parts, how."""

    text: str
    dynamic: tuple[Any, ...]
    how: str


class CodeView:
    """One Java, C#, PHP, Go, Ruby or Rust block."""

    def __init__(self, tree: Tree, language: str) -> None:
        self.tree = tree
        self.language = language
        self.spec = SPECS[language]

    def line(self, node: Any) -> int:
        return self.tree.line(node)

    def column(self, node: Any) -> int:
        return self.tree.column(node)

    def text_of(self, node: Any, limit: int = 0) -> str:
        text = " ".join(self.tree.text(node).split())
        return text if not limit or len(text) <= limit else text[:limit - 3] + "..."

    def nodes_of(self, *types: str) -> list[Any]:
        return self.tree.nodes_of(*types)

    # --- names and calls ------------------------------------------------------------------------

    def name_of(self, node: Any) -> str:
        """A dotted name as written: ``a.b.c``, ``$conn.query``, ``Runtime.getRuntime().exec``."""
        if node is None:
            return ""
        kind = node.type
        if kind in TRANSPARENT and node.named_children:
            return self.name_of(unwrapped(node))
        if kind == "generic_function":  # Rust's ``query_as::<_, User>``
            return self.name_of(node.child_by_field_name("function"))
        if kind in self.spec.members:
            object_field, name_field = self.spec.members[kind]
            if not object_field:  # PHP Class::CONSTANT
                parts = node.named_children
                return ".".join(self.name_of(part) or self.tree.text(part) for part in parts)
            inner = self.name_of(node.child_by_field_name(object_field))
            name = node.child_by_field_name(name_field)
            if name is None:
                return ""
            short = GENERIC_ARGUMENTS.sub("", self.tree.text(name))  # connection.Query<User>: Query
            return f"{inner}.{short}" if inner else short
        if kind in self.spec.calls:
            call = self._call(node)
            if call is None or not call.name:
                return ""
            bare = self.language == "ruby" and node.child_by_field_name("arguments") is None
            return call.name if bare else f"{call.name}()"  # (Ruby's ``http.verify_mode`` is an attribute)
        if kind in ("identifier", "name", "constant", "field_identifier", "type_identifier", "qualified_name",
                    "generic_name", "package_identifier", "this", "self", "predefined_type", "scoped_type_identifier",
                    "qualified_type", "qualified_identifier", "instance_variable"):
            return GENERIC_ARGUMENTS.sub("", self.tree.text(node)).replace("::", ".").replace("\\", ".").lstrip(".")
        if kind == "variable_name":  # PHP $x
            return self.tree.text(node)
        return ""

    def _call(self, node: Any) -> Optional[Call]:
        receiver_field, name_field, arguments_field = self.spec.calls[node.type]
        receiver = node.child_by_field_name(receiver_field) if receiver_field else None
        if name_field:
            name_node = node.child_by_field_name(name_field)
            method = self.tree.text(name_node) if name_node is not None else ""
            inner = self.name_of(receiver) if receiver is not None else ""
            if receiver is not None and not inner:
                inner = "?"
            name = f"{inner}.{method}" if inner else method
        else:
            name = self.name_of(receiver)
        arguments = node.child_by_field_name(arguments_field)
        return Call(node, name.replace("->", ".").replace("::", "."), self._arguments(arguments))

    def _arguments(self, arguments: Any) -> tuple[Any, ...]:
        if arguments is None:
            return ()
        found = []
        for part in arguments.named_children:
            if part.type == "comment":
                continue
            if self.spec.argument_wrapper and part.type == self.spec.argument_wrapper and part.named_children:
                part = part.named_children[-1]  # (C#'s ``name: value``, PHP's ``...$x``: the value)
            found.append(part)
        return tuple(found)

    @lazy_property
    def calls(self) -> list[Call]:
        found = []
        for node in self.nodes_of(*self.spec.calls):
            call = self._call(node)
            if call is not None:
                found.append(call)
        for kind, (type_field, arguments_field) in self.spec.new.items():
            for node in self.nodes_of(kind):
                type_node = node.child_by_field_name(type_field) if type_field else \
                    next((c for c in node.named_children if c.type in ("name", "qualified_name")), None)
                name = self.name_of(type_node) if type_node is not None else ""
                found.append(Call(node, name, self._arguments(node.child_by_field_name(arguments_field)
                                                                if arguments_field else None), is_new=True))
        found.sort(key=lambda call: call.node.start_byte)
        return found

    def calls_named(self, *shorts: str) -> Iterator[Call]:
        wanted = frozenset(shorts)
        return (call for call in self.calls if call.short in wanted)

    # --- values ----------------------------------------------------------------------------------

    def string_value(self, node: Any) -> Optional[str]:
        """A string literal's text; ``None`` for anything else or a string with interpolation."""
        if node is not None and node.type in TRANSPARENT and node.named_children:
            return self.string_value(unwrapped(node))
        if node is not None and self.language == "rust" and node.type == "call_expression":
            return self._rust_string(node)
        if node is None or node.type not in self.spec.strings:
            return None
        pieces = []
        for part in node.named_children:
            if part.type in self.spec.interpolations:
                return None
            if part.type in self.spec.content:
                pieces.append(self.tree.text(part))
            elif part.type == "escape_sequence":
                pieces.append(_unescape(self.tree.text(part)))
        return "".join(pieces)

    def _rust_string(self, node: Any) -> Optional[str]:
        """``"x".to_string()``, ``"x".to_owned()``, ``String::from("x")``: the literal's text."""
        call = self._call(node)
        if call is None or not (call.short in RUST_STRING_CALLS or call.name in RUST_STRING_CALLS):
            return None
        if call.name == "String.from" and len(call.arguments) == 1:
            return self.string_value(call.arguments[0])
        function = node.child_by_field_name("function")
        receiver = function.child_by_field_name("value") if function is not None and \
            function.type == "field_expression" else None
        return self.string_value(receiver) if receiver is not None and not call.arguments else None

    def symbol(self, node: Any) -> str:
        """A key's name: a string's value, a Ruby symbol or hash key without its colon, an identifier."""
        if node is None:
            return ""
        value = self.string_value(node)
        if value is not None:
            return value
        if node.type in ("literal_element",) and node.named_children:
            return self.symbol(node.named_children[0])
        return self.tree.text(node).lstrip(":").rstrip(":").strip()

    @lazy_property
    def pairs(self) -> list[tuple[str, Any, Any]]:
        """``(key, value, node)`` for the keyed values of the block: Go keyed elements, PHP array
        entries, Ruby hash pairs and keyword arguments, C# object-initializer assignments."""
        found = []
        for kind, (key_field, value_field) in self.spec.pairs.items():
            for node in self.nodes_of(kind):
                key, value = self._field(node, key_field), self._field(node, value_field)
                if key is not None and value is not None:
                    if value.type == "literal_element" and value.named_children:
                        value = value.named_children[0]
                    found.append((self.symbol(key), value, node))
        if self.language == "csharp":
            for initializer in self.nodes_of("initializer_expression"):
                for part in initializer.named_children:
                    if part.type == "assignment_expression":
                        key, value = part.child_by_field_name("left"), part.child_by_field_name("right")
                        if key is not None and value is not None:
                            found.append((self.tree.text(key), value, part))
        return found

    def _field(self, node: Any, name: str) -> Optional[Any]:
        if name.isdigit():
            children = [c for c in node.named_children if c.type != "comment"]
            return children[int(name)] if int(name) < len(children) else None
        return node.child_by_field_name(name)

    @lazy_property
    def assignments(self) -> dict[str, list[Any]]:
        """Each name or member assigned in the block (as written, dotted) -> its values, in order."""
        found: dict[str, list[Any]] = {}
        for node in self.nodes_of(*self.spec.declarations):
            for target, value in self._bindings(node):
                name = self.name_of(target) or self.tree.text(target)
                found.setdefault(name.replace("->", "."), []).append(value)
        return found

    def _bindings(self, node: Any) -> Iterator[tuple[Any, Any]]:
        kind = node.type
        if kind in ("let_declaration", "const_item", "static_item"):  # Rust
            target = node.child_by_field_name("pattern") or node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if target is not None and value is not None:
                yield target, value
            return
        if kind in ("short_var_declaration", "assignment_statement", "var_spec", "const_spec"):  # Go: lists
            left = node.child_by_field_name("left") or node.child_by_field_name("name")
            right = node.child_by_field_name("right") or node.child_by_field_name("value")
            if left is None or right is None:
                return
            targets = left.named_children if left.type == "expression_list" else [left]
            values = right.named_children if right.type == "expression_list" else [right]
            yield from zip(targets, values)
            return
        if kind == "variable_declarator":
            name = node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if value is None:  # C#: the value is the declarator's last named child (after ``=``)
                children = node.named_children
                value = children[-1] if len(children) > 1 else None
                if value is not None and value.type == "equals_value_clause" and value.named_children:
                    value = value.named_children[0]
            if name is not None and value is not None:
                yield name, value
            return
        left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
        if left is not None and right is not None:
            yield left, right

    def is_constant(self, node: Any, depth: int = 0) -> bool:
        """A literal, a join of literals, or a name assigned only such values in the block (or
        spelled as a constant, ``MAX_ROWS``)."""
        if node is None:
            return False
        kind = node.type
        if kind in self.spec.constants or self.string_value(node) is not None:
            return True
        if kind in TRANSPARENT and node.named_children:
            return self.is_constant(unwrapped(node), depth)
        if kind == self.spec.binary:
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            return left is not None and right is not None and self.is_constant(left, depth) and \
                self.is_constant(right, depth)
        name = self.name_of(node)
        if name:
            if CONSTANT_NAME.match(name.rsplit(".", 1)[-1].lstrip("$")):
                return True
            values = self.assignments.get(name)
            return bool(values) and depth < 4 and all(self.is_constant(v, depth + 1) for v in values or ())
        return False

    def built(self, node: Any) -> Optional[Built]:
        """The string ``node`` builds from parts, or ``None``."""
        if node is None:
            return None
        kind = node.type
        if kind in TRANSPARENT and node.named_children:
            return self.built(unwrapped(node))
        if kind == "macro_invocation":
            return self._format_macro(node)
        if kind in self.spec.strings and any(p.type in self.spec.interpolations for p in node.named_children):
            return self._joined(list(node.named_children), "interpolation")
        if kind == self.spec.binary and self._operator(node) == self.spec.concatenation:
            leaves = list(self._sum_leaves(node))
            if not any(self.string_value(leaf) is not None or leaf.type in self.spec.strings for leaf in leaves):
                return None
            return self._joined(leaves, f"concatenation (`{self.spec.concatenation}`)")
        if kind in self.spec.calls:
            call = self._call(node)
            if call is not None and call.arguments and (call.name in self.spec.formats or
                                                        call.short in self.spec.formats):
                return self._joined(list(call.arguments), f"`{call.name}`")
        return None

    def _format_macro(self, node: Any) -> Optional[Built]:
        """Rust's ``format!("... {} ...", a)`` and ``format!("... {name} ...")``."""
        macro = node.child_by_field_name("macro")
        if macro is None or self.tree.text(macro) not in self.spec.formats:
            return None
        tokens = next((child for child in node.named_children if child.type == "token_tree"), None)
        if tokens is None:
            return None
        groups: list[list[Any]] = [[]]
        for child in tokens.children[1:-1]:  # (without the brackets)
            if child.type == ",":
                groups.append([])
            else:
                groups[-1].append(child)
        text: list[str] = []
        dynamic: list[Any] = []
        for group in filter(None, groups):
            value = self.string_value(group[0]) if len(group) == 1 else None
            if value is not None and not text:  # the format string: the names it captures are parts too
                text.append(value)
                content = next((c for c in group[0].named_children if c.type == "string_content"), None)
                if content is not None:
                    dynamic.extend(Captured.of(content, match) for match in RUST_CAPTURE.finditer(value))
            elif value is not None or (len(group) == 1 and self.is_constant(group[0])):
                text.append(value if value is not None else self.text_of(group[0]))
            else:
                text.append("{}")
                dynamic.append(group[0] if len(group) == 1 else Captured.spanning(group[0], group[-1]))
        return Built("".join(text), tuple(dynamic), "`format!`")

    def built_through(self, node: Any) -> tuple[Optional[Built], str]:
        """:meth:`built` of the node, or of a value the variable it names was given in the block."""
        found = self.built(node)
        if found is not None or node is None:
            return found, ""
        name = self.name_of(node)
        for value in self.assignments.get(name, []) if name else []:
            found = self.built(value)
            if found is not None and found.dynamic:
                return found, f" (in `{name}`)"
        return None, ""

    def _operator(self, node: Any) -> str:
        operator = node.child_by_field_name("operator")
        if operator is not None:
            return operator.type
        for child in node.children:
            if not child.is_named:
                return child.type
        return ""

    def _sum_leaves(self, node: Any) -> Iterator[Any]:
        if node.type == self.spec.binary and self._operator(node) == self.spec.concatenation:
            for side in ("left", "right"):
                child = node.child_by_field_name(side)
                if child is not None:
                    yield from self._sum_leaves(child)
        elif node.type == "parenthesized_expression" and node.named_children:
            yield from self._sum_leaves(node.named_children[0])
        else:
            yield node

    def _joined(self, parts: list[Any], how: str) -> Built:
        text: list[str] = []
        dynamic: list[Any] = []
        for part in parts:
            if part.type in self.spec.content:
                text.append(self.tree.text(part))
                continue
            if part.type == "escape_sequence":
                text.append(_unescape(self.tree.text(part)))
                continue
            if part.type in ("interpolation_start", "interpolation_brace", "string_start", "string_end"):
                continue
            value = self.string_value(part)
            if value is not None:
                text.append(value)
                continue
            inner = part
            if part.type in ("interpolation", "complex_interpolation") and part.named_children:
                values = [c for c in part.named_children if c.type not in ("interpolation_brace",)]
                inner = values[0] if values else part
            nested = self.built(inner) if inner.type in self.spec.strings else None
            if nested is not None:
                text.append(nested.text)
                dynamic.extend(nested.dynamic)
            elif self.is_constant(inner):
                text.append(self.text_of(inner))
            else:
                text.append("{}")
                dynamic.append(inner)
        return Built("".join(text), tuple(dynamic), how)


@dataclass(frozen=True)
class Captured:
    """A part of a Rust ``format!`` that is not one node: a name the format string captures
    (``{name}``), or an argument written as several tokens (``user.name``)."""

    start_byte: int
    end_byte: int
    start_point: tuple[int, int]
    type: str = "captured"
    named_children: tuple[Any, ...] = ()
    children: tuple[Any, ...] = ()
    parent: Any = None

    @classmethod
    def of(cls, content: Any, match: re.Match[str]) -> Captured:
        before = match.string[:match.start(1)]
        start = content.start_byte + len(before.encode("utf-8"))
        row, column = content.start_point
        if "\n" in before:
            row, column = row + before.count("\n"), -len(before.rsplit("\n", 1)[0].encode("utf-8")) - 1
        return cls(start, start + len(match.group(1).encode("utf-8")),
                   (row, column + len(before.encode("utf-8"))))

    @classmethod
    def spanning(cls, first: Any, last: Any) -> Captured:
        return cls(first.start_byte, last.end_byte, first.start_point)


def unwrapped(node: Any) -> Any:
    """The value inside Rust's ``&x``/``&mut x``, ``x?``, ``x.await`` or a parenthesised ``(x)``."""
    children = node.named_children
    return children[-1] if node.type == "reference_expression" else children[0]


def _unescape(escape: str) -> str:
    return {"\\n": "\n", "\\t": "\t", "\\r": "\r", "\\\\": "\\", '\\"': '"', "\\'": "'"}.get(escape, escape)


def build_code_view(text: str, language: str) -> Optional[CodeView]:
    """The view of a block in one of :data:`SPECS`' languages; ``None`` when its grammar cannot be loaded.
    PHP without ``<?php`` is only ever read with it (as it is, it would be HTML)."""
    spec = SPECS[language]
    untagged_php = language == "php" and "<?php" not in text and "<?=" not in text
    wrappers = spec.wrappers if untagged_php else spec.wrappers[2:] if language == "php" else spec.wrappers
    tree = parse(spec.grammar, text, wrappers, as_is=not untagged_php)
    return CodeView(tree, language) if tree is not None else None
