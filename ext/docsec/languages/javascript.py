"""The JavaScript / TypeScript view: a block read with the tree-sitter grammar of its dialect.

What rules ask for, language-neutral where it can be:

* :attr:`JavaScriptView.calls`: calls and ``new`` expressions with the callee's
  resolved name (``child_process.exec`` for ``cp.exec`` after
  ``const cp = require("child_process")``, ``import {exec} from "node:child_process"``
  or ``const {exec: run} = require(...)``), its short name and its arguments;
* :meth:`JavaScriptView.built`: a string built from parts (``+``
  concatenation, a template literal, ``.concat``, ``util.format``) with its
  constant text and its non-constant parts; a tagged template
  (``sql`SELECT ${id}```) is the tag's to escape and is not a built string;
* :attr:`JavaScriptView.assignments` (``name -> values``, for variables and
  members), :attr:`JavaScriptView.properties` (object properties
  ``{rejectUnauthorized: false}``), :attr:`JavaScriptView.jsx_attributes`;
* :meth:`JavaScriptView.string_value`, :meth:`JavaScriptView.is_constant`,
  :meth:`JavaScriptView.destinations` (the names a value flows into).

Fragments: a method without its class and the properties of an object
without its braces are read wrapped (see :mod:`docsec.languages.treesitter`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator, Optional

from .lazy import lazy_property
from .treesitter import Tree, Wrapper, parse

WRAPPERS = (  # on a tie, the first wins: an object reads both properties and methods
    Wrapper("({\n", "\n})"),  # the properties of an object without its braces, methods without their class
    Wrapper("class Fragment {\n", "\n}"),  # methods and fields with modifiers (private, static) without their class
    Wrapper("async function fragment() {\n", "\n}"),  # statements only valid in a function
)
TYPED = ("as_expression", "satisfies_expression", "non_null_expression", "type_assertion", "parenthesized_expression")
CONSTANT_TYPES = frozenset({"number", "true", "false", "null", "undefined", "regex"})
CONSTANT_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")  # SETTINGS_LIKE: a constant of the program
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "b": "\b", "f": "\f", "v": "\v"}


@dataclass(frozen=True)
class Call:
    """A call or ``new`` expression."""

    node: Any
    name: str  # the callee, resolved through imports and requires ("" when it is not a name)
    written: str  # the callee as written (shortened)
    arguments: tuple[Any, ...]
    is_new: bool = False

    @property
    def short(self) -> str:
        return self.name.rsplit(".", 1)[-1]

    def argument(self, index: int) -> Optional[Any]:
        return self.arguments[index] if index < len(self.arguments) else None


@dataclass(frozen=True)
class Built:
    """A string built from parts: its constant text (each other part as ``{}``), the other parts
    (values that are not literals, and variables given their value in the block, which rules judge with
    :meth:`JavaScriptView.is_constant`), and how it was built."""

    text: str
    dynamic: tuple[Any, ...]
    how: str


class JavaScriptView:
    """One JavaScript, TypeScript, JSX or TSX block."""

    def __init__(self, tree: Tree, dialect: str) -> None:
        self.tree = tree
        self.dialect = dialect

    # --- positions and text -------------------------------------------------------------------

    def line(self, node: Any) -> int:
        return self.tree.line(node)

    def column(self, node: Any) -> int:
        return self.tree.column(node)

    def text_of(self, node: Any, limit: int = 0) -> str:
        text = " ".join(self.tree.text(node).split())
        return text if not limit or len(text) <= limit else text[:limit - 3] + "..."

    def nodes_of(self, *types: str) -> list[Any]:
        return self.tree.nodes_of(*types)

    # --- names ----------------------------------------------------------------------------------

    @lazy_property
    def aliases(self) -> dict[str, str]:
        """Local names bound by ``import`` and ``require`` -> the module or member they stand for."""
        found: dict[str, str] = {}
        for statement in self.nodes_of("import_statement"):
            source = statement.child_by_field_name("source")
            module = _module(self.string_value(source)) if source is not None else None
            if not module:
                continue
            for clause in statement.named_children:
                if clause.type != "import_clause":
                    continue
                for part in clause.named_children:
                    if part.type == "identifier":
                        found[self.tree.text(part)] = module
                    elif part.type == "namespace_import":
                        for name in part.named_children:
                            found[self.tree.text(name)] = module
                    elif part.type == "named_imports":
                        for specifier in part.named_children:
                            name = specifier.child_by_field_name("name")
                            alias = specifier.child_by_field_name("alias") or name
                            if name is not None and alias is not None:
                                found[self.tree.text(alias)] = f"{module}.{self.tree.text(name)}"
        for declarator in self.nodes_of("variable_declarator"):
            target, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
            if target is None or value is None:
                continue
            value = _unwrapped(value)
            if value.type == "await_expression" and value.named_children:
                value = _unwrapped(value.named_children[0])
            module = self._required(value)
            if module is None:
                continue
            if target.type == "identifier":
                found[self.tree.text(target)] = module
            elif target.type == "object_pattern":
                for part in target.named_children:
                    if part.type == "shorthand_property_identifier_pattern":
                        found[self.tree.text(part)] = f"{module}.{self.tree.text(part)}"
                    elif part.type == "pair_pattern":
                        key, alias = part.child_by_field_name("key"), part.child_by_field_name("value")
                        if key is not None and alias is not None and alias.type == "identifier":
                            found[self.tree.text(alias)] = f"{module}.{self._key(key)}"
        return found

    def _required(self, node: Any) -> Optional[str]:
        """``child_process`` for ``require("child_process")`` or ``import("child_process")``, with
        the members after it (``require("crypto").webcrypto``)."""
        if node.type == "member_expression":
            inner = self._required(_unwrapped(node.child_by_field_name("object")))
            prop = node.child_by_field_name("property")
            return f"{inner}.{self.tree.text(prop)}" if inner and prop is not None else None
        if node.type != "call_expression":
            return None
        function = node.child_by_field_name("function")
        arguments = node.child_by_field_name("arguments")
        if function is None or arguments is None or self.tree.text(function) not in ("require", "import"):
            return None
        first = arguments.named_children[0] if arguments.named_children else None
        return _module(self.string_value(first)) if first is not None else None

    def name_of(self, node: Any) -> str:
        """The dotted name of an identifier, member or string-indexed subscript, resolved through
        imports and requires; ``""`` for anything else."""
        node = _unwrapped(node)
        kind = node.type
        if kind in ("identifier", "this", "property_identifier", "shorthand_property_identifier"):
            text = self.tree.text(node)
            return self.aliases.get(text, text)
        if kind == "member_expression":
            inner = self.name_of(node.child_by_field_name("object"))
            prop = node.child_by_field_name("property")
            return f"{inner}.{self.tree.text(prop)}" if inner and prop is not None else ""
        if kind == "subscript_expression":
            index = node.child_by_field_name("index")
            key = self.string_value(index) if index is not None else None
            inner = self.name_of(node.child_by_field_name("object"))
            return f"{inner}.{key}" if inner and key else ""
        if kind == "call_expression":  # require("m"), or a call's result: knex("users") -> knex()
            required = self._required(node)
            if required:
                return required
            function = node.child_by_field_name("function")
            inner = self.name_of(function) if function is not None else ""
            return f"{inner}()" if inner else ""
        return ""

    def _key(self, node: Any) -> str:
        """An object key as a name: ``a``, ``"a"``, ``[`a`]``."""
        if node.type == "computed_property_name" and node.named_children:
            return self.string_value(node.named_children[0]) or ""
        value = self.string_value(node) if node.type in ("string", "template_string") else None
        return value if value is not None else self.tree.text(node)

    # --- calls ------------------------------------------------------------------------------------

    @lazy_property
    def calls(self) -> list[Call]:
        found = []
        for node in self.nodes_of("call_expression", "new_expression"):
            is_new = node.type == "new_expression"
            function = node.child_by_field_name("constructor" if is_new else "function")
            arguments = node.child_by_field_name("arguments")
            if function is None:
                continue
            if arguments is not None and arguments.type == "template_string":
                continue  # a tagged template: the tag escapes the values
            parts = tuple(a for a in arguments.named_children if a.type != "comment") if arguments is not None else ()
            found.append(Call(node, self.name_of(function), self.text_of(function, 60), parts, is_new))
        return found

    def calls_named(self, *shorts: str) -> Iterator[Call]:
        wanted = frozenset(shorts)
        return (call for call in self.calls if call.short in wanted)

    # --- values -----------------------------------------------------------------------------------

    def string_value(self, node: Any) -> Optional[str]:
        """The value of a string literal, or of a template literal without substitutions."""
        if node is None:
            return None
        node = _unwrapped(node)
        if node.type == "string" or (node.type == "template_string" and not _has_substitution(node)):
            pieces = []
            for part in node.named_children:
                if part.type == "escape_sequence":
                    pieces.append(_unescape(self.tree.text(part)))
                elif part.type == "string_fragment":
                    pieces.append(self.tree.text(part))
            return "".join(pieces)
        return None

    @lazy_property
    def assignments(self) -> dict[str, list[Any]]:
        """Each variable or member written in the block (``q``, ``el.innerHTML``) -> the values assigned
        to it, in order (an augmented assignment ``q += x`` gives its own node)."""
        found: dict[str, list[Any]] = {}
        for node in self.nodes_of("variable_declarator"):
            target, value = node.child_by_field_name("name"), node.child_by_field_name("value")
            if target is not None and value is not None and target.type == "identifier":
                found.setdefault(self.tree.text(target), []).append(value)
        for node in self.nodes_of("assignment_expression", "augmented_assignment_expression"):
            target, value = node.child_by_field_name("left"), node.child_by_field_name("right")
            if target is None or value is None:
                continue
            name = self.written_name(target)
            if name:
                found.setdefault(name, []).append(value if node.type == "assignment_expression" else node)
        return found

    def written_name(self, node: Any) -> str:
        """A target's dotted name as written (not resolved): ``el.innerHTML``, ``process.env.X``."""
        node = _unwrapped(node)
        if node.type in ("identifier", "this", "property_identifier"):
            return self.tree.text(node)
        if node.type == "member_expression":
            inner = self.written_name(node.child_by_field_name("object"))
            prop = node.child_by_field_name("property")
            return f"{inner}.{self.tree.text(prop)}" if inner and prop is not None else ""
        if node.type == "subscript_expression":
            index = node.child_by_field_name("index")
            key = self.string_value(index) if index is not None else None
            inner = self.written_name(node.child_by_field_name("object"))
            return f"{inner}.{key}" if inner and key else ""
        return ""

    @lazy_property
    def properties(self) -> list[tuple[str, Any, Any]]:
        """Object properties with a fixed key: ``(key, value, pair)``."""
        found = []
        for pair in self.nodes_of("pair"):
            key, value = pair.child_by_field_name("key"), pair.child_by_field_name("value")
            if key is not None and value is not None:
                found.append((self._key(key), value, pair))
        return found

    @lazy_property
    def jsx_attributes(self) -> list[tuple[str, Optional[Any], Any]]:
        """JSX attributes: ``(name, value or None, attribute)``; a ``{...}`` value is unwrapped."""
        found = []
        for attribute in self.nodes_of("jsx_attribute"):
            parts = attribute.named_children
            if not parts:
                continue
            value = parts[1] if len(parts) > 1 else None
            if value is not None and value.type == "jsx_expression":
                value = value.named_children[0] if value.named_children else None
            found.append((self.tree.text(parts[0]), value, attribute))
        return found

    def is_constant(self, node: Any, depth: int = 0) -> bool:
        """A literal, a join of literals, or a name assigned only such values in the block (or written
        as a constant, ``MAX_ROWS``)."""
        node = _unwrapped(node)
        kind = node.type
        if kind in CONSTANT_TYPES or self.string_value(node) is not None:
            return True
        if kind == "template_string":
            return all(self.is_constant(sub.named_children[0], depth)
                       for sub in node.named_children if sub.type == "template_substitution" and sub.named_children)
        if kind == "binary_expression":
            left, right = node.child_by_field_name("left"), node.child_by_field_name("right")
            return left is not None and right is not None and self.is_constant(left, depth) and \
                self.is_constant(right, depth)
        if kind == "unary_expression" and node.named_children:
            return self.is_constant(node.named_children[0], depth)
        if kind in ("array", "object"):
            return all(self.is_constant(part.child_by_field_name("value") if part.type == "pair" else part, depth)
                       for part in node.named_children if part.type != "comment" and
                       (part.type != "pair" or part.child_by_field_name("value") is not None))
        if kind == "identifier":
            name = self.tree.text(node)
            if CONSTANT_NAME.match(name) or name == "undefined":
                return True
            values = self.assignments.get(name, [])
            return bool(values) and depth < 4 and all(
                v.type != "augmented_assignment_expression" and self.is_constant(v, depth + 1) for v in values)
        return False

    def built(self, node: Any) -> Optional[Built]:
        """The string ``node`` builds from parts, or ``None`` when it builds none."""
        node = _unwrapped(node)
        kind = node.type
        if kind == "template_string" and _has_substitution(node):
            return self._template(node)
        if kind == "binary_expression" and _operator(node) == "+":
            leaves = list(self._sum_leaves(node))
            if not any(self.string_value(leaf) is not None or leaf.type == "template_string" for leaf in leaves):
                return None  # a sum of numbers
            return self._joined(leaves, "concatenation (`+`)")
        if kind == "augmented_assignment_expression" and _operator(node) == "+=":
            right = node.child_by_field_name("right")
            return self._joined([right], "concatenation (`+=`)") if right is not None else None
        if kind == "call_expression":
            function = node.child_by_field_name("function")
            arguments = node.child_by_field_name("arguments")
            if function is None or arguments is None or arguments.type != "arguments":
                return None
            parts = [a for a in arguments.named_children if a.type != "comment"]
            name = self.name_of(function)
            prop = function.child_by_field_name("property") if function.type == "member_expression" else None
            if prop is not None and self.tree.text(prop) == "concat":
                target = function.child_by_field_name("object")
                return self._joined([target, *parts] if target is not None else parts, "`.concat`")
            if name in ("util.format", "format", "util.format.apply") and parts:
                return self._joined(parts, "`util.format`")
        return None

    def _template(self, node: Any) -> Built:
        text, dynamic = [], []
        for part in node.named_children:
            if part.type == "template_substitution":
                inner = part.named_children[0] if part.named_children else None
                if inner is not None and self.is_constant(inner) and not self._assigned(inner):
                    text.append(self.string_value(inner) or "")
                else:
                    text.append("{}")
                    if inner is not None:
                        dynamic.append(inner)
            elif part.type == "escape_sequence":
                text.append(_unescape(self.tree.text(part)))
            else:
                text.append(self.tree.text(part))
        return Built("".join(text), tuple(dynamic), "a template literal")

    def _sum_leaves(self, node: Any) -> Iterator[Any]:
        node = _unwrapped(node)
        if node.type == "binary_expression" and _operator(node) == "+":
            for side in ("left", "right"):
                child = node.child_by_field_name(side)
                if child is not None:
                    yield from self._sum_leaves(child)
        else:
            yield node

    def _joined(self, leaves: list[Any], how: str) -> Built:
        text: list[str] = []
        dynamic: list[Any] = []
        for leaf in leaves:
            value = self.string_value(leaf)
            if value is not None:
                text.append(value)
            elif leaf.type == "template_string":
                inner = self._template(leaf)
                text.append(inner.text)
                dynamic.extend(inner.dynamic)
            elif self.is_constant(leaf) and not self._assigned(leaf):
                text.append(self.text_of(leaf))
            else:
                text.append("{}")
                dynamic.append(leaf)
        return Built("".join(text), tuple(dynamic), how)

    def _assigned(self, node: Any) -> bool:
        """A variable given its value in the block: a part of its own, which rules judge (its value may be
        a stand-in such as ``'user input'``)."""
        return node.type == "identifier" and self.tree.text(node) in self.assignments

    def built_through(self, node: Any) -> tuple[Optional[Built], str]:
        """:meth:`built` of the node, or of the values a variable was given in the block; the second
        item says which variable (`` (in `q`)``)."""
        node = _unwrapped(node)
        found = self.built(node)
        if found is not None or node.type != "identifier":
            return found, ""
        name = self.tree.text(node)
        for value in self.assignments.get(name, []):
            found = self.built(value)
            if found is not None and found.dynamic:
                return found, f" (in `{name}`)"
        return None, ""

    # --- where values go ----------------------------------------------------------------------------

    def destinations(self, node: Any) -> Iterator[str]:
        """The names a value flows into in its statement: the variable or member it is assigned to,
        the property or JSX attribute it is the value of, the function that returns it."""
        child, current = node, node.parent
        while current is not None:
            kind = current.type
            if kind == "variable_declarator":
                target = current.child_by_field_name("name")
                if target is not None and target.type == "identifier":
                    yield self.tree.text(target)
                return
            if kind in ("assignment_expression", "augmented_assignment_expression"):
                target = current.child_by_field_name("left")
                name = self.written_name(target) if target is not None else ""
                if name:
                    yield name
                return
            if kind == "pair":
                key = current.child_by_field_name("key")
                if key is not None and current.child_by_field_name("value") == child:
                    yield self._key(key)
                return
            if kind == "jsx_attribute" and current.named_children:
                yield self.tree.text(current.named_children[0])
                return
            if kind in ("return_statement", "arrow_function"):
                function = self.enclosing_function(current)
                if function:
                    yield function
                return
            if kind in ("statement_block", "program", "expression_statement", "class_body"):
                return
            child, current = current, current.parent

    def enclosing_function(self, node: Any) -> str:
        """The name of the function, method or arrow function (by the variable it is assigned to)
        around ``node``, or ``""``."""
        current = node
        while current is not None:
            if current.type in ("function_declaration", "function_expression", "method_definition",
                                "generator_function_declaration"):
                name = current.child_by_field_name("name")
                if name is not None:
                    return self.tree.text(name)
            if current.type == "arrow_function" or current.type == "function_expression":
                parent = current.parent
                if parent is not None and parent.type == "variable_declarator":
                    name = parent.child_by_field_name("name")
                    if name is not None:
                        return self.tree.text(name)
                if parent is not None and parent.type == "pair":
                    key = parent.child_by_field_name("key")
                    if key is not None:
                        return self._key(key)
            current = current.parent
        return ""


def _unwrapped(node: Any) -> Any:
    """Through parentheses and TypeScript's type assertions (``x as string``, ``x!``)."""
    while node is not None and node.type in TYPED and node.named_children:
        node = node.named_children[0]
    return node


def _has_substitution(node: Any) -> bool:
    return any(part.type == "template_substitution" for part in node.named_children)


def _operator(node: Any) -> str:
    operator = node.child_by_field_name("operator")
    return operator.type if operator is not None else ""


def _unescape(escape: str) -> str:
    if len(escape) == 2:
        return ESCAPES.get(escape[1], escape[1])
    try:
        if escape.startswith(("\\x", "\\u")):
            return chr(int(escape[2:].strip("{}"), 16))
    except ValueError:
        pass
    return escape


def _module(name: Optional[str]) -> Optional[str]:
    """A module specifier as a name: ``node:child_process`` -> ``child_process``."""
    if not name:
        return None
    return name[5:] if name.startswith("node:") else name


def build_javascript_view(text: str, dialect: str) -> Optional[JavaScriptView]:
    """The view of a block in ``javascript``, ``typescript`` or ``tsx``; ``None`` when its grammar
    cannot be loaded."""
    tree = parse(dialect, text, WRAPPERS)
    return JavaScriptView(tree, dialect) if tree is not None else None
