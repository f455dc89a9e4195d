"""Find the documentation files that ``docsec check`` scans.

Folders are walked for the suffixes :mod:`docsec.sources` reads, skipping
build output, version-control metadata, virtual environments (any folder
holding a ``pyvenv.cfg``), dependency folders and pipes, sockets and
devices (which could block a read or never end), plus the configured
``exclude`` patterns (``.gitignore`` syntax, relative to the folder of the
pyproject.toml they come from).  A file named on the command line is always
scanned, whatever its name or the excludes say.

What the walk cannot vouch for is an error, never a silent skip (a gate must
not pass on files it did not read): a folder it cannot list, a path it cannot
look at, a link that leads out of the project (its file is not read: a pull
request could otherwise make the report quote any file of the machine), a
file name that is not UTF-8 (scanned, and named with ``%XX`` escapes).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Optional, Sequence

from ..escaping import file_name
from ..model import Diagnostic, Severity

DEFAULT_SKIP_DIRS = frozenset({
    "_build", ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "node_modules", "__pycache__",
    "site-packages", ".ipynb_checkpoints", ".mypy_cache", ".pytest_cache", ".ruff_cache",
})
SYSTEM_FOLDERS = ("/proc", "/sys", "/dev")


@dataclass(frozen=True)
class Target:
    path: Path  # what to open
    display: str  # how to name it: relative to the working directory, posix separators
    explicit: bool = False  # named on the command line


@dataclass
class Walk:
    targets: list[Target] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # arguments that do not exist
    problems: list[Diagnostic] = field(default_factory=list)  # what could not be walked or read, as errors


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


class Excludes:
    """``.gitignore``-style patterns, matched relative to ``root``."""

    def __init__(self, patterns: Sequence[str], root: Path):
        self.root = root
        self.spec = None
        if patterns:
            import pathspec

            self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)

    def excluded(self, path: Path, is_dir: bool) -> bool:
        if self.spec is None:
            return False
        relative = Path(os.path.relpath(path, self.root)).as_posix()
        if relative.startswith("../"):
            return False
        return self.spec.match_file(relative + "/" if is_dir else relative)


def collect(paths: Sequence[str], cwd: Path, suffixes: Collection[str], excludes: Optional[Excludes] = None,
            project: Optional[Path] = None) -> Walk:
    """The files to scan under ``paths``, each once, sorted by display path.  ``project`` (default: the
    excludes' root) is the folder a link may not lead out of."""
    excludes = excludes or Excludes((), cwd)
    project = Path(os.path.realpath(project or excludes.root))
    walk = Walk()
    seen: dict[str, Target] = {}

    def add(found: Path, explicit: bool) -> None:
        display = display_path(found, cwd)
        if _leaves(found, project):
            walk.problems.append(Diagnostic(
                "outside-project", f"is a link to a file outside the project ({_shown(project)}); docsec reads "
                "only files inside it: replace the link with a copy of the file, or exclude it", display, 1,
                Severity.HIGH))
            return
        if not _utf8(str(found)):
            walk.problems.append(Diagnostic(
                "file-name-not-utf8", "the file name is not UTF-8; docsec scanned the file and names each byte "
                "that is not with %XX, which no other tool will recognise: rename it", display, 1, Severity.HIGH))
        key = os.path.normpath(found)
        if explicit:
            seen[key] = Target(found, display, explicit=True)
        else:
            seen.setdefault(key, Target(found, display))

    for argument in paths:
        path = Path(argument)
        absolute = path if path.is_absolute() else cwd / path
        try:
            is_dir, exists = absolute.is_dir(), absolute.exists()
        except OSError as error:
            walk.problems.append(_unreadable(display_path(absolute, cwd), error, "path"))
            continue
        if is_dir:
            for found in _walk_dir(absolute, suffixes, excludes, walk, cwd):
                add(found, explicit=False)
        elif exists:
            add(absolute, explicit=True)
        else:
            walk.missing.append(argument)
    walk.targets = sorted(seen.values(), key=lambda target: target.display)
    return walk


def _walk_dir(top: Path, suffixes: Collection[str], excludes: Excludes, walk: Walk, cwd: Path) -> list[Path]:
    found = []

    def unreadable(error: OSError) -> None:  # os.walk skips a folder it cannot list unless told
        where = Path(error.filename) if error.filename else top
        walk.problems.append(_unreadable(display_path(where, cwd), error, "folder"))

    for directory, dirnames, filenames in os.walk(top, onerror=unreadable):
        here = Path(directory)
        dirnames[:] = sorted(
            name for name in dirnames
            if not skipped_dir(here / name) and not excludes.excluded(here / name, is_dir=True)
        )
        for name in sorted(filenames):
            candidate = here / name
            if candidate.suffix.lower() in suffixes and not excludes.excluded(candidate, is_dir=False) \
                    and not special_file(candidate):
                found.append(candidate)
    return found


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


def skipped_dir(path: Path) -> bool:
    if path.name in DEFAULT_SKIP_DIRS or path.name.endswith(".egg-info"):
        return True
    try:
        return (path / "pyvenv.cfg").is_file()
    except OSError:  # a folder that cannot be looked into is walked, and reported when it cannot be listed
        return False
