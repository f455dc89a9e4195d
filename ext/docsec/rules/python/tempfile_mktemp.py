"""## What it does
Finds ``tempfile.mktemp``, ``os.tempnam`` and ``os.tmpnam``.

## Why is this bad?
These return a name that does not exist *yet*.  Between choosing the name
and opening it, another process can create that file or a symlink with that
name, and the program then writes into the attacker's file or through the
link (a race condition, CWE-377).  ``tempfile.mktemp`` has been deprecated
for this reason since Python 2.3.

## Example
```python
import tempfile
path = tempfile.mktemp(suffix=".txt")
with open(path, "w") as f:
    f.write(report)
```

## Use instead
```python
import tempfile
with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
    f.write(report)
```
``mkstemp``, ``NamedTemporaryFile`` and ``TemporaryDirectory`` create the
file atomically.

## References
- [CWE-377: Insecure Temporary File](https://cwe.mitre.org/data/definitions/377.html)
- [Python docs: tempfile.mktemp](https://docs.python.org/3/library/tempfile.html#tempfile.mktemp)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

RACY = frozenset({"tempfile.mktemp", "os.tempnam", "os.tmpnam"})


@rule(
    id="DSP015",
    symbol="tempfile-mktemp",
    title="Temporary file name without creating the file (mktemp)",
    severity="medium",
    cwe=377,
    languages=("python",),
    triggers=("mktemp", "tempnam", "tmpnam"),
    equivalent="Bandit B306, Ruff S306",
    message="returns a file name another process can claim first; use tempfile.mkstemp or NamedTemporaryFile",
    use_instead="tempfile.NamedTemporaryFile(), tempfile.mkstemp() or tempfile.TemporaryDirectory()",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.name in RACY:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` only picks a name, which another process can create first (race); "
                      "use `tempfile.NamedTemporaryFile` or `tempfile.mkstemp`")
