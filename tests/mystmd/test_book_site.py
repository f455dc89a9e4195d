"""The book-shaped sample with the real mystmd: before the migration its build fails on the unmarked
examples alone; after docs/migrating.md, `myst build` (no --strict) passes with docsec's markers, and the
requirements it lifted get the level docsec's Python classification gives them."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from docsec.core import rfc2119
from docsec.mystmd.install import install
from myst_projects import build

sys.path.insert(0, str(Path(__file__).parents[1]))
from test_migration_docs import EXPECTED, SITE, follow_the_page  # noqa: E402

pytestmark = pytest.mark.slow


def _offline(site: Path) -> None:
    """Point the site at a local dummy template and list the plugin, as the page says."""
    template = site.parent / "template"
    template.mkdir(exist_ok=True)
    (template / "template.yml").write_text("myst: v1\nkind: site\n", encoding="utf-8")
    text = (site / "myst.yml").read_text(encoding="utf-8")
    text = text.replace("  template: book-theme", "  template: ../template")
    text = text.replace("project:\n", "project:\n  plugins:\n    - docsec.mjs\n", 1)
    (site / "myst.yml").write_text(text, encoding="utf-8")
    install(site)


def _security_items(node: dict, found: list) -> list:
    if node.get("type") == "admonition" and "docsec-security" in str(node.get("class", "")):
        found.append(node)
    for child in node.get("children", []) or []:
        if isinstance(child, dict):
            _security_items(child, found)
    return found


def test_the_sample_fails_before_and_builds_clean_after_the_migration(tmp_path, myst_bin, monkeypatch):
    before = tmp_path / "before" / "site"
    shutil.copytree(SITE, before)
    _offline(before)
    result = build(myst_bin, before)
    assert result.returncode == 1, result.stdout + result.stderr
    assert len(re.findall(r"docsec (DS[A-Z]\d{3})", result.stdout + result.stderr)) >= 20

    site = tmp_path / "after" / "site"
    shutil.copytree(SITE, site)
    monkeypatch.chdir(site)
    assert follow_the_page(site, monkeypatch) == EXPECTED
    _offline(site)
    result = build(myst_bin, site)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "⛔️" not in output and "docsec DS" not in output

    [page] = (site / "_build" / "site" / "content").glob("*secure*coding*.json")
    ast = json.loads(page.read_text(encoding="utf-8"))["mdast"]
    items = _security_items(ast, [])
    assert len(items) >= 6
    source = (site / "guidelines" / "secure_coding.md").read_text(encoding="utf-8")
    bodies = re.findall(r":::\{security\}\n(.*?)\n:::", source, re.DOTALL)
    assert [item["docsec"]["level"] for item in items] == [rfc2119.level_of(body) for body in bodies]
