"""## What it does
Finds fixed file names in shared temporary directories passed to a call:
``open("/tmp/report.csv", "w")``, ``Path("/var/tmp/cache.db")``,
``df.to_parquet("/tmp/out.parquet")``, ``f"/tmp/{name}.json"``, and the same
under ``/dev/shm``.  Only literal paths *inside* the directory count:
``tempfile.mkdtemp(dir="/tmp")`` is fine.  This rule is in the ``audit``
profile: in documentation, ``/tmp/...`` is often just an example location.

## Why is this bad?
``/tmp`` is shared by every user and process on the machine.  A file name
known in advance can be created first by someone else: as a symlink that
makes the program overwrite another file, or with content the program then
trusts (a pickle, a config, a script).  Two runs of the example also
overwrite each other's files.

## Example
```python
with open("/tmp/session-cache.json", "w") as handle:
    json.dump(state, handle)
```

## Use instead
```python
import tempfile
with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
    json.dump(state, handle)
```
Or write below a directory the program owns (``tempfile.mkdtemp()``, the
user's cache directory).

## References
- [CWE-377: Insecure Temporary File](https://cwe.mitre.org/data/definitions/377.html)
- [CWE-59: Improper Link Resolution Before File Access](https://cwe.mitre.org/data/definitions/59.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

SHARED_TMP = re.compile(r"^(?:/tmp|/var/tmp|/dev/shm)/[^/\s]")
# Calls whose string arguments are not file names.
NOT_PATHS = frozenset({"print", "logging.info", "logging.debug", "logging.warning", "logging.error", "log",
                       "startswith", "endswith", "replace", "match", "search", "fullmatch", "sub", "split", "format"})


@rule(
    id="DSP054",
    symbol="hardcoded-tmp-path",
    title="Fixed file name in a shared temporary directory",
    severity="low",
    confidence="medium",
    cwe=377,
    languages=("python",),
    profile="audit",
    equivalent="Bandit B108, Ruff S108",
    message="a fixed path in /tmp can be created or replaced by another user first; use the tempfile module",
    use_instead="tempfile.NamedTemporaryFile / tempfile.mkdtemp(), or a directory the program owns",
    # every path SHARED_TMP matches (a string value: the Python view adds those)
    triggers=("/tmp", "/dev/shm"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.short in NOT_PATHS or call.name in NOT_PATHS:
            continue
        for argument in [*call.node.args, *(k.value for k in call.node.keywords if k.arg != "dir")]:
            path = _tmp_path(code, argument)
            if path:
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}(\"{path}\")` uses a fixed name in a shared temporary directory, which "
                          "another local user can create first (symlink or planted file); use `tempfile`")
                break


def _tmp_path(code: PythonView, node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        text = str(node.values[0].value)
        return text + "…" if SHARED_TMP.match(text + "x") else None
    value = code.string_value(node)
    return value if value is not None and SHARED_TMP.match(value) else None
