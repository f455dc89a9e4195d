"""## What it does
Finds ``marshal.load`` and ``marshal.loads``, except with ``allow_code=False``
(Python 3.13), which loads no code objects.

## Why is this bad?
``marshal`` is Python's internal format for compiled code.  Its documentation
says it is not secure against erroneous or maliciously constructed data:
loading crafted input can crash the interpreter, and the objects it yields
are usually code objects that the example then executes.

## Example
```python
import marshal
code = marshal.loads(payload)
exec(code)
```

## Use instead
```python
import json
data = json.loads(payload)
```
Exchange data as JSON; never load ``marshal`` data you did not write.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [Python docs: marshal warning](https://docs.python.org/3/library/marshal.html)
"""

from __future__ import annotations

import ast

from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSP007",
    symbol="marshal-load",
    title="marshal.load(s) of data",
    severity="medium",
    cwe=502,
    languages=("python",),
    triggers=("marshal",),
    equivalent="Bandit B302, Ruff S302",
    message="`marshal` is not safe against malicious data; use json",
    use_instead="json.loads(payload)",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.name in ("marshal.load", "marshal.loads"):
            allow_code = call.keyword("allow_code")
            if allow_code is not None and isinstance(allow_code, ast.Constant) and allow_code.value is False:
                continue  # (3.13: no code objects, so nothing to run; the data is then only data)
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` is not secure against maliciously constructed data; exchange data as "
                      "JSON (`json.loads`)")
