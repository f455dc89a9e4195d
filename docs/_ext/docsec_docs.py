"""Local Sphinx extension for docsec's own docs.

* Writes one page per rule into ``docs/rules/generated/`` from the catalog:
  the rule's metadata, its docstring (the five sections), and its example
  files.  Bad examples are shown inside ``insecure-example`` and good ones
  inside ``secure-example``, so building these docs checks the examples.
* ``docsec-settings`` renders the configuration table from the ``Config``
  dataclass, and ``docsec-rule-table`` the catalog overview.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

from docsec.core.catalog import load_catalog
from docsec.core.config import settings_help

LANGUAGE_BY_SUFFIX = {
    ".py": "python", ".pycon": "pycon", ".ipy": "ipython", ".console": "console", ".sh": "bash",
    ".ps1": "powershell", ".dockerfile": "dockerfile", ".yaml": "yaml", ".txt": "text",
    # Config formats get "text": their `# expect:` comments would not highlight as JSON or TOML.
    ".toml": "text", ".ini": "text", ".env": "text", ".json": "text",
    ".html": "html+django", ".jinja": "html+jinja",
    ".js": "javascript", ".jsx": "jsx", ".ts": "typescript", ".tsx": "tsx", ".sql": "sql",
    ".java": "java", ".cs": "csharp", ".php": "php", ".go": "go", ".rb": "ruby", ".vue": "vue",
}
SECTION = re.compile(r"^## (.+)$", re.MULTILINE)


def rule_page(registered, out_dir: Path) -> str:
    rule = registered.rule
    module_file = Path(__import__(registered.module, fromlist=["x"]).__file__)
    examples = module_file.parent / "examples" / rule.id
    lines = [
        f"# {rule.id} {rule.symbol}", "",
        f"**{rule.title}**", "",
        "| | |", "|---|---|",
        f"| Severity | {rule.severity.label} |",
        f"| Confidence | {rule.confidence.label} |",
        f"| CWE | {_cwe(rule.cwe)} |",
        f"| Languages | {', '.join(rule.languages)} |",
        f"| Profile | {rule.profile} |",
        f"| Bandit / Ruff | {rule.equivalent or 'none'} |", "",
    ]
    lines += _doc_with_marked_example(rule.doc, rule.id)
    lines += ["", "## Examples from the test suite", "",
              "Each flagged line is marked `# expect: <RULE-ID>` in these files; "
              "`tests/test_rule_examples.py` checks that docsec reports exactly those lines.", ""]
    for path in sorted(examples.glob("*")) if examples.is_dir() else []:
        language = LANGUAGE_BY_SUFFIX.get(path.suffix)
        if not language:
            continue
        relative = os.path.relpath(path, out_dir).replace(os.sep, "/")
        wrapper = "insecure-example" if path.stem.startswith("bad") else "secure-example"
        reason = "\n:reason: the rule's own test file of dangerous examples" if wrapper == "insecure-example" else ""
        lines += [f":::{{{wrapper}}} `{path.name}`{reason}", "",
                  f"```{{literalinclude}} {relative}", f":language: {language}", "```", ":::", ""]
    return "\n".join(lines) + "\n"


def _cwe(number) -> str:
    return f"[CWE-{number}](https://cwe.mitre.org/data/definitions/{number}.html)" if number else "none"


def _doc_with_marked_example(doc: str, rule_id: str) -> list[str]:
    """The docstring, with its Example section wrapped as an insecure example."""
    parts = SECTION.split(doc)
    lines = [parts[0].strip()] if parts[0].strip() else []
    for title, body in zip(parts[1::2], parts[2::2]):
        lines += [f"## {title}", ""]
        if title.strip() == "Example":
            lines += [f"::::{{insecure-example}}", f":reason: what {rule_id} detects", "",
                      body.strip(), "::::", ""]
        elif title.strip() == "Use instead":
            lines += ["::::{secure-example}", "", body.strip(), "::::", ""]
        else:
            lines += [body.strip(), ""]
    return lines


def write_rule_pages(app) -> None:
    out_dir = Path(app.srcdir) / "rules" / "generated"
    out_dir.mkdir(parents=True, exist_ok=True)
    wanted = {}
    for registered in load_catalog():
        wanted[f"{registered.rule.id}.md"] = rule_page(registered, out_dir)
    for stale in out_dir.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        path = out_dir / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")


def _table(header: list[str], rows: list[list[nodes.Node]], widths: list[int]) -> nodes.table:
    table = nodes.table(classes=["docsec-generated"])
    group = nodes.tgroup(cols=len(header))
    table += group
    for width in widths:
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    group += head
    head += nodes.row("", *[nodes.entry("", nodes.paragraph(text=h)) for h in header])
    body = nodes.tbody()
    group += body
    for cells in rows:
        body += nodes.row("", *[nodes.entry("", cell) for cell in cells])
    return table


class SettingsTable(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        rows = []
        for name, default, help_text in settings_help():
            help_nodes, _ = self.parse_inline(help_text, lineno=self.lineno)
            rows.append([
                nodes.paragraph("", "", nodes.literal(text=f"docsec_{name}")),
                nodes.paragraph("", "", nodes.literal(text=name)),
                nodes.paragraph("", "", nodes.literal(text=default)),
                nodes.paragraph("", "", *help_nodes),
            ])
        return [_table(["conf.py", "[tool.docsec]", "default", "meaning"], rows, [20, 16, 14, 50])]


class RuleTable(SphinxDirective):
    option_spec = {"profile": lambda value: value.strip()}

    def run(self) -> list[nodes.Node]:
        profile = self.options.get("profile")
        rows = []
        for registered in load_catalog():
            rule = registered.rule
            if profile and rule.profile != profile:
                continue
            ref = nodes.paragraph()
            xref = addnodes.pending_xref("", refdomain="std", reftype="doc", reftarget=f"/rules/generated/{rule.id}",
                                         refexplicit=True, refdoc=self.env.docname)
            xref += nodes.inline(text=rule.id)
            ref += xref
            rows.append([
                ref,
                nodes.paragraph(text=rule.title),
                nodes.paragraph(text=rule.severity.label),
                nodes.paragraph(text=f"CWE-{rule.cwe}" if rule.cwe else "–"),
                nodes.paragraph(text=", ".join(rule.languages)),
                nodes.paragraph(text=rule.equivalent or "–"),
            ])
        return [_table(["id", "title", "severity", "CWE", "views", "Bandit / Ruff"], rows, [8, 40, 9, 9, 14, 20])]


def setup(app):
    app.connect("builder-inited", write_rule_pages)
    app.add_directive("docsec-settings", SettingsTable)
    app.add_directive("docsec-rule-table", RuleTable)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
