"""Per-document collection: scan code blocks, keep findings and guidance in the env.

:class:`DocsecCollector` follows Sphinx's environment-collector shape:
``process_doc`` scans a freshly read document, ``clear_doc`` forgets one,
``merge_other`` brings results home from parallel readers.  The records are
plain picklable data (``docsec.model.Finding`` is a frozen dataclass), so
incremental builds keep the findings of documents they do not re-read.
"""

from __future__ import annotations

import os
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector

from ..model import Diagnostic, Finding
from .blocks import raw_blocks
from .config import dialect_of, fingerprint, runtime
from .gate import report_diagnostic, report_finding, warn
from .scanning import Scanned, Scanner, worth_a_worker
from .nodes import EXAMPLE_ATTR, EXAMPLES, GUIDANCE, MARKER_ATTR, SECURITY, detected_list, uses

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

ENV_ATTR = "docsec_docs"
SCANNER_ATTR = "_docsec_scanner"
WARNED_ATTR = "_docsec_warned"


@dataclass(frozen=True)
class Entry:
    finding: Finding
    example: int | None = None  # per-document index of the enclosing insecure-example


@dataclass(frozen=True)
class GuidanceItem:
    id: str
    level: str
    title: str
    docname: str
    line: int | None
    anchor: str
    tags: tuple[str, ...] = ()
    text: str = ""  # the body as plain text (for the requirements index and docsec.json)
    source: str = "directive"  # or "prose": a sentence of an ordinary paragraph (``prose_guidance``)


@dataclass
class DocRecord:
    entries: list[Entry] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    guidance: list[GuidanceItem] = field(default_factory=list)
    blocks: int = 0  # code blocks scanned (``docsec check`` counts the same)
    examples: list[int | None] = field(default_factory=list)  # per block: its insecure-example, if any
    example_count: int = 0  # insecure-example and secure-example directives in the document


def records(env: BuildEnvironment) -> dict[str, DocRecord]:
    if not hasattr(env, ENV_ATTR):
        setattr(env, ENV_ATTR, {})
    return getattr(env, ENV_ATTR)  # type: ignore[no-any-return]


def all_findings(env: BuildEnvironment) -> list[Finding]:
    return [entry.finding for record in records(env).values() for entry in record.entries]


def all_diagnostics(env: BuildEnvironment) -> list[Diagnostic]:
    return [diagnostic for record in records(env).values() for diagnostic in record.diagnostics]


class DocsecCollector(EnvironmentCollector):
    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        records(env).pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: AbstractSet[str], other: BuildEnvironment) -> None:
        theirs = records(other)
        mine = records(env)
        for docname in docnames:
            if docname in theirs:
                mine[docname] = theirs[docname]

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        env = app.env
        docname = env.docname
        record = records(env)[docname] = DocRecord()
        if uses(env, GUIDANCE):
            record.guidance.extend(_guidance(doctree, docname))
        state = runtime(app)
        if state.config.prose_guidance:
            from .prose import prose_guidance

            record.guidance.extend(prose_guidance(doctree, docname))
        docpath = str(env.doc2path(docname))
        if state.excluded(docpath):
            return
        if uses(env, EXAMPLES):
            record.example_count = _check_examples(doctree)
        raws = [raw for _, raw in raw_blocks(doctree, docpath, state.config, app.config.highlight_language)]
        record.blocks = len(raws)
        record.examples = [raw.example for raw in raws]
        scanned = scanner(app).submit(docname, raws)
        if scanned is not None:
            record_scan(app, record, scanned)


def scanner(app: Sphinx) -> Scanner:
    """This build's scanner (created when the first document is read)."""
    current = getattr(app, SCANNER_ATTR, None)
    if current is None:
        state = runtime(app)
        current = Scanner(lambda: state.engine, Path(str(app.srcdir)),
                          worth_a_worker(app.parallel, state.config.background_scan), dialect_of(app))
        setattr(app, SCANNER_ATTR, current)
    return current  # type: ignore[no-any-return]


def record_scan(app: Sphinx, record: DocRecord, scanned: Scanned) -> None:
    """Keep a document's findings and diagnostics, and warn about them."""
    srcdir = Path(str(app.srcdir))
    guidance = runtime(app).config.guidance
    warned = _warned(app)
    for example, (findings, diagnostics) in zip(record.examples, scanned):
        for finding in findings:
            record.entries.append(Entry(finding, example))
            if finding not in warned:  # an included file's finding, once for all the pages that show it
                warned.add(finding)
                report_finding(finding, srcdir, guidance.get(finding.rule_id))
        for diagnostic in diagnostics:
            record.diagnostics.append(diagnostic)
            report_diagnostic(diagnostic, srcdir)


def _warned(app: Sphinx) -> set[Finding]:
    """The findings this build has warned about."""
    if not hasattr(app, WARNED_ATTR):
        setattr(app, WARNED_ATTR, set())
    return getattr(app, WARNED_ATTR)  # type: ignore[no-any-return]


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> None:
    """Every document is read: bring the findings of the background scan home (before the env is saved)."""
    current = getattr(app, SCANNER_ATTR, None)
    if current is None:
        return
    delattr(app, SCANNER_ATTR)
    known = records(env)
    for docname, scanned in current.collect():
        if docname in known:
            record_scan(app, known[docname], scanned)


def _check_examples(doctree: nodes.document) -> int:
    """Number the example directives; warn about nested and empty ones; return how many there are."""
    examples = [node for node in doctree.findall(nodes.Element) if node.get(MARKER_ATTR)]
    for index, node in enumerate(examples):
        node[EXAMPLE_ATTR] = index
        for child in node.children:
            if isinstance(child, detected_list):
                child["example"] = index
        if any(parent in examples for parent in _ancestors(node)):
            warn(f"{_directive(node)} inside another insecure-example or secure-example; "
                 "do not nest docsec example directives",
                 subtype="marker-nested", location=node)
        if node[MARKER_ATTR] == "insecure" and not any(
            True for _ in node.findall(lambda n: isinstance(n, (nodes.literal_block, nodes.doctest_block)))
        ):
            warn("insecure-example contains no code block; put the insecure code inside it",
                 subtype="marker-empty", location=node)
    return len(examples)


def _directive(node: nodes.Element) -> str:
    return "insecure-example" if node.get(MARKER_ATTR) == "insecure" else "secure-example"


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def _guidance(doctree: nodes.document, docname: str) -> list[GuidanceItem]:
    items = []
    for node in doctree.findall(nodes.admonition):
        if SECURITY not in node["classes"]:  # items without :id: are listed too (id "")
            continue
        has_title = bool(node.children) and isinstance(node[0], nodes.title)
        title = _title_text(node[0]) if has_title else ""
        body = node.children[1:] if has_title else node.children
        text = "\n\n".join(child.astext().strip() for child in body if not isinstance(child, nodes.system_message))
        items.append(GuidanceItem(node.get("docsec_id", ""), node.get("docsec_level", ""), title, docname,
                                  node.line, node["ids"][0] if node["ids"] else "",
                                  tuple(node.get("docsec_tags", ())), text.strip()))
    return items


def _title_text(title: nodes.title) -> str:
    """The title as written, without the level badge."""
    return "".join(
        child.astext() for child in title.children
        if not (isinstance(child, nodes.Element) and "docsec-level" in child["classes"])
    ).strip()


def on_check_consistency(app: Sphinx, env: BuildEnvironment) -> None:
    """Each ``security :id:`` is unique in the project (checked after parallel merges)."""
    first: dict[str, GuidanceItem] = {}
    items = sorted((item for record in records(env).values() for item in record.guidance),
                   key=lambda item: (item.docname, item.line or 0))
    for item in (item for item in items if item.id):
        earlier = first.setdefault(item.id, item)
        if earlier is not item:
            where = f"{env.doc2path(earlier.docname, False)}:{earlier.line}"
            warn(f"security: duplicate :id: {item.id!r}, first used at {where}; ids must be unique",
                 subtype="security-id", location=(item.docname, item.line))


def on_env_get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                        removed: set[str]) -> list[str]:
    """Re-read everything when the effective configuration changed (pyproject.toml included)."""
    key = fingerprint(runtime(app).config)
    previous = getattr(env, "docsec_fingerprint", None)
    env.docsec_fingerprint = key  # type: ignore[attr-defined]
    if previous is None or previous == key:
        return []
    return sorted(set(env.all_docs) - removed - added - changed)
