"""docsec's Sphinx front end: the only package that imports Sphinx.

======================  ============================================================
module                  does
======================  ============================================================
:mod:`.config`          ``docsec_*`` conf.py values + ``[tool.docsec]`` → one Config
:mod:`.directives`      ``security``, ``insecure-example``, ``secure-example``
:mod:`.rfc2119`         requirement keywords and levels (pure; moves to the core)
:mod:`.nodes`           node classes and the attributes the directives set
:mod:`.blocks`          doctree code nodes → ``CodeBlock`` with exact locations
:mod:`.collector`       per-document findings in the env (purge, parallel merge)
:mod:`.scanning`        the scan of each document, in a worker process while Sphinx reads
:mod:`.detected`        late parts of examples: banner, "docsec detected" list
:mod:`.gate`            the one warning helper; the build-finished decision
:mod:`.execution`       the warning when another extension will run documentation code
:mod:`.html`            stylesheet and HTML-only icons
:mod:`.guidance`        project-wide view of guidance: order, links, who cites it
:mod:`.requirements`    ``security-requirements``: index / checklist of guidance
:mod:`.roles`           ``security-ref``: cite a guidance item by id
:mod:`.keywords`        opt-in RFC 2119 keyword markup in ordinary paragraphs
:mod:`.prose`           opt-in guidance items from requirement sentences in prose
:mod:`.export`          ``docsec.json`` in every HTML build
======================  ============================================================
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from . import (
    config,
    detected,
    execution,
    export,
    foreign,
    gate,
    guidance,
    html,
    keywords,
    requirements,
    roles,
)
from .collector import DocsecCollector, on_check_consistency, on_env_get_outdated, on_env_updated
from .directives import (
    InsecureExampleDirective,
    SecureExampleDirective,
    SecurityDirective,
)
from .nodes import detected_list, requirements_list, security_ref

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ENV_VERSION = 4  # 2: GuidanceItem has tags and text; items without :id: are kept; 3: DocRecord.blocks;
# 4: GuidanceItem.source, DocRecord.examples


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    app.connect("config-inited", config.on_config_inited)
    app.connect("config-inited", html.add_static_path)
    app.connect("config-inited", foreign.wrap_raw_code_directives)
    app.connect("builder-inited", execution.on_builder_inited)
    app.add_node(detected_list)
    app.add_node(requirements_list)
    app.add_node(security_ref)
    app.add_message_catalog("docsec", str(Path(__file__).parent / "locales"))
    app.add_directive("security", SecurityDirective)
    app.add_directive("insecure-example", InsecureExampleDirective)
    app.add_directive("secure-example", SecureExampleDirective)
    app.add_directive("security-requirements", requirements.SecurityRequirementsDirective)
    app.add_role("security-ref", roles.SecurityRefRole())
    app.add_transform(keywords.HighlightKeywords)
    app.add_env_collector(DocsecCollector)
    app.add_env_collector(guidance.GuidanceUsers)
    app.connect("env-get-updated", guidance.on_env_get_updated)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-updated", on_env_updated)
    app.connect("env-check-consistency", on_check_consistency)
    app.connect("doctree-resolved", detected.on_doctree_resolved)
    app.add_post_transform(html.ExampleIcons)
    app.add_post_transform(html.MarkedBlocks)
    app.add_post_transform(html.HiddenSuppressions)
    app.add_post_transform(requirements.ResolveRequirements)
    app.add_post_transform(requirements.HtmlCheckboxes)
    app.add_post_transform(roles.ResolveSecurityRefs)
    app.add_css_file(html.CSS_FILE)
    app.connect("build-finished", export.on_build_finished)
    app.connect("build-finished", gate.on_build_finished)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
