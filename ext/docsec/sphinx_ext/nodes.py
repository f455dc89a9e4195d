"""Output-neutral doctree pieces.

The directives build standard docutils nodes (``admonition``, ``title``,
``paragraph``, ``strong``, ``inline``) so every builder (HTML, LaTeX, text,
man, epub) renders them without docsec-specific visitors.  docsec's meaning
is carried in classes and in ``docsec_*`` attributes, read by the collector.
The one docsec node, :class:`detected_list`, is a placeholder that
:mod:`.detected` replaces for every builder before writing.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes

SECURITY = "docsec-security"
INSECURE_EXAMPLE = "docsec-insecure-example"
SECURE_EXAMPLE = "docsec-secure-example"

# Attributes on the example admonitions, read by the collector.
MARKER_ATTR = "docsec_marker"  # "insecure" or "secure"
REASON_ATTR = "docsec_reason"
EXAMPLE_ATTR = "docsec_example"  # per-document index, set at doctree-read


class detected_list(nodes.General, nodes.Element):
    """Placeholder for "what docsec detected" under an insecure example.

    ``docname`` and ``example`` say whose findings to list; they are filled in
    from the environment at ``doctree-resolved``, so parallel and incremental
    builds list the same thing.
    """


# Builders that resolve one document at a time (others, like LaTeX, assemble many into one tree).
PER_DOCUMENT = frozenset({"html", "dirhtml", "dummy", "text", "epub", "xml", "pseudoxml", "json", "pickle",
                          "linkcheck", "gettext"})

# What a document uses, noted by the directives and roles while it is parsed
# (``env.temp_data``), so the per-document passes skip documents without it.
USES = "docsec_uses"
EXAMPLES = "examples"  # insecure-example / secure-example
GUIDANCE = "guidance"  # security
GUIDANCE_VIEWS = "guidance-views"  # security-requirements / security-ref


def note_use(env: Any, what: str) -> None:
    env.temp_data.setdefault(USES, set()).add(what)


def uses(env: Any, what: str) -> bool:
    return what in env.temp_data.get(USES, ())


def marker_of(node: nodes.Node) -> str | None:
    return node.get(MARKER_ATTR) if isinstance(node, nodes.Element) else None


def is_marker_container(node: nodes.Node) -> bool:
    return marker_of(node) is not None


def enclosing_marker(node: nodes.Node) -> nodes.Element | None:
    """The nearest ``insecure-example``/``secure-example`` around ``node``."""
    parent = node.parent
    while parent is not None:
        if is_marker_container(parent):
            return parent  # type: ignore[no-any-return]
        parent = parent.parent
    return None


class requirements_list(nodes.General, nodes.Element):
    """Placeholder for ``security-requirements``, resolved late by :mod:`.requirements`.

    Attributes: ``docname`` (where it stands), ``levels``, ``docs`` and ``tags``
    (the filters, lists of strings) and ``format`` (``table`` or ``checklist``).
    """


class security_ref(nodes.Inline, nodes.Element):
    """Placeholder for the ``security-ref`` role: ``target`` (an id) and an optional ``title``."""
