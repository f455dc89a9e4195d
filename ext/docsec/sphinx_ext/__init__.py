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
:mod:`.detected`        late parts of examples: banner, "docsec detected" list
:mod:`.gate`            the one warning helper; the build-finished decision
:mod:`.html`            stylesheet and HTML-only icons
======================  ============================================================
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import __version__
from . import config, detected, gate, html
from .collector import DocsecCollector, on_check_consistency, on_env_get_outdated
from .directives import (
    InsecureExampleDirective,
    SecureExampleDirective,
    SecurityDirective,
)
from .nodes import detected_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx

ENV_VERSION = 1


def setup(app: Sphinx) -> dict[str, Any]:
    config.register(app)
    app.connect("config-inited", config.on_config_inited)
    app.connect("config-inited", html.add_static_path)
    app.add_node(detected_list)
    app.add_directive("security", SecurityDirective)
    app.add_directive("insecure-example", InsecureExampleDirective)
    app.add_directive("secure-example", SecureExampleDirective)
    app.add_env_collector(DocsecCollector)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-check-consistency", on_check_consistency)
    app.connect("doctree-resolved", detected.on_doctree_resolved)
    app.add_post_transform(html.ExampleIcons)
    app.add_css_file(html.CSS_FILE)
    app.connect("build-finished", gate.on_build_finished)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
