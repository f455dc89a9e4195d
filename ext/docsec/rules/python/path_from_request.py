"""## What it does
Finds files read, sent or deleted at a path the client wrote: a web view
that passes ``request.args[...]``, ``request.GET.get(...)``, Tornado's
``self.get_argument(...)`` or a route parameter (``/<path:name>``,
``/files/{name}``) to ``open(...)``, Flask's ``send_file``, Starlette's and
FastAPI's ``FileResponse``, Django's ``FileResponse(open(...))``,
``Path(...).read_text()``/``read_bytes()``/``unlink()``, ``os.remove``,
``shutil.rmtree`` and the like, alone or joined under a directory
(``os.path.join(BASE, name)``, ``f"docs/{name}"``, ``BASE / name``).  A
name reduced with ``secure_filename`` or ``os.path.basename``, and a snippet
that checks where the path ends up (``os.path.commonpath``,
``is_relative_to``, ``safe_join``, ``".." in name``) are left alone, as is
Flask's ``send_from_directory``, which does that check itself.  A helper
function that joins its own parameter under a fixed folder
(``open("/srv/reports/" + name)``, ``os.remove(os.path.join(UPLOAD_DIR,
filename))``) is reported too: its caller chooses the path, as the labelling
standard's "paths joined from function input"; a helper that opens the path
it is given, and a parameter annotated as a number, are left alone.

## Why is this bad?
A name such as ``../../etc/passwd``, ``../config.py`` or an absolute path
leaves the intended folder (path traversal): the view then serves the
application's secrets and source, or deletes what the client names.

## Example
```python
@app.route("/download")
def download():
    return send_file(os.path.join("reports", request.args["name"]))
```

## Use instead
```python
@app.route("/download")
def download():
    return send_from_directory("reports", request.args["name"])
```
Use ``send_from_directory`` (or ``werkzeug.security.safe_join``), or resolve
the path and check that it stays inside the folder:
``Path(BASE, name).resolve().is_relative_to(BASE)``.

## References
- [CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')](https://cwe.mitre.org/data/definitions/22.html)
- [OWASP: Path Traversal](https://owasp.org/www-community/attacks/Path_Traversal)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._paths import STRIPPERS, vetted
from ._web_helpers import client_input, described_input, is_route, route_parameters

# Calls whose first argument (or ``path=``/``file=``) names a file they read, send or delete.
PATH_CALLS = frozenset({"open", "io.open", "builtins.open", "codecs.open", "send_file", "flask.send_file",
                        "FileResponse", "os.remove", "os.unlink", "os.rmdir", "shutil.rmtree", "os.listdir",
                        "os.scandir", "static_file"})
PATH_KEYWORDS = ("path", "file", "filename", "path_or_file", "filename_or_fp")
# Methods of a ``Path`` built from the path: read, delete, list.
PATH_METHODS = frozenset({"read_text", "read_bytes", "unlink", "rmdir", "iterdir", "open"})
PATH_TYPES = frozenset({"Path", "pathlib.Path", "PurePath", "anyio.Path", "AsyncPath", "aiofiles.open",
                        "trio.Path"})


@rule(
    id="DSP067",
    symbol="path-from-request",
    title="File read, sent or deleted at a path the client chose",
    severity="high",
    cwe=22,
    languages=("python",),
    equivalent="none (Semgrep python.flask.security.injection.path-traversal-open, partial)",
    message="opens, sends or deletes a file at a path taken from the request (path traversal); "
            "use send_from_directory or safe_join, or check the resolved path stays in its folder",
    use_instead='send_from_directory("reports", name), or Path(BASE, name).resolve().is_relative_to(BASE)',
    triggers=("open", "send_file", "fileresponse", "remove", "unlink", "rmtree", "read_text", "read_bytes",
              "listdir", "scandir", "static_file", "rmdir", "iterdir"),
)
def check(code: PythonView) -> Iterator[Hit]:
    parameters: Optional[frozenset[str]] = None
    defined = {getattr(node, "name", "") for node in code.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef)}
    for call in code.calls:
        if call.short in defined and call.name.startswith(("self.", call.short)):
            continue  # the block's own helper (``self.send_file(path)``): where it opens the path is reported
        path = _path_of(code, call.node, call.name)
        if path is None or _reduced(code, path) or ".filename" in code.text_of(path, 400):
            continue  # (an upload's own name is DSP062's)
        parameters = route_parameters(code) if parameters is None else parameters
        found = client_input(code, path, parameters) or _from_callers(code, call.node, path, parameters)
        if found is None:
            function = code.function_of(call.node)
            if function is not None and is_route(function):
                continue  # (a route's parameters are the client's: client_input judged them, numbers included)
            joined = _joined_parameter(code, path)
            if joined is None or _numeric(function, joined):
                continue
            if vetted(code):
                return
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(...)` uses the path `{code.text_of(path, 40)}`, joined under a folder from "
                      f"`{joined}`, a parameter its caller chooses: `../` or an absolute path leaves the folder (path "
                      "traversal); keep only the base name (`os.path.basename`) or check the resolved path")
            continue
        if vetted(code):
            return
        yield Hit(call.line, code.column(call.node),
                  f"`{call.written}(...)` uses the path `{code.text_of(path, 40)}`, built from "
                  f"{described_input(code, found)}: `../` or an absolute path reaches any file the server can "
                  "read (path traversal); use `send_from_directory`/`safe_join` or check the resolved path")


def _joined_parameter(code: PythonView, path: ast.AST, depth: int = 0) -> Optional[str]:
    """The function parameter a path joins under a fixed folder (``"/srv/reports/" + name``,
    ``os.path.join(UPLOAD_DIR, filename)``, ``f"docs/{name}"``, ``BASE / name``), as the labelling standard's
    "paths joined from function input"; a path that is only the parameter (a helper opening the file it is
    given) is not joined."""
    if depth > 3:
        return None
    if isinstance(path, ast.Name):
        values = code.assignments.get(path.id, [])
        return _joined_parameter(code, values[0], depth + 1) if len(values) == 1 else None
    parts: list[ast.AST] = []
    if isinstance(path, ast.BinOp) and isinstance(path.op, (ast.Add, ast.Div)):
        parts = [path.left, path.right]
    elif isinstance(path, ast.JoinedStr):
        parts = [value.value if isinstance(value, ast.FormattedValue) else value for value in path.values]
    elif isinstance(path, ast.Call) and (code.qualname(path.func) or "").rsplit(".", 1)[-1] in ("join", "Path") \
            and len(path.args) >= 2:
        parts = list(path.args)
    if len(parts) < 2 or _reduced(code, path):
        return None
    names = [part.id for part in parts[1:] if isinstance(part, ast.Name)]
    return next((name for name in names if _only_a_parameter(code, name)), None)


def _from_callers(code: PythonView, node: ast.AST, path: ast.AST, parameters: frozenset[str]) -> Optional[ast.AST]:
    """A helper's path parameter given the client's path where the block calls it: ``self.send_file(full_path)``
    with ``full_path = os.path.join(root, headers[":path"])``, and ``def send_file(self, file_path): open(file_path)``."""
    function = code.function_of(node)
    if function is None or not isinstance(path, ast.Name):
        return None
    arguments = function.args  # type: ignore[attr-defined]
    names = [a.arg for a in [*arguments.posonlyargs, *arguments.args]]
    if path.id not in names or any(isinstance(sub, ast.Name) and sub.id == path.id and isinstance(sub.ctx, ast.Store)
                                   for sub in ast.walk(function)):
        return None  # (only the parameter as given: not rebound in the helper)
    index = names.index(path.id) - (1 if names and names[0] in ("self", "cls") else 0)
    for call in code.calls:
        if call.short != getattr(function, "name", None) or call.node is node:
            continue
        given = call.node.args[index] if 0 <= index < len(call.node.args) else call.keyword(path.id)
        found = client_input(code, given, parameters) if given is not None else None
        if found is not None:
            return found
    return None


def _numeric(function: Optional[ast.AST], name: str) -> bool:
    """The parameter is annotated as a number (``year: int``): it holds no ``../``."""
    arguments = getattr(function, "args", None)
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs] if arguments is not None else []
    annotation = next((a.annotation for a in every if a.arg == name), None)
    return getattr(annotation, "id", "") in ("int", "float", "bool", "UUID")


def _only_a_parameter(code: PythonView, name: str) -> bool:
    values = code.assignments.get(name, [])
    return bool(values) and all(isinstance(value, ast.arguments) for value in values)


def _path_of(code: PythonView, call: ast.Call, name: str) -> Optional[ast.expr]:
    short = name.rsplit(".", 1)[-1]
    if name in PATH_CALLS or (short in ("send_file", "FileResponse") and name.endswith(short)):
        if name == "static_file":
            return None  # Bottle's static_file(name, root=...) refuses paths outside root itself
        return call.args[0] if call.args else next((k.value for k in call.keywords if k.arg in PATH_KEYWORDS), None)
    if name in PATH_TYPES and name.endswith("open") and call.args:
        return call.args[0]
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in PATH_METHODS and isinstance(func.value, ast.Call):
        made = code.qualname(func.value.func) or ""
        if made in PATH_TYPES and func.value.args:
            return func.value.args[-1] if len(func.value.args) > 1 else func.value.args[0]
    if isinstance(func, ast.Attribute) and func.attr in PATH_METHODS and isinstance(func.value, ast.BinOp) \
            and isinstance(func.value.op, ast.Div):
        return func.value.right
    if isinstance(func, ast.Attribute) and func.attr in PATH_METHODS and isinstance(func.value, ast.Name) \
            and _a_path(code, func.value.id):
        return func.value  # ``file_path.open("rb")``, ``file_path = Path(root) / name``
    return None


def _a_path(code: PythonView, name: str) -> bool:
    """A name bound to a ``Path`` (``Path(root) / name``, ``Path(...)``) or a parameter annotated ``Path``."""
    for value in code.assignments.get(name, []):
        if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Div):
            return True
        if isinstance(value, ast.Call) and (code.qualname(value.func) or "") in PATH_TYPES:
            return True
        if isinstance(value, ast.arguments):
            every = [*value.posonlyargs, *value.args, *value.kwonlyargs]
            if any(a.arg == name and "Path" in getattr(a.annotation, "id", "") for a in every):
                return True
    return False


def _reduced(code: PythonView, path: ast.AST) -> bool:
    """The whole path passes through ``basename``/``secure_filename`` or ``safe_join``."""
    return isinstance(path, ast.Call) and (STRIPPERS.search(code.text_of(path.func)) is not None
                                           or "safe_join" in code.text_of(path.func))

