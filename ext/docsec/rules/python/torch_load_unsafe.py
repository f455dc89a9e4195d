"""## What it does
Finds ``torch.load`` without ``weights_only=True``, or with
``weights_only=False``, and the download helpers
``torch.hub.load_state_dict_from_url`` / ``torch.utils.model_zoo.load_url``
with ``weights_only=False``.

## Why is this bad?
Without ``weights_only=True``, ``torch.load`` unpickles the checkpoint, and a
pickle can run any code while it loads.  Model files are routinely shared
and downloaded; a tampered checkpoint from a model hub or a colleague's
bucket runs its payload on the reader's machine.  PyTorch made
``weights_only=True`` the default in 2.6, but examples are copied onto older
versions and ``weights_only=False`` turns the protection off.

## Example
```python
import torch
model.load_state_dict(torch.load("checkpoint.pt"))
```

## Use instead
```python
import torch
model.load_state_dict(torch.load("checkpoint.pt", weights_only=True))
```
Or store weights with ``safetensors``.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [PyTorch docs: torch.load](https://pytorch.org/docs/stable/generated/torch.load.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule

TORCH_LOADS = frozenset({"torch.load", "torch.serialization.load"})
# Download-and-load helpers (torch.hub, torch.utils.model_zoo, old torchvision): flagged only with
# an explicit weights_only=False, their default follows torch.load's.
URL_LOADS = frozenset({"load_state_dict_from_url", "load_url"})


@rule(
    id="DSP009",
    symbol="torch-load-unsafe",
    title="torch.load without weights_only=True",
    severity="high",
    cwe=502,
    languages=("python",),
    triggers=("torch",),
    equivalent="Bandit B614",
    message="`torch.load` unpickles the file unless weights_only=True; pass weights_only=True or use safetensors",
    use_instead="torch.load(path, weights_only=True) or safetensors.torch.load_file(path)",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.short in URL_LOADS and call.name.startswith(("torch.", "torchvision.")):
            if code.is_false(call.keyword("weights_only")):
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}(..., weights_only=False)` unpickles the downloaded checkpoint, which can "
                          "run code; drop `weights_only=False` or use `safetensors`")
            continue
        if call.name not in TORCH_LOADS:
            continue
        weights_only = call.keyword("weights_only")
        if code.is_false(weights_only):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., weights_only=False)` unpickles the checkpoint, which can run code; "
                      "pass `weights_only=True` or use `safetensors`")
        elif weights_only is None and not any(k.arg is None for k in call.node.keywords):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` without `weights_only=True` unpickles the checkpoint on PyTorch < 2.6, "
                      "which can run code; pass `weights_only=True` or use `safetensors`")
