"""``literalinclude``: read the included file the way Sphinx's reader does.

Shared by the MyST and rst extractors.  Supported options: ``:lines:``,
``:start-after:``, ``:start-at:``, ``:end-before:``, ``:end-at:``,
``:pyobject:`` (a top-level or dotted class/function, decorators included),
``:dedent:`` and ``:tab-width:``; filters run in Sphinx's order (pyobject,
start, end, lines, dedent).  The block's location is the included file, at
its first included line.
"""

from __future__ import annotations

import os
import posixpath
import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Optional

MAX_INCLUDE_BYTES = 5 * 1024 * 1024
MAX_TAB_WIDTH = 64
REPEATED_LINES = 10_000  # ``:lines:`` may repeat lines, up to this many or the file's length in all
# Without ``:language:`` the included file's own kind beats the page's highlight
# language; this is the Sphinx front end's table (docsec.sphinx_ext.blocks), kept equal.
LANGUAGE_BY_NAME = {
    ".py": "python", ".pyw": "python", ".pycon": "pycon", ".sh": "bash", ".bash": "bash", ".zsh": "zsh",
    ".ps1": "powershell", ".console": "console", ".yaml": "yaml", ".yml": "yaml",
    ".dockerfile": "dockerfile", "dockerfile": "dockerfile", "containerfile": "dockerfile",
}


@dataclass
class Included:
    text: str
    display_path: str
    line: int  # 1-based line of the first included line in the included file
    language: str = ""  # from the file's name, when known (see LANGUAGE_BY_NAME)


class IncludeError(Exception):
    """Why the file could not be included; the message says what to fix."""


def _display_root(path: Path, display_path: str) -> Optional[Path]:
    """The directory ``display_path`` is relative to, when it is a suffix of ``path``."""
    parts = PurePosixPath(display_path.replace(os.sep, "/")).parts
    if not parts or PurePosixPath(display_path).is_absolute() or ".." in parts:
        return None
    resolved = path.absolute()
    if tuple(resolved.parts[-len(parts):]) != parts:
        return None
    root = resolved
    for _ in parts:
        root = root.parent
    return root


def resolve(path: Path, display_path: str, argument: str) -> tuple[Path, str]:
    """Find the included file: relative to the including file, else from the project root.

    Sphinx reads ``/snippets/x.py`` from the source directory; without Sphinx
    we try the directory the display path is relative to, then each parent
    directory of the including file.
    """
    argument = argument.strip()
    base = path.absolute().parent
    candidates = []
    if argument.startswith("/"):
        relative = argument.lstrip("/")
        root = _display_root(path, display_path)
        if root is not None:
            candidates.append(root / relative)
        candidates.extend(parent / relative for parent in [base, *base.parents])
        candidates.append(Path(argument))
    else:
        candidates.append(base / argument)
    for candidate in candidates:
        if candidate.is_file():
            return candidate, _display(candidate, path, display_path, argument)
    raise IncludeError(f"literalinclude file {argument!r} not found (looked in {candidates[0].parent}); "
                       "fix the path (relative to this file, or /-prefixed from the source directory)")


def _display(candidate: Path, path: Path, display_path: str, argument: str) -> str:
    root = _display_root(path, display_path)
    if root is not None:
        try:
            return os.path.relpath(candidate, root).replace(os.sep, "/")
        except ValueError:  # pragma: no cover - another drive on Windows
            return str(candidate)
    if not argument.startswith("/"):
        return posixpath.normpath(posixpath.join(posixpath.dirname(display_path.replace(os.sep, "/")), argument))
    return str(candidate)


def read_include(path: Path, display_path: str, argument: str, options: Mapping[str, str]) -> Included:
    target, shown = resolve(path, display_path, argument)
    try:
        if target.stat().st_size > MAX_INCLUDE_BYTES:
            raise IncludeError(f"literalinclude file {argument!r} is larger than 5 MB; include a smaller excerpt")
        encoding = (options.get("encoding") or "utf-8-sig").strip()
        raw = target.read_bytes().decode(encoding)
    except (OSError, LookupError, UnicodeDecodeError) as error:
        raise IncludeError(f"cannot read literalinclude file {argument!r}: {error}") from None
    tab_width = options.get("tab-width")
    if tab_width and tab_width.strip().isdigit():  # capped: a width of 10**9 would fill memory with spaces
        raw = raw.expandtabs(min(int(tab_width), MAX_TAB_WIDTH))
    numbered = list(enumerate(raw.splitlines(True), start=1))
    numbered = _pyobject(numbered, raw, options.get("pyobject"), argument)
    numbered = _start(numbered, options)
    numbered = _end(numbered, options)
    if options.get("lines"):
        numbered = _lines(numbered, options["lines"], argument)
    text = "".join(line for _, line in numbered)
    if "dedent" in options:
        text = dedent_text(text, options["dedent"])
    first = numbered[0][0] if numbered else 1
    name = target.name.lower()
    return Included(text, shown, first, LANGUAGE_BY_NAME.get(PurePosixPath(name).suffix) or LANGUAGE_BY_NAME.get(name, ""))


def _pyobject(numbered: list[tuple[int, str]], raw: str, name: Optional[str], argument: str) -> list[tuple[int, str]]:
    if not name:
        return numbered
    import ast  # only here: most includes have no :pyobject:

    from ..languages.python import parse_quietly

    try:
        tree: ast.AST = parse_quietly(raw)
    except (SyntaxError, ValueError):
        raise IncludeError(f"literalinclude {argument!r}: cannot parse the file to find :pyobject: {name}") from None
    scope = tree
    found: Optional[ast.AST] = None
    for part in name.strip().split("."):
        found = next((node for node in getattr(scope, "body", [])
                      if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                      and node.name == part), None)
        if found is None:
            raise IncludeError(f"literalinclude {argument!r}: object {name!r} not found")
        scope = found
    assert found is not None
    start = min([found.lineno, *(d.lineno for d in getattr(found, "decorator_list", []))])  # type: ignore[attr-defined]
    end = getattr(found, "end_lineno", None) or len(numbered)
    return [item for item in numbered if start <= item[0] <= end]


def _start(numbered: list[tuple[int, str]], options: Mapping[str, str]) -> list[tuple[int, str]]:
    for key, inclusive in (("start-at", True), ("start-after", False)):
        marker = options.get(key)
        if marker:
            for index, (_, line) in enumerate(numbered):
                if marker in line:
                    return numbered[index if inclusive else index + 1:]
            return []
    return numbered


def _end(numbered: list[tuple[int, str]], options: Mapping[str, str]) -> list[tuple[int, str]]:
    for key, inclusive in (("end-at", True), ("end-before", False)):
        marker = options.get(key)
        if marker:
            for index, (_, line) in enumerate(numbered):
                if marker in line:
                    return numbered[:index + 1 if inclusive else index]
            return []
    return numbered


def _lines(numbered: list[tuple[int, str]], spec: str, argument: str) -> list[tuple[int, str]]:
    wanted: list[int] = []
    limit = max(len(numbered), REPEATED_LINES)  # so a short spec never makes a block larger than a big file
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        begin, dash, end = part.partition("-")
        try:
            first = int(begin) if begin.strip() else 1
            last = (int(end) if end.strip() else len(numbered)) if dash else first
        except ValueError:
            raise IncludeError(f"literalinclude {argument!r}: invalid :lines: {spec!r}") from None
        wanted.extend(range(max(first, 1), min(last, len(numbered)) + 1))  # "1-10000000000" is the whole file
        if len(wanted) > limit:
            raise IncludeError(f"literalinclude {argument!r}: :lines: {spec[:80]!r} selects more than "
                               f"{limit} lines; select each line once")
    return [numbered[index - 1] for index in wanted]


def dedent_text(text: str, amount: str) -> str:
    amount = (amount or "").strip()
    if not amount:
        return textwrap.dedent(text)
    if not amount.isdigit():
        return text
    width = int(amount)
    lines = []
    for line in text.splitlines(True):  # as Sphinx's dedent_lines: cut the first ``width`` characters
        cut = line[width:]
        lines.append(cut if cut or not line.endswith("\n") else "\n")
    return "".join(lines)
