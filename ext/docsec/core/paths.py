"""Path patterns in the three syntaxes a documentation project writes them in.

* :class:`Patterns` -- ``.gitignore`` syntax (pathspec), relative to a base
  folder: docsec's ``exclude`` and a ``.gitignore`` file;
* :func:`sphinx_matcher` -- Sphinx's glob syntax (``exclude_patterns``: ``*``
  stops at ``/``, ``**`` does not, the whole path must match), as
  ``sphinx.util.matching`` compiles it;
* :func:`glob_matcher` -- mystmd's ``project.exclude`` (a glob of files
  relative to myst.yml, ``**`` for any folders).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from typing import Callable, Optional, Sequence

# Sphinx never reads these (sphinx.project.EXCLUDE_PATHS).
SPHINX_ALWAYS_EXCLUDED = ("**/_sources", ".#*", "**/.#*", "*.lproj/**")


class Patterns:
    """``.gitignore``-style patterns, matched relative to ``root``."""

    def __init__(self, patterns: Sequence[str], root: Path):
        self.root = root
        self.patterns = tuple(patterns)
        self.spec = None
        if patterns:
            import pathspec

            self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)

    def __bool__(self) -> bool:
        return self.spec is not None

    def relative(self, path: Path) -> Optional[str]:
        """``path`` relative to the root (posix), or None when it is not below it."""
        relative = Path(os.path.relpath(path, self.root)).as_posix()
        return None if relative == ".." or relative.startswith("../") else relative

    def excluded(self, path: Path, is_dir: bool) -> bool:
        if self.spec is None:
            return False
        relative = self.relative(path)
        if relative is None or relative == ".":
            return False
        return self.spec.match_file(relative + "/" if is_dir else relative)


def _translate(pattern: str, single: str) -> str:
    """A glob as a regular expression: ``*`` and ``?`` never cross ``/``; ``**`` does."""
    index, length, result = 0, len(pattern), ""
    while index < length:
        char = pattern[index]
        index += 1
        if char == "*":
            if index < length and pattern[index] == "*":
                index += 1
                result += ".*"
            else:
                result += single + "*"
        elif char == "?":
            result += single
        elif char == "[":
            end = index
            if end < length and pattern[end] == "!":
                end += 1
            if end < length and pattern[end] == "]":
                end += 1
            while end < length and pattern[end] != "]":
                end += 1
            if end >= length:
                result += "\\["
            else:
                stuff = pattern[index:end].replace("\\", "\\\\")
                index = end + 1
                if stuff[0] == "!":
                    stuff = "^/" + stuff[1:]
                elif stuff[0] == "^":
                    stuff = "\\" + stuff
                result += f"[{stuff}]"
        else:
            result += re.escape(char)
    return result + "$"


def sphinx_matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a path relative to the source folder matches one of Sphinx's ``exclude_patterns``."""
    compiled = [re.compile(_translate(pattern, "[^/]")).match for pattern in patterns]

    def matches(relative: str) -> bool:
        normal = unicodedata.normalize("NFC", relative)
        return any(match(normal) for match in compiled)

    return matches


def glob_matcher(patterns: Sequence[str]) -> Callable[[str], bool]:
    """Whether a path relative to myst.yml's folder matches one of mystmd's ``project.exclude`` globs."""
    compiled = []
    for pattern in patterns:
        pattern = pattern.strip().removeprefix("./")
        if pattern.endswith("/"):
            pattern += "**"
        regex = _translate(pattern, "[^/]").replace(".*/", "(?:.*/)?")  # ``**/`` may match no folder at all
        if regex.endswith("/.*$"):  # ``folder/**`` is the folder too
            regex = regex[:-len("/.*$")] + "(?:/.*)?$"
        compiled.append(re.compile(regex).match)
    return lambda relative: any(match(relative) for match in compiled)


class RelativeTo:
    """A block's path (relative to ``cwd``: the working directory, or Sphinx's source folder) as a path
    relative to ``base``: what ``per_path_ignores`` globs are matched against.  Picklable, for the
    worker processes.  A path outside ``base`` is left as it is."""

    def __init__(self, cwd: Path, base: Path):
        self.cwd, self.base = str(cwd), str(base)

    def __call__(self, path: str) -> str:
        absolute = path if os.path.isabs(path) else os.path.join(self.cwd, path)
        try:
            relative = Path(os.path.relpath(absolute, self.base)).as_posix()
        except ValueError:  # another drive on Windows
            return path
        return path if relative == ".." or relative.startswith("../") else relative
