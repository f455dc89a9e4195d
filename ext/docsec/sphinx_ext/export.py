"""``docsec.json``: the guidance items and findings of an HTML build, for audits and other tools.

Written at ``build-finished`` into the output folder of every HTML build
(``html``, ``dirhtml``, ``singlehtml``), from the environment, so an
incremental build that re-reads nothing writes the same file.  The layout is
:data:`docsec.report.audit.SCHEMA_FILE` (JSON Schema), versioned by its
``version`` field: fields are only ever added within a version.
``docsec report`` turns the file into a Markdown or HTML summary.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.errors import NoUri
from sphinx.util import logging

from .. import __version__
from ..core import rfc2119
from ..model import Status
from ..report.audit import EXPORT_FILE, EXPORT_VERSION
from . import guidance
from .collector import records
from .config import runtime

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from ..core.config import Config
    from ..model import Finding
    from .collector import GuidanceItem

logger = logging.getLogger(__name__)
HTML_BUILDERS = ("html", "dirhtml", "singlehtml")


def on_build_finished(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.name not in HTML_BUILDERS:
        return
    data = export(app)
    from ..writing import UnsafeWrite, write_file

    path = Path(str(app.outdir)) / EXPORT_FILE
    try:  # (the output folder is the build's, but never through a link planted there)
        write_file(path, (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8"), root=app.outdir)
    except UnsafeWrite as refused:
        from .gate import warn

        warn(str(refused), subtype="export")
        return
    logger.verbose("docsec: wrote %s", path)


def export(app: Sphinx) -> dict[str, Any]:
    env = app.env
    config = runtime(app).config
    items = guidance.all_items(env)
    order = {docname: index for index, docname in enumerate(guidance.document_order(env))}
    found = sorted(
        ((docname, entry.finding) for docname, record in records(env).items() for entry in record.entries),
        key=lambda pair: (order.get(pair[0], len(order)), pair[1].sort_key()),
    )
    findings = [_finding(app, docname, finding, config) for docname, finding in found]
    by_level = {level: sum(1 for item in items if item.level == level) for level in rfc2119.LEVELS}
    by_status = {status.value: sum(1 for f in findings if f["status"] == status.value) for status in Status}
    return {
        "version": EXPORT_VERSION,
        "tool": {"name": "docsec", "version": __version__},
        "project": {"name": str(app.config.project), "builder": app.builder.name},
        "summary": {
            "guidance": {"total": len(items), "by_level": by_level,
                         "without_level": sum(1 for item in items if not item.level)},
            "findings": {"total": len(findings), "by_status": by_status,
                         "failing": sum(1 for f in findings if f["fails"])},
        },
        "guidance": [_item(app, item) for item in items],
        "findings": findings,
    }


def _document(env: BuildEnvironment, docname: str) -> str:
    return Path(env.doc2path(docname, False)).as_posix()


def _page(app: Sphinx, docname: str) -> str | None:
    try:
        return app.builder.get_target_uri(docname)
    except NoUri:
        return None


def _item(app: Sphinx, item: GuidanceItem) -> dict[str, Any]:
    page = _page(app, item.docname)
    url = None if page is None else (page + "#" + item.anchor if item.anchor else page)
    return {
        "id": item.id or None,
        "level": item.level or None,
        "label": rfc2119.LABELS.get(item.level),
        "title": item.title,
        "text": item.text,
        "tags": list(item.tags),
        "document": _document(app.env, item.docname),
        "docname": item.docname,
        "line": item.line,
        "url": url,
        "source": item.source,
    }


def _finding(app: Sphinx, docname: str, finding: Finding, config: Config) -> dict[str, Any]:
    fails = finding.fails and finding.severity >= config.min_severity and config.fail_on != "never"
    return {
        "rule": finding.rule_id,
        "symbol": finding.symbol,
        "title": finding.title,
        "severity": finding.severity.label,
        "cwe": f"CWE-{finding.cwe}" if finding.cwe else None,
        "message": finding.message,
        "document": Path(finding.path).as_posix(),
        "docname": docname,
        "line": finding.line,
        "cell": finding.cell,
        "status": finding.status.value,
        "marked": finding.status is Status.MARKED,
        "fails": fails,
        "reason": finding.reason,
        "marked_by": finding.marked_by or None,
        "url": _page(app, docname),
        "guidance": config.guidance.get(finding.rule_id),
    }
