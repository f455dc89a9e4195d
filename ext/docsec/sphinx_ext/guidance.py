"""Guidance items seen from the whole project: order, links, badges, and who cites them.

The ``security`` items themselves are collected per document by
:class:`.collector.DocsecCollector` (``DocRecord.guidance``).  This module is
what the project-wide views share: :mod:`.requirements` (the index), :mod:`.roles`
(``security-ref``) and :mod:`.export` (``docsec.json``).

:class:`GuidanceUsers` remembers which documents show such a view.  When any
guidance item changes, :func:`on_env_get_updated` hands those documents to
the builder again, so an incremental build rewrites the index and the
citations without re-reading them.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.errors import NoUri

from ..core import rfc2119
from .collector import GuidanceItem, records
from .nodes import GUIDANCE_VIEWS, PER_DOCUMENT, uses

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

USERS_ATTR = "docsec_guidance_users"
SIGNATURE_ATTR = "docsec_guidance_signature"


def all_items(env: BuildEnvironment) -> list[GuidanceItem]:
    """Every guidance item of the project: strongest level first, then in reading (toctree) order."""
    order = {docname: index for index, docname in enumerate(document_order(env))}
    items = [item for record in records(env).values() for item in record.guidance]
    return sorted(items, key=lambda item: (level_rank(item.level), order.get(item.docname, len(order)),
                                           item.docname, item.line or 0))


def by_id(env: BuildEnvironment) -> dict[str, GuidanceItem]:
    return {item.id: item for record in records(env).values() for item in record.guidance if item.id}


def level_rank(level: str) -> int:
    return rfc2119.LEVELS.index(level) if level in rfc2119.LEVELS else len(rfc2119.LEVELS)


def document_order(env: BuildEnvironment) -> list[str]:
    """Documents in the order a reader meets them (toctree from the root), then the rest by name."""
    seen: list[str] = []
    known: set[str] = set()
    stack = [env.config.root_doc]
    while stack:
        docname = stack.pop()
        if docname in known:
            continue
        known.add(docname)
        seen.append(docname)
        stack.extend(reversed(env.toctree_includes.get(docname, [])))
    return seen + sorted(set(env.all_docs) - known)


def badge(level: str) -> nodes.inline:
    """The level label (``MUST NOT``); the same classes as the badge in ``security`` titles."""
    label = rfc2119.LABELS[level]
    return nodes.inline(label, label, classes=["docsec-level", f"docsec-level-{level}"])


def uri(builder: Builder, fromdocname: str, item: GuidanceItem, anchor: bool = True) -> str | None:
    """Where ``item`` is, relative to ``fromdocname``; None when this output does not contain it."""
    try:
        target = builder.get_relative_uri(fromdocname, item.docname)
    except NoUri:
        return None
    # LaTeX labels only the start of each document, not admonitions.
    if anchor and item.anchor and builder.format != "latex":
        target += "#" + item.anchor
    return target


def link(builder: Builder, fromdocname: str, item: GuidanceItem, *children: nodes.Node,
         anchor: bool = True, classes: list[str] | None = None) -> nodes.Element:
    """``children`` as a link to ``item`` (or to its document), or as plain inline text without one."""
    target = uri(builder, fromdocname, item, anchor)
    if target is None:
        return nodes.inline("", "", *children, classes=classes or [])
    return nodes.reference("", "", *children, internal=True, refuri=target, classes=classes or [])


def application(env: BuildEnvironment) -> Sphinx:
    """The application of a transform's environment (``SphinxTransform.app`` is deprecated in Sphinx 9)."""
    return getattr(env, "_app", None) or env.app  # type: ignore[attr-defined,no-any-return]


def document_title(env: BuildEnvironment, docname: str) -> str:
    title = env.titles.get(docname)
    return title.astext() if title is not None else docname


class GuidanceUsers(EnvironmentCollector):
    """Documents that show guidance defined elsewhere (``security-requirements``, ``security-ref``)."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        users(env).discard(docname)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str],
                    other: BuildEnvironment) -> None:
        users(env).update(users(other) & set(docnames))

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        if uses(app.env, GUIDANCE_VIEWS):
            users(app.env).add(app.env.docname)


def shows_guidance(env: BuildEnvironment) -> bool:
    """Whether the document being resolved may hold guidance placeholders (a tree of one document: only if
    it used them when read; an assembled tree, as LaTeX builds: always)."""
    return application(env).builder.name not in PER_DOCUMENT or env.docname in users(env)


def users(env: BuildEnvironment) -> set[str]:
    if not hasattr(env, USERS_ATTR):
        setattr(env, USERS_ATTR, set())
    return getattr(env, USERS_ATTR)  # type: ignore[no-any-return]


def on_env_get_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Rewrite the documents that show guidance when any guidance item changed."""
    signature = repr(sorted(repr(item) for record in records(env).values() for item in record.guidance))
    previous = getattr(env, SIGNATURE_ATTR, None)
    setattr(env, SIGNATURE_ATTR, signature)
    if previous is None or previous == signature:
        return []
    return sorted(users(env) & set(env.all_docs))
