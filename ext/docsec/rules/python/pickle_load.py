"""## What it does
Finds data being unpickled: ``pickle.load``/``loads``/``Unpickler`` (and
``cPickle``, ``_pickle``, ``pickle5``), ``dill``, ``cloudpickle``,
``joblib.load``, ``jsonpickle.decode``, ``pandas.read_pickle`` and
``numpy.load(..., allow_pickle=True)``.  Pickling (``dump``/``dumps``) and
an in-memory round trip such as ``pickle.loads(pickle.dumps(obj))`` are not
reported, nor is loading back a file the same example has just written,
named by the same literal or the same expression (``open(cache_file,
"wb")`` + ``pickle.dump`` then ``open(cache_file, "rb")`` + ``pickle.load``;
``joblib.dump(model, path)`` then ``joblib.load(path)``).  A round trip of
the classic exploit is reported all the same: a class whose ``__reduce__``
returns ``os.system``, ``subprocess.*``, ``eval`` or ``exec`` with a command,
pickled and loaded in the example, runs that command for the reader who
copies the demo.

## Why is this bad?
Unpickling runs code: a pickle names any callable to invoke with any
arguments while it is being loaded, so loading a file someone else made
(a download, an upload, a shared model) hands them the process.  Readers
copy the load line and point it at whatever file they were sent.

## Example
```python
import pickle
with open("model.pkl", "rb") as f:
    model = pickle.load(f)
```

## Use instead
```python
import json
with open("settings.json") as f:
    settings = json.load(f)
```
Store data as JSON, CSV, Parquet or ``safetensors``; use ``numpy.load`` with
the default ``allow_pickle=False``; load pickles only from files your own
program wrote and protected, and say so in the text.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [Python docs: pickle warning](https://docs.python.org/3/library/pickle.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

PICKLE_MODULES = ("pickle", "cPickle", "_pickle", "pickle5", "dill", "cloudpickle", "six.moves.cPickle")
LOADERS = frozenset(
    [f"{module}.{name}" for module in PICKLE_MODULES for name in ("load", "loads", "Unpickler")]
    + ["joblib.load", "sklearn.externals.joblib.load", "jsonpickle.decode", "jsonpickle.loads",
       "pandas.read_pickle", "pd.read_pickle", "dill.load_session", "keras.utils.pickle.load"]
)
NUMPY_LOADS = frozenset({"numpy.load", "np.load"})
OPENERS = frozenset({"open", "io.open", "builtins.open", "gzip.open", "bz2.open", "lzma.open"})
DUMPERS = frozenset({"dump", "to_pickle"})


@rule(
    id="DSP005",
    symbol="pickle-load",
    title="Unpickling data (pickle, dill, joblib, read_pickle)",
    severity="high",
    cwe=502,
    languages=("python",),
    # every name in LOADERS holds `pickle`, `dill` or `joblib` (a module the block imports or writes: a
    # resolved name is made of identifiers in the block), and NUMPY_LOADS needs the `allow_pickle` keyword
    triggers=("pickle", "dill", "joblib"),
    equivalent="Bandit B301, Ruff S301",
    message="unpickling runs code chosen by whoever made the file; store data as JSON or another data-only format",
    use_instead="json.load / numpy.load(allow_pickle=False) / safetensors; unpickle only files you wrote yourself.",
)
def check(code: PythonView) -> Iterator[Hit]:
    dumped: list[set[str]] = []  # the files the snippet writes, computed once and only when needed
    payload = _payload_class(code)
    for call in code.calls:
        if call.name in LOADERS and payload is not None and _carries(code, call, payload.split(".")[0]):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` runs the payload `{payload}` builds: its `__reduce__` calls a command or "
                      "code as soon as the pickle loads (a demo readers run as written); show the payload without "
                      "loading it, or load it in a throwaway container")
        elif call.name in LOADERS and not _round_trip(code, call, dumped) and not _authenticated(code, call):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` unpickles its input, and a pickle can run any code while loading; "
                      "use a data-only format (JSON, CSV, Parquet, safetensors) for anything not written by "
                      "this program")
        elif call.name in NUMPY_LOADS and code.is_true(call.keyword("allow_pickle")):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., allow_pickle=True)` unpickles object arrays, which can run code; "
                      "keep the default `allow_pickle=False`")


# What a payload's ``__reduce__`` returns to call when the pickle loads: a command, or code.
PAYLOAD_CALLS = re.compile(r"^(?:os\.(?:system|popen|exec\w*|spawn\w*)|subprocess\.\w+|eval|exec|builtins\.(?:eval|exec)"
                           r"|posix\.system|nt\.system|shutil\.rmtree|os\.remove|os\.unlink|socket\.socket)$")


def _payload_class(code: PythonView) -> Optional[str]:
    """A class of the block whose ``__reduce__`` (or ``__reduce_ex__``) returns a command or code to run:
    the canonical pickle exploit, which any ``loads`` in the block then runs."""
    for node in code.nodes_of(ast.ClassDef):
        for method in getattr(node, "body", []):
            if not isinstance(method, ast.FunctionDef) or method.name not in ("__reduce__", "__reduce_ex__"):
                continue
            for returned in ast.walk(method):
                if isinstance(returned, ast.Return) and isinstance(returned.value, ast.Tuple) and returned.value.elts:
                    target = code.qualname(returned.value.elts[0]) or ""
                    if PAYLOAD_CALLS.match(target):
                        return f"{node.name}.{method.name}"  # type: ignore[attr-defined]
    return None


def _carries(code: PythonView, call: Call, payload: str) -> bool:
    """The loaded data may be the payload: it names the payload's class (``loads(dumps(Exploit()))``,
    through one variable), or it comes from elsewhere (a file, a socket), where the demo put it."""
    source = call.argument(0)
    if isinstance(source, ast.Name):
        values = code.assignments.get(source.id, [])
        source = values[0] if len(values) == 1 else source
    if source is None:
        return False
    if isinstance(source, ast.Call) and (code.qualname(source.func) or "").endswith("dumps"):
        return payload in code.text_of(source, 400)
    return True


def _authenticated(code: PythonView, call: Call) -> bool:
    """The data's HMAC is checked before it is unpickled, in the same function: ``hmac.compare_digest``
    (or ``hmac.new(...).digest() == ...`` guarded by a raise or return), the pattern the pickle
    documentation recommends for data that crosses a boundary."""
    function = code.function_of(call.node)
    for other in code.calls:
        if other.line >= call.line or code.function_of(other.node) is not function:
            continue
        if other.short == "compare_digest" or (other.short in ("verify", "unsign", "verify_signature")
                                               and "hmac" in other.name.lower()):
            return True
    return False


def _round_trip(code: PythonView, call: Call, dumped: list[set[str]]) -> bool:
    """The data was pickled by this very snippet: ``loads(dumps(obj))`` in memory, or a
    file the snippet dumps to before loading it back, named by the same literal or the
    same expression (``path``, ``cfg.cache_file``, ``os.path.join(out, "model.pkl")``)."""
    source = call.argument(0)
    if isinstance(source, ast.Name):
        values = code.assignments.get(source.id, [])
        source = values[0] if len(values) == 1 else source
    if isinstance(source, ast.Call) and (code.qualname(source.func) or "").endswith("dumps"):
        return True
    path = _file_key(code, call.argument(0))
    if path is None:
        return False
    if not dumped:
        dumped.append(_dumped_paths(code))
    return path in dumped[0]


def _path_key(code: PythonView, node: Optional[ast.AST]) -> Optional[str]:
    """What names a file: its literal text, or the expression as written (``path``, ``args.out``)."""
    if node is None:
        return None
    text = code.string_value(node)
    if text is not None:
        return text
    if isinstance(node, (ast.Name, ast.Attribute, ast.JoinedStr, ast.BinOp, ast.Call, ast.Subscript)):
        return "expr:" + ast.dump(node)
    return None


def _file_key(code: PythonView, node: Optional[ast.AST]) -> Optional[str]:
    """The file a loader reads: the path of the ``open(...)`` a file object comes from, or the path itself."""
    origin = code.origin_call(node)
    if origin is not None and code.qualname(origin.func) in OPENERS:
        return _path_key(code, origin.args[0]) if origin.args else None
    if origin is not None and origin is not node:
        return None  # a name bound to another call's result (``f = urlopen(url)``)
    return _path_key(code, node)


def _dumped_paths(code: PythonView) -> set[str]:
    dumps = [c for c in code.calls if c.short in DUMPERS]
    if not dumps:
        return set()
    paths = {_path_key(code, c.node.args[0]) for c in code.calls if c.short == "to_pickle" and c.node.args}
    for c in code.calls:
        if c.name in OPENERS and len(c.node.args) > 1 and "w" in (code.string_value(c.node.args[1]) or ""):
            paths.add(_path_key(code, c.node.args[0]))
        elif c.short == "dump" and len(c.node.args) > 1:
            paths.add(_file_key(code, c.node.args[1]))
    paths.discard(None)
    return paths  # type: ignore[return-value]
