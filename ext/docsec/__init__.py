"""docsec: keep documentation from teaching insecure code.

``extensions = ["docsec"]`` in a Sphinx conf.py calls :func:`setup`, which
imports the Sphinx front end only then, so the scanning core and the CLI
never load Sphinx.  Run as ``python -m docsec.cli`` or ``python -m
docsec.mystmd``, it first takes the working directory off ``sys.path``
(:mod:`docsec._safe_path`), so nothing in a checked repository is imported.
"""

import sys as _sys

if _sys.argv[:1] == ["-m"]:  # ``python -m docsec.<tool>``: before anything else is imported
    from ._safe_path import drop_working_directory

    drop_working_directory()

__version__ = "0.2.0"


def setup(app: "Any") -> "dict[str, Any]":  # noqa: F821 - no import here, see _safe_path
    from .sphinx_ext import setup as sphinx_setup

    return sphinx_setup(app)
