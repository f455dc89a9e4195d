from __future__ import annotations

from pathlib import Path

from docsec.cli.main import main


def test_myst_plugin_install_copies_the_plugin_and_prints_the_config(tmp_path: Path, capsys) -> None:
    (tmp_path / "myst.yml").write_text("version: 1\nproject:\n  title: Book\n", encoding="utf-8")
    assert main(["myst-plugin", "install", str(tmp_path)]) == 0
    plugin = tmp_path / "docsec.mjs"
    assert plugin.is_file() and "docsec" in plugin.read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert "plugins:" in out and "docsec.mjs" in out


def test_myst_plugin_needs_an_action(capsys) -> None:
    assert main(["myst-plugin"]) == 2
