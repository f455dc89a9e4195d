"""docsec: keep documentation from teaching insecure code.

``extensions = ["docsec"]`` in a Sphinx conf.py calls :func:`setup`, which
imports the Sphinx front end only then, so the scanning core and the CLI
never load Sphinx.
"""

from __future__ import annotations

from typing import Any

__version__ = "0.2.0"


def setup(app: Any) -> dict[str, Any]:
    from .sphinx_ext import setup as sphinx_setup

    return sphinx_setup(app)
