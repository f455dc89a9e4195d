"""The ``security``, ``insecure-example`` and ``secure-example`` directives.

They work unchanged in reStructuredText (``.. security:: Title``) and MyST
(```` ```{security} Title ```` and ``:::{security} Title``).  Each returns a
standard ``admonition`` node; see :mod:`.nodes`.
"""

from __future__ import annotations

from typing import Callable, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

from ..core import rfc2119
from .gate import warn
from .nodes import (
    EXAMPLES,
    GUIDANCE,
    INSECURE_EXAMPLE,
    MARKER_ATTR,
    REASON_ATTR,
    SECURE_EXAMPLE,
    SECURITY,
    detected_list,
    note_use,
)

_ = get_translation("docsec")

# Text in these is never a keyword: code, links, titles, raw output.
NOT_PROSE = (
    nodes.literal, nodes.FixedTextElement, nodes.reference, nodes.raw, nodes.math,
    nodes.target, nodes.comment, nodes.title, nodes.system_message, nodes.substitution_definition,
)


class SecurityDirective(SphinxDirective):
    """A guidance item with an RFC 2119 level, given or inferred from the body."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict] = {
        "level": directives.unchanged,
        "id": directives.unchanged,
        "class": directives.class_option,
        "tags": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        note_use(self.env, GUIDANCE)
        node = nodes.admonition("", classes=[SECURITY, *self.options.get("class", [])])
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        found = rfc2119.levels(prose_text(node))  # the one classification, as in check and mystmd
        wrap_keywords(node)
        level = self._level(found)
        title_text = self.arguments[0] if self.arguments else _("Security")
        title_nodes, messages = self.state.inline_text(title_text, self.lineno)
        title = nodes.title(title_text, "")
        if level:
            node["classes"].append(f"docsec-{level}")
            label = rfc2119.LABELS[level]
            title += nodes.inline(label, label, classes=["docsec-level", f"docsec-level-{level}"])
            title += nodes.Text(" ")
        title.extend(title_nodes)
        node.insert(0, title)
        item_id = self.options.get("id", "").strip()
        if item_id:
            node["ids"].append(nodes.make_id(f"docsec-{item_id}"))
        tags = [tag.strip() for tag in self.options.get("tags", "").split(",") if tag.strip()]
        node["docsec_id"], node["docsec_level"], node["docsec_tags"] = item_id, level or "", tags
        return [node, *messages]

    def _level(self, found: list[str]) -> str | None:
        declared = None
        if "level" in self.options:
            try:
                declared = rfc2119.parse_level(self.options["level"])
            except ValueError as error:
                warn(f"security: :level: {error}; inferring the level from the body",
                     subtype="security-level", location=self.get_location())
        if declared:
            problem = rfc2119.disagreement(declared, found)
            if problem:
                warn(f"security: {problem}; make the level and the keywords agree",
                     subtype="security-level", location=self.get_location())
            return declared
        inferred = rfc2119.strongest(found)
        if inferred is None:
            warn("security: no :level: and no RFC 2119 keyword (MUST, SHOULD, MAY, ... in capitals) "
                 "in the body; add :level: or write the requirement with a keyword",
                 subtype="security-level", location=self.get_location())
        return inferred


def wrap_keywords(root: nodes.Element, skip: Callable[[nodes.Text], bool] | None = None) -> list[str]:
    """Wrap each ALL-CAPS keyword of prose under ``root`` in a classed ``strong``.

    Returns the levels of the keywords, in order.  Text inside code, links and
    titles is left alone and not counted, and so is any text ``skip`` rejects.
    Other builders see plain bold.
    """
    levels: list[str] = []
    for text in list(root.findall(nodes.Text)):
        if _in_excluded(text, root) or (skip is not None and skip(text)):
            continue
        pieces = list(rfc2119.split_keywords(str(text)))
        found = [level for _, level in pieces if level]
        if not found:
            continue
        levels.extend(found)
        parent = text.parent
        if isinstance(parent, nodes.strong):  # already bold: classify it when it is just the keyword
            if len(pieces) == 1:
                parent["classes"].extend(["docsec-kw", f"docsec-kw-{found[0]}"])
            continue
        replacement = [
            nodes.strong(piece, piece, classes=["docsec-kw", f"docsec-kw-{level}"]) if level else nodes.Text(piece)
            for piece, level in pieces
        ]
        index = next(i for i, child in enumerate(parent.children) if child is text)
        parent[index:index + 1] = replacement
    return levels


def prose_text(root: nodes.Element) -> str:
    """The prose under ``root`` as text (not code, links or titles), a line break between paragraphs."""
    parts: list[str] = []
    block = None
    for text in root.findall(nodes.Text):
        if _in_excluded(text, root):
            continue
        parent = text.parent
        while parent is not None and parent is not root and isinstance(parent, nodes.Inline):
            parent = parent.parent
        if block is not None and parent is not block:
            parts.append("\n")
        block = parent
        parts.append(str(text))
    return "".join(parts)


def _in_excluded(node: nodes.Node, root: nodes.Element) -> bool:
    parent = node.parent
    while parent is not None and parent is not root:
        if isinstance(parent, NOT_PROSE):
            return True
        parent = parent.parent
    return False


class _ExampleDirective(SphinxDirective):
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    marker = ""
    css_class = ""

    def _title(self, label: str) -> tuple[nodes.title, list[nodes.Node]]:
        title = nodes.title(label, "", nodes.inline(label, label, classes=["docsec-label"]))
        messages: list[nodes.Node] = []
        if self.arguments:
            title_nodes, messages = self.state.inline_text(self.arguments[0], self.lineno)
            title += nodes.Text(": ")
            title.extend(title_nodes)
        return title, messages

    def _container(self, extra: list[str]) -> nodes.admonition:
        note_use(self.env, EXAMPLES)
        node = nodes.admonition("", classes=[self.css_class, *extra, *self.options.get("class", [])])
        node[MARKER_ATTR] = self.marker
        self.set_source_info(node)
        return node


class InsecureExampleDirective(_ExampleDirective):
    """Every code block inside is a deliberate insecure example (``Marker(INSECURE, reason)``)."""

    option_spec: ClassVar[dict] = {"reason": directives.unchanged, "class": directives.class_option}
    marker = "insecure"
    css_class = INSECURE_EXAMPLE

    def run(self) -> list[nodes.Node]:
        node = self._container(["danger"])
        reason = " ".join(self.options.get("reason", "").split())
        node[REASON_ATTR] = reason
        title, messages = self._title(_("Insecure example"))
        node += title
        # A container keeps banner and reason separate paragraphs in the text builder too.
        header = nodes.container("", classes=["docsec-header"])
        header += nodes.paragraph("", "", classes=["docsec-banner"])  # text filled per build, see .detected
        if reason:  # the author's inline markup (code, bold, links), as in the page around it
            label = _("Why it is insecure:")
            shown, problems = self.state.inline_text(reason, self.lineno)
            shown = [inert(node) for node in shown]
            messages = [*messages, *problems]
            header += nodes.paragraph("", "", nodes.strong(label, label), nodes.Text(" "), *shown,
                                      classes=["docsec-reason"])
        node += header
        self.state.nested_parse(self.content, self.content_offset, node)
        node += detected_list("", docname=self.env.docname)
        return [node, *messages]


SAFE_SCHEMES = ("http://", "https://", "mailto:")


def inert(node: nodes.Node) -> nodes.Node:
    """A reason's inline markup without what could act in a page: raw HTML and images become their text,
    a link to anything but http(s) or mailto becomes its text.  Code, emphasis and links stay."""
    if isinstance(node, nodes.raw):
        return nodes.Text(node.astext())
    if isinstance(node, nodes.image):
        return nodes.Text(str(node.get("alt", "")))
    if isinstance(node, nodes.reference):
        uri = str(node.get("refuri", ""))
        if uri and ":" in uri.split("/", 1)[0] and not uri.lower().startswith(SAFE_SCHEMES):
            return nodes.Text(node.astext())
    if isinstance(node, nodes.Element):
        for index, child in enumerate(list(node.children)):
            replacement = inert(child)
            if replacement is not child:
                node[index] = replacement
    return node


class SecureExampleDirective(_ExampleDirective):
    """Code blocks inside are held to the rules even if otherwise marked (``CodeBlock(secure=True)``)."""

    option_spec: ClassVar[dict] = {"class": directives.class_option}
    marker = "secure"
    css_class = SECURE_EXAMPLE

    def run(self) -> list[nodes.Node]:
        node = self._container([])
        title, messages = self._title(_("Secure example"))
        node += title
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node, *messages]
