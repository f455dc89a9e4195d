"""## What it does
Finds YAML loaded with a loader that builds arbitrary Python objects:
``yaml.load``/``load_all`` without a ``Loader`` or with ``yaml.Loader``,
``UnsafeLoader``, ``FullLoader`` (or their C versions), ``yaml.unsafe_load``,
``yaml.full_load`` and ruamel's ``YAML(typ="unsafe")``.  ``yaml.safe_load``,
``Loader=yaml.SafeLoader``/``CSafeLoader`` and ruamel's default and ``"safe"``
loaders are not reported.

## Why is this bad?
The full and unsafe loaders honour tags such as ``!!python/object/apply``,
which call any Python function while the document is parsed: a YAML file
from a user, a repository or an API becomes code execution.  ``FullLoader``
has had several such bypasses (CVE-2020-1747, CVE-2020-14343).  Older PyYAML
used the full loader when ``Loader`` was omitted.

## Example
```python
import yaml
config = yaml.load(open("config.yml"), Loader=yaml.Loader)
```

## Use instead
```python
import yaml
with open("config.yml") as f:
    config = yaml.safe_load(f)
```

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [PyYAML: yaml.load(input) deprecation](https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

LOADING = frozenset({"yaml.load", "yaml.load_all", "ruamel.yaml.load", "ruamel.yaml.load_all"})
ALWAYS_UNSAFE = frozenset({"yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all",
                           "ruamel.yaml.unsafe_load", "ruamel.yaml.unsafe_load_all"})
SAFE_LOADERS = frozenset({"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader", "RoundTripLoader"})
UNSAFE_LOADERS = frozenset({"Loader", "CLoader", "UnsafeLoader", "CUnsafeLoader", "FullLoader", "CFullLoader"})
RUAMEL_YAML = frozenset({"ruamel.yaml.YAML", "ruamel.yaml.main.YAML", "YAML"})


@rule(
    id="DSP008",
    symbol="yaml-unsafe-load",
    title="YAML loaded with an object-constructing loader",
    severity="high",
    cwe=502,
    languages=("python",),
    triggers=("yaml",),
    equivalent="Bandit B506, Ruff S506",
    message="this YAML loader can construct arbitrary Python objects; use yaml.safe_load",
    use_instead="yaml.safe_load(stream) or yaml.load(stream, Loader=yaml.SafeLoader)",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        problem = _problem(code, call)
        if problem:
            yield Hit(call.line, code.column(call.node),
                      f"{problem} can construct arbitrary Python objects (code execution); "
                      "use `yaml.safe_load` (or `Loader=yaml.SafeLoader`)")


def _problem(code: PythonView, call: Call) -> Optional[str]:
    if _is_ruamel_object(code, call):
        return None
    if call.name in ALWAYS_UNSAFE:
        return f"`{call.written}`"
    if call.name in LOADING:
        loader = call.keyword("Loader") or (call.node.args[1] if len(call.node.args) > 1 else None)
        if loader is None:
            return None if any(k.arg is None for k in call.node.keywords) else f"`{call.written}` without `Loader=`"
        if isinstance(loader, ast.Name) and loader.id not in code.aliases and loader.id in code.defined_names:
            return None  # the snippet's own loader class or variable
        name = (code.qualname(loader) or "").rsplit(".", 1)[-1]
        if name in UNSAFE_LOADERS:
            return f"`{call.written}` with `Loader={code.text_of(loader, 30)}`"
        return None
    if call.name in RUAMEL_YAML or call.name.endswith(".YAML"):
        typ = code.string_value(call.keyword("typ"))
        if typ == "unsafe" and (call.name != "YAML" or "ruamel" in code.source):
            return f"`{call.written}(typ='unsafe')`"
    return None


def _is_ruamel_object(code: PythonView, call: Call) -> bool:
    """``yaml = YAML(); yaml.load(f)``: the snippet's own ``yaml`` variable, not the module."""
    func = call.node.func
    if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
        return False
    return func.value.id not in code.aliases and func.value.id in code.bindings
