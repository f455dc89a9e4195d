"""Find the documentation files that ``docsec check`` scans, as the site's own tool finds its pages.

A folder belongs to the nearest documentation project at or above it
(:mod:`docsec.core.projects`), and is walked by that tool's rules, so that
``docsec check`` reads the pages the build reads:

* a **Sphinx** project (``conf.py``): the files whose names end in a
  ``source_suffix`` (with the suffixes its known extensions add), except
  what ``exclude_patterns``, ``templates_path``, ``html_static_path``,
  ``html_extra_path`` and Sphinx's own ``**/_sources`` exclude -- nothing
  else: a folder named ``venv`` or holding a ``pyvenv.cfg`` is read, as
  Sphinx reads it;
* a **mystmd** project (``myst.yml``): ``.md`` and ``.ipynb`` files, except
  names starting with ``.``, ``node_modules``, ``_build`` and
  ``project.exclude``, and links to folders (mystmd does not follow them);
  a folder with its own ``myst.yml`` is its own project;
* **no project**: ``.md``, ``.markdown``, ``.rst``, ``.txt`` and ``.ipynb``
  files, except what the ``.gitignore`` files of the walked folders (and of
  the folders above, up to the repository's root) ignore.

Everywhere, docsec's own ``exclude`` patterns (``.gitignore`` syntax,
relative to the file that sets them) are skipped too, and version-control
metadata (``.git``, ``.hg``, ``.svn``) is never walked.  Symbolic links to
folders are followed where Sphinx follows them (a folder reached twice
through links is read once).  Pipes, sockets and devices are never
read.  Every folder and page skipped by a rule is recorded with the rule
that skipped it (:attr:`Walk.skipped`), so the report can say so.  A file
named on the command line is always scanned, whatever its name or the rules
say.

What the walk cannot vouch for is an error, never a silent skip (a gate must
not pass on files it did not read): a folder it cannot list, a path it cannot
look at, a link that leads out of the project (its file is not read: a pull
request could otherwise make the report quote any file of the machine), a
file name that is not UTF-8 (scanned, and named with ``%XX`` escapes).

Build output is never read: a folder a Sphinx builder wrote (one holding
``.buildinfo``) anywhere, and ``build/``, ``_build/`` and ``_sources/``
outside a documentation project (inside one, its own exclusions decide, as
they do for the build), so a stale HTML build never fails the gate.
``exclude`` applies to the paths named on the command line too (pre-commit
names the changed files; Ruff calls this ``force-exclude``); they are
listed in :attr:`Walk.excluded`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from ..core.dialect import DEFAULT
from ..core.paths import SPHINX_ALWAYS_EXCLUDED, Patterns, glob_matcher, sphinx_matcher
from ..core.projects import TOOL_FILES, Tool, read_tool
from ..escaping import file_name
from ..model import Diagnostic, Severity

VCS_FOLDERS = frozenset({".git", ".hg", ".svn"})
MYSTMD_SKIPPED = frozenset({"node_modules", "_build"})
BUILD_FOLDERS = frozenset({"build", "_build", "_sources"})  # skipped by name outside a documentation project
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")
DOC_SUFFIXES = frozenset(suffix for suffix, _ in DEFAULT.suffixes)


@dataclass(frozen=True)
class Target:
    path: Path  # what to open
    display: str  # how to name it: relative to the working directory, posix separators
    explicit: bool = False  # named on the command line
    reader: str = ""  # "markdown", "rst" or "notebook": how the project's tool reads it ("" -- by its suffix)
    project: int = 0  # index into Walk.projects


@dataclass(frozen=True)
class Skipped:
    path: str  # display path; a folder ends with "/"
    reason: str  # the rule that skipped it


@dataclass
class Walk:
    targets: list[Target] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # arguments that do not exist
    skipped: list[Skipped] = field(default_factory=list)
    projects: list[Tool] = field(default_factory=list)  # index 0: no project
    problems: list[Diagnostic] = field(default_factory=list)  # what could not be walked or read, as errors
    excluded: list[str] = field(default_factory=list)  # arguments the ``exclude`` patterns skip


def display_path(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` with posix separators (absolute if on another drive); bytes of a name
    that are not UTF-8 are written ``%E9``, so every report (and a baseline) can hold the name."""
    try:
        relative = os.path.relpath(os.path.abspath(path), cwd)
    except ValueError:
        relative = os.path.abspath(path)
    return _shown(Path(relative).as_posix())


def _utf8(name: str) -> bool:
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # a name the file system gave as bytes that are not UTF-8 (surrogate escapes)
        return False
    return True


Excludes = Patterns  # docsec's ``exclude`` setting (kept under its old name)


class Projects:
    """The project of each folder, each tool file read once."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.tools: list[Tool] = [Tool("", cwd.absolute())]
        self._by_file: dict[Path, int] = {}
        self._by_folder: dict[Path, int] = {}

    def of_folder(self, folder: Path) -> int:
        """The index of the project ``folder`` belongs to (0: none)."""
        folder = Path(os.path.abspath(folder))
        known = self._by_folder.get(folder)
        if known is not None:
            return known
        file = next((folder / name for name in TOOL_FILES if (folder / name).is_file()), None)
        if file is not None:
            index = self._by_file.get(file)
            if index is None:
                index = self._by_file[file] = len(self.tools)
                self.tools.append(read_tool(file))
        elif folder.parent != folder:
            index = self.of_folder(folder.parent)
        else:
            index = 0
        self._by_folder[folder] = index
        return index


class Rules:
    """What one project skips: folders and pages, each with the reason given in the report."""

    def __init__(self, tool: Tool, excludes: Callable[[Tool], tuple[Patterns, str]], cwd: Path):
        self.tool = tool
        self.excludes, self.excludes_source = excludes(tool)
        self.cwd = cwd
        shown = display_path(tool.file, cwd) if tool.file is not None else ""
        if tool.kind == "sphinx":
            self.matches = sphinx_matcher([*tool.exclude, *SPHINX_ALWAYS_EXCLUDED])
            self.why = f"exclude_patterns of {shown}"
        elif tool.kind == "mystmd":
            self.matches = glob_matcher(tool.exclude)
            self.why = f"project.exclude of {shown}"
        else:
            self.matches = lambda relative: False
            self.why = ""
        self.shown = shown

    def relative(self, path: Path) -> str:
        return Path(os.path.relpath(path, self.tool.root)).as_posix()

    def skip_folder(self, path: Path) -> Optional[str]:
        """Why the folder is skipped; None when it is walked."""
        if self.excludes.excluded(path, is_dir=True):
            return f"exclude of {self.excludes_source}"
        if sphinx_output(path):
            return "Sphinx build output"
        if not self.tool.kind and path.name in BUILD_FOLDERS:
            return "build output"
        if self.tool.kind == "sphinx" and self.matches(self.relative(path)):
            return self.why
        if self.tool.kind == "mystmd":
            if path.name.startswith(".") or path.name in MYSTMD_SKIPPED:
                return f"mystmd skips {'names starting with .' if path.name.startswith('.') else path.name}"
            if self.matches(self.relative(path)):
                return self.why
        return None

    def reader(self, path: Path) -> tuple[Optional[str], Optional[str]]:
        """(reader, None) for a page; (None, why) for a file skipped by a rule; (None, None) for no page."""
        name = path.name
        tool = self.tool
        reader = tool.dialect.reader_for_name(name)
        if reader is None:
            unread = next((parser for suffix, parser in tool.unread_suffixes if name.endswith(suffix)), None)
            if unread is not None:  # a page docsec cannot read: the scan says so, and fails
                reader = f"unreadable:{unread}"
        if reader is None:
            if path.suffix.lower() in DOC_SUFFIXES and tool.kind:
                return None, (f"not a source_suffix of {self.shown}" if tool.kind == "sphinx"
                              else "mystmd reads only .md and .ipynb pages")
            return None, None
        if self.excludes.excluded(path, is_dir=False):
            return None, f"exclude of {self.excludes_source}"
        if tool.kind == "sphinx" and self.matches(self.relative(path)):
            return None, self.why
        if tool.kind == "mystmd" and (name.startswith(".") or self.matches(self.relative(path))):
            return None, self.why if not name.startswith(".") else "mystmd skips names starting with ."
        return reader, None


class GitIgnores:
    """The ``.gitignore`` files of folders outside every documentation project."""

    def __init__(self) -> None:
        self._cache: dict[Path, Optional[Patterns]] = {}

    def of(self, folder: Path) -> Optional[Patterns]:
        if folder not in self._cache:
            path = folder / ".gitignore"
            patterns = None
            if path.is_file():
                try:
                    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
                    patterns = Patterns(lines, folder)
                except OSError:
                    patterns = None
            self._cache[folder] = patterns
        return self._cache[folder]

    def above(self, folder: Path) -> list[Patterns]:
        """The .gitignore files of ``folder``'s parents, up to the repository's root."""
        found = []
        for parent in folder.parents:
            patterns = self.of(parent)
            if patterns:
                found.append(patterns)
            if any((parent / name).exists() for name in VCS_FOLDERS):
                break
        return found

    @staticmethod
    def ignores(specs: Sequence[Patterns], path: Path, is_dir: bool) -> Optional[Patterns]:
        return next((spec for spec in specs if spec.excluded(path, is_dir)), None)


def collect(paths: Sequence[str], cwd: Path, excludes: Optional[Callable[[Tool], tuple[Patterns, str]]] = None,
            projects: Optional[Projects] = None, project: Optional[Path] = None) -> Walk:
    """The files to scan under ``paths``, each once, sorted by display path.

    ``excludes`` gives docsec's ``exclude`` patterns of a project (they may differ per project) and the
    file that sets them.  ``project`` (default: ``cwd``) is the folder a link may not lead out of.
    """
    excludes = excludes or (lambda tool: (Patterns((), cwd), ""))
    projects = projects or Projects(cwd)
    root = Path(os.path.realpath(project or cwd))
    walk = Walk()
    seen: dict[str, Target] = {}
    skipped: dict[str, Skipped] = {}
    rules: dict[int, Rules] = {}

    def rules_of(index: int) -> Rules:
        if index not in rules:
            rules[index] = Rules(projects.tools[index], excludes, cwd)
        return rules[index]

    def add(found: Path, target: Target) -> None:
        if _leaves(found, root):
            walk.problems.append(Diagnostic(
                "outside-project", f"is a link to a file outside the project ({_shown(root)}); docsec reads "
                "only files inside it: replace the link with a copy of the file, or exclude it", target.display, 1,
                Severity.HIGH))
            return
        if not _utf8(str(found)):
            walk.problems.append(Diagnostic(
                "file-name-not-utf8", "the file name is not UTF-8; docsec scanned the file and names each byte "
                "that is not with %XX, which no other tool will recognise: rename it", target.display, 1,
                Severity.HIGH))
        key = os.path.normpath(found)
        if target.explicit:
            seen[key] = target
        else:
            seen.setdefault(key, target)

    gitignores = GitIgnores()
    for argument in paths:
        path = Path(argument)
        absolute = path if path.is_absolute() else cwd / path
        try:
            is_dir, exists = absolute.is_dir(), absolute.exists() or absolute.is_symlink()
        except OSError as error:
            walk.problems.append(_unreadable(display_path(absolute, cwd), error, "path"))
            continue
        if exists and rules_of(projects.of_folder(absolute if is_dir else absolute.parent)).excludes.excluded(
                absolute, is_dir=is_dir):
            walk.excluded.append(argument)  # named, and excluded all the same (force-exclude)
        elif is_dir:
            for found, index, reader in _walk_dir(absolute, projects, rules_of, gitignores, skipped, cwd, walk):
                add(found, Target(found, display_path(found, cwd), reader=reader, project=index))
        elif exists:
            index = projects.of_folder(absolute.parent)
            reader, _ = rules_of(index).reader(absolute)
            add(absolute, Target(absolute, display_path(absolute, cwd), explicit=True, reader=reader or "",
                                 project=index))
        else:
            walk.missing.append(argument)
    walk.targets = sorted(seen.values(), key=lambda target: target.display)
    scanned = {target.display for target in walk.targets}
    walk.skipped = sorted((item for item in skipped.values() if item.path not in scanned), key=lambda s: s.path)
    walk.projects = projects.tools
    return walk


def _walk_dir(top: Path, projects: Projects, rules_of: Callable[[int], Rules], gitignores: GitIgnores,
              skipped: dict[str, Skipped], cwd: Path, walk: Walk) -> list[tuple[Path, int, str]]:
    found = []

    def unreadable(error: OSError) -> None:  # os.walk skips a folder it cannot list unless told
        where = Path(error.filename) if error.filename else top
        walk.problems.append(_unreadable(display_path(where, cwd), error, "folder"))

    visited: set[str] = set()
    top_index = projects.of_folder(top)
    ignore_stack: dict[Path, list[Patterns]] = {}
    if top_index == 0:
        ignore_stack[top] = gitignores.above(top)
    for directory, dirnames, filenames in os.walk(top, onerror=unreadable, followlinks=True):
        here = Path(directory)
        real = os.path.realpath(here)
        if real in visited:  # a link back into the tree: read once
            dirnames[:] = []
            continue
        visited.add(real)
        index = projects.of_folder(here)
        rule = rules_of(index)
        ignores: list[Patterns] = []
        if index == 0:
            ignores = list(ignore_stack.get(here, ignore_stack.get(here.parent, [])))
            own = gitignores.of(here)
            if own:
                ignores.append(own)
            ignore_stack[here] = ignores
        kept = []
        for name in sorted(dirnames):
            if name in VCS_FOLDERS:
                continue
            candidate = here / name
            why = None
            if not rule.tool.dialect.follow_links and candidate.is_symlink():
                why = "mystmd does not follow links to folders"
            if why is None and not _holds_tool_file(candidate):  # a folder with its own tool file: its own project
                why = rule.skip_folder(candidate)
                if why is None and index == 0:
                    spec = gitignores.ignores(ignores, candidate, is_dir=True)
                    why = f".gitignore of {display_path(spec.root, cwd)}" if spec is not None else None
            if why is not None:
                shown = display_path(candidate, cwd) + "/"
                skipped.setdefault(shown, Skipped(shown, why))
                continue
            kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            candidate = here / name
            reader, why = rule.reader(candidate)
            if reader is not None and index == 0:
                spec = gitignores.ignores(ignores, candidate, is_dir=False)
                if spec is not None:
                    reader, why = None, f".gitignore of {display_path(spec.root, cwd)}"
            if reader is None:
                if why is not None:
                    shown = display_path(candidate, cwd)
                    skipped.setdefault(shown, Skipped(shown, why))
                continue
            if special_file(candidate):
                continue
            found.append((candidate, index, reader))
    return found


def _holds_tool_file(folder: Path) -> bool:
    return any((folder / name).is_file() for name in TOOL_FILES)


def _unreadable(display: str, error: OSError, what: str) -> Diagnostic:
    reason = error.strerror or type(error).__name__
    return Diagnostic(
        f"unreadable-{what}", f"cannot read this {what} ({reason}); docsec could not check the files in it: "
        "make it readable to the user running docsec, or exclude it", display, 1, Severity.HIGH)


def _leaves(path: Path, project: Path) -> bool:
    """Whether ``path`` is reached through a link whose target is outside ``project`` (or in a system folder)."""
    lexical = os.path.abspath(path)
    real = os.path.realpath(path)
    if real == lexical:
        return False
    if any(real == system or real.startswith(system + os.sep) for system in SYSTEM_FOLDERS):
        return True
    try:
        return os.path.commonpath([real, str(project)]) != str(project)
    except ValueError:  # another drive on Windows
        return True


def _shown(path: "Path | str") -> str:
    """``path`` as text, each byte of its name that is not UTF-8 written ``%E9``."""
    return file_name(str(path))


def special_file(path: Path) -> bool:
    """A pipe, socket or device (or a link to one): reading it could block or never end.  A path that cannot
    be looked at is not: the source reader reports it."""
    try:
        return path.exists() and not path.is_file()
    except OSError:
        return False


def sphinx_output(path: Path) -> bool:
    """A folder a Sphinx builder of the HTML family wrote: it holds ``.buildinfo``."""
    try:
        return (path / ".buildinfo").is_file()
    except OSError:  # a folder that cannot be looked into is walked, and reported when it cannot be listed
        return False
