"""docsec never writes outside the project, never through a symbolic link, never into a pipe (issue 20).

The checkout under review can hold links and pipes where docsec will write: a page that is a link to a
file of another project (``--fix``), a ``docsec.mjs`` that is a link to the user's shell profile
(``myst-plugin install``), a ``docsec.sarif`` or baseline that is a link or a named pipe (``--output``,
``--write-baseline``).  Each is refused with one message and exit status 2, and the file behind it is
left as it was.  Pipes are tested in a subprocess with a timeout: opening one for writing or reading
blocked forever before.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main

LEGACY = '[tool.docsec]\nlegacy_phrases = ["insecure practice"]\n'
PAGE = "# Page\n\nThis is insecure practice:\n\n```python\nrequests.get(url, verify=False)\n```\n"
PROFILE = "export PATH=$HOME/bin:$PATH\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    (root / "docs").mkdir(parents=True)
    (root / "pyproject.toml").write_text(LEGACY, encoding="utf-8")
    (root / "docs" / "page.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def run(*args: str, cwd: Path, timeout: int = 60) -> subprocess.CompletedProcess:
    code = "import sys; from docsec.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "NO_COLOR": "1"}, check=False)


def test_fix_does_not_rewrite_a_page_reached_through_a_link_out_of_the_project(project: Path, tmp_path: Path,
                                                                               capsys) -> None:
    other = tmp_path / "other-project" / "guide.md"
    other.parent.mkdir()
    other.write_text(PAGE, encoding="utf-8")
    (project / "docs" / "linked.md").symlink_to(other)
    assert docsec_main(["check", "--fix", "docs"]) == 2
    assert other.read_text(encoding="utf-8") == PAGE  # rewritten before
    assert "insecure-example" in (project / "docs" / "page.md").read_text(encoding="utf-8")
    out = capsys.readouterr().out
    assert "docs/linked.md:1: error: is a link to a file outside the project" in out


def test_fix_does_not_write_through_a_link_inside_the_project(project: Path, capsys) -> None:
    (project / "docs" / "alias.md").symlink_to(project / "docs" / "page.md")
    assert docsec_main(["check", "--fix", "docs/alias.md"]) == 2
    assert (project / "docs" / "page.md").read_text(encoding="utf-8") == PAGE
    assert (project / "docs" / "alias.md").is_symlink()
    err = capsys.readouterr().err
    assert "docs/alias.md:1: error: cannot fix docs/alias.md:" in err and "is a symbolic link" in err


def test_fix_outside_the_project_is_refused(project: Path, tmp_path: Path, capsys) -> None:
    elsewhere = tmp_path / "elsewhere.md"
    elsewhere.write_text(PAGE, encoding="utf-8")
    assert docsec_main(["check", "--fix", str(elsewhere)]) == 2
    assert elsewhere.read_text(encoding="utf-8") == PAGE
    assert "outside the project" in capsys.readouterr().err


def test_fix_never_blocks_on_a_pipe(project: Path) -> None:
    os.mkfifo(project / "docs" / "pipe.md")
    done = run("check", "--fix", "docs/pipe.md", cwd=project)  # hung before
    assert done.returncode == 2, done.stderr
    assert "docs/pipe.md:1: error: docs/pipe.md is not a regular file" in done.stdout


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_report_or_baseline_that_is_a_link_is_not_written_through(project: Path, tmp_path: Path, capsys,
                                                                    option: str) -> None:
    profile = tmp_path / "home" / ".bashrc"
    profile.parent.mkdir()
    profile.write_text(PROFILE, encoding="utf-8")
    (project / "docsec.sarif").symlink_to(profile)
    assert docsec_main(["check", "--format", "sarif", option, "docsec.sarif", "docs"]) == 2
    assert profile.read_text(encoding="utf-8") == PROFILE
    assert "docsec.sarif: is a symbolic link; docsec does not write through links" in capsys.readouterr().err


def test_a_report_in_a_linked_folder_of_the_project_is_not_written(project: Path, tmp_path: Path, capsys) -> None:
    outside = tmp_path / "home"
    outside.mkdir()
    (project / "reports").symlink_to(outside)
    assert docsec_main(["check", "--output", "reports/docsec.txt", "docs"]) == 2
    assert list(outside.iterdir()) == []
    assert "reports is a symbolic link; docsec does not write through links" in capsys.readouterr().err


def test_a_report_that_is_a_pipe_is_refused_without_blocking(project: Path) -> None:
    os.mkfifo(project / "docsec.sarif")
    done = run("check", "--format", "sarif", "--output", "docsec.sarif", "docs", cwd=project)
    assert done.returncode == 2
    assert "docsec.sarif: is a named pipe with no reader; docsec writes only regular files" in done.stderr


def test_myst_plugin_install_does_not_write_through_a_link(project: Path, tmp_path: Path, capsys) -> None:
    profile = tmp_path / "home" / ".bashrc"
    profile.parent.mkdir()
    profile.write_text(PROFILE, encoding="utf-8")
    (project / "myst.yml").write_text("version: 1\nproject:\n  plugins:\n    - docsec.mjs\n", encoding="utf-8")
    (project / "docsec.mjs").symlink_to(profile)
    assert docsec_main(["myst-plugin", "install", "."]) == 2
    assert profile.read_text(encoding="utf-8") == PROFILE  # overwritten with the plugin before
    assert "docsec.mjs: is a symbolic link; docsec does not write through links" in capsys.readouterr().err
    (project / "plugins").symlink_to(profile.parent)
    assert docsec_main(["myst-plugin", "install", ".", "--to", "plugins/"]) == 2
    assert sorted(p.name for p in profile.parent.iterdir()) == [".bashrc"]
    assert docsec_main(["myst-plugin", "install", ".", "--to", "../escape.mjs"]) == 2
    assert not (tmp_path / "escape.mjs").exists()
    assert "outside the project" in capsys.readouterr().err
    (project / "docsec.mjs").unlink()
    assert docsec_main(["myst-plugin", "install", "."]) == 0
    assert (project / "docsec.mjs").is_file() and not (project / "docsec.mjs").is_symlink()
