"""How docsec writes a file: never through a symbolic link, never into anything but a regular file, and
(when it rewrites a project's files) never outside the project.

In a CI gate the working directory is a pull request's checkout: the report named by ``--output``, the
baseline, the pages ``--fix`` rewrites and the ``docsec.mjs`` that ``myst-plugin install`` copies may all
be paths the pull request prepared, as a link to ``~/.bashrc`` or to a file of another project, or as a
named pipe that blocks whoever opens it.  :func:`write_file` refuses each of those with
:class:`UnsafeWrite`, whose message names the path and what to do.

This module sits at the bottom, beside the data model: the CLI, the Sphinx extension and the mystmd
installer all write through it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

FLAGS = (os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
         | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))


class UnsafeWrite(OSError):
    """A write docsec refuses; the message says which path and why."""


def write_file(path: "str | Path", data: bytes, root: "str | Path | None" = None, inside: bool = False) -> None:
    """Write ``data`` to ``path``, a regular file or a new one.

    Refused: a path whose last part is a symbolic link, a pipe, a socket, a device or a folder; a path
    with a symbolic link below ``root`` (the project: a link there could lead anywhere); with ``inside``, a
    path outside ``root``.  The file is opened without following a link and without blocking, and checked
    once open, so nothing swapped in between the checks and the open is written.
    """
    path = Path(path)
    absolute = Path(os.path.abspath(path))
    if root is not None:
        _check_below(absolute, Path(os.path.abspath(root)), inside)
    try:
        descriptor = os.open(absolute, FLAGS, 0o666)
    except OSError as error:
        raise UnsafeWrite(_why(absolute, error)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise UnsafeWrite(f"{path}: not a regular file (a pipe, socket or device); docsec writes only files")
        os.ftruncate(descriptor, 0)
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
    finally:
        os.close(descriptor)


def make_folders(folder: "str | Path", root: "str | Path") -> None:
    """Create ``folder`` and the missing folders above it, all inside ``root``, none through a link."""
    absolute, top = Path(os.path.abspath(folder)), Path(os.path.abspath(root))
    _check_below(absolute / "_", top, inside=True)
    current = top
    for part in absolute.relative_to(top).parts:
        current = current / part
        if not os.path.lexists(current):
            os.mkdir(current)
        elif not stat.S_ISDIR(os.lstat(current).st_mode):
            raise UnsafeWrite(f"{current}: not a folder (a file or a symbolic link); docsec does not write through "
                              "links")


def _check_below(absolute: Path, root: Path, inside: bool) -> None:
    """Refuse a path outside ``root`` (with ``inside``), or one with a symbolic link between ``root`` and it."""
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        if inside:
            raise UnsafeWrite(f"{absolute}: outside the project ({root}); docsec writes only inside it") from None
        return  # a report the user sent elsewhere: only its own name is checked (when it is opened)
    current = root
    for part in relative.parts[:-1]:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return  # (created by the caller, or the open fails)
        if stat.S_ISLNK(mode):
            raise UnsafeWrite(f"{absolute}: {current} is a symbolic link; docsec does not write through links "
                              "(a link in a checked-out tree could lead anywhere): write to a real folder")


def _why(path: Path, error: OSError) -> str:
    import errno

    if os.path.islink(path):
        return f"{path}: is a symbolic link; docsec does not write through links: remove it, or name the file it " \
               "points to"
    if error.errno == errno.ENXIO:
        return f"{path}: is a named pipe with no reader; docsec writes only regular files"
    if error.errno == errno.EISDIR:
        return f"{path}: is a folder; name a file"
    return f"cannot write {path}: {error.strerror or error}"


def check_writable(path: "str | Path", root: "str | Path | None" = None, inside: bool = False) -> Optional[str]:
    """Why :func:`write_file` would refuse ``path`` (told without writing), or None."""
    absolute = Path(os.path.abspath(path))
    try:
        if root is not None:
            _check_below(absolute, Path(os.path.abspath(root)), inside)
        if os.path.lexists(absolute):
            mode = os.lstat(absolute).st_mode
            if stat.S_ISLNK(mode):
                return f"{path}: is a symbolic link; docsec does not write through links"
            if not stat.S_ISREG(mode):
                return f"{path}: not a regular file (a folder, pipe, socket or device); docsec writes only files"
    except UnsafeWrite as refused:
        return str(refused)
    return None
