"""What the Java, C#, PHP, Go, Ruby and Rust rules share: which values may come from outside the example,
and which come from the request.  No rule lives here (the module starts with ``_``)."""

from __future__ import annotations

import re
from typing import Any

from ...languages.code import CodeView

LANGUAGES = ("java", "csharp", "php", "go", "ruby", "rust")
# Calls whose result is a number or an escaped value.
SAFE = re.compile(
    r"(?:^|\.)(?:parseInt|parseLong|valueOf|intval|floatval|int|Atoi|Itoa|ParseInt|FormatInt|to_i|to_f|Integer"
    r"|escapeshellarg|escapeshellcmd|quote|escape|real_escape_string|mysqli_real_escape_string|sanitize_sql"
    r"|quote_column_name|shellescape|Shellwords\.escape|QuoteMeta|htmlspecialchars|Parse|TryParse|length|size|count"
    r"|len|Length|Count|parse|shell_escape\.escape|quote)$")
# Where a request's values are read, per language.
REQUEST = re.compile(
    r"^\$_(?:GET|POST|REQUEST|COOKIE|SERVER|FILES)\b|^\$request\.(?:input|get|query|post|all|cookie|header)\b"
    r"|^request\.(?:getParameter|getHeader|getQueryString|getCookies|getInputStream|getReader)\b"
    r"|^(?:Request|HttpContext\.Request|this\.Request)\.(?:Query|QueryString|Form|Headers|Cookies|Params|Body)\b"
    r"|^r\.(?:URL\.Query|FormValue|PostFormValue|Form|Header|Body|URL\.RawQuery)\b|^(?:c|ctx)\.(?:Query|Param|PostForm"
    r"|FormValue|QueryParam|GetHeader)\b|^params\b|^request\.(?:params|referer|body|headers|query_parameters)\b"
    r"|^cookies\b|^(?:query|form|params|info)\.(?:0\.)?\w+$|^(?:req|request)\.(?:query_string|uri)\(")
# Parameter names that frameworks bind from the request (ASP.NET's ``returnUrl``, Spring's ``@RequestParam url``).
REQUEST_NAMES = re.compile(r"^(?:return|redirect|next|continue|goto|target|callback)_?(?:url|uri|to|path)?$",
                           re.IGNORECASE)


def is_outside(view: CodeView, node: Any, depth: int = 0) -> bool:
    """A part that may carry outside text: not a constant, a number or an escaped value."""
    if node is None or depth > 6 or view.is_constant(node):
        return False
    name = view.name_of(node)
    if node.type in view.spec.calls:
        call = view._call(node)
        if call is not None and SAFE.search(call.name):
            return False
    if node.type in ("cast_expression", "type_conversion_expression") or view.text_of(node).startswith("(int)"):
        return False
    if name and not name.endswith(")"):
        values = view.assignments.get(name, [])
        if values and not any(is_outside(view, value, depth + 1) for value in values):
            return False
    return True


def from_request(view: CodeView, node: Any, depth: int = 0) -> bool:
    """A value read from the request, directly or through a variable of the block (or a parameter named
    like the ones frameworks bind from it)."""
    if node is None or depth > 4:
        return False
    written = view.text_of(node).replace("->", ".").replace("::", ".")
    if REQUEST.search(written):
        return True
    name = view.name_of(node)
    if name and not name.endswith(")"):
        values = view.assignments.get(name, [])
        if values:
            return any(from_request(view, value, depth + 1) for value in values)
        return bool(REQUEST_NAMES.match(name.lstrip("$").rsplit(".", 1)[-1]))
    return any(from_request(view, child, depth + 1) for child in node.named_children
               if child.type not in ("argument_list", "arguments") or node.type not in view.spec.calls)
