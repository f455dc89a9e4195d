"""## What it does
Finds the builtin ``eval`` called on anything other than fixed text in the
example: user input, a request field, a line read from a file.  Methods
called ``eval`` (``model.eval()``, ``df.eval(...)``, ``pd.eval``) are not
the builtin and are not reported.

## Why is this bad?
``eval`` runs any Python expression, and an expression can import modules,
open files and start processes: ``__import__("os").system("...")``.
Emptying ``__builtins__`` in the globals does not make it safe; there are
well-known escapes through object attributes.

## Example
```python
expression = input("Enter a number: ")
value = eval(expression)
```

## Use instead
```python
import ast
value = ast.literal_eval(expression)
```
``ast.literal_eval`` accepts only literals (numbers, strings, lists, dicts);
parse anything richer with ``json`` or a real parser.

## References
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
- [Python docs: ast.literal_eval](https://docs.python.org/3/library/ast.html#ast.literal_eval)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSP003",
    symbol="eval-non-literal",
    title="eval() on data that is not a literal",
    severity="high",
    cwe=95,
    languages=("python",),
    equivalent="Bandit B307, Ruff S307",
    message="`eval` runs arbitrary code from its argument; use ast.literal_eval or json.loads",
    use_instead="ast.literal_eval(text) for literals, json.loads(text) for data.",
    triggers=('eval',),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if not code.is_builtin_call(call, "eval"):
            continue
        source = call.argument(0, "source") or call.keyword("expression")
        if source is not None and not code.is_constant(source) and not _repr_round_trip(code, source):
            yield Hit(call.line, code.column(call.node),
                      f"`eval({code.text_of(source, 40)})` runs whatever code the value holds; "
                      "use `ast.literal_eval` for literals or `json.loads` for data")


def _repr_round_trip(code: PythonView, node: ast.expr) -> bool:
    """``eval(repr(obj)) == obj``: the classic illustration of ``__repr__``."""
    return isinstance(node, ast.Call) and code.qualname(node.func) in ("repr", "builtins.repr")
