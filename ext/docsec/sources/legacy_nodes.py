"""Legacy markers in a docutils doctree (``docsec check`` on rST, and Sphinx builds).

The same judgement as the MyST reader makes on markdown-it tokens: a code
node is marked by the element right before it (its previous sibling, after
climbing out of wrappers that hold only the code: a caption wrapper, a
MyST-NB cell; a list is looked through to its last item, then to what leads
into it), else by the innermost admonition around it.  Targets,
comments and index entries are not siblings a reader sees, so they are
stepped over.  Only docutils is imported, so both front ends share this.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Optional

from docutils import nodes

from ..core.legacy import ADMONITIONS, LegacyMarkers, about_the_code
from ..model import Marker

# Invisible between a notice and its code.
TRANSPARENT = frozenset({"target", "comment", "substitution_definition", "system_message", "index", "pending"})
# Wrappers that hold one code block and nothing a reader would call another element.
WRAPPERS = frozenset({"literal-block-wrapper"})
CELL_PARTS = frozenset({"cell_code", "cell_code_source"})
# docsec's own directives are not legacy markers.
DOCSEC_CLASSES = frozenset({"docsec-security", "docsec-insecure-example", "docsec-secure-example"})
# Prose of an admonition stops at nested blocks that have their own (admonitions, tabs, tables, ...).
STRUCTURAL = (nodes.Admonition, nodes.container, nodes.topic, nodes.sidebar, nodes.table, nodes.figure)


def legacy_marker(node: nodes.Element, legacy: LegacyMarkers) -> Optional[Marker]:
    """The legacy marker of code ``node``, or None."""
    if not legacy:
        return None
    previous = _previous_sibling(_outermost_wrapper(node))
    marker = about_the_code(_marker_after(previous, legacy), node.astext()) if previous is not None else None
    if marker is not None:
        return marker
    parent = node.parent
    while parent is not None:
        if is_admonition(parent):
            marker = legacy.admonition(admonition_names(parent), prose(parent), "inside")
            if marker is not None:
                return replace(marker, holder=(parent.line, 0)) if parent.line else marker
        parent = parent.parent
    return None


def is_admonition(node: nodes.Node) -> bool:
    return (isinstance(node, nodes.Admonition) and not DOCSEC_CLASSES & set(node["classes"])
            and "docsec_marker" not in node.attributes)


def admonition_names(node: nodes.Element) -> list[str]:
    """Its type, then its classes (a generic ``admonition`` with ``:class: danger`` is a danger)."""
    classes = [name for name in node["classes"] if not name.startswith("admonition-")]
    if node.tagname == "admonition":
        named = [name for name in classes if name in ADMONITIONS]
        return [*named, "admonition", *(name for name in classes if name not in named)]
    return [node.tagname, *classes]


def prose(node: nodes.Element) -> str:
    """Title and paragraphs of ``node``, not those of blocks nested in it, not code."""
    found = []
    for element in node.findall(lambda n: isinstance(n, (nodes.paragraph, nodes.title, nodes.rubric))):
        if _nearest_structure(element) is node:
            found.append(element.astext())
    return " ".join(found)


def _nearest_structure(node: nodes.Node) -> Optional[nodes.Node]:
    parent = node.parent
    while parent is not None and not isinstance(parent, STRUCTURAL):
        parent = parent.parent
    return parent


def _outermost_wrapper(node: nodes.Element) -> nodes.Element:
    current = node
    parent = current.parent
    while isinstance(parent, nodes.container) and (
        WRAPPERS & set(parent["classes"]) or parent.get("nb_element") in CELL_PARTS
    ):
        current, parent = parent, parent.parent
    return current


def _previous_sibling(node: nodes.Element) -> Optional[nodes.Node]:
    parent = node.parent
    if parent is None:
        return None
    index = parent.index(node)
    while index > 0:
        index -= 1
        sibling = parent[index]
        if sibling.tagname not in TRANSPARENT:
            return sibling
    return None


def _marker_after(element: nodes.Node, legacy: LegacyMarkers) -> Optional[Marker]:
    if isinstance(element, (nodes.bullet_list, nodes.enumerated_list)):  # looked through, as in the MyST reader
        items = [child for child in element.children if isinstance(child, nodes.list_item)]
        last = _last_child(items[-1]) if items else None
        item = _marker_after(last, legacy) if last is not None else None
        before = _previous_sibling(element)
        lead_in = isinstance(before, (nodes.paragraph, nodes.title, nodes.rubric))
        return legacy.after_list(item, _marker_after(before, legacy) if lead_in else None)
    if isinstance(element, nodes.paragraph):
        return legacy.before(element.astext(), "paragraph", _lines(element))
    if isinstance(element, (nodes.title, nodes.rubric)):
        return legacy.before(element.astext(), "heading")
    if isinstance(element, nodes.Element) and is_admonition(element):
        holds_code = any(True for _ in element.findall(lambda n: isinstance(n, (nodes.literal_block,
                                                                               nodes.doctest_block))))
        return legacy.admonition(admonition_names(element), prose(element), "after", holds_code)
    return None


def _last_child(node: nodes.Element) -> Optional[nodes.Node]:
    children = [child for child in node.children if child.tagname not in TRANSPARENT]
    return children[-1] if children else None


def _lines(paragraph: nodes.paragraph) -> Optional[tuple[int, int]]:
    if not paragraph.line or not paragraph.rawsource:
        return None
    return paragraph.line, paragraph.line + paragraph.rawsource.count("\n")
