"""The ``security-requirements`` directive: an index of the project's guidance.

The directive only records its filters on a :class:`.nodes.requirements_list`
placeholder.  :class:`ResolveRequirements` (a post-transform, so it runs for
every builder, at write time, with the whole project's guidance in the
environment) replaces it with standard nodes: per level, a rubric with the
count, then a table (``:format: table``) or a list of check boxes
(``:format: checklist``).  HTML alone swaps the ``[ ]`` box for a glyph
(:class:`HtmlCheckboxes`).
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.locale import get_translation
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from ..core import rfc2119
from . import guidance
from .gate import warn
from .nodes import GUIDANCE_VIEWS, note_use, requirements_list

if TYPE_CHECKING:
    from .collector import GuidanceItem

_ = get_translation("docsec")

FORMATS = ("table", "checklist")
CHECKBOX = "[ ]"
CHECKBOX_HTML = "\u2610"


def _words(value: str) -> list[str]:
    return [part for part in re.split(r"[,\s]+", value or "") if part]


def _level_list(value: str) -> list[str]:
    # Comma-separated only: "must not" is one level.
    return [part.strip() for part in (value or "").split(",") if part.strip()]


class SecurityRequirementsDirective(SphinxDirective):
    """``.. security-requirements::`` with ``:levels:``, ``:docs:``, ``:tags:``, ``:format:``."""

    has_content = False
    option_spec: ClassVar[dict] = {
        "levels": directives.unchanged,
        "docs": directives.unchanged,
        "tags": directives.unchanged,
        "format": lambda value: directives.choice(value.strip().lower(), FORMATS),
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        note_use(self.env, GUIDANCE_VIEWS)
        levels = []
        for given in _level_list(self.options.get("levels", "")):
            try:
                levels.append(rfc2119.parse_level(given))
            except ValueError as error:
                warn(f"security-requirements: :levels: {error}; ignoring it",
                     subtype="security-requirements", location=self.get_location())
        node = requirements_list(
            "", docname=self.env.docname, levels=levels, docs=_words(self.options.get("docs", "")),
            tags=_words(self.options.get("tags", "")), format=self.options.get("format", "table"),
            classes=["docsec-requirements", *self.options.get("class", [])],
        )
        self.set_source_info(node)
        return [node]


def select(items: list[GuidanceItem], node: requirements_list) -> list[GuidanceItem]:
    levels, docs, tags = set(node["levels"]), node["docs"], set(node["tags"])
    return [
        item for item in items
        if (not levels or item.level in levels)
        and (not docs or any(fnmatch(item.docname, pattern) for pattern in docs))
        and (not tags or tags & set(item.tags))
    ]


def _level_title(level: str) -> str:
    return rfc2119.LABELS.get(level) or _("No level")


def _count(count: int) -> str:
    return (_("%(count)d requirement") if count == 1 else _("%(count)d requirements")) % {"count": count}


def _cell(*children: nodes.Node) -> nodes.entry:
    return nodes.entry("", nodes.paragraph("", "", *children))


def _text_cell(text: str) -> nodes.entry:
    return _cell(nodes.Text(text)) if text else nodes.entry()


class ResolveRequirements(SphinxPostTransform):
    """Replace each ``security-requirements`` placeholder, for every builder."""

    default_priority = 300

    def run(self, **kwargs: Any) -> None:
        if not guidance.shows_guidance(self.env):
            return
        placeholders = list(self.document.findall(requirements_list))
        if not placeholders:
            return
        everything = guidance.all_items(self.env)
        for node in placeholders:
            self.fromdoc = self.env.docname
            node.replace_self(self.render(node, select(everything, node)))

    def render(self, node: requirements_list, items: list[GuidanceItem]) -> nodes.Element:
        out = nodes.container("", classes=[*node["classes"], f"docsec-format-{node['format']}"])
        if not items:
            out += nodes.paragraph("", _("No security guidance matches."))
            return out
        groups: dict[str, list[GuidanceItem]] = {}
        for item in items:
            groups.setdefault(item.level, []).append(item)
        parts = [f"{rfc2119.LABELS.get(level, _('No level'))}: {len(group)}" for level, group in groups.items()]
        out += nodes.paragraph("", f"{_count(len(items))} ({', '.join(parts)}).", classes=["docsec-summary"])
        for level, group in groups.items():
            heading = nodes.rubric("", "", classes=["docsec-level-heading"])
            heading += guidance.badge(level) if level else nodes.Text(_level_title(level))
            heading += nodes.Text(f" ({len(group)})")
            out += heading
            out += self.checklist(group) if node["format"] == "checklist" else self.table(group)
        return out

    def _title_link(self, item: GuidanceItem) -> nodes.Element:
        title = item.title or _("(untitled)")
        return guidance.link(guidance.application(self.env).builder, self.fromdoc, item, nodes.Text(title))

    def _defined_in(self, item: GuidanceItem) -> nodes.Element:
        text = guidance.document_title(self.env, item.docname)
        return guidance.link(guidance.application(self.env).builder, self.fromdoc, item, nodes.Text(text), anchor=False)

    def table(self, items: list[GuidanceItem]) -> nodes.table:
        headers = [_("Level"), _("Requirement"), _("Id"), _("Tags"), _("Defined in")]
        table = nodes.table("", classes=["docsec-requirements-table"])
        group = nodes.tgroup("", cols=len(headers))
        table += group
        for width in (12, 40, 18, 12, 18):
            group += nodes.colspec(colwidth=width)
        head_row = nodes.row("", *(_text_cell(text) for text in headers))
        group += nodes.thead("", head_row)
        body = nodes.tbody()
        for item in items:
            body += nodes.row(
                "",
                _cell(guidance.badge(item.level)) if item.level else _text_cell(_("No level")),
                _cell(self._title_link(item)),
                _cell(nodes.literal(item.id, item.id)) if item.id else nodes.entry(),
                _text_cell(", ".join(item.tags)),
                _cell(self._defined_in(item)),
            )
        group += body
        return table

    def checklist(self, items: list[GuidanceItem]) -> nodes.bullet_list:
        listing = nodes.bullet_list("", classes=["docsec-checklist"])
        for item in items:
            first = nodes.paragraph("", "", nodes.inline(CHECKBOX, CHECKBOX, classes=["docsec-checkbox"]),
                                    nodes.Text(" "))
            if item.level:
                first += guidance.badge(item.level)
                first += nodes.Text(" ")
            first += nodes.strong("", "", self._title_link(item))
            if item.id:
                first += nodes.Text(" (")
                first += nodes.literal(item.id, item.id)
                first += nodes.Text(")")
            entry = nodes.list_item("", first)
            if item.text:
                entry += nodes.paragraph(item.text, item.text, classes=["docsec-checklist-text"])
            where = nodes.paragraph("", "", nodes.Text(_("Defined in:") + " "), self._defined_in(item),
                                    classes=["docsec-checklist-where"])
            entry += where
            listing += entry
        return listing


class HtmlCheckboxes(SphinxPostTransform):
    """In HTML the checklist box is a glyph (the text builders keep ``[ ]``)."""

    default_priority = 410
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for box in list(self.document.findall(nodes.inline)):
            if "docsec-checkbox" in box["classes"] and box.astext() == CHECKBOX:
                box.replace_self(nodes.inline(CHECKBOX_HTML, CHECKBOX_HTML, classes=box["classes"]))
