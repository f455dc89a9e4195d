"""What the JavaScript rules share: which parts of a value may come from outside the example.
No rule lives here (the module starts with ``_``)."""

from __future__ import annotations

import re
from typing import Any

from ...languages.javascript import JavaScriptView, _unwrapped

# Calls whose result is a number, a boolean or an escaped value: never outside text as it came.
SAFE_CALLS = frozenset({
    "parseInt", "parseFloat", "Number", "Boolean", "Math.floor", "Math.ceil", "Math.round", "Math.max", "Math.min",
    "Math.abs", "String.fromCharCode", "escape", "mysql.escape", "connection.escape", "pool.escape", "db.escape",
    "escapeId", "mysql.escapeId", "pg.escapeLiteral", "pg.escapeIdentifier", "escapeLiteral", "escapeIdentifier",
    "shellescape", "shellEscape", "shellQuote.quote", "quote", "sqlstring.escape", "SqlString.escape",
    "DOMPurify.sanitize", "sanitize", "sanitizeHtml", "escapeHtml", "encodeHTML", "he.encode", "_.escape",
    "validator.escape", "xss", "filterXSS", "JSON.stringify",
})
# Translation and formatting catalogs (Django's JavaScript catalog, i18next, vue-i18n): given constant
# arguments, they return the site's own text.
TRANSLATION_CALLS = frozenset({"gettext", "ngettext", "pgettext", "npgettext", "get_format", "pluralidx", "t", "$t",
                               "i18n.t", "i18next.t", "__", "_"})
NUMERIC_MEMBERS = frozenset({"length", "size", "count", "byteLength"})
# Where a web handler's input lives: Express/Koa/Fastify requests, the browser's location and URL parameters.
REQUEST = re.compile(
    r"^(?:req|request|ctx\.request|ctx|event)\.(?:query|params|body|headers|cookies|get|param|header|search|url"
    r"|originalUrl|path)\b|^(?:window\.|document\.)?location\.(?:search|hash|href)\b|^document\.(?:URL|referrer)\b"
    r"|\bsearchParams\.get$|^(?:new\s+)?URLSearchParams\b|^urlParams\.get$|^params\.get$|^query\.get$|^route\.params\b"
    r"|^this\.\$route\.(?:query|params)\b|^useSearchParams\b|^router\.query\b")

# A condition that checks a value before it is used (an allow-list, a prefix): the value is then the program's choice.
CHECKS = re.compile(r"\.(?:startsWith|includes|has|test|match)\(|\b(?:is)?(?:allowed|safe|valid|trusted)\w*\(",
                    re.IGNORECASE)


# A literal that says it stands for outside data (``var path = 'user input'``): examples write one in
# place of the request value they mean.
INPUT_STAND_IN = re.compile(r"^\W*(?:user|untrusted|attacker|external)[-_ ]?(?:input|data|value|supplied)\W*$",
                            re.IGNORECASE)


def stands_for_input(js: JavaScriptView, node: Any) -> bool:
    """A literal, or a variable given only one, whose text says it is user input."""
    node = _unwrapped(node)
    if node is not None and node.type == "identifier":
        values = js.assignments.get(js.tree.text(node), [])
        return bool(values) and all(stands_for_input(js, value) for value in values)
    value = js.string_value(node) if node is not None else None
    return value is not None and bool(INPUT_STAND_IN.match(value))


def is_outside(js: JavaScriptView, node: Any, depth: int = 0) -> bool:
    """A part that may carry outside text: not a constant, a number, a length or an escaped value
    (a literal that says it is user input counts as outside text)."""
    node = _unwrapped(node)
    if node is None or depth > 6:
        return False
    if js.is_constant(node):
        return stands_for_input(js, node)
    kind = node.type
    if kind == "identifier":
        values = js.assignments.get(js.tree.text(node), [])
        return not values or any(value.type == "augmented_assignment_expression" or is_outside(js, value, depth + 1)
                                 for value in values)
    if kind == "call_expression":
        function = node.child_by_field_name("function")
        name = js.name_of(function) if function is not None else ""
        if name in SAFE_CALLS or name.rsplit(".", 1)[-1] in SAFE_CALLS:
            return False
        arguments = node.child_by_field_name("arguments")
        if (name in TRANSLATION_CALLS or name.rsplit(".", 1)[-1] in TRANSLATION_CALLS) and arguments is not None \
                and all(js.is_constant(argument) for argument in arguments.named_children):
            return False  # (``npgettext('group', 'party', 2)``: the catalog's text)
    if kind == "member_expression":
        prop = node.child_by_field_name("property")
        if prop is not None and js.tree.text(prop) in NUMERIC_MEMBERS:
            return False
    if kind in ("unary_expression", "update_expression") and js.tree.text(node).startswith(("typeof", "!", "-", "+")):
        return False
    if kind == "binary_expression":
        operator = node.child_by_field_name("operator")
        joins = operator is not None and (operator.type in ("||", "??", "&&") or
                                          operator.type == "+" and js.built(node) is not None)
        sides = (node.child_by_field_name("left"), node.child_by_field_name("right"))
        return joins and any(side is not None and is_outside(js, side, depth + 1) for side in sides)
    if kind == "ternary_expression":
        parts = [node.child_by_field_name("consequence"), node.child_by_field_name("alternative")]
        return any(part is not None and is_outside(js, part, depth + 1) for part in parts)
    return True


def from_request(js: JavaScriptView, node: Any, depth: int = 0) -> bool:
    """A value read from the request or the page's URL, directly or through a variable of the block."""
    node = _unwrapped(node)
    if node is None or depth > 4:
        return False
    if node.type == "identifier":
        return any(from_request(js, value, depth + 1) for value in js.assignments.get(js.tree.text(node), []))
    if node.type in ("member_expression", "subscript_expression", "call_expression"):
        target = node.child_by_field_name("function") if node.type == "call_expression" else node
        written = js.written_name(target) if target is not None else ""
        if written and REQUEST.search(written):
            return True
        inner = node.child_by_field_name("object") if node.type != "call_expression" else None
        if node.type == "call_expression" and target is not None and target.type == "member_expression":
            inner = target.child_by_field_name("object")
        return inner is not None and from_request(js, inner, depth + 1)
    if node.type == "new_expression":  # new URLSearchParams(location.search), new URL(req.url, base)
        constructor, arguments = node.child_by_field_name("constructor"), node.child_by_field_name("arguments")
        return constructor is not None and js.text_of(constructor) in ("URLSearchParams", "URL") and \
            arguments is not None and any(from_request(js, part, depth + 1) for part in arguments.named_children)
    if node.type == "ternary_expression":  # next.startsWith("/") ? next : "/": a checked value
        condition = node.child_by_field_name("condition")
        if condition is not None and CHECKS.search(js.text_of(condition)):
            return False
    if node.type in ("binary_expression", "template_string", "ternary_expression", "template_substitution"):
        return any(from_request(js, child, depth + 1) for child in node.named_children)
    return False
