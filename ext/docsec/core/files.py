"""Reading a file a checked repository names, without blocking or filling memory.

Shared by every layer that reads a file named by the documentation: a
``literalinclude``, an ``include``, a ``conf.py`` or ``myst.yml`` found
above a page.  A pipe, a socket, a device or a file swapped for one after a
check is never read, and a file larger than the limit is refused.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


class RefusedFile(OSError):
    """The path is not a regular file, or is too large; the message says which."""


def read_regular_file(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened without blocking and checked on the open file, so a FIFO, a device
    or a file swapped for one after a check is never read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise RefusedFile(f"{path.name!r} is not a regular file (a pipe, socket or device); docsec reads only files")
        if status.st_size > limit:
            raise RefusedFile(f"{path.name!r} is larger than {limit // (1024 * 1024)} MB; include a smaller excerpt")
        chunks = []
        size = 0
        while True:
            chunk = os.read(descriptor, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise RefusedFile(f"{path.name!r} grew past {limit // (1024 * 1024)} MB while being read")
        return b"".join(chunks)
    finally:
        os.close(descriptor)
