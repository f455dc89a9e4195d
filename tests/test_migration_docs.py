"""docs/migrating.md tells the truth: following it adopts tests/book_site, a sample shaped like a real
security handbook, and its commands, outputs, edits and excerpts are what happens.

The page's ``console`` blocks are transcripts: each ``$ docsec ...`` line is
run, in order, in one copy of the sample site, and what it prints (standard
output and error, as a terminal shows them) must be the lines below it; a
``diff`` block right after a transcript is the rest of that output.  A
``{code-block}`` captioned ``FILE, before`` must appear in the original file,
``FILE, after`` in the file at that point of the walk-through; ``FILE, new``
is written as the reader would write it; ``FILE, before your edit`` followed
by ``FILE, after your edit`` is an edit the reader makes by hand, made here
the same way.  The page makes no other edit, and the only edits that are not
docsec's are those (a genuinely insecure "secure" example, and a block to split).
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
SITE = Path(__file__).parent / "book_site"


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


EXPECTED = {"commands": 8, "before": 0, "after": 3, "new": 1, "edits": 3}


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
    assert follow_the_page(site, monkeypatch) == EXPECTED
    # Followed to its end, the page leaves a site that passes the gate on docsec's own markers alone.
    assert docsec_main(["check", "--quiet", "."]) == 0
    assert "legacy_" not in (site / "pyproject.toml").read_text(encoding="utf-8")


def follow_the_page(site: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Do what docs/migrating.md says, in ``site`` (the working directory); return what was checked."""
    checked = {"commands": 0, "before": 0, "after": 0, "new": 0, "edits": 0}
    pending = ""  # output of the last command not yet matched
    edit: tuple[str, str] | None = None  # (file, text) of a "before your edit" waiting for its "after"
    for kind, caption, content in steps():
        if kind == "excerpt" and caption.endswith(", new"):
            name = caption.rpartition(",")[0]
            assert not (site / name).exists(), caption
            (site / name).write_text(content, encoding="utf-8")
            checked["new"] += 1
            continue
        if kind == "excerpt" and caption.endswith(", before your edit"):
            edit = (caption.rpartition(",")[0], content)
            continue
        if kind == "excerpt" and caption.endswith(", after your edit"):
            name, before = edit or ("", "")
            assert name == caption.rpartition(",")[0], caption
            text = (site / name).read_text(encoding="utf-8")
            assert text.count(before) == 1, caption
            (site / name).write_text(text.replace(before, content), encoding="utf-8")
            checked["edits"] += 1
            edit = None
            continue
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
    assert edit is None
    return checked


def _transcript(content: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for line in content.splitlines(keepends=True):
        if line.startswith("$ "):
            pairs.append((line[2:].strip(), ""))
        else:
            command, expected = pairs[-1]
            pairs[-1] = (command, expected + line)
    return pairs
