"""## What it does
Finds uploaded files written under the name the client sent: Flask's and
Quart's ``request.files[...]`` (Werkzeug's ``FileStorage``) and FastAPI's or
Starlette's ``UploadFile``, whose ``.filename`` ends up in the path given to
``file.save(...)``, ``open(..., "wb")``, ``aiofiles.open(...)``,
``Path(...).write_bytes(...)`` and the like,
joined under a directory (``os.path.join(UPLOAD_FOLDER, file.filename)``,
``f"uploads/{file.filename}"``, ``UPLOAD_DIR / file.filename``) or alone.
A name passed through ``secure_filename``, ``os.path.basename`` or
``Path(...).name``, a generated name, and a snippet that checks where the
path ends up (``os.path.commonpath``, ``is_relative_to``, ``".." in name``)
are left alone.  Django's ``UploadedFile.name`` is already reduced to a base
name by Django and is not reported.

## Why is this bad?
The file name comes from the request, and the client chooses it: a name such
as ``../../app/views.py`` or ``/etc/cron.d/job`` makes the server write
outside the upload folder (path traversal), overwriting code, templates or
configuration that runs next.  Upload handlers in tutorials are copied into
real applications as they are.

## Example
```python
@app.post("/upload")
def upload():
    file = request.files["file"]
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], file.filename))
    return "saved"
```

## Use instead
```python
from werkzeug.utils import secure_filename

@app.post("/upload")
def upload():
    file = request.files["file"]
    file.save(os.path.join(app.config["UPLOAD_FOLDER"], secure_filename(file.filename)))
    return "saved"
```
Or store the file under a name the server generates (``uuid.uuid4().hex``)
and keep the client's name as data.

## References
- [CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')](https://cwe.mitre.org/data/definitions/22.html)
- [Flask: Uploading Files](https://flask.palletsprojects.com/en/stable/patterns/fileuploads/)
"""

from __future__ import annotations

import ast
from functools import partial
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._paths import NameTest, joined_name, keyword, mentioned_name, values, vetted, written_paths

UPLOAD_TYPES = ("UploadFile", "FileStorage")


@rule(
    id="DSP062",
    symbol="upload-client-filename",
    title="Uploaded file saved under the name the client sent",
    severity="high",
    cwe=22,
    languages=("python",),
    equivalent="none (Semgrep python.flask.security.injection.path-traversal-open, partial)",
    message="writes an upload under the client's file name, which may hold `../` (path traversal); "
            "use secure_filename() or a generated name",
    use_instead="file.save(os.path.join(UPLOAD_FOLDER, secure_filename(file.filename))), or a uuid4() name",
    triggers=("filename",),
)
def check(code: PythonView) -> Iterator[Hit]:
    uploads = _upload_names(code)
    if not uploads or vetted(code):
        return
    is_name = partial(_is_client_name, uploads=uploads, copies=_copies_of_client_name(code, uploads))
    reported: set[int] = set()
    for path in _upload_paths(code, uploads):
        for candidate in reversed(values(code, path)):  # where the path is built, before where it is used
            found = _client_name_in(code, candidate, is_name)
            line = getattr(candidate, "lineno", 0)
            if found is None or not line:
                continue
            if line not in reported:
                reported.add(line)
                where = (f"the upload is written to `{code.text_of(found, 30)}`" if found is candidate else
                         f"`{code.text_of(candidate, 50)}` writes the upload under `{code.text_of(found, 30)}`")
                yield Hit(line, code.column(candidate),
                          f"{where}, a name the client chooses that may hold `../` or an absolute path; pass it "
                          "through `secure_filename()` or store the file under a generated name")
            break


def _upload_names(code: PythonView) -> set[str]:
    """Names that hold an uploaded file: assigned from ``request.files``, a loop over it, or a
    parameter annotated ``UploadFile`` (FastAPI) or ``FileStorage``."""
    names: set[str] = set()
    for name, assigned in code.assignments.items():
        for value in assigned:
            source = value.iter if isinstance(value, (ast.For, ast.AsyncFor)) else value
            if isinstance(source, ast.expr) and _reads_request_files(code, source):
                names.add(name)
    for argument in code.nodes_of(ast.arg):
        annotation = getattr(argument, "annotation", None)
        if annotation is not None and any(kind in code.text_of(annotation, 200) for kind in UPLOAD_TYPES):
            names.add(argument.arg)  # type: ignore[attr-defined]
    for loop in code.nodes_of(ast.For, ast.AsyncFor):
        if isinstance(loop.iter, ast.Name) and loop.iter.id in names:  # type: ignore[attr-defined]
            names.update(n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name))  # type: ignore[attr-defined]
    if "request.files" in code.source:
        names.add("request")  # (``request.files["f"].filename`` read in place)
    return names


def _reads_request_files(code: PythonView, node: ast.expr) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr == "files" and (code.qualname(n.value) or "").endswith("request")
               for n in ast.walk(node))


def _is_client_name(node: ast.AST, uploads: set[str], copies: frozenset[str] = frozenset()) -> Optional[bool]:
    """``file.filename`` for an upload ``file`` (or ``request.files["f"].filename``), or a name that
    only ever holds it (``filename = file.filename``)."""
    if isinstance(node, ast.Name):
        return True if node.id in copies else None
    if isinstance(node, ast.Attribute) and node.attr == "filename":
        return _is_upload(node.value, uploads)
    return None


def _copies_of_client_name(code: PythonView, uploads: set[str]) -> frozenset[str]:
    """Names every assignment of which is the client's file name, not reduced to a base name."""
    test = partial(_is_client_name, uploads=uploads)
    return frozenset(name for name, assigned in code.assignments.items()
                     if all(isinstance(value, ast.expr) and mentioned_name(code, value, test) is not None
                            for value in assigned))


def _upload_paths(code: PythonView, uploads: set[str]) -> Iterator[ast.expr]:
    """Where the snippet writes: the write paths every rule knows, an upload's ``save`` destination
    and what ``aiofiles.open`` opens."""
    yield from written_paths(code, code.tree)
    for node in code.nodes_of(ast.Call):
        func = node.func  # type: ignore[attr-defined]
        if not isinstance(func, ast.Attribute) or func.attr not in ("save", "open"):
            continue
        if func.attr == "save" and _is_upload(func.value, uploads):
            destination = node.args[0] if node.args else keyword(node, "dst")  # type: ignore[arg-type, attr-defined]
            if destination is not None:
                yield destination
        elif func.attr == "open" and code.qualname(func) == "aiofiles.open" and node.args:  # type: ignore[attr-defined]
            yield node.args[0]  # type: ignore[attr-defined]


def _is_upload(node: ast.AST, uploads: set[str]) -> bool:
    """An upload's name, or an expression reaching into one (``request.files["f"]``, ``files[0]``)."""
    while isinstance(node, (ast.Subscript, ast.Attribute, ast.Call)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return isinstance(node, ast.Name) and node.id in uploads


def _client_name_in(code: PythonView, path: ast.expr, is_name: NameTest) -> Optional[ast.AST]:
    """The client's file name in a write path: joined under a directory, or the whole path."""
    for node in ast.walk(path):
        found = joined_name(code, node, is_name)
        if found is not None:
            return found
    return path if is_name(path) else None
