"""``docsec report``: an export (docsec.json) to a Markdown or HTML audit summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from docsec.report import audit

EXPORT = {
    "version": 1,
    "tool": {"name": "docsec", "version": "0.1.0"},
    "project": {"name": "Demo", "builder": "html"},
    "summary": {"guidance": {"total": 2, "by_level": {"must": 1}, "without_level": 1},
                "findings": {"total": 2, "by_status": {"unmarked": 1, "marked": 1, "suppressed": 0}, "failing": 1}},
    "guidance": [
        {"id": "bind-local", "level": "must", "label": "MUST", "title": "Bind <b>locally</b> | now",
         "text": "Servers MUST bind to 127.0.0.1.", "tags": ["network"], "document": "page.md",
         "docname": "page", "line": 3, "url": "page.html#docsec-bind-local"},
        {"id": None, "level": None, "label": None, "title": "Untagged", "text": "", "tags": [],
         "document": "other.md", "docname": "other", "line": 5, "url": "other.html"},
    ],
    "findings": [
        {"rule": "DSP014", "symbol": "bind-all-interfaces", "title": "Server bound to all network interfaces",
         "severity": "medium", "cwe": "CWE-1327", "message": "m", "document": "page.md", "docname": "page",
         "line": 12, "cell": None, "status": "marked", "marked": True, "fails": False,
         "reason": "<script>alert(1)</script>", "url": "page.html", "guidance": "bind-local"},
        {"rule": "DSP014", "symbol": "bind-all-interfaces", "title": "Server bound to all network interfaces",
         "severity": "medium", "cwe": "CWE-1327", "message": "m", "document": "nb.ipynb", "docname": "nb",
         "line": 2, "cell": 3, "status": "unmarked", "marked": False, "fails": True,
         "reason": "", "url": "nb.html", "guidance": None},
    ],
}


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "docsec.json"
    path.write_text(json.dumps(EXPORT), encoding="utf-8")
    return path


def test_the_example_export_is_valid_against_the_schema():
    import jsonschema

    jsonschema.validate(EXPORT, json.loads(audit.SCHEMA_FILE.read_text(encoding="utf-8")))


def test_markdown_summary(docsec, export):
    result = docsec("report", str(export))
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("# Security audit: Demo\n")
    assert "- 2 security requirements (1 MUST, 1 No level)." in out
    assert "### MUST (1)" in out and "### No level (1)" in out
    assert "| [ ] | `bind-local` | Bind \\<b\\>locally\\</b\\> \\| now | network | `page.md:3` |" in out
    assert "| `DSP014` Server bound to all network interfaces | medium | CWE-1327 | `nb.ipynb:cell 3:2` " \
           "| unmarked (fails) |  |" in out
    assert "| `page.md:12` | marked | \\<script\\>alert(1)\\</script\\> |" in out


def test_html_summary_escapes_everything(docsec, export, tmp_path):
    target = tmp_path / "audit.html"
    result = docsec("report", str(export), "--format", "html", "--output", str(target))
    assert result.code == 0 and result.out == ""
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "<b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Bind &lt;b&gt;locally&lt;/b&gt; | now" in page
    assert '<span class="level level-must">MUST</span> (1)' in page
    assert 'unmarked <span class="fails">(fails)</span>' in page
    assert "http" not in page.split("<body>")[1].split("</body>")[0]  # no external resources


@pytest.mark.parametrize("content,message", [
    (None, "no such file"),
    ("{not json", "cannot read it as JSON"),
    (json.dumps({"version": 1}), "not a docsec export"),
    (json.dumps({**EXPORT, "version": 99}), "export version 99 is not supported"),
])
def test_bad_input_exits_2(docsec, tmp_path, content, message):
    path = tmp_path / "docsec.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = docsec("report", str(path))
    assert result.code == 2
    assert message in result.err and result.err.startswith("docsec: error: ")


def test_help_lists_report(docsec):
    result = docsec("--help")
    assert "report" in result.out


def test_audit_module_imports_no_sphinx():
    import subprocess
    import sys

    code = "import sys, docsec.report.audit; print(any(m.split('.')[0] in ('sphinx', 'docutils') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False).stdout.strip() == "False"
