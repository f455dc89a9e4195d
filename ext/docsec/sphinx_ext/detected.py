"""Late parts of ``insecure-example``, filled in for every builder at ``doctree-resolved``.

The banner text comes from the build's configuration and the "docsec
detected" list from the findings kept in the environment, so both are right
in parallel and incremental builds (and in LaTeX, which resolves the
assembled tree of many documents: each placeholder names its own document).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.locale import get_translation

from ..report import rule_url
from .collector import GuidanceItem, records
from .config import runtime
from .nodes import PER_DOCUMENT, detected_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..model import Finding

_ = get_translation("docsec")


def _documented(rule_id: str) -> bool:
    """A built-in rule: it has a page in docsec's documentation (a project's own rules do not)."""
    from ..core.catalog import builtin_catalog
    from ..core.engine import ENGINE_RULES

    return rule_id in builtin_catalog() or any(rule.id == rule_id for rule in ENGINE_RULES)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    known = records(app.env)
    if app.builder.name in PER_DOCUMENT and docname in known and not known[docname].example_count:
        return  # no insecure-example here: nothing to fill in
    config = runtime(app).config
    for banner in doctree.findall(nodes.paragraph):
        if "docsec-banner" in banner["classes"] and not banner.children:
            banner += nodes.strong(config.insecure_banner, config.insecure_banner)
    guidance: dict[str, GuidanceItem] | None = None  # by id, built for the first finding to list
    for placeholder in list(doctree.findall(detected_list)):
        record = known.get(placeholder.get("docname", docname))
        findings = [entry.finding for entry in (record.entries if record else [])
                    if entry.example is not None and entry.example == placeholder.get("example")]
        if not findings:
            placeholder.parent.remove(placeholder)
            continue
        items = nodes.bullet_list()
        if guidance is None:
            guidance = {item.id: item for record in known.values() for item in record.guidance if item.id}
        for finding in findings:
            item = guidance.get(config.guidance.get(finding.rule_id, ""))
            items += nodes.list_item("", _entry(app, docname, finding, item))
        label = _("docsec detected:")
        placeholder.replace_self(nodes.container(
            "", nodes.paragraph("", "", nodes.strong(label, label)), items, classes=["docsec-detected"],
        ))


def _entry(app: Sphinx, docname: str, finding: Finding, guidance: GuidanceItem | None) -> nodes.paragraph:
    """The rule (its id linked to its page) and its title.  Source line numbers mean nothing to a reader."""
    rule_id = nodes.inline(finding.rule_id, finding.rule_id, classes=["docsec-rule-id"])
    if _documented(finding.rule_id):
        url = rule_url(finding.rule_id)
        rule_id = nodes.reference("", "", rule_id, refuri=url, internal=False, classes=["docsec-rule-link"])
    paragraph = nodes.paragraph("", "", rule_id, nodes.Text(f" {finding.title}"))
    if guidance is not None:
        paragraph += nodes.Text(" — ")
        text = _("see %(title)s") % {"title": guidance.title}
        if app.builder.format == "html" and guidance.anchor:
            uri = app.builder.get_relative_uri(docname, guidance.docname) + "#" + guidance.anchor
            paragraph += nodes.reference(text, text, refuri=uri, internal=True)
        else:
            paragraph += nodes.Text(text)
    return paragraph
