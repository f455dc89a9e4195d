"""Migrating the sample legacy site (tests/legacy_site), as docs/migrating.md walks through it.

The site was written before docsec: insecure examples are marked by a notice
paragraph or a ``danger`` admonition, requirements are bold keywords in
prose.  MyST and rST pages, a notebook, nested lists, a CRLF file.
"""

from __future__ import annotations

import difflib
import json
import shutil
from pathlib import Path

import front_end_rows
import pytest

from docsec.cli.main import main as docsec_main
from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.sources import extract

SITE = Path(__file__).parent / "legacy_site"
# What the site deliberately left without a legacy notice: the author confirms these with --mark.
CONFIRMED = ["tutorial/quickstart.md:28", "deployment.rst:56", "deployment.rst:69"]
EVERY_INSECURE_EXAMPLE = {
    ("deployment.rst", None, 23, "DSK001"), ("deployment.rst", None, 42, "DSS003"),
    ("deployment.rst", None, 53, "DSS002"), ("deployment.rst", None, 56, "DSP008"),
    ("deployment.rst", None, 69, "DSS004"), ("notebooks/explore.ipynb", 4, 1, "DSP010"),
    ("notebooks/explore.ipynb", 6, 1, "DSP005"), ("security.md", None, 18, "DSP014"),
    ("security.md", None, 41, "DSP010"), ("security.md", None, 50, "DSS004"), ("security.md", None, 61, "DSP019"),
    ("security.md", None, 76, "DSP005"), ("tutorial/quickstart.md", None, 28, "DSP001"),
    ("windows.md", None, 12, "DSS005"),
}
# (deployment.rst:56 follows a danger admonition that holds its own code and is about something else.)
GENUINELY_UNMARKED = {("tutorial/quickstart.md", None, 28, "DSP001"), ("deployment.rst", None, 56, "DSP008"),
                      ("deployment.rst", None, 69, "DSS004")}


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(SITE, copy)
    monkeypatch.chdir(copy)
    return copy


def check(capsys, *args: str) -> tuple[int, set[tuple], dict]:
    capsys.readouterr()
    code = docsec_main(["check", "--format", "json", *args, "."])
    report = json.loads(capsys.readouterr().out)
    unmarked = {(f["path"], f["cell"], f["line"], f["rule"]) for f in report["findings"] if f["status"] == "unmarked"}
    return code, unmarked, report


def test_the_site_uses_crlf_where_it_says(site: Path) -> None:
    assert b"\r\n" in (site / "windows.md").read_bytes()
    assert b"\r\n" not in (site / "security.md").read_bytes()


def test_without_configuration_every_insecure_example_fails(site: Path, capsys) -> None:
    code, unmarked, _ = check(capsys)
    assert code == 1
    assert unmarked == EVERY_INSECURE_EXAMPLE


def test_with_the_legacy_setting_only_the_genuinely_unmarked_fail(site: Path, capsys) -> None:
    code, unmarked, report = check(capsys, "--config", "legacy.toml")
    assert code == 1
    assert unmarked == GENUINELY_UNMARKED
    legacy = [f for f in report["findings"] if (f["marked_by"] or "").startswith("legacy marker")]
    assert len(legacy) == len(EVERY_INSECURE_EXAMPLE) - len(GENUINELY_UNMARKED)


def test_fix_then_check_without_the_legacy_setting_passes(site: Path, capsys) -> None:
    before = _snapshot(site)
    chosen = _chosen_spans(site)
    marks = [arg for location in CONFIRMED for arg in ("--mark", location)]
    code, unmarked, _ = check(capsys, "--config", "legacy.toml", "--fix", *marks)
    assert (code, unmarked) == (0, set())
    code, unmarked, report = check(capsys)  # no legacy setting any more
    assert (code, unmarked) == (0, set())
    assert report["summary"]["marked"] == len(EVERY_INSECURE_EXAMPLE)
    assert not [f for f in report["findings"] if (f["marked_by"] or "").startswith("legacy")]
    after = _snapshot(site)
    _only_marked_blocks_changed(before, after, chosen)
    capsys.readouterr()
    assert docsec_main(["check", "--config", "legacy.toml", "--fix", "."]) == 0  # second run: nothing to do
    assert "docsec: nothing to rewrite" in capsys.readouterr().err
    assert _snapshot(site) == after


def _snapshot(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def _chosen_spans(site: Path) -> dict[str, list[tuple[int, int]]]:
    """For each text file, the lines of the blocks --fix may rewrite (with a notice that may move)."""
    config = Config.from_mapping({"legacy_admonitions": ["danger"],
                                  "legacy_phrases": ["insecure practice", "do not use this code"]})
    engine = Engine(config)
    spans: dict[str, list[tuple[int, int]]] = {}
    for path in [*site.rglob("*.md"), *site.rglob("*.rst")]:
        name = path.relative_to(site).as_posix()
        for block in extract(path, name, config).blocks:
            if engine.scan(block).findings:
                notice, holder = block.marker.notice, block.marker.holder  # a notice moves, an admonition turns
                start = notice[0] if notice else holder[0] if holder else block.origin.start
                spans.setdefault(name, []).append((start, block.origin.end))
    return spans


def _only_marked_blocks_changed(before: dict[str, bytes], after: dict[str, bytes],
                                spans: dict[str, list[tuple[int, int]]]) -> None:
    assert before.keys() == after.keys()
    for name in before:
        if name.endswith(".ipynb"):
            old, new = json.loads(before[name]), json.loads(after[name])
            tagged = [i + 1 for i, (a, b) in enumerate(zip(old["cells"], new["cells"])) if a != b]
            assert tagged == [4, 6]
            for number in tagged:
                changed = dict(new["cells"][number - 1])
                assert changed["metadata"].pop("tags") == ["docsec-insecure"]
                assert changed == old["cells"][number - 1]
            continue
        old_lines = before[name].decode().splitlines(keepends=True)
        new_lines = after[name].decode().splitlines(keepends=True)
        matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        for tag, i1, i2, _, _ in matcher.get_opcodes():
            if tag == "equal":
                continue
            first, last = i1 + 1, max(i2, i1 + 1)
            assert any(start - 1 <= first and last <= end + 1 for start, end in spans.get(name, [])), (
                name, tag, old_lines[i1:i2])


def sphinx_build(src: Path, out: Path) -> tuple[set[tuple], str]:
    rows, warnings = front_end_rows.sphinx_build(src, out, "path", "cell", "line", "rule", "status", builder="html")
    return {row[:4] for row in rows if row[4] == "unmarked"}, warnings


@pytest.mark.slow
def test_sphinx_agrees_before_and_builds_clean_after(site: Path, tmp_path: Path, capsys) -> None:
    shutil.copy(site / "legacy.toml", site / "pyproject.toml")
    unmarked, _ = sphinx_build(site, tmp_path / "before")
    assert unmarked == GENUINELY_UNMARKED
    marks = [arg for location in CONFIRMED for arg in ("--mark", location)]
    check(capsys, "--fix", *marks)
    (site / "pyproject.toml").unlink()
    unmarked, warnings = sphinx_build(site, tmp_path / "after")
    assert unmarked == set()
    assert "docsec" not in warnings and "ERROR" not in warnings, warnings
    html = (tmp_path / "after" / "security.html").read_text(encoding="utf-8")
    assert html.count('class="docsec-insecure-example') == 5  # the five examples of the page


@pytest.mark.slow
def test_guidance_in_prose_and_lifted_into_directives(site: Path, tmp_path: Path, capsys) -> None:
    (site / "conf.py").write_text((site / "conf.py").read_text() + "docsec_prose_guidance = True\n")
    sphinx_build(site, tmp_path / "prose")
    prose = json.loads((tmp_path / "prose" / "docsec.json").read_text())["guidance"]
    assert {(item["source"], item["level"], item["title"]) for item in prose} >= {
        ("prose", "must", "Clients MUST verify the server\u2019s certificate."),  # Sphinx's smart quotes
        ("prose", "should-not", "It SHOULD NOT be reachable from the internet directly."),
        ("prose", "must", "Production servers MUST run Parcel as an unprivileged user and SHOULD keep the data "
                          "folder on its own volume."),
    }
    assert all(item["url"].count("#docsec-prose-") == 1 for item in prose)
    capsys.readouterr()
    assert docsec_main(["check", "--fix", "--guidance", "--config", "legacy.toml", "."]) == 1
    assert "lifted 6 requirements into security directives" in capsys.readouterr().err
    (site / "conf.py").write_text((site / "conf.py").read_text().replace("docsec_prose_guidance = True\n", ""))
    sphinx_build(site, tmp_path / "lifted")
    lifted = json.loads((tmp_path / "lifted" / "docsec.json").read_text())["guidance"]
    assert len(lifted) == 6 and {item["source"] for item in lifted} == {"directive"}
