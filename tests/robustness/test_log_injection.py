"""What a page's code says cannot start a line of the build log or drive the terminal, in any front end.

In a CI gate the log is read by the runner: a line that starts with
``::error file=...`` is a GitHub workflow command, an ESC or OSC sequence
reaches the reader's terminal.  A ``pip.conf`` block whose value carries an
escape sequence is quoted in DSS005's message; a page whose file name holds
a line break is named in every location.  Every front end shows them escaped.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main
from docsec.escaping import printable
from docsec.mystmd.scan import scan_json

ESCAPE = "\x1b]8;;https://evil.example\x07click\x1b[2J"
HOSTILE_INI = f"[global]\ntrusted-host = pypi.example.org{ESCAPE}\n"
PAGE = f"# Page\n\n```ini\n{HOSTILE_INI}```\n"
NEWLINE_NAME = "guide\n::error file=README.md,line=1::pwned.md"


def assert_clean(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text, repr(text)
    assert not any(line.startswith("::error file=README") for line in text.splitlines()), text


@pytest.mark.parametrize("value, shown", [
    ("plain text, é and 日本", "plain text, é and 日本"),
    ("a\nb\r\x85c", "a\\x0ab\\x0d\\x85c"),
    ("\x1b[31mred\x07", "\\x1b[31mred\\x07"),
    ("tab\tstays", "tab\tstays"),
    ("\u2028\u2029\u202e\u2066", "\\u2028\\u2029\\u202e\\u2066"),
])
def test_printable_escapes_controls_breaks_and_bidi(value: str, shown: str) -> None:
    assert printable(value) == shown


def test_the_rule_message_quotes_the_escape_sequence() -> None:
    """The vector is real: without escaping, the sequence would be in the message."""
    from docsec.core.engine import Engine
    from docsec.model import CodeBlock, Location

    (finding,) = Engine().scan(CodeBlock(HOSTILE_INI, "ini", Location("p.md", 4))).findings
    assert finding.rule_id == "DSS005" and ESCAPE[:5] in finding.message


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_docsec_check_reports_escape_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, fmt: str) -> None:
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / NEWLINE_NAME).write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert docsec_main(["check", "--format", fmt, "."]) == 1
    out = capsys.readouterr()
    assert_clean(out.out + out.err)
    assert "DSS005" in out.out and ("\\x1b" in out.out or "%1B" in out.out)


def test_mystmd_replies_escape_them() -> None:
    request = {"id": 1, "path": "page.md", "blocks": [{"lang": "ini", "value": HOSTILE_INI, "line": 4,
                                                       "anchor": "exact"}]}
    reply = json.loads(scan_json(json.dumps(request)))
    (finding,) = reply["findings"]
    assert finding["rule_id"] == "DSS005" and "\\x1b]8;;" in finding["message"]
    assert "\x1b" not in finding["message"]
