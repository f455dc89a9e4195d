"""Keep the checked repository off ``sys.path`` when docsec runs as ``python -m docsec.<tool>``.

``python -m`` puts the working directory first on ``sys.path``.  In a CI gate
that directory is a pull request's checkout, so a ``tomllib.py`` or an
``*.egg-info`` with a ``docsec.rules`` entry point committed there would be
imported by docsec.  :mod:`docsec` calls :func:`drop_working_directory` while
``python -m`` is still locating the module (``sys.argv[0]`` is ``"-m"`` then),
before it imports anything that is not already loaded.

What Python itself imports before any package code runs (``runpy`` and what
it needs) cannot be protected from here: the console script ``docsec``, or
``python -P -m docsec.cli`` (Python 3.11+), does not put the directory on the path at all.
"""

import os
import sys


def drop_working_directory() -> None:
    """Remove the entry ``python -m`` put first on ``sys.path`` (the working directory)."""
    if getattr(sys.flags, "safe_path", False) or not sys.path:
        return
    first = sys.path[0]
    try:
        here = os.getcwd()
    except OSError:  # the directory was removed under us: nothing to drop
        return
    if first in ("", ".") or os.path.abspath(first) == here:
        del sys.path[0]
