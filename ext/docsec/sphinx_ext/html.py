"""HTML-only details: the stylesheet, an icon before example titles, and a badge on marked blocks.

The icon and the badge are added by post-transforms limited to HTML
builders, so LaTeX (where the glyph may not exist in the font), text and man
output stay plain.  The meaning never depends on the icon or colour alone:
titles carry the words "Insecure example" and the level label ("MUST"), and
so does the badge on a code block marked by a class or a notebook cell tag
(outside an ``insecure-example``, which has its own title and banner).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import INSECURE_EXAMPLE, SECURE_EXAMPLE

_ = get_translation("docsec")

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC = Path(__file__).parent / "static"
CSS_FILE = "docsec.css"
ICONS = {INSECURE_EXAMPLE: "\u26a0", SECURE_EXAMPLE: "\u2714"}


class ExampleIcons(SphinxPostTransform):
    default_priority = 400
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for node in self.document.findall(nodes.admonition):
            icon = next((ICONS[name] for name in node["classes"] if name in ICONS), None)
            if icon and node.children and isinstance(node[0], nodes.title):
                node[0].insert(0, nodes.inline(icon, icon, classes=["docsec-icon"]))


CODE = (nodes.literal_block, nodes.doctest_block)
MARKED = "docsec-marked"


class MarkedBlocks(SphinxPostTransform):
    """A badge ("Insecure example") and a border for code marked by a class or a notebook cell tag."""

    default_priority = 401
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        from .config import runtime
        from .guidance import application

        marker_classes = runtime(application(self.env)).config.marker_class_set()
        for node in list(self.document.findall(lambda n: isinstance(n, CODE))):
            if _inside_example(node):
                continue
            wrapper = node.parent if isinstance(node.parent, nodes.container) and \
                "literal-block-wrapper" in node.parent["classes"] else node
            if set(node["classes"]) & marker_classes or set(wrapper["classes"]) & marker_classes:
                _badge(wrapper)
        for cell in list(self.document.findall(nodes.container)):
            tags = set((cell.get("cell_metadata") or {}).get("tags", ()) or ())
            if cell.get("nb_element") == "cell_code" and tags & marker_classes and not _inside_example(cell):
                cell["classes"].append(MARKED)
                cell.insert(0, _label())


def _inside_example(node: nodes.Node) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.Element) and ({INSECURE_EXAMPLE, MARKED} & set(parent.get("classes", ()))):
            return True
        parent = parent.parent
    return False


def _label() -> nodes.paragraph:
    text = _("Insecure example")
    return nodes.paragraph("", "", nodes.inline("\u26a0 " + text, "\u26a0 " + text, classes=["docsec-marked-badge"]),
                           classes=["docsec-marked-label"])


def _badge(node: nodes.Element) -> None:
    box = nodes.container("", classes=[MARKED])
    parent = node.parent
    parent[parent.index(node)] = box  # (not replace_self: it would give the box the block's ids and classes)
    box += _label()
    box += node


class HiddenSuppressions(SphinxPostTransform):
    """Leave ``docsec: ignore`` comments out of the code readers see (``hide_suppressions``, on by default).

    A post-transform: the scan read the code with its comments when the document was read.
    """

    default_priority = 402

    def run(self, **kwargs: Any) -> None:
        from ..core.suppressions import without_suppressions
        from ..languages.labels import DOCUMENT, language_kind, normalise_label
        from .config import runtime
        from .guidance import application

        if not runtime(application(self.env)).config.hide_suppressions:
            return
        for node in list(self.document.findall(lambda n: isinstance(n, CODE))):
            text = node.astext()
            if "docsec" not in text or node.rawsource != text:  # (parsed-literal markup is left alone)
                continue
            label = node.get("language")
            if normalise_label(label) in DOCUMENT or language_kind(label, text) == "skip":  # markup as an example
                continue
            shown = without_suppressions(text)
            if shown != text:
                node.rawsource = shown
                node.children = []
                node += nodes.Text(shown)


def add_static_path(app: Sphinx, config: Config) -> None:
    """Ship docsec.css with every HTML build (at config-inited, so the value is stable across builds)."""
    path = str(STATIC)
    static = list(getattr(config, "html_static_path", []) or [])
    if path not in static:
        config.html_static_path = [*static, path]
