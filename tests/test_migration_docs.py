"""docs/migrating.md tells the truth: its commands, outputs and before/after excerpts, on tests/legacy_site.

The page's ``console`` blocks are transcripts: each ``$ docsec ...`` line is
run, in order, in one copy of the sample site, and what it prints (standard
output and error, as a terminal shows them) must be the lines below it; a
``diff`` block right after a transcript is the rest of that output.  A
``{code-block}`` captioned ``FILE, before`` must appear in the original file,
``FILE, after`` in the file at that point of the walk-through.
"""

from __future__ import annotations

import io
import shlex
import shutil
from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main
from docsec.sources.markdown import parse

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "docs" / "migrating.md"
SITE = Path(__file__).parent / "legacy_site"


def steps() -> list[tuple[str, str, str]]:
    """(kind, info, content) of each fence and code-block, in page order."""
    found = []
    for token in parse(PAGE.read_text(encoding="utf-8")):
        if token.type != "fence":
            continue
        info = token.info.strip()
        if info.startswith("{code-block}"):
            lines = token.content.split("\n")
            caption = next((line.split(":caption:")[1].strip() for line in lines if line.startswith(":caption:")), "")
            body = "\n".join(lines[lines.index("") + 1:]) if "" in lines else token.content
            found.append(("excerpt", caption, body))
        else:
            found.append((info, "", token.content))
    return found


def run(command: str, monkeypatch: pytest.MonkeyPatch) -> str:
    terminal = io.StringIO()
    monkeypatch.setattr("sys.stdout", terminal)
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setenv("NO_COLOR", "1")
    docsec_main(shlex.split(command)[1:])
    return terminal.getvalue()


def test_every_command_output_and_excerpt_of_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    shutil.copytree(SITE, site)
    monkeypatch.chdir(site)
    checked = {"commands": 0, "before": 0, "after": 0}
    pending = ""  # output of the last command not yet matched
    for kind, caption, content in steps():
        if kind == "console":
            assert not pending, f"unexplained output: {pending}"
            for command, expected in _transcript(content):
                output = run(command, monkeypatch)
                assert output.startswith(expected), (command, output)
                pending = output[len(expected):]
                checked["commands"] += 1
        elif kind == "diff":
            assert pending.startswith(content), pending
            pending = ""
        elif kind == "excerpt" and caption.endswith((", before", ", after")):
            name, _, when = caption.partition(",")
            original = (SITE / name).read_text(encoding="utf-8")
            current = (site / name).read_text(encoding="utf-8")
            assert content in (original if when.strip() == "before" else current), caption
            checked[when.strip()] += 1
    assert not pending, f"unexplained output: {pending}"
    assert checked == {"commands": 7, "before": 2, "after": 3}


def _transcript(content: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for line in content.splitlines(keepends=True):
        if line.startswith("$ "):
            pairs.append((line[2:].strip(), ""))
        else:
            command, expected = pairs[-1]
            pairs[-1] = (command, expected + line)
    return pairs
