"""## What it does
Finds files opened, sent or deleted at a path taken from the request, in
Java, C#, PHP, Go, Ruby and Rust: ``new File(base + request.getParameter("f"))``,
``Paths.get(...)``, ``new FileInputStream(...)``; ASP.NET's
``File.ReadAllText``/``ReadAllBytes``/``OpenRead``/``Delete``,
``PhysicalFile``; PHP's ``file_get_contents``, ``fopen``, ``readfile``,
``file``, ``unlink``; Go's ``os.Open``, ``os.ReadFile``, ``ioutil.ReadFile``,
``http.ServeFile``; Ruby's ``File.read``/``open``/``delete``, ``IO.read``,
``send_file``; Rust's ``File::open`` and ``fs::read_to_string`` — alone
or joined under a folder (``filepath.Join(root, name)``).  A name reduced
to its last part (``basename``, ``Path.GetFileName``, ``filepath.Base``,
``File.basename``, ``getName()``) is left alone.

## Why is this bad?
``?file=../../etc/passwd`` (or an absolute path) leaves the folder the
example meant: the server reads, sends or deletes any file it can reach
(path traversal).

## Example
```java
File file = new File("/var/reports/" + request.getParameter("name"));
```

## Use instead
```java
Path base = Paths.get("/var/reports").toRealPath();
Path file = base.resolve(request.getParameter("name")).normalize();
if (!file.startsWith(base)) {
    throw new SecurityException("outside the reports folder");
}
```
Or keep only the last part of the name (``FilenameUtils.getName``,
``basename``) and refuse names you did not expect.

## References
- [CWE-22: Path Traversal](https://cwe.mitre.org/data/definitions/22.html)
- [OWASP Path Traversal](https://owasp.org/www-community/attacks/Path_Traversal)
"""

from __future__ import annotations

import re
from typing import Any, Iterator, Optional

from ...languages.code import Call, CodeView
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES, from_request

# Per language: the calls (short names, or dotted ends) whose first argument is a path they open, send or delete.
PATH_SINKS = {
    "java": ("File", "FileInputStream", "FileOutputStream", "FileReader", "FileWriter", "Paths.get", "Path.of",
             "RandomAccessFile"),
    "csharp": ("File.ReadAllText", "File.ReadAllBytes", "File.ReadAllLines", "File.OpenRead", "File.Open",
               "File.Delete", "File.WriteAllText", "PhysicalFile", "FileStream", "StreamReader", "File.OpenText"),
    "php": ("file_get_contents", "fopen", "readfile", "file", "unlink", "file_put_contents", "show_source",
            "highlight_file", "SplFileObject"),
    "go": ("os.Open", "os.OpenFile", "os.ReadFile", "ioutil.ReadFile", "os.Remove", "os.RemoveAll"),
    "ruby": ("File.read", "File.open", "File.delete", "File.readlines", "IO.read", "IO.readlines", "send_file",
             "File.binread", "FileUtils.rm", "FileUtils.rm_rf"),
    "rust": ("File.open", "fs.read_to_string", "fs.read", "fs.remove_file", "NamedFile.open"),
}
# Go's ``http.ServeFile(w, r, path)``: the path is the third argument.
THIRD_ARGUMENT = ("http.ServeFile",)
REDUCED = re.compile(r"basename|GetFileName|filepath\.Base|path\.Base|getName\(\)|FilenameUtils\.getName|"
                     r"File\.basename|file_name\(\)|Path\.GetFileName|realpath|normalize\(\)\.startsWith|"
                     r"startsWith|HasPrefix|start_with\?|starts_with", re.IGNORECASE)


@rule(
    id="DSL012",
    symbol="path-from-request-value",
    title="File opened at a path taken from the request (Java, C#, PHP, Go, Ruby, Rust)",
    severity="high",
    cwe=22,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL path-injection queries",
    message="opens, sends or deletes a file at a path the request chose (path traversal); keep the base name or "
            "check the resolved path stays in its folder",
    use_instead="base.resolve(name).normalize() checked with startsWith(base); filepath.Base(name)",
)
def check(view: CodeView) -> Iterator[Hit]:
    sinks = PATH_SINKS.get(view.language, ())
    for call in view.calls:
        path = _path_argument(call, sinks)
        if path is None:
            continue
        if REDUCED.search(view.text_of(view.tree.root, 20000)):
            return  # the block reduces or checks the name somewhere: left alone
        if _from_request(view, path) or any(_from_request(view, part) for part in call.arguments[1:]
                                            if call.short in ("File",) or call.name in ("Paths.get", "Path.of")):
            yield Hit(view.line(call.node), view.column(call.node),
                      f"`{view.text_of(call.node, 50)}` uses a path taken from the request: `../` or an absolute "
                      "path reaches any file the server can read (path traversal); keep the base name or check "
                      "the resolved path stays in its folder")


# Calls that join path parts: the request's part passes through them.
JOINS = frozenset({"join", "Join", "Combine", "get", "of", "resolve", "joinpath", "expand_path"})


def _from_request(view: CodeView, node: Any, depth: int = 0) -> bool:
    """A request value, or a path joined from one (``filepath.Join(root, r.URL.Query().Get("f"))``,
    ``Path.Combine(dir, Request.Query["f"])``, ``Rails.root.join("uploads", params[:name])``)."""
    if node is None or depth > 3:
        return False
    if from_request(view, node):
        return True
    if node.type in view.spec.calls:
        call = view._call(node)
        if call is not None and call.short in JOINS:
            return any(_from_request(view, part, depth + 1) for part in call.arguments)
    name = view.name_of(node)
    if name and not name.endswith(")"):
        return any(_from_request(view, value, depth + 1) for value in view.assignments.get(name, []))
    return False


def _path_argument(call: Call, sinks: tuple[str, ...]) -> Optional[Any]:
    if call.name in THIRD_ARGUMENT:
        return call.argument(2)
    for sink in sinks:
        if call.name == sink or call.name.endswith("." + sink) or ("." not in sink and call.short == sink
                                                                    and call.name == sink):
            return call.argument(0)
    return None
