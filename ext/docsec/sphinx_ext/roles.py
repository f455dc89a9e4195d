"""The ``security-ref`` role: cite a guidance item by its ``:id:``.

``:security-ref:`http-server-local``` (MyST: ``{security-ref}`http-server-local```)
renders the item's level badge and title as a link to it;
``:security-ref:`the localhost rule <http-server-local>``` replaces the title.
The role leaves a :class:`.nodes.security_ref` placeholder; :class:`ResolveSecurityRefs`
fills it in at write time from the whole project's guidance, so items defined
in documents read later, or in parallel, resolve.  An unknown id warns with
the file and line and renders the id as code.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from . import guidance
from .gate import warn
from .nodes import GUIDANCE_VIEWS, note_use, security_ref


class SecurityRefRole(SphinxRole):
    def run(self) -> tuple[list[nodes.Node], list[nodes.system_message]]:
        note_use(self.env, GUIDANCE_VIEWS)
        has_title, title, target = split_explicit_title(self.text)
        node = security_ref(self.rawtext, target=target.strip(), title=title if has_title else "",
                            docname=self.env.docname)
        self.set_source_info(node)
        return [node], []


class ResolveSecurityRefs(SphinxPostTransform):
    default_priority = 300

    def run(self, **kwargs: Any) -> None:
        if not guidance.shows_guidance(self.env):
            return
        placeholders = list(self.document.findall(security_ref))
        if not placeholders:
            return
        known = guidance.by_id(self.env)
        for node in placeholders:
            item = known.get(node["target"])
            if item is None:
                warn(f"security-ref: unknown guidance id {node['target']!r}; "
                     "use the :id: of a security item", subtype="security-ref", location=node)
                node.replace_self(nodes.literal(node["target"], node["target"], classes=["docsec-ref-missing"]))
                continue
            children: list[nodes.Node] = []
            if item.level:
                children += [guidance.badge(item.level), nodes.Text(" ")]
            children.append(nodes.Text(node["title"] or item.title or item.id))
            node.replace_self(guidance.link(guidance.application(self.env).builder, self.env.docname, item, *children,
                                            classes=["docsec-ref"]))
