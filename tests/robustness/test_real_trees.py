"""Dependable on real trees: Sphinx's and Django's documentation.

The source distributions are fetched from PyPI once (``pip download``) into
``.cache/real-trees/`` and reused; without network the tests skip and say
why.  ``docsec check`` must read every file of both ``docs`` folders without
a crash of its own (input diagnostics are fine, and are printed).  Sphinx's
documentation is also built with docsec enabled, and the Sphinx front end
must scan the same blocks as ``docsec check``, file by file; the one
difference it may show is code from Python docstrings that ``autodoc``
directives pull into a page, which only a build can see.

Run with ``pytest -s`` to see the counts and timings.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

import pytest

from docsec.cli.main import main as docsec_main

CACHE = Path(__file__).resolve().parents[2] / ".cache" / "real-trees"
TREES = {  # name: (pip requirement, sdist file pattern, docs folder, blocks docsec check scans at least)
    "sphinx": ("sphinx==9.0.4", "sphinx-9.0.4.tar.gz", "doc", 500),
    "django": ("django==5.2.*", "django-5.2.*.tar.gz", "docs", 3000),
}
# Not loaded in the Sphinx build, and why (every other extension of Sphinx's conf.py is).
EXCLUDED_EXTENSIONS = {"sphinx.ext.intersphinx": "fetches inventories over the network"}
SAFETY_NETS = {"source-error", "engine-error", "parse-error"}  # a crash caught, not bad input


def docs_folder(name: str) -> Path:
    """The tree's docs folder, unpacked from the cached sdist (downloaded the first time)."""
    requirement, pattern, folder, _ = TREES[name]
    CACHE.mkdir(parents=True, exist_ok=True)
    archives = sorted(CACHE.glob(pattern))
    if not archives:
        try:
            run = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                                  "--disable-pip-version-check", requirement, "-d", str(CACHE)],
                                 capture_output=True, text=True, timeout=240)
        except subprocess.TimeoutExpired:
            pytest.skip(f"pip download {requirement} took more than 4 minutes (no network?)")
        archives = sorted(CACHE.glob(pattern))
        if run.returncode != 0 or not archives:
            last = (run.stderr.strip().splitlines() or ["no output"])[-1]
            pytest.skip(f"cannot download {requirement} from PyPI (no network?): {last}")
    archive = archives[-1]
    root = CACHE / "src" / archive.name.removesuffix(".tar.gz")
    if not (root / folder).is_dir():
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.name.startswith(f"{root.name}/{folder}/")
                       and (m.isfile() or m.isdir())]
            tar.extractall(root.parent, members=members, filter="data")
    return root / folder


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(TREES))
def test_check_reads_the_whole_tree(name: str, monkeypatch: pytest.MonkeyPatch,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    docs = docs_folder(name)
    monkeypatch.chdir(docs.parent)
    capsys.readouterr()
    started = time.perf_counter()
    code = docsec_main(["check", "--format", "json", docs.name])
    seconds = time.perf_counter() - started
    report = json.loads(capsys.readouterr().out)
    summary, diagnostics = report["summary"], report["diagnostics"]
    with capsys.disabled():
        print(f"\n{name}: exit {code}, {summary['files']} files, {summary['blocks']} blocks, "
              f"{summary['unmarked']} unmarked findings, {len(diagnostics)} diagnostics, {seconds:.1f} s")
        for diagnostic in diagnostics:
            print(f"  {diagnostic['path']}:{diagnostic['line']}: {diagnostic['level']}: {diagnostic['code']}")
    assert not [d for d in diagnostics if d["code"] in SAFETY_NETS]
    assert code in (0, 1) or any(d["level"] == "error" for d in diagnostics)  # 2 only for input errors
    assert summary["blocks"] >= TREES[name][3]


SPHINX_PROBE = """
import json, sys
from collections import Counter
from pathlib import Path
from docutils.utils import get_source_line
from sphinx.application import Sphinx
from sphinx.config import Config as SphinxConfig
from sphinx.util.tags import Tags
from docsec.core.config import Config
from docsec.sphinx_ext.blocks import Sources, code_blocks
from docsec.sphinx_ext.collector import records

src, out, excluded = Path(sys.argv[1]), Path(sys.argv[2]), set(sys.argv[3].split(","))
extensions = [e for e in SphinxConfig.read(src, overrides={}, tags=Tags()).extensions if e not in excluded]
extensions.append("docsec")
app = Sphinx(src, src, out, out / ".doctrees", "dummy", status=None, warning=None, freshenv=True,
             confoverrides={"extensions": extensions}, parallel=2)
app.build()
by_source, from_docstrings, counted = Counter(), Counter(), {}
for docname in sorted(app.env.all_docs):
    page = Path(app.env.doc2path(docname, False)).as_posix()
    counted[page] = records(app.env)[docname].blocks
    for found in code_blocks(app.env.get_doctree(docname), str(app.env.doc2path(docname)), Sources(src), Config(),
                             app.config.highlight_language):
        source = get_source_line(found.node)[0] or str(app.env.doc2path(docname))
        if "docstring of " in source:
            from_docstrings[page] += 1
        else:
            by_source[Path(source).resolve().relative_to(src.resolve()).as_posix()] += 1
print(json.dumps({"status": app.statuscode, "extensions": extensions, "counted": counted,
                  "by_source": by_source, "from_docstrings": from_docstrings}))
"""


@pytest.mark.slow
def test_sphinx_build_scans_the_blocks_check_scans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    import os

    from docsec.cli.check import Settings, scan_targets
    from docsec.cli.walk import Projects, collect
    from docsec.core.engine import Engine

    docs = docs_folder("sphinx")
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", SPHINX_PROBE, str(docs), str(tmp_path / "out"),
                          ",".join(EXCLUDED_EXTENSIONS)], capture_output=True, text=True, timeout=600)
    build_seconds = time.perf_counter() - started
    assert run.returncode == 0, run.stderr[-3000:]
    built = json.loads(run.stdout.strip().splitlines()[-1])
    assert built["status"] in (0, 1)

    # as `docsec check .` in the docs folder: its conf.py decides the pages and their syntax
    args = argparse.Namespace(config=None, select=None, ignore=None, min_severity=None, profile=None, fail_on=None)
    cwd = os.getcwd()
    os.chdir(docs)
    try:
        settings = Settings(args, docs)
        walk = collect(["."], docs, settings.excludes, Projects(docs))
        engines = {target.project: (Engine(), walk.projects[target.project].dialect) for target in walk.targets}
        checked = {scan.path: scan.blocks for scan in scan_targets(walk.targets, engines) if scan.blocks}
    finally:
        os.chdir(cwd)
    from_files = {path: count for path, count in built["by_source"].items() if count}
    docstrings = Counter(built["from_docstrings"])
    with capsys.disabled():
        print(f"\nSphinx's docs built in {build_seconds:.1f} s with {', '.join(built['extensions'])}: "
              f"{sum(built['counted'].values())} blocks scanned, {sum(from_files.values())} from files "
              f"(docsec check: {sum(checked.values())}), {sum(docstrings.values())} from autodoc docstrings in "
              f"{', '.join(sorted(docstrings))}")

    # The collector's count is what the Sphinx front end scanned, page by page.
    assert built["counted"] == {page: built["by_source"].get(page, 0) + docstrings[page]
                                for page in built["counted"]}
    # Every block that comes from a file is scanned by both front ends, file by file.
    assert from_files == checked
    # The only others come from docstrings, on pages that pull them in with autodoc directives.
    for page in docstrings:
        assert ".. auto" in (docs / page).read_text(encoding="utf-8"), page
