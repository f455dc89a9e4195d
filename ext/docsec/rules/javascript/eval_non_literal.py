"""## What it does
Finds JavaScript that runs a string as code when the string is not fixed
text: ``eval(x)``, ``new Function(body)`` and ``Function(body)``,
``setTimeout``/``setInterval`` given a built string instead of a function,
and Node's ``vm.runInThisContext``, ``vm.runInNewContext``,
``vm.runInContext``, ``vm.compileFunction`` and ``new vm.Script``.  A
literal (``eval("1 + 1")``) is left alone.

## Why is this bad?
The string is parsed and run with the page's or the server's privileges: a
value that reaches it from a request, a URL fragment or a message is code an
attacker writes.  Node's ``vm`` module is not a security boundary either.

## Example
```javascript
const total = eval(req.query.expression);
setTimeout("refresh('" + panel + "')", 1000);
```

## Use instead
```javascript
const total = Number.parseFloat(req.query.expression);
setTimeout(() => refresh(panel), 1000);
```
Parse data with ``JSON.parse`` or a real expression parser, and pass
functions, not strings, to timers.

## References
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
- [MDN: Never use eval()!](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/eval#never_use_eval!)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule
from ._values import from_request, is_outside

CODE_CALLS = frozenset({"eval", "Function", "window.eval", "globalThis.eval", "window.Function", "vm.runInThisContext",
                        "vm.runInNewContext", "vm.runInContext", "vm.compileFunction", "vm.Script"})
TIMERS = frozenset({"setTimeout", "setInterval", "window.setTimeout", "window.setInterval", "setImmediate"})


@rule(
    id="DSW001",
    symbol="js-eval-non-literal",
    title="JavaScript eval, Function or a string timer on a value that is not a literal",
    severity="high",
    cwe=95,
    languages=("javascript",),
    equivalent="ESLint no-eval, no-implied-eval, no-new-func",
    message="runs a string as code; parse data with JSON.parse and pass functions to timers",
    use_instead="JSON.parse(text) for data; setTimeout(() => refresh(panel), 1000) for timers.",
    name_triggers=("eval", "function", "settimeout", "setinterval", "setimmediate", "runinthiscontext",
                   "runinnewcontext", "runincontext", "compilefunction", "script"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls:
        name = call.name.replace("node:", "")
        if name in CODE_CALLS or name.endswith((".runInThisContext", ".runInNewContext", ".runInContext")):
            code = call.arguments[-1] if name.endswith("Function") and call.arguments else call.argument(0)
            if code is not None and is_outside(js, code):
                yield Hit(js.line(call.node), js.column(call.node),
                          f"`{call.written}({js.text_of(code, 40)})` runs the value as code; parse data with "
                          "`JSON.parse` or a real parser instead")
        elif name in TIMERS:
            code = call.argument(0)
            built = js.built_through(code)[0] if code is not None else None
            if built is not None and any(is_outside(js, part) for part in built.dynamic):
                yield Hit(js.line(call.node), js.column(call.node),
                          f"`{call.written}` is given a string built with {built.how}, which it runs as code; "
                          "pass a function: `setTimeout(() => ..., delay)`")
            elif code is not None and from_request(js, code):  # a query value is a string, never a function
                yield Hit(js.line(call.node), js.column(call.node),
                          f"`{call.written}({js.text_of(code, 40)})` runs a string from the request as code; "
                          "pass a function: `setTimeout(() => ..., delay)`")
