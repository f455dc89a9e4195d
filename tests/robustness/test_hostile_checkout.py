"""A pull request's checkout cannot make docsec import or run its files.

The gate runs inside the repository under review: whatever that repository
holds (a ``tomllib.py``, a ``typing.py``, an ``*.egg-info`` declaring a
``docsec.rules`` entry point) must stay data.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SHADOWED = ("tomllib", "typing", "argparse", "json", "pathspec", "yaml", "markdown_it", "dataclasses", "enum",
            "importlib_metadata", "difflib", "fnmatch")
UNSAFE = "import socket\nfrom http.server import HTTPServer\nHTTPServer(('0.0.0.0', 8000), None)\n"


def hostile_checkout(root: Path, marker: Path) -> None:
    """Modules named like what docsec imports, and a rule pack declared by an egg-info, all of which
    write ``marker`` if imported."""
    root.mkdir(parents=True, exist_ok=True)
    touch = f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
    for name in SHADOWED:
        (root / f"{name}.py").write_text(touch, encoding="utf-8")
    (root / "evil_rules.py").write_text(touch, encoding="utf-8")
    info = root / "evil_rules-1.0.egg-info"
    info.mkdir()
    (info / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: evil-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[docsec.rules]\nevil = evil_rules\n", encoding="utf-8")
    (root / "pyproject.toml").write_text("[tool.docsec]\nmin_severity = 'low'\n", encoding="utf-8")
    (root / "page.md").write_text(f"# Page\n\n```python\n{UNSAFE}```\n", encoding="utf-8")


@pytest.mark.parametrize("module", ["docsec.cli", "docsec.mystmd"])
def test_python_m_imports_nothing_from_the_working_directory(tmp_path: Path, module: str) -> None:
    marker = tmp_path / "imported.txt"
    checkout = tmp_path / "checkout"
    hostile_checkout(checkout, marker)
    args = ["check", "page.md"] if module == "docsec.cli" else ["scan"]
    stdin = '{"path": "page.md", "blocks": [{"lang": "python", "value": "x = 1\\n", "line": 3}]}'
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=checkout, capture_output=True, text=True,
                          input=stdin, timeout=120, check=False)
    assert not marker.exists(), f"imported from the checkout: {marker.read_text()}\n{done.stderr}"
    if module == "docsec.cli":
        assert done.returncode == 1, done.stderr
        assert "page.md:6:1: DSP014" in done.stdout
    else:
        assert done.returncode == 0 and '"findings": []' in done.stdout, done.stderr


def test_the_working_directory_leaves_sys_path_only_for_python_m(tmp_path: Path) -> None:
    probe = "import sys, os; import docsec; print(os.getcwd() in sys.path or '' in sys.path)"
    done = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          check=True)
    assert done.stdout.strip() == "True"  # importing docsec as a library (Sphinx) leaves sys.path alone


def rule_pack(site: Path, marker: Path) -> None:
    """An installed distribution ``acme-rules`` with a ``docsec.rules`` entry point named ``acme``."""
    package = site / "acme_rules"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(textwrap.dedent(f"""\
        \"\"\"ACME's rules: acme.connect is flagged.\"\"\"
        open({str(marker)!r}, "a").write("imported\\n")
        from docsec.model import Hit
        from docsec.rules.registry import rule

        @rule(id="ACME001", symbol="acme-connect", title="ACME connect", severity="high",
              confidence="high", cwe=None, languages=("text",), message="acme.connect found",
              use_instead="acme.safe_connect()", triggers=("acme.connect",))
        def acme_connect(view):
            for number, line in enumerate(view.lines, start=1):
                if "acme.connect" in line:
                    yield Hit(number)
        """), encoding="utf-8")
    info = site / "acme_rules-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: acme-rules\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[docsec.rules]\nacme = acme_rules\n", encoding="utf-8")


def run_check(cwd: Path, site: Path, *args: str) -> subprocess.CompletedProcess:
    import os

    env = dict(os.environ, PYTHONPATH=str(site), NO_COLOR="1")
    code = "import sys; from docsec.cli.main import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", code, "check", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120, check=False)


def test_an_installed_rule_pack_loads_only_when_named(tmp_path: Path) -> None:
    marker, site, project = tmp_path / "pack-imported", tmp_path / "site", tmp_path / "project"
    rule_pack(site, marker)
    project.mkdir()
    (project / "page.md").write_text("# Page\n\n```text\nacme.connect(host)\n```\n", encoding="utf-8")

    done = run_check(project, site, "page.md")
    assert (done.returncode, marker.exists()) == (0, False), done.stdout + done.stderr

    (project / "pyproject.toml").write_text("[tool.docsec]\nrule_packs = ['acme']\n", encoding="utf-8")
    done = run_check(project, site, "page.md")
    assert marker.exists()
    assert done.returncode == 1 and "page.md:4:1: ACME001 [high] acme.connect found" in done.stdout, done.stderr


def test_a_named_rule_pack_that_is_not_installed_is_a_configuration_error(tmp_path: Path) -> None:
    marker, site, project = tmp_path / "pack-imported", tmp_path / "site", tmp_path / "project"
    rule_pack(site, marker)
    project.mkdir()
    (project / "pyproject.toml").write_text("[tool.docsec]\nrule_packs = ['acmee']\n", encoding="utf-8")
    (project / "page.md").write_text("# Page\n", encoding="utf-8")
    done = run_check(project, site, "page.md")
    assert done.returncode == 2
    assert "rule pack 'acmee' is not installed" in done.stderr and "did you mean acme?" in done.stderr
    assert not marker.exists()
