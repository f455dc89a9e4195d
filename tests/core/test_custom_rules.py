"""Project-specific rules declared in configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main
from docsec.core.config import Config, ConfigError
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location, Severity

CALL_RULE = {
    "id": "ACME001", "title": "ACME client with its legacy login", "severity": "high",
    "call": "acme.client.connect", "keyword": {"legacy_auth": True},
    "message": "sends the password unhashed; use token= instead", "use_instead": "acme.client.connect(token=...)",
}
PATTERN_RULE = {
    "id": "ACME002", "title": "Deploy without dry run", "languages": ["shell"],
    "pattern": r"deploy\.sh\b(?!.*--dry-run)", "message": "run deploy.sh with --dry-run first",
}


def scan(config: Config, text: str, language: str) -> list[tuple[str, int]]:
    report = Engine(config).scan(CodeBlock(text, language, Location("page.md", 1)))
    return [(f.rule_id, f.line) for f in report.findings]


def test_call_rule_follows_aliases_and_checks_the_keyword() -> None:
    config = Config.from_mapping({"custom_rules": [CALL_RULE]})
    text = "from acme import client as c\nc.connect(host, legacy_auth=True)\nc.connect(host)\nc.connect(host, legacy_auth=False)\n"
    assert scan(config, text, "python") == [("ACME001", 2)]


def test_pattern_rule_runs_on_shell_commands_not_output() -> None:
    config = Config.from_mapping({"custom_rules": [PATTERN_RULE]})
    text = "$ ./deploy.sh production\nrunning deploy.sh ...\n$ ./deploy.sh production --dry-run\n"
    assert scan(config, text, "console") == [("ACME002", 1)]


def test_custom_rules_take_part_in_selection_and_metadata() -> None:
    config = Config.from_mapping({"custom_rules": [CALL_RULE], "ignore": ["ACME"]})
    assert scan(config, "acme.client.connect(h, legacy_auth=True)\n", "python") == []
    rule = Engine(Config.from_mapping({"custom_rules": [CALL_RULE]})).catalog.get("ACME001").rule
    assert rule.severity is Severity.HIGH and rule.title == CALL_RULE["title"]


@pytest.mark.parametrize("table, expected", [
    ({**CALL_RULE, "pattern": "x"}, "exactly one of `call`"),
    ({k: v for k, v in CALL_RULE.items() if k != "message"}, "message must be given"),
    ({**PATTERN_RULE, "pattern": "("}, "not a valid regex"),
    ({**PATTERN_RULE, "languages": ["cobol"]}, "unknown language"),
    ({**CALL_RULE, "colour": "red"}, "unknown key"),
])
def test_bad_declarations_say_what_to_write(table, expected) -> None:
    with pytest.raises(ConfigError, match=expected):
        Config.from_mapping({"custom_rules": [table]}, source="pyproject.toml")


def test_an_id_clash_with_a_builtin_rule_is_a_config_error() -> None:
    config = Config.from_mapping({"custom_rules": [{**CALL_RULE, "id": "DSP014"}]})
    with pytest.raises(ConfigError, match="custom_rules"):
        Engine(config)


def test_cli_reads_custom_rules_from_pyproject(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.docsec.custom_rules]]\nid = "ACME001"\ntitle = "ACME client with its legacy login"\n'
        'call = "acme.client.connect"\nkeyword = { legacy_auth = true }\nmessage = "sends the password unhashed"\n',
        encoding="utf-8")
    (tmp_path / "page.md").write_text("# Page\n\n```python\nacme.client.connect(h, legacy_auth=True)\n```\n",
                                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert docsec_main(["check", "page.md"]) == 1
    assert "page.md:4:1: ACME001" in capsys.readouterr().out


def test_cli_reports_an_id_clash_as_a_usage_error(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.docsec.custom_rules]]\nid = "DSP014"\ntitle = "t"\nmessage = "m"\ncall = "x.y"\n', encoding="utf-8")
    (tmp_path / "page.md").write_text("# Page\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert docsec_main(["check", "page.md"]) == 2
    assert "duplicate rule id DSP014" in capsys.readouterr().err
