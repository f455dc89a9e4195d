"""``docsec.json``: written by HTML builds, valid against the shipped JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from docsec.report.audit import SCHEMA_FILE
from docsec_sphinx_helpers import CONF, SERVER, line_of

REPO = Path(__file__).resolve().parents[2]
PAGE = f"""\
# Serving

:::{{security}} Bind locally
:id: bind-local
:tags: network
Servers MUST bind to `127.0.0.1`.
:::

:::{{insecure-example}} Public
:reason: every interface

```python
from http.server import HTTPServer, SimpleHTTPRequestHandler
{SERVER}
```
:::

```python
{SERVER}
```
"""
INDEX = "# Home\n\n```{toctree}\npage\n```\n"


def _validate(data: dict) -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)


def test_schema_ships_with_the_package():
    assert SCHEMA_FILE.parent.name == "report" and SCHEMA_FILE.is_file()


def test_html_build_writes_a_valid_export(build):
    built = build({"index.md": INDEX, "page.md": PAGE},
                  conf=CONF + 'project = "Demo"\ndocsec_guidance = {"DSP014": "bind-local"}\n')
    data = json.loads(built.output("docsec.json"))
    _validate(data)
    assert data["version"] == 1 and data["project"] == {"name": "Demo", "builder": "html"}
    assert data["guidance"] == [{
        "id": "bind-local", "level": "must", "label": "MUST", "title": "Bind locally",
        "text": "Servers MUST bind to 127.0.0.1.", "tags": ["network"], "document": "page.md",
        "docname": "page", "line": line_of(PAGE, "{security}"), "url": "page.html#docsec-bind-local",
        "source": "directive",
    }]
    marked, unmarked = data["findings"]
    assert (marked["rule"], marked["status"], marked["marked"], marked["fails"], marked["reason"]) == \
        ("DSP014", "marked", True, False, "every interface")
    assert (marked["marked_by"], unmarked["marked_by"]) == ("insecure-example", None)
    assert marked["line"] == line_of(PAGE, "HTTPServer((") and marked["cwe"] == "CWE-1327"
    assert (unmarked["status"], unmarked["marked"], unmarked["fails"]) == ("unmarked", False, True)
    assert unmarked["line"] == line_of(PAGE, "HTTPServer((", 2)
    assert unmarked["guidance"] == "bind-local" and unmarked["url"] == "page.html"
    assert data["summary"]["findings"] == {"total": 2, "by_status": {"unmarked": 1, "marked": 1, "suppressed": 0},
                                           "failing": 1}
    assert built.statuscode == 1  # the gate still decides; the export is written anyway


def test_incremental_build_writes_the_same_export(build, write_project):
    srcdir = write_project({"index.md": INDEX, "page.md": PAGE})
    first = build(srcdir=srcdir).output("docsec.json")
    assert build(srcdir=srcdir).output("docsec.json") == first


def test_non_html_builders_write_no_export(build):
    built = build({"index.md": INDEX, "page.md": PAGE}, buildername="text")
    assert not (Path(built.app.outdir) / "docsec.json").exists()


@pytest.mark.slow
def test_export_of_the_project_docs_is_valid(tmp_path):
    out = tmp_path / "html"
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-c", ".", "docs", str(out)],
                            cwd=REPO, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    data = json.loads((out / "docsec.json").read_text(encoding="utf-8"))
    _validate(data)
    ids = {item["id"] for item in data["guidance"]}
    assert {"http-server-local", "http-server-real-server", "docs-mark-insecure"} <= ids
    for item in data["guidance"]:  # every URL resolves to a page and, when it has one, an anchor
        page, _, anchor = item["url"].partition("#")
        html = (out / page).read_text(encoding="utf-8")
        assert not anchor or f'id="{anchor}"' in html
    requirements = (out / "requirements.html").read_text(encoding="utf-8")
    for item in data["guidance"]:
        assert item["title"] in requirements
