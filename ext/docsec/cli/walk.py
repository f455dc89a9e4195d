"""Find the documentation files that ``docsec check`` scans.

Folders are walked for the suffixes :mod:`docsec.sources` reads, skipping
build output (``build/``, ``_build/``, and any folder Sphinx wrote: one
holding ``.buildinfo`` or ``_sources``, so a stale HTML build never fails
the gate), version-control metadata, virtual environments (any folder
holding a ``pyvenv.cfg``), dependency folders and pipes, sockets and
devices (which could block a read or never end), plus the configured
``exclude`` patterns (``.gitignore`` syntax, relative to the folder of the
pyproject.toml they come from).  ``exclude`` applies to the paths named on
the command line too (pre-commit names the changed files; Ruff calls this
``force-exclude``); otherwise a file named there is scanned whatever its
folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Optional, Sequence

DEFAULT_SKIP_DIRS = frozenset({
    "_build", "build", "_sources", ".git", ".hg", ".svn", ".tox", ".nox", ".venv", "venv", "node_modules", "__pycache__",
    "site-packages", ".ipynb_checkpoints", ".mypy_cache", ".pytest_cache", ".ruff_cache",
})


@dataclass(frozen=True)
class Target:
    path: Path  # what to open
    display: str  # how to name it: relative to the working directory, posix separators
    explicit: bool = False  # named on the command line


@dataclass
class Walk:
    targets: list[Target] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # arguments that do not exist
    excluded: list[str] = field(default_factory=list)  # arguments the ``exclude`` patterns skip


def display_path(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` with posix separators (absolute if on another drive)."""
    try:
        relative = os.path.relpath(os.path.abspath(path), cwd)
    except ValueError:
        relative = os.path.abspath(path)
    return Path(relative).as_posix()


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


def collect(paths: Sequence[str], cwd: Path, suffixes: Collection[str], excludes: Optional[Excludes] = None) -> Walk:
    """The files to scan under ``paths``, each once, sorted by display path."""
    excludes = excludes or Excludes((), cwd)
    walk = Walk()
    seen: dict[str, Target] = {}
    for argument in paths:
        path = Path(argument)
        absolute = path if path.is_absolute() else cwd / path
        if absolute.exists() and excludes.excluded(absolute, is_dir=absolute.is_dir()):
            walk.excluded.append(argument)  # named, and excluded all the same (force-exclude)
        elif absolute.is_dir():
            for found in _walk_dir(absolute, suffixes, excludes):
                key = os.path.normpath(found)
                seen.setdefault(key, Target(found, display_path(found, cwd)))
        elif absolute.exists():
            key = os.path.normpath(absolute)
            seen[key] = Target(absolute, display_path(absolute, cwd), explicit=True)
        else:
            walk.missing.append(argument)
    walk.targets = sorted(seen.values(), key=lambda target: target.display)
    return walk


def _walk_dir(top: Path, suffixes: Collection[str], excludes: Excludes) -> list[Path]:
    found = []
    for directory, dirnames, filenames in os.walk(top):
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


def special_file(path: Path) -> bool:
    """A pipe, socket or device (or a link to one): reading it could block or never end."""
    return path.exists() and not path.is_file()


def skipped_dir(path: Path) -> bool:
    return (path.name in DEFAULT_SKIP_DIRS or path.name.endswith(".egg-info") or (path / "pyvenv.cfg").is_file()
            or sphinx_output(path))


def sphinx_output(path: Path) -> bool:
    """A folder a Sphinx builder wrote: it holds ``.buildinfo`` (HTML) or the ``_sources`` copies of pages."""
    return (path / ".buildinfo").is_file() or (path / "_sources").is_dir()
