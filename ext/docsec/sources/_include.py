"""``literalinclude`` and ``include``: read the included file the way Sphinx's readers do.

Shared by the MyST and rst extractors.

``literalinclude`` (:func:`read_include`) follows Sphinx's
``LiteralIncludeReader``: options are checked as Sphinx's ``option_spec``
checks them (:data:`LITERALINCLUDE_OPTIONS`; rST rejects the directive on a
bad value, MyST drops the option and reads the file), then the filters run
in Sphinx's order (pyobject, start, end, lines, dedent, prepend, append),
with Sphinx's errors (a ``:start-after:`` text that is not there, a
``:lines:`` spec that selects nothing) as errors: Sphinx shows no code then.
The block is located in the included file, at its first included line;
``:prepend:`` and ``:append:`` lines are written in the page and reported
at the directive's line (see :class:`docsec.model.Span`).

``include`` (:func:`read_included_text`) follows docutils' ``Include``
(``:start-line:``, ``:end-line:``, ``:start-after:``, ``:end-before:``,
``:encoding:``, ``:tab-width:``); the caller decides what the text becomes
(a literal block with ``:literal:``, code with ``:code:``, else markup of the
including page's kind).

Paths resolve as Sphinx resolves them: relative to the page (not to an
included file that includes another), or with a leading ``/`` from the
documentation source folder; never outside the project (:class:`IncludeRoots`).
"""

from __future__ import annotations

import os
import posixpath
import textwrap
from itertools import accumulate
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Optional

from ..core.files import RefusedFile
from ..core.files import read_regular_file as _read_regular_file
from ..model import Diagnostic, Location, Severity, Span

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


# mystmd's include names a file's language by its extension (myst-directives' ``extToLanguage``).
MYSTMD_LANGUAGES = {"ts": "typescript", "js": "javascript", "mjs": "javascript", "tex": "latex", "py": "python",
                    "md": "markdown", "yml": "yaml"}


def file_language(name: str, tool: str = "") -> str:
    """The language Sphinx (or mystmd, ``tool == "mystmd"``) gives an included file by its name."""
    if tool == "mystmd":
        extension = name.rsplit(".", 1)[-1] if "." in name else ""
        return MYSTMD_LANGUAGES.get(extension, extension)
    lower = name.lower()
    return LANGUAGE_BY_NAME.get(PurePosixPath(lower).suffix) or LANGUAGE_BY_NAME.get(lower, "")


@dataclass
class Included:
    text: str
    display_path: str
    line: int  # 1-based line of the first included line in the included file
    language: str = ""  # from the file's name, when known (see LANGUAGE_BY_NAME)
    prepended: int = 0  # lines of ``:prepend:`` at the start of ``text``
    appended: int = 0  # lines of ``:append:`` at its end
    diff: bool = False  # ``:diff:``: a unified diff of two files


def spans(included: Included, page: str, line: int, cell: Optional[int] = None) -> tuple[Span, ...]:
    """The :class:`Span` of the ``:prepend:`` and ``:append:`` lines, reported at the directive's ``line``."""
    found = []
    here = Location(page, line, cell)
    total = included.text.count("\n") + (0 if included.text.endswith("\n") else 1)
    if included.prepended:
        found.append(Span(1, included.prepended, here))
    if included.appended:
        found.append(Span(total - included.appended + 1, total, here))
    return tuple(found)


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


def resolve(path: Path, display_path: str, argument: str, roots: Optional[IncludeRoots] = None,
            what: str = "literalinclude") -> tuple[Path, str]:
    """Find the included file as Sphinx does: relative to the including file, or with a leading ``/``
    from the documentation source folder; never outside the project (see :class:`IncludeRoots`)."""
    argument = "".join(part.strip() for part in argument.strip().splitlines())
    roots = roots or IncludeRoots.of(path)
    if argument.startswith("/"):
        candidate = roots.docs / argument.lstrip("/")
    else:
        candidate = path.absolute().parent / argument
    real = Path(os.path.realpath(candidate))
    if not roots.contains(real):
        raise IncludeRefused(f"{what} file {argument!r} is outside the project ({roots.project}); docsec "
                           "reads only files inside it: move the file into the project or include a copy")
    if real.exists() and not real.is_file():
        raise IncludeRefused(f"{what} file {argument!r} is not a regular file (a folder, pipe, socket or "
                             "device); docsec reads only files")
    if not real.is_file():
        where = "the documentation source folder " + str(roots.docs) if argument.startswith("/") else \
            str(candidate.parent)
        raise IncludeError(f"{what} file {argument!r} not found (looked in {where}); "
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
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes (see :mod:`docsec.core.files`)."""
    try:
        return _read_regular_file(path, limit)
    except RefusedFile as error:
        raise IncludeRefused(str(error)) from None


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


def read_include(path: Path, display_path: str, argument: str, options: Mapping[str, str],
                 extras: bool = True) -> Included:
    """What a ``literalinclude`` shows, with Sphinx's filters and errors.

    ``options`` are the valid ones, as strings (a flag's value is ``""``); ``extras`` applies
    ``:prepend:`` and ``:append:`` (mystmd ignores them).
    """
    for first, second in INVALID_PAIRS:
        if first in options and second in options:
            raise IncludeError(f"literalinclude {argument!r}: cannot use both :{first}: and :{second}:")
    target, shown = resolve(path, display_path, argument)
    raw = _decoded(target, argument, options.get("encoding"))
    tab_width = options.get("tab-width")
    if tab_width is not None and tab_width.strip().lstrip("-").isdigit():
        width = int(tab_width)  # capped: a width of 10**9 would fill memory with spaces
        raw = raw.expandtabs(min(width, MAX_TAB_WIDTH)) if width >= 0 else raw.expandtabs(0)
    if options.get("diff") is not None and "diff" in options:
        return _diff(path, display_path, argument, target, shown, raw, options)
    numbered = list(enumerate(raw.splitlines(True), start=1))
    numbered = _pyobject(numbered, raw, options.get("pyobject"), argument)
    numbered = _start(numbered, options, argument)
    numbered = _end(numbered, options, argument)
    if options.get("lines"):
        numbered = _lines(numbered, options["lines"], argument)
    text = "".join(line for _, line in numbered)
    if "dedent" in options:
        text = dedent_text(text, options["dedent"])
    first = numbered[0][0] if numbered else 1
    prepended = appended = 0
    if extras and options.get("prepend"):
        text = options["prepend"] + "\n" + text
        prepended = options["prepend"].count("\n") + 1
    if extras and options.get("append"):
        text = text + options["append"] + "\n"
        appended = options["append"].count("\n") + 1
    return Included(text, shown, first, file_language(target.name), prepended, appended)


def _decoded(target: Path, argument: str, encoding: Optional[str], what: str = "literalinclude") -> str:
    encoding = (encoding or "utf-8-sig").strip()
    read = _READ.get()
    key = (str(target), encoding)
    if read is not None and key in read:
        return read[key]
    try:
        text = read_regular_file(target).decode(encoding)
    except IncludeError as error:
        raise type(error)(f"cannot read {what} file {argument!r}: {error}") from None
    except (OSError, LookupError, UnicodeDecodeError) as error:
        raise IncludeError(f"cannot read {what} file {argument!r}: {error}") from None
    if read is not None:
        read[key] = text
    return text


def _diff(path: Path, display_path: str, argument: str, target: Path, shown: str, raw: str,
          options: Mapping[str, str]) -> Included:
    """``:diff: old.py``: the unified diff from the old file to the included one (Sphinx's ``udiff``)."""
    import difflib

    old_path, _ = resolve(path, display_path, options["diff"])
    old = _decoded(old_path, options["diff"], options.get("encoding"))
    text = "".join(difflib.unified_diff(old.splitlines(True), raw.splitlines(True), str(old_path), str(target)))
    return Included(text, shown, 1, "udiff", diff=True)


@dataclass
class IncludedText:
    """The text an ``include`` inserts, and where it starts in its file."""

    text: str
    path: Path  # the real file
    display_path: str
    first_line: int  # 0-based line of the file where ``text`` starts


def read_included_text(path: Path, display_path: str, argument: str, options: Mapping[str, Any],
                       myst: bool = False) -> IncludedText:
    """The clipped text of an ``include``, as docutils (rST) or myst-parser (``myst``) clip it."""
    target, shown = resolve(path, display_path, argument, what="include")
    encoding = options.get("encoding")
    raw = _decoded(target, argument, str(encoding) if encoding else None, "include")
    start_line = _int_option(options, "start-line", argument)
    end_line = _int_option(options, "end-line", argument)
    first = 0
    if start_line is not None or end_line is not None:
        lines = raw.splitlines()
        if start_line is not None and start_line < 0:
            start_line = max(0, len(lines) + start_line)
        raw = "\n".join(lines[start_line:end_line])
        first = start_line or 0
    for key in ("start-after", "end-before"):
        marker = options.get(key)
        if not marker:
            continue
        index = raw.find(str(marker))
        if index < 0:
            raise IncludeError(f"include {argument!r}: the :{key}: text {str(marker)[:80]!r} is not in the file")
        if key == "start-after":
            first += raw.count("\n", 0, index + len(str(marker))) if myst else 0
            raw = raw[index + len(str(marker)):]
        else:
            raw = raw[:index]
    return IncludedText(raw, target, shown, first)


def _int_option(options: Mapping[str, Any], key: str, argument: str) -> Optional[int]:
    value = options.get(key)
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        raise IncludeError(f"include {argument!r}: :{key}: {value!r} is not a whole number") from None


# -- options ---------------------------------------------------------------------------------------
# Sphinx's LiteralInclude.option_spec, as checks of the option's text (None: a flag given no value).

def _flag(value: Optional[str]) -> None:
    if value and value.strip():
        raise ValueError(f"no argument is allowed; {value!r} supplied")


def _required(value: Optional[str]) -> None:
    if value is None or not value.strip():
        raise ValueError("argument required but none supplied")


def _integer(value: Optional[str]) -> None:
    int(value or "")


def _optional_integer(value: Optional[str]) -> None:
    if value is not None and value.strip() and int(value) < 0:
        raise ValueError("negative value; must be positive or zero")


def _encoding(value: Optional[str]) -> None:
    import codecs

    try:
        codecs.lookup(value or "")
    except LookupError:
        raise ValueError(f"unknown encoding: {value!r}") from None


def _anything(value: Optional[str]) -> None:
    return None


LITERALINCLUDE_OPTIONS = {
    "dedent": _optional_integer, "linenos": _flag, "lineno-start": _integer, "lineno-match": _flag,
    "tab-width": _integer, "language": _required, "force": _flag, "encoding": _encoding,
    "pyobject": _required, "lines": _required, "start-after": _required, "end-before": _required,
    "start-at": _required, "end-at": _required, "prepend": _required, "append": _required,
    "emphasize-lines": _required, "caption": _anything, "class": _anything, "name": _anything, "diff": _required,
}
INVALID_PAIRS = (("pyobject", "lines"), ("pyobject", "start-after"), ("pyobject", "end-before"),
                 ("pyobject", "start-at"), ("pyobject", "end-at"), ("lineno-match", "lineno-start"),
                 ("start-at", "start-after"), ("end-at", "end-before"), ("diff", "pyobject"),
                 ("diff", "lineno-start"), ("diff", "lineno-match"), ("diff", "lines"), ("diff", "start-after"),
                 ("diff", "end-before"), ("diff", "start-at"), ("diff", "end-at"))


def invalid_options(options: Mapping[str, Any], spec: Mapping[str, Any] = LITERALINCLUDE_OPTIONS) -> dict[str, str]:
    """The options Sphinx rejects, with why (unknown options included)."""
    problems = {}
    for name, value in options.items():
        check = spec.get(name)
        if check is None:
            problems[name] = "unknown option"
            continue
        try:
            check(None if value is None else str(value))
        except ValueError as error:
            problems[name] = str(error) or "invalid value"
    return problems


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


def _start(numbered: list[tuple[int, str]], options: Mapping[str, str], argument: str) -> list[tuple[int, str]]:
    for key, inclusive in (("start-at", True), ("start-after", False)):
        if key in options:
            marker = options.get(key)
            if not marker:
                return numbered
            for index, (_, line) in enumerate(numbered):
                if marker in line:
                    return numbered[index if inclusive else index + 1:]
            raise IncludeError(f"literalinclude {argument!r}: the :{key}: text {marker[:80]!r} is not in the file")
    return numbered


def _end(numbered: list[tuple[int, str]], options: Mapping[str, str], argument: str) -> list[tuple[int, str]]:
    for key, inclusive in (("end-at", True), ("end-before", False)):
        if key in options:
            marker = options.get(key)
            if not marker:
                return numbered
            for index, (_, line) in enumerate(numbered):
                if marker in line:
                    if inclusive:
                        return numbered[:index + 1]
                    if index:  # as Sphinx: :end-before: never ends before the first line
                        return numbered[:index]
            raise IncludeError(f"literalinclude {argument!r}: the :{key}: text {marker[:80]!r} is not in the file")
    return numbered


def _lines(numbered: list[tuple[int, str]], spec: str, argument: str) -> list[tuple[int, str]]:
    """Sphinx's ``parse_line_num_spec`` and ``lines_filter`` (a line ``0`` is the last line, as there): the lines
    ``:lines:`` selects, in its order (a line may come again, as in Sphinx), refused when they would come to more
    lines or characters than the file holds (or :data:`REPEATED_LINES` lines, :data:`REPEATED_CHARACTERS`
    characters): ``1,1,1,...`` of a 100 KB line would otherwise build gigabytes."""
    wanted: list[int] = []
    total = len(numbered)
    limit = max(total, REPEATED_LINES)  # so a short spec never makes a block larger than a big file
    before = list(accumulate((len(line) for _, line in numbered), initial=0))  # characters before each line
    room = max(before[-1], REPEATED_CHARACTERS)
    selected = 0
    for part in spec.split(","):
        ends = part.strip().split("-")
        try:
            if ends == ["", ""] or len(ends) > 2:
                raise ValueError
            if len(ends) == 1:
                index = int(ends[0]) - 1
                wanted.append(index)
                selected += len(numbered[index][1]) if -total <= index < total else 0
            else:
                first = int(ends[0] or 1)
                last = int(ends[1] or max(first, total))
                if first > last:
                    raise ValueError
                wanted.extend(range(first - 1, min(last, total)))  # "1-10000000000" is the whole file
                low, high = min(max(first - 1, 0), total), min(last, total)
                selected += before[high] - before[low] if high > low else 0
        except ValueError:
            raise IncludeError(f"literalinclude {argument!r}: invalid :lines: {spec[:80]!r}") from None
        if len(wanted) > limit:
            raise IncludeError(f"literalinclude {argument!r}: :lines: {spec[:80]!r} selects more than "
                               f"{limit} lines; select each line once")
        if selected > room:
            raise IncludeRefused(f"literalinclude {argument!r}: :lines: {spec[:80]!r} selects more than {room} "
                                 "characters, more than the file holds; select each line once")
    chosen = [numbered[index] for index in wanted if index < total and index >= -total]
    if not chosen:
        raise IncludeError(f"literalinclude {argument!r}: :lines: {spec[:80]!r} selects no line of the file")
    return chosen


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
