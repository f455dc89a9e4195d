"""``docsec report``: a Markdown or HTML audit summary of a ``docsec.json`` export.

Pure functions over the export's data (no Sphinx, no files written):
:func:`load` reads and checks the file, :func:`render_markdown` and
:func:`render_html` write the summary.  The export's layout is the JSON
Schema in :data:`SCHEMA_FILE`; the HTML is one self-contained page in which
every value from the export is escaped.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

EXPORT_FILE = "docsec.json"
EXPORT_VERSION = 1
SCHEMA_FILE = Path(__file__).with_name("docsec-export.schema.json")

LEVELS = ("must-not", "must", "should-not", "should", "may")
LABELS = {"must-not": "MUST NOT", "must": "MUST", "should-not": "SHOULD NOT", "should": "SHOULD", "may": "MAY"}
STATUSES = ("unmarked", "marked", "suppressed")
FORMATS = ("markdown", "html")


class ExportError(ValueError):
    """The file is not a docsec export this version can read; the message says why."""


def load(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExportError(f"{path}: no such file (HTML builds write {EXPORT_FILE} into the output folder)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportError(f"{path}: cannot read it as JSON ({error})") from None
    return check(data, str(path))


def check(data: Any, where: str = "export") -> dict[str, Any]:
    """The light structural check ``docsec report`` needs; the schema is the full contract."""
    if not isinstance(data, dict) or data.get("tool", {}).get("name") != "docsec":
        raise ExportError(f"{where}: not a docsec export (expected {EXPORT_FILE} from a Sphinx HTML build)")
    if data.get("version") != EXPORT_VERSION:
        raise ExportError(f"{where}: export version {data.get('version')!r} is not supported "
                          f"(this docsec reads version {EXPORT_VERSION})")
    for key in ("guidance", "findings"):
        if not isinstance(data.get(key), list) or not all(isinstance(entry, dict) for entry in data[key]):
            raise ExportError(f"{where}: {key!r} must be a list of objects")
    return data


def render(data: dict[str, Any], fmt: str) -> str:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return render_markdown(data) if fmt == "markdown" else render_html(data)


# -- shared views --------------------------------------------------------------------------------

def _groups(items: list[dict[str, Any]]) -> list[tuple[str | None, list[dict[str, Any]]]]:
    order = [*LEVELS, None]
    return [(level, [item for item in items if item.get("level") == level]) for level in order
            if any(item.get("level") == level for item in items)]


def _label(level: str | None) -> str:
    return LABELS.get(level or "", "No level")


def _where(entry: dict[str, Any]) -> str:
    document = str(entry.get("document") or "")
    line = entry.get("line")
    cell = entry.get("cell")
    if cell is not None:
        return f"{document}:cell {cell}:{line}"
    return f"{document}:{line}" if line is not None else document


def _title(data: dict[str, Any]) -> str:
    project = data.get("project", {}).get("name") or "documentation"
    return f"Security audit: {project}"


def _overview(data: dict[str, Any]) -> list[str]:
    guidance, findings = data["guidance"], data["findings"]
    levels = ", ".join(f"{len(group)} {_label(level)}" for level, group in _groups(guidance)) or "none"
    statuses = ", ".join(f"{sum(1 for f in findings if f.get('status') == status)} {status}"
                         for status in STATUSES)
    failing = sum(1 for f in findings if f.get("fails"))
    tool = data.get("tool", {})
    return [
        f"{len(guidance)} security requirement{'s' if len(guidance) != 1 else ''} ({levels}).",
        (f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in code examples ({statuses}); "
         f"{failing} fail{'s' if failing == 1 else ''} the gate."),
        f"From docsec {tool.get('version', '?')}, export version {data.get('version')}.",
    ]


# -- Markdown ------------------------------------------------------------------------------------

def _md(value: Any) -> str:
    """A table cell: one line, pipes and Markdown/HTML syntax neutralised."""
    text = " ".join(str("" if value is None else value).split())
    for char in "\\`*_[]<>|#":
        text = text.replace(char, "\\" + char)
    return text


def _md_code(value: Any) -> str:
    """A code span: its fence is longer than any run of backticks inside, so the text cannot close it."""
    text = " ".join(str(value).split()).replace("|", "\\|")
    if "`" not in text:
        return f"`{text}`"
    fence = "`" * (max(len(run) for run in re.findall("`+", text)) + 1)
    return f"{fence} {text} {fence}"


def render_markdown(data: dict[str, Any]) -> str:
    out = [f"# {_md(_title(data))}", ""]
    out += [f"- {_md(line)}" for line in _overview(data)] + [""]
    out += ["## Security requirements", ""]
    if not data["guidance"]:
        out += ["No `security` items.", ""]
    for level, items in _groups(data["guidance"]):
        out += [f"### {_label(level)} ({len(items)})", "",
                "| Done | Id | Requirement | Tags | Defined in |", "|---|---|---|---|---|"]
        for item in items:
            ident = _md_code(item["id"]) if item.get("id") else ""
            out.append(f"| [ ] | {ident} | {_md(item.get('title'))} | {_md(', '.join(item.get('tags') or []))} "
                       f"| {_md_code(_where(item))} |")
        out.append("")
    out += ["## Findings in code examples", ""]
    if not data["findings"]:
        out += ["No findings.", ""]
    else:
        out += ["| Rule | Severity | CWE | Where | Status | Reason |", "|---|---|---|---|---|---|"]
        for finding in data["findings"]:
            status = str(finding.get("status", ""))
            if finding.get("fails"):
                status += " (fails)"
            out.append(f"| {_md_code(finding.get('rule', ''))} {_md(finding.get('title'))} "
                       f"| {_md(finding.get('severity'))} | {_md(finding.get('cwe') or '')} "
                       f"| {_md_code(_where(finding))} | {_md(status)} | {_md(finding.get('reason'))} |")
        out.append("")
    return "\n".join(out)


# -- HTML ----------------------------------------------------------------------------------------

STYLE = """\
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem;
       color: #1d2939; background: #ffffff; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { border: 1px solid #d0d5dd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f2f4f7; }
code { font-family: ui-monospace, monospace; }
.level { display: inline-block; padding: 0 0.4em; border-radius: 0.25em; font-weight: 700; color: #ffffff; }
.level-must, .level-must-not { background: #b42318; }
.level-should, .level-should-not { background: #93600a; }
.level-may, .level-none { background: #175cd3; }
.fails { color: #b42318; font-weight: 700; }
.text { color: #475467; font-size: 0.9em; }
@media print { body { margin: 0; max-width: none; } }
"""


def _h(value: Any) -> str:
    return html.escape(str("" if value is None else value), quote=True)


def render_html(data: dict[str, Any]) -> str:
    title = _h(_title(data))
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{title}</title>", f"<style>\n{STYLE}</style>", "</head>", "<body>", f"<h1>{title}</h1>", "<ul>"]
    out += [f"<li>{_h(line)}</li>" for line in _overview(data)]
    out += ["</ul>", "<h2>Security requirements</h2>"]
    if not data["guidance"]:
        out.append("<p>No <code>security</code> items.</p>")
    for level, items in _groups(data["guidance"]):
        css = _h(level or "none")
        out += [f'<h3><span class="level level-{css}">{_h(_label(level))}</span> ({len(items)})</h3>',
                "<table>", ("<thead><tr><th>Done</th><th>Id</th><th>Requirement</th><th>Tags</th>"
                            "<th>Defined in</th></tr></thead>"), "<tbody>"]
        for item in items:
            ident = f"<code>{_h(item['id'])}</code>" if item.get("id") else ""
            text = f'<div class="text">{_h(item.get("text"))}</div>' if item.get("text") else ""
            out.append(f'<tr><td>&#9744;</td><td>{ident}</td><td>{_h(item.get("title"))}{text}</td>'
                       f'<td>{_h(", ".join(item.get("tags") or []))}</td><td><code>{_h(_where(item))}</code></td></tr>')
        out += ["</tbody>", "</table>"]
    out.append("<h2>Findings in code examples</h2>")
    if not data["findings"]:
        out.append("<p>No findings.</p>")
    else:
        out += ["<table>", ("<thead><tr><th>Rule</th><th>Severity</th><th>CWE</th><th>Where</th><th>Status</th>"
                            "<th>Reason</th></tr></thead>"), "<tbody>"]
        for finding in data["findings"]:
            status = _h(finding.get("status"))
            if finding.get("fails"):
                status += ' <span class="fails">(fails)</span>'
            out.append(f"<tr><td><code>{_h(finding.get('rule'))}</code> {_h(finding.get('title'))}</td>"
                       f"<td>{_h(finding.get('severity'))}</td><td>{_h(finding.get('cwe') or '')}</td>"
                       f"<td><code>{_h(_where(finding))}</code></td><td>{status}</td>"
                       f"<td>{_h(finding.get('reason'))}</td></tr>")
        out += ["</tbody>", "</table>"]
    out += ["</body>", "</html>", ""]
    return "\n".join(out)
