"""## What it does
Finds JavaScript that runs a string as code when the string is not fixed
text: ``eval(x)``, ``new Function(body)`` and ``Function(body)``,
``setTimeout``/``setInterval`` given a built string instead of a function,
Node's ``vm.runInThisContext``, ``vm.runInNewContext``,
``vm.runInContext``, ``vm.compileFunction`` and ``new vm.Script``; and, given
a value from the request, template sources (``ejs.render(req.body.template,
data)``, ``Handlebars.compile(req.query.t)``, ``pug.render``,
``nunjucks.renderString``, ``_.template``) and module paths
(``require(req.query.module)``).  A literal (``eval("1 + 1")``) is left alone.

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
# Template engines whose template source is code: ``ejs.render(source, data)``, ``Handlebars.compile(source)``,
# ``pug.render``, ``nunjucks.renderString``, ``_.template``, ``doT.template``, ``Mustache.render``.
TEMPLATE_COMPILERS = frozenset({"render", "compile", "renderString", "template", "compileFile", "renderFile"})
TEMPLATE_ENGINES = ("ejs", "handlebars", "pug", "jade", "nunjucks", "mustache", "dot", "lodash", "_", "underscore",
                    "eta", "liquid", "hogan", "dust", "swig", "twig", "squirrelly", "velocityjs", "art-template")
MODULE_LOADERS = frozenset({"require", "import", "module.require"})
TIMERS = frozenset({"setTimeout", "setInterval", "window.setTimeout", "window.setInterval", "setImmediate"})


def _template_engine(name: str) -> bool:
    """``ejs.render``, ``Handlebars.compile``, ``_.template``: a call of a template engine (not ``res.render``,
    which renders a template file the program chose)."""
    owner = name.rsplit(".", 1)[0].lower() if "." in name else ""
    return owner in TEMPLATE_ENGINES or owner.endswith(TEMPLATE_ENGINES[:6])


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
                   "runinnewcontext", "runincontext", "compilefunction", "script", "render", "compile", "renderstring",
                   "template", "compilefile", "renderfile", "require", "import"),
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
        elif (call.short in TEMPLATE_COMPILERS and _template_engine(name)) or name in MODULE_LOADERS:
            source = call.argument(0)
            if source is not None and from_request(js, source):
                what = "loads the module" if name in MODULE_LOADERS else "compiles the template"
                yield Hit(js.line(call.node), js.column(call.node),
                          f"`{call.written}({js.text_of(source, 40)})` {what} the request names: whoever sends it "
                          "runs code on the server (template or code injection); pass the request's values as data "
                          "to a fixed template, or map them onto a fixed list of modules")
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
