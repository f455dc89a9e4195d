"""## What it does
Finds HTML written from request values without escaping, in PHP, Java, Go,
C# and Ruby: PHP's ``echo``/``print``/``<?= ?>`` of ``$_GET``/``$_POST``/
``$_REQUEST``/``$_COOKIE`` values (or variables holding them); a Java
servlet's ``out.println``/``print``/``write`` (also through
``response.getWriter()``) of ``request.getParameter(...)``; Go's
``fmt.Fprintf(w, ...)``/``Fprint``/``io.WriteString(w, ...)``/``w.Write`` of
a query or form value into HTML; ASP.NET's ``Content(..., "text/html")``,
``Response.Write(...)``, ``new HtmlString(...)`` and ``Html.Raw(...)``; Rails'
``raw(params[...])``, ``params[...].html_safe`` and ``render html:``/
``render inline:`` of a request value.  Values passed through an HTML
escaper (``htmlspecialchars``, ``htmlentities``, ``HtmlEncode``,
``html.EscapeString``, ``template.HTMLEscapeString``, ``escapeHtml``,
``Encode.forHtml``, ``h``, ``ERB::Util.html_escape``) are left alone.

## Why is this bad?
The browser runs the value as part of the page: a link whose query holds
``<script>...</script>`` runs script as this site for whoever follows it
(reflected cross-site scripting).

## Example
```php
<?php
echo "Hello " . $_GET["name"];
```

## Use instead
```php
<?php
echo "Hello " . htmlspecialchars($_GET["name"], ENT_QUOTES, "UTF-8");
```
Or render through a template engine that escapes by default (Twig,
Thymeleaf, ``html/template``, Razor, ERB with Rails' escaping).

## References
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
- [OWASP Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Optional

from ...languages.code import Call, CodeView
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES, from_request

ESCAPERS = re.compile(r"htmlspecialchars|htmlentities|strip_tags|esc_html|esc_attr|HtmlEncode|HtmlAttributeEncode"
                      r"|EscapeString|HTMLEscape|escapeHtml|escapeXml|forHtml|html_escape|sanitize|escape_html"
                      r"|Encode\.for|\bh\(|json_encode|JsonSerializer|intval|\(int\)|Atoi|parseInt|Integer\.")
HTML_TEXT = re.compile(r"<\s*[a-zA-Z][a-zA-Z0-9]*[\s>/]|text/html", re.IGNORECASE)
JAVA_WRITERS = ("println", "print", "write", "append", "printf", "format")
GO_WRITERS = ("Fprintf", "Fprint", "Fprintln", "WriteString", "Write")


@rule(
    id="DSL011",
    symbol="server-reflected-xss",
    title="HTML written from request values without escaping (PHP, Java, Go, C#, Ruby)",
    severity="high",
    cwe=79,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL reflected-xss queries",
    message="writes a request value into HTML without escaping (reflected XSS); escape it or use an escaping template",
    use_instead='echo htmlspecialchars($_GET["name"], ENT_QUOTES, "UTF-8");',
    name_triggers=("echo", "print", "println", "write", "append", "printf", "fprintf", "fprint", "fprintln",
                   "writestring", "content", "htmlstring", "raw", "html_safe", "render", "format", "php"),
)
def check(view: CodeView) -> Iterator[Hit]:
    language = view.language
    if language == "php":
        for node in [*view.nodes_of("echo_statement", "print_intrinsic"), *_short_echoes(view)]:
            for value in node.named_children:
                if _unescaped_request_value(view, value):
                    yield _hit(view, node, value)
                    break
        return
    for call in view.calls:
        value = _html_sink(view, call)
        if value is not None and _unescaped_request_value(view, value):
            yield _hit(view, call.node, value)


def _short_echoes(view: CodeView) -> Iterator[Any]:
    """The expression after ``<?=`` (the grammar gives it as a statement after the tag)."""
    for tag in view.nodes_of("php_tag"):
        if view.text_of(tag) == "<?=":
            holder = tag.parent
            sibling = holder.next_named_sibling if holder is not None and holder.type == "text_interpolation" \
                else tag.next_named_sibling
            if sibling is not None and sibling.type == "expression_statement":
                yield sibling


def _html_sink(view: CodeView, call: Call) -> Optional[Any]:
    language, short, name = view.language, call.short, call.name
    if language == "java" and short in JAVA_WRITERS and call.arguments:
        receiver = name.rsplit(".", 1)[0].lower()
        if receiver in ("out", "pw", "writer", "printwriter") or "getwriter" in receiver:
            return call.arguments[-1] if short not in ("printf", "format") else _java_format(call)
    if language == "go" and short in GO_WRITERS and call.arguments:
        if name in ("fmt.Fprintf", "fmt.Fprint", "fmt.Fprintln", "io.WriteString") and len(call.arguments) >= 2 \
                and view.text_of(call.arguments[0]) == "w":
            if not _go_html(view, call):
                return None
            return _first_request_value(view, call.arguments[1:])
        if name == "w.Write" and _go_html(view, call):
            return call.arguments[0]
    if language == "csharp":
        if short == "Content" and len(call.arguments) >= 2 and "html" in view.text_of(call.arguments[1]).lower():
            return call.arguments[0]
        if name.endswith("Response.Write") or short in ("HtmlString", "MarkupString") or name.endswith("Html.Raw"):
            return call.arguments[0] if call.arguments else None
    if language == "ruby":
        if short == "raw" and name == "raw" or short == "html_safe":
            return call.arguments[0] if call.arguments else call.node.child_by_field_name("receiver")
        if short == "render":
            for pair in view.nodes_of("pair"):
                key = pair.child_by_field_name("key")
                if _inside(pair, call.node) and key is not None and view.text_of(key).rstrip(":") in ("html", "inline"):
                    return pair.child_by_field_name("value")
    return None


def _java_format(call: Call) -> Optional[Any]:
    return call.arguments[-1] if len(call.arguments) >= 2 else None


def _go_html(view: CodeView, call: Call) -> bool:
    """Go sniffs the type of an untyped response: HTML when the text (or the block's Content-Type) says so."""
    whole = view.text_of(view.tree.root, 20000)
    if re.search(r"Content-Type\"?\s*,\s*\"(?:text/plain|application/json)", whole):
        return False
    return bool(HTML_TEXT.search(view.text_of(call.node, 400))) or "text/html" in whole


def _first_request_value(view: CodeView, values: tuple[Any, ...] | list[Any]) -> Optional[Any]:
    return next((value for value in values if from_request(view, value)), None)


def _unescaped_request_value(view: CodeView, node: Any) -> bool:
    if node is None:
        return False
    if ESCAPERS.search(view.text_of(node, 400)):
        return False
    name = view.name_of(node)
    if name and not name.endswith(")"):
        for value in view.assignments.get(name, []):
            if ESCAPERS.search(view.text_of(value, 400)):
                return False
    return from_request(view, node)


def _inside(node: Any, ancestor: Any) -> bool:
    current = node
    while current is not None:
        if current.id == ancestor.id:
            return True
        current = current.parent
    return False


def _hit(view: CodeView, node: Any, value: Any) -> Hit:
    return Hit(view.line(node), view.column(node),
               f"`{view.text_of(node, 50)}` writes `{view.text_of(value, 40)}`, a request value, into HTML without "
               "escaping: a crafted link runs script on this site (reflected XSS); escape it for HTML or render "
               "through an escaping template")
