"""Warn when another extension will run documentation code during this build.

docsec itself never runs what it reads, but a docs gate is a ``sphinx-build``
of a pull request's pages, and some extensions execute code from those pages:
MyST-NB (``nb_execution_mode`` other than ``"off"``; ``"auto"`` is its
default and runs every notebook saved without outputs), nbsphinx
(``nbsphinx_execute`` other than ``"never"``), jupyter-sphinx
(``jupyter-execute``), IPython's ``ipython`` directive, Matplotlib's ``plot``
directive and sphinx-gallery (``plot_gallery``).  docsec does not own their
settings; it says at the start of the build what will run and how to switch
it off, with ``type="docsec"`` and subtype ``execution``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from .gate import warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ALWAYS_EXECUTING = {
    "jupyter_sphinx": "jupyter-sphinx runs every `jupyter-execute` directive",
    "IPython.sphinxext.ipython_directive": "IPython's `ipython` directive runs its code",
    "matplotlib.sphinxext.plot_directive": "Matplotlib's `plot` directive runs its code",
}


def executing(app: Sphinx) -> Iterator[str]:
    """One sentence per extension that will run code from the documents: what, and how to stop it."""
    config, extensions = app.config, app.extensions
    if "myst_nb" in extensions:
        mode = str(getattr(config, "nb_execution_mode", "off") or "off")
        if mode.lower() != "off":
            yield (f"MyST-NB will execute notebooks (nb_execution_mode = {mode!r}): set nb_execution_mode = "
                   "\"off\" in conf.py (Jupyter Book 1: execute: execute_notebooks: \"off\"), or pass "
                   "-D nb_execution_mode=off to the gate's sphinx-build")
    if "nbsphinx" in extensions:
        mode = str(getattr(config, "nbsphinx_execute", "never") or "never")
        if mode.lower() != "never":
            yield (f"nbsphinx will execute notebooks (nbsphinx_execute = {mode!r}): set nbsphinx_execute = "
                   "\"never\" in conf.py, or pass -D nbsphinx_execute=never to the gate's sphinx-build")
    if "sphinx_gallery.gen_gallery" in extensions:
        gallery = getattr(config, "sphinx_gallery_conf", None) or {}
        if str(gallery.get("plot_gallery", True)).lower() not in ("false", "0"):
            yield ("sphinx-gallery will run the gallery's example scripts: pass -D plot_gallery=0 to the "
                   "gate's sphinx-build")
    for name, what in ALWAYS_EXECUTING.items():
        if name in extensions:
            yield f"{what}: leave {name} out of the extensions of the gate's build"


def on_builder_inited(app: Sphinx) -> None:
    for sentence in executing(app):
        warn(f"docsec: this build executes documentation code: {sentence}. A pull request's code then runs in "
             "the docs gate; docsec only reads code, but cannot stop another extension from running it",
             subtype="execution")
