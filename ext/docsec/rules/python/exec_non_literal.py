"""## What it does
Finds the builtin ``exec`` run on anything other than fixed text, and
``compile(source, ..., "exec")`` on such a source.  ``re.compile``,
``cursor.execute``, SQLModel's ``session.exec`` and other methods are not
the builtin and are not reported.

## Why is this bad?
``exec`` runs arbitrary statements with the program's privileges.  A
snippet that executes a string from a request, a config file or a download
teaches readers to run code they did not write.

## Example
```python
code = request.form["code"]
exec(code)
```

## Use instead
```python
import json
settings = json.loads(request.form["settings"])
```
Accept data, not code: parse it with ``json`` or ``ast.literal_eval`` and
dispatch on it with an explicit table of allowed operations.

## References
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
- [Python docs: exec](https://docs.python.org/3/library/functions.html#exec)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSP004",
    symbol="exec-non-literal",
    title="exec() or compile(..., 'exec') on data that is not a literal",
    severity="high",
    cwe=95,
    languages=("python",),
    equivalent="Bandit B102, Ruff S102",
    message="`exec` runs arbitrary statements from its argument; accept data (json) instead of code",
    use_instead="Parse data with json.loads or ast.literal_eval and dispatch on it explicitly.",
    triggers=('exec', 'compile'),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        source = call.argument(0, "source") or call.keyword("object")
        if source is None or code.is_constant(source):
            continue
        if code.is_builtin_call(call, "exec") and not _project_source_file(code, source):
            yield Hit(call.line, code.column(call.node),
                      f"`exec({code.text_of(source, 40)})` runs whatever statements the value holds; "
                      "accept data (`json.loads`, `ast.literal_eval`) instead of code")
        elif (code.is_builtin_call(call, "compile") and code.string_value(call.argument(2, "mode")) == "exec"
              and not _syntax_tree(code, source)):
            yield Hit(call.line, code.column(call.node),
                      f"`compile({code.text_of(source, 40)}, ..., 'exec')` prepares outside code for execution; "
                      "accept data (`json.loads`, `ast.literal_eval`) instead of code")


def _syntax_tree(code: PythonView, node: ast.expr) -> bool:
    """``compile(tree, ...)`` of an AST the example built itself with ``ast.*``."""
    origin = code.origin_call(node)
    if origin is not None and (code.qualname(origin.func) or "").startswith("ast."):
        return True
    return isinstance(node, ast.Name) and any(word in node.id.lower() for word in ("tree", "ast", "node", "module"))


def _project_source_file(code: PythonView, node: ast.expr) -> bool:
    """``exec(open("mypkg/version.py").read())``: the project's own ``.py`` file, the old
    single-sourcing idiom, not outside code."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("read", "read_text")):
        return False
    opened = code.origin_call(node.func.value)
    if opened is None or not opened.args:
        return False
    path = code.string_value(opened.args[0])
    return path is not None and path.endswith(".py") and (code.qualname(opened.func) or "") in (
        "open", "io.open", "Path", "pathlib.Path", "codecs.open")
