"""What the walk cannot read fails the gate with a message, never a skip or a traceback (issue 20).

An unreadable folder, a path that cannot be looked at, a file name that is not UTF-8 and a link out of
the project are each an exit-2 diagnostic naming the path, with every other finding kept.  The tests run
as root in CI containers, where permissions do not stop a read: the file system's refusal is simulated
where it happens (``os.scandir`` for a folder, ``os.stat`` for a path); one test uses real permissions
when it can.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main

PICKLE_MD = "# Page\n\n```python\nimport pickle\npickle.loads(blob)\n```\n"
SECRET = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq98/9z\n-----END RSA PRIVATE KEY-----\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "docs" / "private").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[tool.docsec]\n", encoding="utf-8")
    (root / "docs" / "page.md").write_text(PICKLE_MD, encoding="utf-8")
    (root / "docs" / "private" / "hidden.md").write_text(PICKLE_MD, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def check_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = docsec_main(["check", "--format", "json", *args])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return code, json.loads(captured.out)


def diagnostics(report: dict) -> list[tuple[str, str, str]]:
    return [(d["path"], d["code"], d["severity"]) for d in report["diagnostics"]]


def findings(report: dict) -> list[tuple[str, int, str]]:
    return [(f["path"], f["line"], f["rule"]) for f in report["findings"]]


def refuse(monkeypatch: pytest.MonkeyPatch, name: str, folder: Path) -> None:
    """Make ``os.<name>`` fail with EACCES for ``folder`` and what is under it, as the file system would."""
    original = getattr(os, name)

    def refused(path, *args, **kwargs):
        if os.fspath(path) == str(folder) or os.fspath(path).startswith(str(folder) + os.sep):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, name, refused)


def test_a_folder_that_cannot_be_listed_fails_the_gate(project: Path, capsys, monkeypatch) -> None:
    refuse(monkeypatch, "scandir", project / "docs" / "private")  # skipped with exit 0 before
    code, report = check_json(capsys, "docs")
    assert code == 2
    assert diagnostics(report) == [("docs/private", "unreadable-folder", "high")]
    assert "cannot read this folder (Permission denied)" in report["diagnostics"][0]["message"]
    assert findings(report) == [("docs/page.md", 5, "DSP005")]


def test_a_path_that_cannot_be_looked_at_fails_the_gate_without_a_traceback(project: Path, capsys,
                                                                              monkeypatch) -> None:
    refuse(monkeypatch, "stat", project / "docs" / "private")  # a PermissionError traceback before
    code, report = check_json(capsys, "docs/page.md", "docs/private/hidden.md")
    assert code == 2
    assert diagnostics(report) == [("docs/private/hidden.md", "unreadable-path", "high")]
    assert findings(report) == [("docs/page.md", 5, "DSP005")]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_permissions_fails_the_gate(project: Path, capsys) -> None:
    private = project / "docs" / "private"
    private.chmod(0)
    try:
        code, report = check_json(capsys, "docs")
    finally:
        private.chmod(0o755)
    assert code == 2 and diagnostics(report) == [("docs/private", "unreadable-folder", "high")]
    assert findings(report) == [("docs/page.md", 5, "DSP005")]


def test_a_file_name_that_is_not_utf8_is_scanned_and_every_report_is_written(project: Path, capsys) -> None:
    name = os.fsdecode(b"caf\xe9.md")  # a UnicodeEncodeError in the baseline, and no SARIF, before
    (project / "docs" / name).write_text(PICKLE_MD, encoding="utf-8")
    code, report = check_json(capsys, "docs")
    assert code == 2
    assert diagnostics(report) == [("docs/caf%E9.md", "file-name-not-utf8", "high")]
    assert findings(report) == [("docs/caf%E9.md", 5, "DSP005"), ("docs/page.md", 5, "DSP005"),
                                ("docs/private/hidden.md", 5, "DSP005")]
    assert docsec_main(["check", "--write-baseline", "baseline.json", "docs"]) == 2
    baseline = json.loads((project / "baseline.json").read_text(encoding="utf-8"))
    assert sorted(entry["path"] for entry in baseline["entries"]) == [
        "docs/caf%E9.md", "docs/page.md", "docs/private/hidden.md"]
    assert docsec_main(["check", "--baseline", "baseline.json", "--format", "sarif", "-o", "out.sarif", "docs"]) == 2
    sarif = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    assert [n["descriptor"]["id"] for n in sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]] == [
        "file-name-not-utf8"]
    assert {r["baselineState"] for r in sarif["runs"][0]["results"]} == {"unchanged"}


def test_a_link_out_of_the_project_is_not_read(project: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "home" / ".ssh"
    outside.mkdir(parents=True)
    (outside / "id_rsa.md").write_text(f"```text\n{SECRET}```\n", encoding="utf-8")
    (project / "docs" / "keys.md").symlink_to(outside / "id_rsa.md")
    (project / "docs" / "again.md").symlink_to(project / "docs" / "page.md")  # inside the project: read
    code, report = check_json(capsys, "docs")
    assert code == 2
    assert diagnostics(report) == [("docs/keys.md", "outside-project", "high")]
    assert "is a link to a file outside the project" in report["diagnostics"][0]["message"]
    assert findings(report) == [("docs/again.md", 5, "DSP005"), ("docs/page.md", 5, "DSP005"),
                                ("docs/private/hidden.md", 5, "DSP005")]
    assert "BEGIN RSA" not in json.dumps(report)
    code, report = check_json(capsys, "docs/keys.md")  # named on the command line: the same
    assert (code, diagnostics(report), findings(report)) == (2, [("docs/keys.md", "outside-project", "high")], [])
