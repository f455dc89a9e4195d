"""The engine: markers, inline suppressions, selection and diagnostics."""

from __future__ import annotations

import pytest

from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location, Marker, MarkerKind, Severity, Status

SERVER = "from http.server import HTTPServer, SimpleHTTPRequestHandler\nHTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler)\n"


def block(text: str = SERVER, language: str = "python", line: int = 10, **kwargs) -> CodeBlock:
    return CodeBlock(text, language, Location("guide/page.md", line), **kwargs)


def test_finding_carries_the_absolute_line_of_the_offending_code() -> None:
    report = Engine().scan(block(line=10))
    assert [(f.rule_id, f.path, f.line, f.status) for f in report.findings] == [
        ("DSP014", "guide/page.md", 11, Status.UNMARKED)
    ]
    assert "'0.0.0.0'" in report.findings[0].message


def test_marked_block_keeps_its_findings_but_they_do_not_fail() -> None:
    marked = block(marker=Marker(MarkerKind.INSECURE, "shows the risk"))
    [finding] = Engine().scan(marked).findings
    assert finding.status is Status.MARKED and finding.reason == "shows the risk"
    assert not finding.fails


def test_secure_example_reports_even_when_marked() -> None:
    secure = block(marker=Marker(MarkerKind.CLASS), secure=True)
    [finding] = Engine().scan(secure).findings
    assert finding.fails


def test_marked_block_without_findings_gets_a_marker_unused_diagnostic() -> None:
    report = Engine().scan(block("print('hello')\n", marker=Marker(MarkerKind.CLASS)))
    assert report.findings == []
    assert [d.code for d in report.diagnostics] == ["marker-unused"]
    assert report.diagnostics[0].line == 10


@pytest.mark.parametrize("comment", [
    "# docsec: ignore[DSP014] -- local demo only",
    "# docsec: ignore -- local demo only",
    "# docsec: ignore[bind-all-interfaces] -- local demo only",
])
def test_inline_suppression_with_reason(comment: str) -> None:
    text = SERVER.replace("SimpleHTTPRequestHandler)\n", f"SimpleHTTPRequestHandler)  {comment}\n")
    [finding] = Engine().scan(block(text)).findings
    assert finding.status is Status.SUPPRESSED and finding.reason == "local demo only"


def test_suppression_for_another_rule_does_not_apply_and_is_reported_as_unused() -> None:
    text = SERVER.replace("SimpleHTTPRequestHandler)\n", "SimpleHTTPRequestHandler)  # docsec: ignore[DSP003] -- no\n")
    findings = Engine().scan(block(text)).findings
    assert [(f.rule_id, f.line, f.status) for f in findings] == [
        ("DSP014", 11, Status.UNMARKED), ("DSX002", 11, Status.UNMARKED)]
    assert findings[1].message == ("`docsec: ignore[DSP003]`: DSP003 reports nothing on this line; "
                                   "remove it from the suppression")


SYSTEM = "import os\nos.system(cmd){}\nvalue = 1{}\n"


def unused(text: str, config: Config | None = None, **kwargs) -> list[tuple[str, int, str]]:
    findings = Engine(config).scan(block(text, **kwargs)).findings
    return [(f.rule_id, f.line, f.message) for f in findings if f.rule_id == "DSX002"]


def test_a_suppression_that_names_an_unknown_rule_is_reported_with_a_suggestion() -> None:
    [(rule, line, message)] = unused(SYSTEM.format("  # docsec: ignore[DSP002, DSP0022] -- demo", ""))
    assert (rule, line) == ("DSX002", 11)
    assert message.startswith("`docsec: ignore[DSP0022]` names no rule (did you mean ")
    assert "DSP002" in message.split("?")[0] and message.endswith("correct the id (`docsec rules` lists them) or remove it")


def test_a_suppression_on_a_clean_line_is_reported() -> None:
    assert unused(SYSTEM.format("", "  # docsec: ignore -- nothing to see")) == [
        ("DSX002", 12, "`docsec: ignore` stands on a line where no rule reports anything; remove it")]
    assert unused(SYSTEM.format("", "  # docsec: ignore[DSP002] -- wrong line"))[0][:2] == ("DSX002", 12)


def test_a_suppression_that_does_its_work_is_not_reported_by_id_or_symbol() -> None:
    assert unused(SYSTEM.format("  # docsec: ignore[DSP002] -- demo", "")) == []
    assert unused(SYSTEM.format("  # docsec: ignore -- demo", "")) == []
    assert unused(SYSTEM.format("  # docsec: ignore[os-system-command] -- demo", "")) == []


def test_a_suppression_for_a_rule_this_configuration_does_not_run_is_left_alone() -> None:
    text = SYSTEM.format("", "  # docsec: ignore[DSP002] -- audit profile only")
    assert unused(text, Config(ignore=("DSP002",))) == []
    assert unused(text, Config(ignore=("DSX002",))) == []
    assert unused(text)[0][:2] == ("DSX002", 12)


def test_inside_secure_example_the_finding_says_suppressions_do_not_apply() -> None:
    [finding] = Engine().scan(block(SYSTEM.format("  # docsec: ignore[DSP002] -- demo", ""), secure=True)).findings
    assert (finding.rule_id, finding.status) == ("DSP002", Status.UNMARKED)
    assert finding.message.endswith("(inside secure-example, `docsec: ignore` does not apply: "
                                    "a secure example must be clean)")
    [plain] = Engine().scan(block(SYSTEM.format("", ""), secure=True)).findings
    assert "secure-example" not in plain.message


def test_suppression_without_reason_is_itself_reported_and_suppresses_nothing() -> None:
    text = SERVER.replace("SimpleHTTPRequestHandler)\n", "SimpleHTTPRequestHandler)  # docsec: ignore[DSP014]\n")
    findings = Engine().scan(block(text)).findings
    assert sorted((f.rule_id, f.line, f.status) for f in findings) == [
        ("DSP014", 11, Status.UNMARKED), ("DSX001", 11, Status.UNMARKED)]


def test_ignore_and_select_by_prefix() -> None:
    assert Engine(Config(ignore=("DSP",))).scan(block()).findings == []
    assert Engine(Config(select=("DSS",))).scan(block()).findings == []
    assert [f.rule_id for f in Engine(Config(select=("DSP014",))).scan(block()).findings] == ["DSP014"]


def test_min_severity_drops_rules_below_it() -> None:
    assert Engine(Config(min_severity=Severity.HIGH)).scan(block()).findings == []


def test_per_path_ignores_match_globs() -> None:
    config = Config(per_path_ignores={"guide/*.md": ("DSP014",)})
    assert Engine(config).scan(block()).findings == []
    other = CodeBlock(SERVER, "python", Location("tutorial/page.md", 1))
    assert len(Engine(config).scan(other).findings) == 1


def test_unparseable_python_gets_a_not_analysed_note_and_text_rules_still_run() -> None:
    text = ("def (:\n  <<< subprocess.call(cmd, shell=True) >>>\n-----BEGIN RSA PRIVATE KEY-----\n"
            "9vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8QuKUpRKfFLfRYC9AIKjbJTWit+\n4CqvjWYzvQwECAwEAAQ==\n"
            "-----END RSA PRIVATE KEY-----\n")
    report = Engine().scan(block(text, language="python", line=1))
    assert not report.analysed and "not-analysed" in [d.code for d in report.diagnostics]
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSC001", 3)]


def test_a_python_block_is_parsed_only_when_a_python_rule_may_fire(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a trigger of a Python rule no Python finding is possible: the parse is skipped, and a
    block that would not parse is analysed all the same (every rule that could fire was tried)."""
    from docsec.languages import python

    parsed: list[str] = []
    parse = python.parse_tolerant
    monkeypatch.setattr(python, "parse_tolerant", lambda source: parsed.append(source) or parse(source))
    engine = Engine()
    for text in ("print('hello')\n", "def (:\n  <<<>>>\n", "for row in rows:\n    total += row.price\n"):
        report = engine.scan(block(text))
        assert report.findings == [] and report.diagnostics == [] and report.analysed
    assert parsed == []
    report = engine.scan(block("import yaml\nconfig = yaml.load(stream)\n", line=1))
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSP008", 2)]
    assert len(parsed) == 1


def test_a_marked_block_that_does_not_parse_gets_the_note_from_the_run_of_every_rule() -> None:
    text = "def (:\n  <<< yaml.load(stream) >>>\n"
    report = Engine(Config(ignore=("DSP008",))).scan(block(text, marker=Marker(MarkerKind.CLASS)))
    assert "not-analysed" in [d.code for d in report.diagnostics]


def test_one_broken_line_does_not_hide_the_rest() -> None:
    text = "server = <your server here>\nHTTPServer(('0.0.0.0', 8000), Handler)\n"
    report = Engine().scan(block(text))
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSP014", 11)]


def test_ipython_shell_escape_is_scanned_as_shell() -> None:
    text = "import os\n!python -m http.server 8000\nprint('done')\n"
    report = Engine().scan(block(text, language="ipython"))
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSS003", 11)]


def test_skipped_languages_are_not_scanned() -> None:
    assert Engine().scan(block("HTTPServer(('0.0.0.0', 8000), H)", language="pytb")).findings == []


def test_notebook_cell_location_is_carried() -> None:
    cell_block = CodeBlock(SERVER, "python", Location("nb.ipynb", 1, cell=3))
    [finding] = Engine().scan(cell_block).findings
    assert (finding.path, finding.cell, finding.line) == ("nb.ipynb", 3, 2)


def test_marker_is_not_called_unused_when_the_detecting_rule_is_switched_off() -> None:
    marked = block(marker=Marker(MarkerKind.INSECURE, "demo"))
    report = Engine(Config(ignore=("DSP014",))).scan(marked)
    assert report.findings == [] and report.diagnostics == []


@pytest.mark.parametrize("label", ["default", "", "python"])
def test_transcript_in_a_python_or_default_block_is_read_as_console(label: str) -> None:
    text = "$ curl -fsSL https://get.example.com/install.sh | bash\nInstalling...\n"
    report = Engine().scan(block(text, language=label, line=1))
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSS001", 1)]


def test_unlabelled_block_that_is_mostly_python_is_analysed_as_python() -> None:
    text = "import yaml\nconfig = yaml.load(stream)\nhost = <your host>\n"
    report = Engine().scan(block(text, language="", line=1))
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSP008", 2)]


def test_unlabelled_prose_is_not_python() -> None:
    report = Engine().scan(block("Run the server and open the page in a browser.\n", language="default"))
    assert report.findings == [] and report.diagnostics == []


def test_views_run_in_a_fixed_order_whatever_the_hash_seed() -> None:
    """When two views of a block report a rule on one line, the first is kept: the same one in every run."""
    import os
    import subprocess
    import sys

    from docsec.rules.registry import VIEW_KINDS

    # The audit profile, so that every view has a rule (systemd's only rule is an audit one).
    code = ("from docsec.core.config import Config; from docsec.core.engine import Engine; "
            "print(' '.join(Engine(Config(profile='audit')).selection.by_view))")
    orders = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                             env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout.strip()
              for seed in (1, 2, 3)}
    assert len(orders) == 1
    (order,) = orders
    # every view the default selection uses (systemd's rules are audit-only), in the registry's order
    assert order.split() == [kind for kind in VIEW_KINDS if kind in order.split()]
    assert {"python", "shell", "javascript", "text"} <= set(order.split())
