"""Sphinx configuration for docsec's own documentation (source folder: docs/).

Build with:  sphinx-build -b html -c . docs _build/html
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "docs" / "_ext"))

project = "docsec"
author = "docsec developers"
copyright = "2026, docsec developers"

extensions = ["myst_parser", "docsec", "docsec_docs"]
myst_enable_extensions = ["colon_fence", "deflist", "attrs_block"]
myst_heading_anchors = 3
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "**/_build", "_ext", "evaluation-figures.md"]  # (included by evaluation.md)
html_theme = "alabaster"
# The rule pages show deliberately broken templates (e.g. an unquoted
# attribute) that Pygments cannot lex strictly; it falls back to relaxed mode.
suppress_warnings = ["misc.highlighting_failure"]
html_title = "docsec"

# docsec's own settings: the gate is on, every rule, and our guidance linked.
docsec_fail_on = "unmarked"
docsec_min_severity = "low"
docsec_guidance = {"DSP014": "http-server-local", "DSS003": "http-server-local"}
docsec_hide_suppressions = False  # these pages teach the suppression comment: show it
