"""## What it does
Finds archive members written to a path built from the member's own name
without a containment check ("zip slip"): a loop over ``namelist()``,
``infolist()``, ``getmembers()`` or ``getnames()`` that joins the name into
a path (``os.path.join(dest, member.filename)``, ``Path(dest) / name``,
an f-string) and opens it for writing, writes to it or creates it.  Loops
that check the result with ``os.path.commonpath``, ``Path.is_relative_to``
or ``realpath(...).startswith(...)``, reject ``..``, or keep only
``os.path.basename(name)`` are not reported.  ``ZipFile.extractall`` and
``ZipFile.extract`` sanitise names themselves and are not reported.

## Why is this bad?
Member names come from whoever made the archive.  ``../../.ssh/authorized_keys``
or ``/etc/cron.d/job`` joined onto the destination points outside it, and the
loop writes the attacker's content there: arbitrary file overwrite, often
code execution.

## Example
```python
import os, zipfile
with zipfile.ZipFile(upload) as zf:
    for name in zf.namelist():
        with open(os.path.join(dest, name), "wb") as out:
            out.write(zf.read(name))
```

## Use instead
```python
import zipfile
with zipfile.ZipFile(upload) as zf:
    zf.extractall(dest)
```
Or check every target: ``target = os.path.realpath(os.path.join(dest, name))``
and refuse it unless ``os.path.commonpath([dest_real, target]) == dest_real``.

## References
- [CWE-22: Improper Limitation of a Pathname to a Restricted Directory](https://cwe.mitre.org/data/definitions/22.html)
- [Snyk: Zip Slip vulnerability](https://security.snyk.io/research/zip-slip-vulnerability)
"""

from __future__ import annotations

import ast
from functools import partial
from typing import Iterator, Optional

from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._paths import joined_name, values, vetted, written_paths

LISTINGS = frozenset({"namelist", "infolist", "getmembers", "getnames"})
MEMBER_ATTRIBUTES = frozenset({"filename", "name", "path", "orig_filename"})


@rule(
    id="DSP024",
    symbol="archive-member-path-join",
    title="Archive member name joined into a path without a containment check (zip slip)",
    severity="medium",
    cwe=22,
    languages=("python",),
    equivalent="none (Semgrep zip-slip rules)",
    message="an archive member name is joined into a write path unchecked; verify the target stays inside the destination",
    use_instead="zf.extractall(dest), or check os.path.commonpath([dest, realpath(target)]) == dest before writing.",
    triggers=('namelist', 'infolist', 'getmembers', 'getnames', 'tarfile'),
)
def check(code: PythonView) -> Iterator[Hit]:
    if vetted(code):
        return
    for loop in code.nodes_of(ast.For, ast.AsyncFor):
        if not (isinstance(loop, (ast.For, ast.AsyncFor)) and _lists_members(code, loop.iter)):
            continue
        members = {n.id for n in ast.walk(loop.target) if isinstance(n, ast.Name)}
        reported: set[int] = set()
        for path in written_paths(code, loop):
            for node in (n for candidate in values(code, path) for n in ast.walk(candidate)):
                joined = joined_name(code, node, partial(_is_member, members=members))
                line = getattr(node, "lineno", loop.lineno)
                if joined is not None and line not in reported:
                    reported.add(line)
                    yield Hit(line, code.column(node),
                              f"`{code.text_of(node, 50)}` builds a write path from the archive member name "
                              f"`{code.text_of(joined, 30)}`, which may hold `../` or an absolute path (zip slip); "
                              "use `extractall`, or check `os.path.commonpath` of the resolved target against "
                              "the destination")


def _lists_members(code: PythonView, node: ast.AST) -> bool:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in LISTINGS:
        return True
    resolved = code.resolve(node) or ""
    return resolved.endswith(("tarfile.open()", "TarFile()")) or resolved.rsplit(".", 1)[-1].rstrip("()") in LISTINGS


def _is_member(node: ast.AST, members: set[str]) -> Optional[bool]:
    """A loop variable holding a member, or its name attribute (``info.filename``); not its other attributes."""
    if isinstance(node, ast.Name) and node.id in members:
        return True
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in members:
        return node.attr in MEMBER_ATTRIBUTES
    return None
