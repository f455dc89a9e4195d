"""Guidance in prose (``docsec_prose_guidance = True``).

Sites written before docsec state requirements in ordinary paragraphs
("The server **MUST** listen on localhost only.").  Each sentence of such a
paragraph that carries an RFC 2119 keyword in capitals becomes a guidance
item: its level is the strongest keyword, as in a ``security`` item; its
title is the sentence and its text the paragraph; the paragraph gets an
anchor so the requirements index and ``docsec.json`` link to it.
Paragraphs inside ``security`` items and docsec's example directives, and
text in code, links, titles, tables of options and the like are not prose.
"""

from __future__ import annotations

from docutils import nodes

from ..core import rfc2119
from .collector import GuidanceItem
from .keywords import NOT_ORDINARY
from .nodes import INSECURE_EXAMPLE, SECURE_EXAMPLE, SECURITY

DOCSEC_BOXES = frozenset({SECURITY, INSECURE_EXAMPLE, SECURE_EXAMPLE})
ANCHOR = "docsec-prose-{}"


def prose_guidance(doctree: nodes.document, docname: str) -> list[GuidanceItem]:
    items: list[GuidanceItem] = []
    for paragraph in doctree.findall(nodes.paragraph):
        if not _ordinary(paragraph):
            continue
        text = paragraph.astext()
        sentences = rfc2119.requirement_sentences(text)
        if not sentences:
            continue
        anchor = _anchor(doctree, paragraph)
        items.extend(GuidanceItem("", level, sentence, docname, paragraph.line, anchor, (), " ".join(text.split()),
                                  source="prose")
                     for sentence, level in sentences)
    return items


def _ordinary(paragraph: nodes.paragraph) -> bool:
    parent = paragraph.parent
    while parent is not None:
        if isinstance(parent, NOT_ORDINARY) or (
            isinstance(parent, nodes.Element) and DOCSEC_BOXES & set(parent.get("classes", ()))
        ):
            return False
        parent = parent.parent
    return True


def _anchor(doctree: nodes.document, paragraph: nodes.paragraph) -> str:
    if paragraph["ids"]:
        return str(paragraph["ids"][0])
    number = 1
    while doctree.ids.get(ANCHOR.format(number)) is not None:
        number += 1
    anchor = ANCHOR.format(number)
    paragraph["ids"].append(anchor)
    doctree.ids[anchor] = paragraph
    return anchor
