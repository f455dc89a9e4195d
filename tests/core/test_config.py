"""One configuration model: validation, help text, pyproject loading."""

from __future__ import annotations

from pathlib import Path

import pytest

from docsec.core.config import Config, ConfigError, read_pyproject, settings_help
from docsec.model import Severity


def test_from_mapping_validates_and_normalises() -> None:
    config = Config.from_mapping({"min_severity": "HIGH", "ignore": "dsp014, DSS", "fail-on": "never"})
    assert config.min_severity is Severity.HIGH
    assert config.ignore == ("DSP014", "DSS")
    assert config.fail_on == "never"


@pytest.mark.parametrize("key, value, expected", [
    ("min_severity", "urgent", "one of info, low, medium, high, critical"),
    ("fail_on", "always", "one of 'unmarked', 'never'"),
    ("ignore", ["not a rule!"], "rule ids or prefixes"),
    ("insecure_banner", 3, "a string"),
    ("no_such_setting", 1, "a known setting"),
])
def test_errors_name_the_key_the_value_and_what_is_allowed(key, value, expected) -> None:
    with pytest.raises(ConfigError) as error:
        Config.from_mapping({key: value}, source="pyproject.toml")
    message = str(error.value)
    assert message.startswith("pyproject.toml: ")
    shown = value[0] if isinstance(value, list) else value
    assert repr(shown) in message
    assert expected in message


def test_every_setting_has_help() -> None:
    rows = settings_help()
    assert {name for name, _, _ in rows} >= {"fail_on", "min_severity", "ignore", "select", "exclude"}
    assert all(help_text for _, _, help_text in rows)


def test_read_pyproject_finds_the_nearest_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.docsec]\nignore = ["DSP014"]\n', encoding="utf-8")
    nested = tmp_path / "docs" / "guide"
    nested.mkdir(parents=True)
    table, path = read_pyproject(nested)
    assert table == {"ignore": ["DSP014"]} and path == tmp_path / "pyproject.toml"


def test_read_pyproject_reports_malformed_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.docsec\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="valid TOML"):
        read_pyproject(tmp_path)
