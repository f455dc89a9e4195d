"""The Python half of the mystmd plugin, without node: JSON request in, findings out."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from docsec.mystmd.install import install, main as install_main, myst_yml_lines, plugin_source
from docsec.mystmd.scan import Scanner, scan_json, serve

SERVER = "from http.server import HTTPServer, SimpleHTTPRequestHandler\nHTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler)\n"
PICKLE = "import pickle\npickle.loads(blob)\n"


def ask(tmp_path: Path, blocks: list[dict], path: str = "", pyproject: str = "", **request) -> dict:
    if pyproject:
        (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    payload = {"id": 1, "protocol": 1, "path": path or str(tmp_path / "index.md"), "blocks": blocks, **request}
    return json.loads(scan_json(json.dumps(payload), Scanner(tmp_path)))


def rules(reply: dict) -> list[tuple[str, "int | None", bool]]:
    assert reply["error"] is None, reply["error"]
    return [(f["rule_id"], f["line"], f["fatal"]) for f in reply["findings"]]


def fence(value: str, line: int = 5, **extra) -> dict:
    return {"lang": "python", "value": value, "line": line, "anchor": "fence", **extra}


def test_unmarked_finding_is_fatal_at_its_file_line(tmp_path):
    reply = ask(tmp_path, [fence(SERVER, line=5)])
    assert rules(reply) == [("DSP014", 7, True)]
    finding = reply["findings"][0]
    assert (finding["block"], finding["block_line"], finding["symbol"]) == (0, 2, "bind-all-interfaces")
    assert finding["snippet"] == "HTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler)"


@pytest.mark.parametrize("marking", [
    {"class": "docsec-insecure"},
    {"class": "highlight docsec-insecure"},
    {"example": "insecure", "reason": "demo"},
    {"tags": ["docsec-insecure"]},
])
def test_marked_blocks_do_not_fail(tmp_path, marking):
    assert rules(ask(tmp_path, [fence(SERVER, **marking)])) == []


def test_extra_marker_classes_come_from_pyproject(tmp_path):
    config = '[tool.docsec]\nmarker_classes = ["bad-example"]\n'
    assert rules(ask(tmp_path, [fence(SERVER, **{"class": "bad-example"})], pyproject=config)) == []


def test_secure_example_overrides_every_marker(tmp_path):
    block = fence(SERVER, **{"class": "docsec-insecure docsec-secure"})
    assert rules(ask(tmp_path, [block])) == [("DSP014", 7, True)]
    block = fence(SERVER, example="secure", tags=["docsec-insecure"])
    assert rules(ask(tmp_path, [block])) == [("DSP014", 7, True)]


def test_marker_on_safe_code_is_a_diagnostic(tmp_path):
    reply = ask(tmp_path, [fence("x = 1\n", **{"class": "docsec-insecure"})])
    assert rules(reply) == []
    assert [(d["code"], d["line"]) for d in reply["diagnostics"]] == [("marker-unused", 6)]


def test_fail_on_never_makes_findings_non_fatal(tmp_path):
    assert rules(ask(tmp_path, [fence(SERVER)], pyproject='[tool.docsec]\nfail_on = "never"\n')) == [
        ("DSP014", 7, False)]


def test_fails_build_follows_fail_on_and_min_severity():
    from docsec.core.config import Config
    from docsec.model import Severity
    from docsec.mystmd.scan import fails_build

    assert fails_build(Config(), Severity.MEDIUM)
    assert not fails_build(Config(fail_on="never"), Severity.CRITICAL)
    assert not fails_build(Config(min_severity=Severity.HIGH), Severity.MEDIUM)


def test_per_path_ignores_match_the_path_relative_to_the_project(tmp_path):
    config = '[tool.docsec.per-path-ignores]\n"legacy/*" = ["DSP014"]\n'
    assert rules(ask(tmp_path, [fence(SERVER)], path=str(tmp_path / "legacy" / "old.md"), pyproject=config)) == []
    assert rules(ask(tmp_path, [fence(SERVER)], path=str(tmp_path / "new.md"))) == [("DSP014", 7, True)]


def test_directive_code_is_located_in_the_source_from_the_directive_line(tmp_path):
    page = tmp_path / "index.md"
    page.write_text("# Page\n\n```{code-block} python\n:linenos:\n\n" + SERVER + "```\n", encoding="utf-8")
    block = {"lang": "python", "value": SERVER.rstrip("\n"), "line": 3, "anchor": "ancestor"}
    assert rules(ask(tmp_path, [block], path=str(page))) == [("DSP014", 7, True)]


def test_code_cell_in_markdown_is_located_after_the_last_known_line(tmp_path):
    page = tmp_path / "index.md"
    page.write_text("# Page\n\nIntro.\n\n```{code-cell} python\n" + PICKLE + "```\n", encoding="utf-8")
    block = {"lang": "python", "value": PICKLE.rstrip("\n"), "line": 3, "anchor": "before"}
    assert rules(ask(tmp_path, [block], path=str(page))) == [("DSP005", 7, True)]


def test_code_that_cannot_be_located_is_reported_without_a_line(tmp_path):
    block = {"lang": "python", "value": PICKLE, "line": 3, "anchor": "ancestor"}
    reply = ask(tmp_path, [block], path=str(tmp_path / "missing.md"))
    assert rules(reply) == [("DSP005", None, True)]
    assert reply["findings"][0]["block_line"] == 2
    assert rules(ask(tmp_path, [{"lang": "python", "value": PICKLE}])) == [("DSP005", None, True)]


def test_notebook_findings_carry_the_cell_and_the_line_in_it(tmp_path):
    blocks = [{"lang": "python", "value": PICKLE, "line": 1, "anchor": "cell", "cell": 3},
              {"lang": "python", "value": "x = 1\n" + SERVER, "line": 4, "anchor": "cell", "cell": 1}]
    reply = ask(tmp_path, blocks, path=str(tmp_path / "nb.ipynb"))
    assert [(f["rule_id"], f["cell"], f["line"]) for f in reply["findings"]] == [("DSP005", 3, 2), ("DSP014", 1, 6)]


def test_configuration_errors_come_back_as_an_error(tmp_path):
    reply = ask(tmp_path, [fence(SERVER)], pyproject='[tool.docsec]\nfail_on = "sometimes"\n')
    assert "fail_on = 'sometimes' is invalid" in reply["error"]
    assert reply["findings"] == []


def test_configuration_is_reread_when_pyproject_changes(tmp_path):
    scanner = Scanner(tmp_path)
    request = json.dumps({"id": 1, "path": str(tmp_path / "a.md"), "blocks": [fence(SERVER)]})
    assert json.loads(scan_json(request, scanner))["findings"][0]["fatal"] is True
    (tmp_path / "pyproject.toml").write_text('[tool.docsec]\nfail_on = "never"\ninsecure_banner = "No."\n')
    reply = json.loads(scan_json(request, scanner))
    assert (reply["findings"][0]["fatal"], reply["banner"]) == (False, "No.")


@pytest.mark.parametrize("text", ["not json", "[1, 2]", '{"blocks": "nope"}', '{"protocol": 99, "blocks": []}'])
def test_malformed_requests_are_answered_with_an_error(tmp_path, text):
    reply = json.loads(scan_json(text, Scanner(tmp_path)))
    assert reply["error"] and reply["findings"] == []


def test_serve_answers_one_line_per_request_and_keeps_ids(tmp_path):
    requests = [json.dumps({"id": n, "path": str(tmp_path / f"p{n}.md"), "blocks": [fence(SERVER)]}) for n in (4, 9)]
    out = io.StringIO()
    serve(iter([requests[0] + "\n", "\n", "garbage\n", requests[1] + "\n"]), out.write, Scanner(tmp_path))
    replies = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in replies] == [4, None, 9]
    assert [len(r["findings"]) for r in replies] == [1, 0, 1]


def test_command_line_scan_and_serve(tmp_path):
    request = json.dumps({"id": 1, "path": str(tmp_path / "index.md"), "blocks": [fence(SERVER)]})
    for command, stdin in (("scan", request), ("serve", request + "\n" + request + "\n")):
        result = subprocess.run([sys.executable, "-m", "docsec.mystmd", command], input=stdin, cwd=tmp_path,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        replies = [json.loads(line) for line in result.stdout.splitlines()]
        assert [r["findings"][0]["rule_id"] for r in replies] == ["DSP014"] * (1 if command == "scan" else 2)


def test_the_plugin_process_stays_import_light(tmp_path):
    code = ("import sys, json; from docsec.mystmd.scan import scan_json; "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils', 'nbformat', 'markdown_it'))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert json.loads(result.stdout) == []


def test_install_copies_the_plugin_and_names_the_myst_yml_lines(tmp_path):
    message = install(tmp_path)
    assert (tmp_path / "docsec.mjs").read_bytes() == plugin_source().read_bytes()
    assert myst_yml_lines() in message
    (tmp_path / "myst.yml").write_text("version: 1\nproject:\n  plugins:\n    - _docsec/docsec.mjs\n")
    message = install(tmp_path, "_docsec")
    assert (tmp_path / "_docsec" / "docsec.mjs").is_file()
    assert "already loads _docsec/docsec.mjs" in message


def test_install_main(tmp_path, capsys):
    assert install_main([str(tmp_path), "--to", "plugins/docsec.mjs"]) == 0
    assert (tmp_path / "plugins" / "docsec.mjs").is_file()
    assert "    - plugins/docsec.mjs" in capsys.readouterr().out
    assert install_main([str(tmp_path / "missing")]) == 2


def test_the_line_resolver_reads_only_regular_files_inside_the_project(tmp_path):
    from docsec.mystmd.scan import LineResolver

    inside = tmp_path / "page.md"
    inside.write_text("# Page\n\n```python\nx = 1\n```\n", encoding="utf-8")
    outside = tmp_path.parent / f"{tmp_path.name}-outside.md"
    outside.write_text("# Secret\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(outside)
    assert LineResolver(str(inside), tmp_path).source_lines()[0] == "# Page"
    assert LineResolver(str(outside), tmp_path).source_lines() == []
    assert LineResolver(str(link), tmp_path).source_lines() == []
    assert LineResolver("/proc/self/environ", tmp_path).source_lines() == []


def test_code_that_cannot_be_analysed_and_holds_a_trigger_is_a_fatal_diagnostic(tmp_path):
    unparsed = "import requests\nrequests.get(url verify=False)\n"
    reply = ask(tmp_path, [fence(unparsed, line=5), fence("for item in <collection>:\n    do it\n", line=10)])
    assert rules(reply) == []
    assert [(d["block"], d["code"], d["line"], d["severity"], d["fatal"]) for d in reply["diagnostics"]] == [
        (0, "not-analysed", 7, "high", True)]
    reply = ask(tmp_path, [fence(unparsed, line=5)], pyproject='[tool.docsec]\nnot_analysed = "warn"\n')
    assert [(d["code"], d["severity"], d["fatal"]) for d in reply["diagnostics"]] == [
        ("not-analysed", "medium", False)]
