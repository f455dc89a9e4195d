"""The installed ``docsec`` console script, run as a user (and pre-commit) would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def console_script() -> str:
    beside = Path(sys.executable).with_name("docsec")
    found = str(beside) if beside.exists() else shutil.which("docsec")
    if not found:
        pytest.fail("the docsec console script is not installed (pip install -e .)")
    return found


def test_console_script_gates_the_tree(tree: Path) -> None:
    done = subprocess.run([console_script(), "check", "docs"], capture_output=True, text=True, check=False, cwd=tree,
                          env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"}, timeout=120)
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("docs/serve.md:7:1: DSP014 [medium] ")
    assert done.stderr == ""
    done = subprocess.run([console_script(), "check", "docs/safe.md"], capture_output=True, text=True, check=False, cwd=tree,
                          timeout=120)
    assert (done.returncode, done.stdout) == (0, "docsec: no unmarked findings (1 file, 1 block scanned)\n")


def test_checking_markdown_loads_neither_sphinx_nor_docutils(tree: Path) -> None:
    probe = (
        "import sys\n"
        "from docsec.cli.main import main\n"
        "code = main(['check', '-q', 'docs/serve.md'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sphinx', 'docutils', 'nbformat'))\n"
        "print(code, heavy)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, cwd=tree, timeout=120)
    assert done.stdout.splitlines()[-1] == "1 []", done.stderr


def test_pre_commit_hook_definition() -> None:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "docsec" and hook["entry"] == "docsec check"
    assert hook["language"] == "python" and hook["pass_filenames"] is True
    assert hook["types_or"] == ["markdown", "rst", "jupyter"]
