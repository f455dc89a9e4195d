"""## What it does
Finds the keyword switches that tell a library to run code that comes with
its input, set to their unsafe value:

* ``keras.models.load_model(..., safe_mode=False)``: the model's ``Lambda``
  layers are Python code, deserialized and run;
* ``torch.hub.load(..., trust_repo=True)``: the repository's ``hubconf.py``
  is downloaded and run without asking;
* LangChain's ``allow_dangerous_deserialization=True`` (``FAISS.load_local``,
  loaders that unpickle) and ``allow_dangerous_code=True`` (agents that run
  the Python an LLM writes).

The switch names are data (``SWITCHES``); Hugging Face's
``trust_remote_code=True`` is DSP050's, ``torch.load(weights_only=False)``
DSP009's and ``numpy.load(allow_pickle=True)`` DSP005's.

## Why is this bad?
Each switch exists because its library's authors made the safe behaviour the
default: turned on, whoever made the model file, the repository or the
prompt runs code in the reader's process.

## Example
```python
model = keras.models.load_model("downloaded.keras", safe_mode=False)
store = FAISS.load_local("index", embeddings, allow_dangerous_deserialization=True)
```

## Use instead
```python
model = keras.models.load_model("downloaded.keras")  # safe_mode=True: Lambda layers refused
```
Load only files you made yourself with the switch on, and say so.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [CWE-94: Improper Control of Generation of Code](https://cwe.mitre.org/data/definitions/94.html)
"""

from __future__ import annotations

from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

# keyword -> (the unsafe value, the callee's last name it applies to (None: any call), what it runs)
SWITCHES: dict[str, tuple[bool, Optional[tuple[str, ...]], str]] = {
    "safe_mode": (False, ("load_model",), "the model's Lambda layers, Python code stored in the file"),
    "trust_repo": (True, ("load", "list", "help"), "the repository's hubconf.py, downloaded and run"),
    "allow_dangerous_deserialization": (True, None, "pickles in the loaded files"),
    "allow_dangerous_code": (True, None, "the Python code the language model writes"),
}


@rule(
    id="DSP077",
    symbol="code-execution-switch",
    title="A library switch that runs code from its input, turned on",
    severity="high",
    cwe=502,
    languages=("python",),
    equivalent="none",
    message="turns on a switch that runs code from the loaded file, repository or model output; leave it off",
    use_instead="keras.models.load_model(path) (safe_mode=True); FAISS.load_local(...) only for files you made",
    name_triggers=tuple(SWITCHES),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        found = _switch(code, call)
        if found:
            keyword, runs = found
            yield Hit(call.line, code.column(call.node), f"`{call.written}(..., {keyword}=...)` runs {runs}: whoever "
                      "made that input runs code in this process; leave the switch at its safe default")


def _switch(code: PythonView, call: Call) -> Optional[tuple[str, str]]:
    for keyword, (unsafe, callees, runs) in SWITCHES.items():
        given = call.keyword(keyword)
        if given is None or (callees is not None and call.short not in callees):
            continue
        if (unsafe and code.is_true(given)) or (not unsafe and code.is_false(given)):
            return keyword, runs
    return None
