"""## What it does
Finds modules and files imported or run by a name that is not fixed in the
example: ``importlib.import_module(name)``, ``__import__(name)``,
``importlib.util.spec_from_file_location(name, path)``,
``SourceFileLoader(name, path)``, ``imp.load_source``/``load_module``,
``runpy.run_path(path)`` and ``runpy.run_module(name)``.  Literal names
(``importlib.import_module("json")``, a loop over a literal list) are not
reported.

## Why is this bad?
Importing a module runs its top-level code.  When the module name or file
path comes from a request, a config value or a command-line argument,
whoever controls that value chooses which code runs: a path to an uploaded
file, or a module with side effects (CWE-470, unsafe reflection).

## Example
```python
import importlib
handler = importlib.import_module(request.args["plugin"])
```

## Use instead
```python
import importlib
PLUGINS = {"csv": "myapp.plugins.csv", "json": "myapp.plugins.json"}
handler = importlib.import_module(PLUGINS[request.args["plugin"]])
```
Map outside values onto an allow-list of module names, or use entry points
(``importlib.metadata.entry_points``) for plugins.

## References
- [CWE-470: Use of Externally-Controlled Input to Select Classes or Code](https://cwe.mitre.org/data/definitions/470.html)
- [Python docs: importlib.import_module](https://docs.python.org/3/library/importlib.html#importlib.import_module)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

# function -> position of the argument naming the code to load
LOADERS = {
    "importlib.import_module": 0, "importlib.__import__": 0, "importlib.util.spec_from_file_location": 1,
    "importlib.machinery.SourceFileLoader": 1, "importlib.machinery.SourcelessFileLoader": 1,
    "imp.load_source": 1, "imp.load_module": 0, "imp.load_compiled": 1, "imp.load_package": 1,
    "runpy.run_path": 0, "runpy.run_module": 0,
}
CONFIG_OBJECTS = frozenset({"settings", "config", "conf"})
KEYWORDS = {0: ("name", "path_name", "mod_name"), 1: ("location", "path", "pathname")}


@rule(
    id="DSP031",
    symbol="dynamic-import-non-literal",
    title="Module or file imported by a name taken from data",
    severity="medium",
    cwe=470,
    languages=("python",),
    equivalent="none (Semgrep non-literal-import)",
    message="imports code chosen by a value outside the example; map it onto an allow-list of module names",
    use_instead='importlib.import_module(ALLOWED[name]) with a fixed dict of module names',
    triggers=('import_module', '__import__', 'spec_from_file_location', 'sourcefileloader', 'sourcelessfileloader', 'load_source', 'load_module', 'load_compiled', 'load_package', 'run_path', 'run_module'),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        target = _loaded(code, call)
        if target is None or code.is_constant(target) or _allow_listed(code, target) or _configured(code, call, target):
            continue
        yield Hit(call.line, code.column(call.node),
                  f"`{call.written}({code.text_of(target, 40)})` loads and runs code chosen by that value; "
                  "look the name up in an allow-list of module names first")


def _loaded(code: PythonView, call: Call) -> Optional[ast.expr]:
    if code.is_builtin_call(call, "__import__"):
        return call.argument(0, "name")
    name = call.name
    if name not in LOADERS:
        short = {"import_module": "importlib.import_module", "spec_from_file_location":
                 "importlib.util.spec_from_file_location", "SourceFileLoader": "importlib.machinery.SourceFileLoader",
                 "run_path": "runpy.run_path", "load_source": "imp.load_source"}
        name = short.get(name, "")  # bare names in fragments without imports
    if name not in LOADERS:
        return None
    position = LOADERS[name]
    node = call.argument(position)
    for keyword in KEYWORDS[min(position, 1)]:
        node = node if node is not None else call.keyword(keyword)
    return node


def _allow_listed(code: PythonView, node: ast.expr) -> bool:
    """``ALLOWED[name]`` or ``ALLOWED.get(name)`` on a literal dict, or a name checked with ``in``."""
    if isinstance(node, ast.Name):
        return any(isinstance(n, ast.Compare) and isinstance(n.left, ast.Name) and n.left.id == node.id
                   and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in code.nodes_of(ast.Compare))
    if isinstance(node, ast.Subscript):
        container = node.value
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        container = node.func.value
    else:
        return False
    if isinstance(container, ast.Name):
        values = code.assignments.get(container.id, [])
        container = values[0] if len(values) == 1 else container
    return isinstance(container, (ast.Dict, ast.List, ast.Tuple)) and code.is_constant(ast.Tuple(
        elts=[v for v in getattr(container, "values", getattr(container, "elts", []))], ctx=ast.Load()))


def _configured(code: PythonView, call: Call, node: ast.expr) -> bool:
    """Names the developer configures (``settings.ROOT_URLCONF``, ``__package__``) or a
    relative import confined to the caller's package."""
    for part in code.non_constant_parts(node):
        text = code.text_of(part)
        root = text.split(".", 1)[0].split("[", 1)[0]
        configured = root.lower() in CONFIG_OBJECTS or text.startswith(("app.config", "current_app.config"))
        if not (configured or (root.startswith("__") and root.endswith("__"))):
            break
    else:
        return True
    relative = code.string_value(node.values[0]) if isinstance(node, ast.JoinedStr) and node.values else None
    return call.argument(1, "package") is not None and (relative or "").startswith(".")
