"""## What it does
Finds ``shelve.open`` (and ``shelve.DbfilenameShelf``), except a shelf at a fixed
path that the example itself writes (``db["key"] = value``): the program's own
store, not a file from elsewhere.

## Why is this bad?
A shelf is a database of pickles: every value read back is unpickled, and
unpickling runs code chosen by whoever wrote the file.  A shelf that can be
replaced by another user, shipped with a download or synced from elsewhere
executes their code when read.

## Example
```python
import shelve
with shelve.open("cache") as db:
    user = db["alice"]
```

## Use instead
```python
import sqlite3, json
con = sqlite3.connect("cache.db")
row = con.execute("SELECT data FROM users WHERE name = ?", ("alice",)).fetchone()
user = json.loads(row[0])
```
Keep data in SQLite, JSON or another data-only store.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [Python docs: shelve (security warning)](https://docs.python.org/3/library/shelve.html)
"""

from __future__ import annotations

import ast

from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSP006",
    symbol="shelve-open",
    title="shelve database (pickled values)",
    severity="medium",
    cwe=502,
    languages=("python",),
    triggers=("shelve",),
    equivalent="Bandit B301 (shelve), Ruff S301",
    message="a shelve file unpickles every value it returns; use sqlite3 or JSON for data",
    use_instead="sqlite3 with JSON values, or another data-only store.",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls_to("shelve.open", "shelve.DbfilenameShelf"):
        if call.name.startswith("shelve.") and not _own_shelf(code, call):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` stores pickles, and reading a shelf written by someone else runs their "
                      "code; use `sqlite3` or JSON files for data")


def _own_shelf(code: PythonView, call: Call) -> bool:
    """A shelf at a fixed path of the program's own that the example writes (``db["key"] = value``): the
    program's store, not a file from elsewhere."""
    if code.string_value(call.argument(0, "filename")) is None:
        return False
    names = {target.id for node in code.nodes_of(ast.With) for item in node.items  # type: ignore[attr-defined]
             if item.context_expr is call.node and isinstance(target := item.optional_vars, ast.Name)}
    names |= {name for name, values in code.assignments.items() if call.node in values}
    return any(isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id in names
               for node in code.nodes_of(ast.Assign) for target in node.targets)  # type: ignore[attr-defined]
