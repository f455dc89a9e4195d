"""HTML-only details: the stylesheet and an icon before example titles.

The icon is added by a post-transform limited to HTML builders, so LaTeX
(where the glyph may not exist in the font), text and man output stay plain.
The meaning never depends on the icon or colour alone: titles carry the
words "Insecure example" and the level label ("MUST").
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import INSECURE_EXAMPLE, SECURE_EXAMPLE

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


def add_static_path(app: Sphinx, config: Config) -> None:
    """Ship docsec.css with every HTML build (at config-inited, so the value is stable across builds)."""
    path = str(STATIC)
    static = list(getattr(config, "html_static_path", []) or [])
    if path not in static:
        config.html_static_path = [*static, path]
