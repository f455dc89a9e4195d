"""## What it does
Finds server-side JavaScript that reads, sends or deletes a file at a path
the client wrote: ``fs.readFile``/``readFileSync``/``createReadStream``/
``unlink``/``rm`` (and their ``fs.promises`` forms), Express's
``res.sendFile`` and ``res.download``, given ``req.query``, ``req.params``,
``req.body`` or ``ctx.query`` alone or joined under a folder
(``path.join(__dirname, "uploads", req.query.file)``, a template literal,
``+``), directly or through a variable of the example.  A name reduced
with ``path.basename``, and ``res.sendFile(name, { root })`` (Express then
refuses paths that leave ``root``), are left alone.

## Why is this bad?
A name such as ``../../etc/passwd`` or ``../.env`` leaves the intended folder
(path traversal): the server then sends its own secrets and source, or
deletes what the client names.

## Example
```javascript
app.get("/download", (req, res) => {
  res.sendFile(path.join(__dirname, "reports", req.query.name));
});
```

## Use instead
```javascript
app.get("/download", (req, res) => {
  res.sendFile(path.basename(req.query.name), { root: path.join(__dirname, "reports") });
});
```
Give Express the folder as ``root`` (it refuses paths that leave it), or
resolve the path and check that it starts with the folder.

## References
- [CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')](https://cwe.mitre.org/data/definitions/22.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.javascript import JavaScriptView, _unwrapped
from ...model import Hit
from ..registry import rule
from ._values import from_request

FILE_CALLS = frozenset({"readFile", "readFileSync", "createReadStream", "unlink", "unlinkSync", "rm", "rmSync",
                        "writeFile", "writeFileSync", "sendFile", "download"})
REDUCED = frozenset({"basename", "path.basename"})


@rule(
    id="DSW014",
    symbol="js-path-from-request",
    title="File read, sent or deleted at a path from the request (JavaScript)",
    severity="high",
    cwe=22,
    languages=("javascript",),
    equivalent="none (Semgrep javascript.express.security.audit.express-path-join-resolve-traversal)",
    message="uses a path the client wrote: `../` leaves the folder; pass `root` to sendFile or keep only the "
            "base name",
    use_instead='res.sendFile(path.basename(name), { root: path.join(__dirname, "reports") })',
    name_triggers=tuple(sorted(name.lower() for name in FILE_CALLS)),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named(*FILE_CALLS):
        receiver = call.name.rsplit(".", 1)[0] if "." in call.name else ""
        if call.short in ("sendFile", "download"):
            if not receiver.endswith(("res", "response")) or _has_root(js, call):
                continue
        elif not (receiver in ("fs", "fs.promises", "fsp", "promises") or call.name == call.short):
            continue
        target = call.argument(0)
        if target is not None and _from_request_unreduced(js, target):
            yield Hit(js.line(call.node), js.column(call.node), f"`{call.written}({js.text_of(target, 50)})` uses a "
                      "path the client wrote: `../` leaves the folder (path traversal); keep only the base name "
                      "(`path.basename`) or pass the folder as `root` to `res.sendFile`")


def _has_root(js: JavaScriptView, call: Any) -> bool:
    options = call.argument(1)
    return options is not None and options.type == "object" and "root" in js.text_of(options)


def _from_request_unreduced(js: JavaScriptView, node: Any, depth: int = 0) -> bool:
    node = _unwrapped(node)
    if node is None or depth > 4:
        return False
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        name = js.name_of(function) if function is not None else ""
        arguments = node.child_by_field_name("arguments")
        parts = list(arguments.named_children) if arguments is not None else []
        if name in REDUCED or name.rsplit(".", 1)[-1] == "basename":
            return False
        if name.rsplit(".", 1)[-1] in ("join", "resolve") and name.startswith("path"):
            return any(_from_request_unreduced(js, part, depth + 1) for part in parts)
    if node.type == "identifier":
        values = js.assignments.get(js.tree.text(node), [])
        return any(_from_request_unreduced(js, value, depth + 1) for value in values)
    return from_request(js, node)
