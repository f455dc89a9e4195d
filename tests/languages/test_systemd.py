"""systemd units read with configparser as systemd reads them."""

from __future__ import annotations

from docsec.languages import build_views
from docsec.languages.systemd import Setting, SystemdView


def unit(text: str, label: str = "systemd") -> SystemdView:
    found = build_views(text, label).get("systemd")
    assert isinstance(found, SystemdView)
    return found


def test_sections_case_repeated_keys_and_lines() -> None:
    read = unit("[Unit]\nDescription=Web\n\n[Service]\n# comment\nExecStart=\nExecStart=/opt/app --port 80\n"
                "Environment=A=1\nEnvironment=B=2\n")
    assert read.settings == [
        Setting("Unit", "Description", "Web", 2), Setting("Service", "ExecStart", "", 6),
        Setting("Service", "ExecStart", "/opt/app --port 80", 7), Setting("Service", "Environment", "A=1", 8),
        Setting("Service", "Environment", "B=2", 9)]
    assert read.get("Service", "ExecStart").value == "/opt/app --port 80"


def test_a_fragment_is_a_service_section_and_a_broken_unit_is_read_line_by_line() -> None:
    assert unit("User=root\nExecStart=/bin/true\n").get("Service", "User") == Setting("Service", "User", "root", 1)
    broken = unit("[Service]\nnot a setting\nUser=app\n", "ini")
    assert broken.get("Service", "User") == Setting("Service", "User", "app", 3)
