"""Fail closed: Python code docsec cannot analyse never passes a gate silently (issue 20).

A block, or a line of one, that does not parse and holds what a rule looks for (one of its triggers)
could hide a finding: it is an error (``docsec check`` exits 2) unless ``not_analysed = "warn"``.
Code that holds no rule's trigger cannot hide a finding and passes, as before; so do marked examples
and lines whose suppression covers the rules concerned.  Placeholders on a dangerous line are read as
names (issue 17), so that line is analysed, not set aside.  The Sphinx and mystmd gates are tested
beside their front ends (``tests/sphinx/test_gate.py``, ``tests/mystmd``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main
from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location, Marker, MarkerKind, Severity

CHAINED = " + ".join(["part"] * 3000)  # RecursionError in the parser's tree building
TOO_DEEP = f"import pickle\nvalue = {CHAINED} + pickle.loads(blob)\nprint(value)\n"
MISSING_COMMA = "import requests\nrequests.get(url verify=False)\n"
PSEUDO_CODE = "for item in <collection>:\n    do something with item\nresult = ???\n"


def scan(text: str, config: Config = Config(), marker: Marker = Marker(MarkerKind.NONE)) -> tuple[list, list]:
    report = Engine(config).scan(CodeBlock(text, "python", Location("page.md", 10), marker))
    return ([(f.rule_id, f.line, f.status.value) for f in report.findings],
            [(d.code, d.line, d.severity) for d in report.diagnostics])


def test_a_3000_term_expression_holding_a_call_fails_closed() -> None:
    findings, diagnostics = scan(TOO_DEEP)
    assert findings == []
    assert diagnostics == [("not-analysed", 11, Severity.HIGH)]


def test_the_rest_of_a_block_with_a_3000_term_expression_is_analysed() -> None:
    findings, diagnostics = scan(f"import requests\nvalue = {CHAINED}\nrequests.get(url, verify=False)\n")
    assert findings == [("DSP010", 12, "unmarked")]
    assert diagnostics == []  # the line set aside holds no rule's trigger


@pytest.mark.parametrize(("line", "rule"), [
    ("requests.get(<your-url>, verify=False)", "DSP010"),
    ("torch.load(<path-to-checkpoint>)", "DSP009"),
    ("requests.get($URL, verify=False)", "DSP010"),
    ("yaml.load(open(<config file>))", "DSP008"),
    ("requests.get(url, verify=False))", "DSP010"),  # a stray bracket is blanked, the call read
    ("print requests.get(url, verify=False).text", "DSP010"),  # Python 2's print statement
])
def test_a_placeholder_or_a_slip_on_the_dangerous_line_is_read_not_set_aside(line: str, rule: str) -> None:
    findings, diagnostics = scan(f"{line}\n")
    assert findings == [(rule, 10, "unmarked")]
    assert diagnostics == []


def test_a_comma_forgotten_between_arguments_on_two_lines_is_put_back() -> None:
    """``f(\n    a='x'\n    b='y',\n)``: Python says "Perhaps you forgot a comma?" and where; the call is read with
    it (columns kept), so the password in it is found rather than the lines set aside."""
    text = ("client.auth.ldap.configure(\n    url='ldaps://ldap.example.com',\n"
            "    bind_pass='ourverygoodadminpassword'\n    user_attr='uid',\n)\n")
    findings, diagnostics = scan(text)
    assert findings == [("DSP019", 12, "unmarked")]
    assert diagnostics == []


def test_a_dangerous_line_that_does_not_parse_fails_closed_and_names_the_rules() -> None:
    report = Engine().scan(CodeBlock(MISSING_COMMA, "python", Location("page.md", 10)))
    [diagnostic] = report.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.severity) == ("not-analysed", 11, Severity.HIGH)
    assert diagnostic.message.startswith("`requests.get(url verify=False)` does not parse as python")
    assert "holds what DSP010" in diagnostic.message and 'not_analysed = "warn"' in diagnostic.message


def test_pseudo_code_without_a_rule_s_trigger_passes() -> None:
    assert scan(PSEUDO_CODE) == ([], [])
    assert scan("import requests\n" + PSEUDO_CODE + "requests.get(url)\n") == ([], [])


def test_opting_out_warns_instead() -> None:
    _, diagnostics = scan(MISSING_COMMA, Config.from_mapping({"not_analysed": "warn"}))
    assert diagnostics == [("not-analysed", 11, Severity.MEDIUM)]
    _, diagnostics = scan(MISSING_COMMA, Config.from_mapping({"fail_on": "never"}))
    assert diagnostics == [("not-analysed", 11, Severity.MEDIUM)]


def test_a_marked_example_that_does_not_parse_does_not_fail() -> None:
    _, diagnostics = scan(MISSING_COMMA, marker=Marker(MarkerKind.INSECURE, "shows the risk"))
    assert [(code, severity) for code, _, severity in diagnostics] != [] and all(
        severity < Severity.HIGH for _, _, severity in diagnostics)


def test_a_suppression_covering_the_rules_on_that_line_does_not_fail() -> None:
    [diagnostic] = Engine().scan(CodeBlock(MISSING_COMMA, "python", Location("page.md", 10))).diagnostics
    named = diagnostic.message.split("holds what ")[1].split(" look")[0]  # "DSP010, DSP064, ..."
    covered = f"import requests\nrequests.get(url verify=False)  # docsec: ignore[{named}] -- a demo\n"
    assert scan(covered)[1] == []
    assert scan("import requests\nrequests.get(url verify=False)  # docsec: ignore -- a demo\n")[1] == []
    other = "import requests\nrequests.get(url verify=False)  # docsec: ignore[DSP064] -- a demo\n"
    assert scan(other)[1] == [("not-analysed", 11, Severity.HIGH)]


def test_an_ignored_rule_cannot_hide_a_finding() -> None:
    [diagnostic] = Engine().scan(CodeBlock(MISSING_COMMA, "python", Location("page.md", 10))).diagnostics
    named = diagnostic.message.split("holds what ")[1].split(" look")[0].split(", ")
    assert scan(MISSING_COMMA, Config(ignore=tuple(named)))[1] == []
    assert scan(MISSING_COMMA, Config(ignore=tuple(named[1:])))[1] == [("not-analysed", 11, Severity.HIGH)]


def test_a_block_that_does_not_parse_at_all_fails_closed_only_with_a_trigger() -> None:
    assert scan("def (:\n  <<< subprocess.call(cmd, shell=True) >>>\n")[1] == [("not-analysed", 11, Severity.HIGH)]
    assert scan("def (:\n  <<< print(x) >>>\n")[1] == []  # never parsed: no Python rule could fire


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "deep.md").write_text(f"# Deep\n\n```python\n{TOO_DEEP}```\n", encoding="utf-8")
    (tmp_path / "docs" / "paren.md").write_text(f"# Paren\n\n```python\n{MISSING_COMMA}```\n", encoding="utf-8")
    (tmp_path / "docs" / "fine.md").write_text(
        f"# Fine\n\n```python\n{PSEUDO_CODE}```\n\n```python\nimport pickle\npickle.loads(blob)\n```\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_docsec_check_exits_2_and_keeps_every_finding(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert docsec_main(["check", "--format", "json", "docs"]) == 2
    report = json.loads(capsys.readouterr().out)
    assert [(d["path"], d["line"], d["code"], d["severity"]) for d in report["diagnostics"]] == [
        ("docs/deep.md", 5, "not-analysed", "high"), ("docs/paren.md", 5, "not-analysed", "high")]
    assert [(f["path"], f["line"], f["rule"]) for f in report["findings"]] == [("docs/fine.md", 11, "DSP005")]


def test_not_analysed_warn_in_pyproject_lets_the_gate_pass_on_them(project: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text('[tool.docsec]\nnot_analysed = "warn"\n', encoding="utf-8")
    assert docsec_main(["check", "docs"]) == 1  # the DSP005 finding only
    out = capsys.readouterr().out
    assert "docs/paren.md:5: warning: `requests.get(url verify=False)` does not parse" in out


def test_lines_set_aside_in_an_unlabelled_block_read_as_python_are_a_note() -> None:
    text = "import requests\nrequests.get(url)\n$ inv --complete --shell=bash\nrequests.post(url)\n"
    report = Engine().scan(CodeBlock(text, "", Location("page.md", 10)))
    assert [(d.code, d.line, d.severity) for d in report.diagnostics] == [("not-analysed", 12, Severity.INFO)]
    report = Engine().scan(CodeBlock(text, "python", Location("page.md", 10)))
    assert [(d.code, d.line, d.severity) for d in report.diagnostics] == [("not-analysed", 12, Severity.HIGH)]


def test_a_block_whose_grammar_is_missing_fails_closed_when_it_holds_a_rule_s_trigger(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    from docsec.languages import treesitter

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "tree_sitter_javascript" else real(name, *a))
    treesitter.grammar_available.cache_clear()
    treesitter.load_language.cache_clear()
    try:
        report = Engine().scan(CodeBlock("const cp = require('child_process');\ncp.exec('ls ' + dir);\n", "js",
                                         Location("page.md", 10)))
        [diagnostic] = report.diagnostics
        assert (diagnostic.code, diagnostic.line, diagnostic.severity) == ("not-analysed", 10, Severity.HIGH)
        assert "grammar is not installed; install docsec[languages]; it holds what" in diagnostic.message
        quiet = Engine().scan(CodeBlock("console.log('hello');\n", "js", Location("page.md", 10)))
        assert [(d.code, d.severity) for d in quiet.diagnostics] == [("not-analysed", Severity.INFO)]
    finally:
        treesitter.grammar_available.cache_clear()
        treesitter.load_language.cache_clear()
