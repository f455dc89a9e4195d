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
import stat
import textwrap
from itertools import accumulate
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Optional

from ..model import Diagnostic, Severity

MAX_INCLUDE_BYTES = 5 * 1024 * 1024
MAX_TAB_WIDTH = 64
REPEATED_LINES = 10_000  # ``:lines:`` may repeat lines, up to this many or the file's length in all
REPEATED_CHARACTERS = 1 << 20  # ... and up to this many characters or the file's length
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

    code = "include-missing"  # the diagnostic: a file that is not there shows nothing to the reader


class IncludeRefused(IncludeError):
    """A file docsec will not read (outside the project, not a regular file, too large): the page may show
    code docsec cannot check, so the gate fails closed on it."""

    code = "include-refused"


def include_diagnostic(error: IncludeError, display_path: str, line: int, cell: Optional[int]) -> Diagnostic:
    """The diagnostic for an include that could not be read: a missing file is a warning, a refused one an
    input error (``docsec check`` exits 2, the Sphinx build fails)."""
    severity = Severity.HIGH if isinstance(error, IncludeRefused) else Severity.MEDIUM
    return Diagnostic(error.code, str(error), display_path, line, severity, cell)


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


# A folder holding one of these is a documentation source folder: Sphinx's (conf.py), mystmd's
# (myst.yml) or Jupyter Book 1's (_config.yml).  One holding one of the others is a project's root.
DOCS_ROOT_MARKERS = ("conf.py", "myst.yml", "_config.yml")
PROJECT_ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git", ".hg")
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")


@dataclass(frozen=True)
class IncludeRoots:
    """Where an include is looked for and how far it may reach.

    ``docs`` is the documentation source folder, where Sphinx starts a path
    written with a leading ``/``.  ``project`` is the project's root: no
    include outside it is read, whatever ``..`` or a symbolic link says.
    """

    docs: Path
    project: Path

    @classmethod
    def of(cls, page: Path) -> "IncludeRoots":
        """The roots of ``page``: the nearest folder above it with a docs marker, and the nearest one at or
        above that with a project marker (else the docs folder, else the page's own folder)."""
        folder = Path(os.path.realpath(page)).parent
        docs = next((f for f in (folder, *folder.parents) if _holds(f, DOCS_ROOT_MARKERS)), None)
        start = docs or folder
        project = next((f for f in (start, *start.parents) if _holds(f, PROJECT_ROOT_MARKERS)), None)
        project = project or start
        return cls(docs or project, project)

    def contains(self, real: Path) -> bool:
        text = str(real)
        if any(text == system or text.startswith(system + os.sep) for system in SYSTEM_FOLDERS):
            return False
        try:
            return os.path.commonpath([text, str(self.project)]) == str(self.project)
        except ValueError:  # another drive on Windows
            return False


def _holds(folder: Path, names: tuple[str, ...]) -> bool:
    return any(os.path.lexists(folder / name) for name in names)


def resolve(path: Path, display_path: str, argument: str, roots: Optional[IncludeRoots] = None) -> tuple[Path, str]:
    """Find the included file as Sphinx does: relative to the including file, or with a leading ``/``
    from the documentation source folder; never outside the project (see :class:`IncludeRoots`)."""
    argument = argument.strip()
    roots = roots or IncludeRoots.of(path)
    if argument.startswith("/"):
        candidate = roots.docs / argument.lstrip("/")
    else:
        candidate = path.absolute().parent / argument
    real = Path(os.path.realpath(candidate))
    if not roots.contains(real):
        raise IncludeRefused(f"literalinclude file {argument!r} is outside the project ({roots.project}); docsec "
                           "reads only files inside it: move the file into the project or include a copy")
    if real.exists() and not real.is_file():
        raise IncludeRefused(f"literalinclude file {argument!r} is not a regular file (a folder, pipe, socket or "
                             "device); docsec reads only files")
    if not real.is_file():
        where = "the documentation source folder " + str(roots.docs) if argument.startswith("/") else \
            str(candidate.parent)
        raise IncludeError(f"literalinclude file {argument!r} not found (looked in {where}); "
                           "fix the path (relative to this file, or /-prefixed from the source directory)")
    return real, _display(candidate, path, display_path, argument)


def _display(candidate: Path, path: Path, display_path: str, argument: str) -> str:
    from ..escaping import file_name

    return file_name(_display_raw(candidate, path, display_path, argument))


def _display_raw(candidate: Path, path: Path, display_path: str, argument: str) -> str:
    root = _display_root(path, display_path)
    if root is not None:
        try:
            return os.path.relpath(candidate, root).replace(os.sep, "/")
        except ValueError:  # pragma: no cover - another drive on Windows
            return str(candidate)
    if not argument.startswith("/"):
        return posixpath.normpath(posixpath.join(posixpath.dirname(display_path.replace(os.sep, "/")), argument))
    return str(candidate)


def read_regular_file(path: Path, limit: int = MAX_INCLUDE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened without blocking and checked on the open file, so a FIFO, a device
    or a file swapped for one after a check is never read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise IncludeRefused(f"{path.name!r} is not a regular file (a pipe, socket or device); docsec reads only files")
        if status.st_size > limit:
            raise IncludeRefused(f"{path.name!r} is larger than {limit // (1024 * 1024)} MB; include a smaller excerpt")
        chunks = []
        while True:
            chunk = os.read(descriptor, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            if sum(map(len, chunks)) > limit:
                raise IncludeRefused(f"{path.name!r} grew past {limit // (1024 * 1024)} MB while being read")
        return b"".join(chunks)
    finally:
        os.close(descriptor)


@contextmanager
def reading_once() -> Iterator[None]:
    """Within this block, each included file is read (and decoded) once, however many times it is included:
    a page with a hundred ``literalinclude`` of one large file reads it once."""
    token = _READ.set({})
    try:
        yield
    finally:
        _READ.reset(token)


# (file, encoding) -> its text, for the extraction under way (see reading_once)
_READ: ContextVar[Optional[dict[tuple[str, str], str]]] = ContextVar("docsec_included", default=None)


def _read_decoded(target: Path, encoding: str, argument: str) -> str:
    read = _READ.get()
    key = (str(target), encoding)
    if read is not None and key in read:
        return read[key]
    try:
        text = read_regular_file(target).decode(encoding)
    except IncludeError as error:
        raise type(error)(f"cannot read literalinclude file {argument!r}: {error}") from None
    except (OSError, LookupError, UnicodeDecodeError) as error:
        raise IncludeError(f"cannot read literalinclude file {argument!r}: {error}") from None
    if read is not None:
        read[key] = text
    return text


def read_include(path: Path, display_path: str, argument: str, options: Mapping[str, str]) -> Included:
    target, shown = resolve(path, display_path, argument)
    raw = _read_decoded(target, (options.get("encoding") or "utf-8-sig").strip(), argument)
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
    """The lines ``:lines:`` selects, in its order (a line may come again, as in Sphinx), refused when they
    would come to more lines or characters than the file holds (or :data:`REPEATED_LINES` lines,
    :data:`REPEATED_CHARACTERS` characters): ``1,1,1,...`` of a 100 KB line would otherwise build gigabytes."""
    wanted: list[int] = []
    limit = max(len(numbered), REPEATED_LINES)  # so a short spec never makes a block larger than a big file
    ends = list(accumulate((len(line) for _, line in numbered), initial=0))  # characters before each line
    room = max(ends[-1], REPEATED_CHARACTERS)
    selected = 0
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
        first, last = max(first, 1), min(last, len(numbered))  # "1-10000000000" is the whole file
        wanted.extend(range(first, last + 1))
        selected += ends[last] - ends[first - 1] if last >= first else 0
        if len(wanted) > limit:
            raise IncludeError(f"literalinclude {argument!r}: :lines: {spec[:80]!r} selects more than "
                               f"{limit} lines; select each line once")
        if selected > room:
            raise IncludeRefused(f"literalinclude {argument!r}: :lines: {spec[:80]!r} selects more than {room} "
                                 "characters, more than the file holds; select each line once")
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
