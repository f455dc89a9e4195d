"""Opt-in keyword highlighting outside ``security`` items (``docsec_highlight_keywords = True``).

RFC 2119 keywords in ordinary paragraphs get the markup they get inside a
``security`` item (``strong.docsec-kw.docsec-kw-<level>``).  Text inside
code, literals, links, cross-references, titles and raw output is never
touched, nor is anything inside a ``security`` item (already done there).
The transform runs at read time; the setting is part of the configuration
fingerprint, so switching it re-reads every document.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms import SphinxTransform

from .config import runtime
from .directives import wrap_keywords
from .guidance import application
from .nodes import SECURITY

# Besides directives.NOT_PROSE (code, literals, links, titles, raw, math, comments).
NOT_ORDINARY = (addnodes.pending_xref, addnodes.desc_signature, addnodes.toctree, nodes.option_list,
                nodes.field_name, nodes.citation_reference, nodes.footnote_reference, nodes.abbreviation)


def _skip(text: nodes.Text) -> bool:
    """Keep only text of ordinary paragraphs outside security items."""
    in_paragraph = False
    parent = text.parent
    while parent is not None:
        if isinstance(parent, NOT_ORDINARY):
            return True
        if isinstance(parent, nodes.admonition) and SECURITY in parent["classes"]:
            return True
        if isinstance(parent, nodes.strong) and "docsec-kw" in parent["classes"]:
            return True
        if isinstance(parent, nodes.paragraph):
            in_paragraph = True
        parent = parent.parent
    return not in_paragraph


class HighlightKeywords(SphinxTransform):
    default_priority = 870  # after the standard transforms, before doctree-read (880)

    def apply(self, **kwargs: Any) -> None:
        if runtime(application(self.env)).config.highlight_keywords:
            wrap_keywords(self.document, skip=_skip)
