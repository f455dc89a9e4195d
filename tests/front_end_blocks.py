"""What each front end reads from one project: its blocks, and its findings, as comparable rows.

* Sphinx runs in a fresh process (myst-nb cannot be set up twice in one process after myst-parser was)
  and reports every code block of every document as the Sphinx front end locates it;
* ``docsec check`` runs in this process, through the same walk, settings and readers as the command;
* mystmd runs ``myst build --site`` with ``DOCSEC_MYST_BLOCKS=1`` (every block the plugin scanned) and
  its ``⛔️`` / ``⚠️`` lines (the findings it reports).

A block row is ``(path, cell, line, language, marked)``; a finding row ``(path, cell, line, rule, status)``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Optional

from docsec.cli.main import main as docsec_main

SPHINX_BLOCKS_PROBE = """
import json, sys
from pathlib import Path
from sphinx.application import Sphinx
from docsec.sphinx_ext.blocks import Sources, raw_blocks
from docsec.sphinx_ext.collector import all_findings
from docsec.sphinx_ext.config import runtime
src, out = Path(sys.argv[1]), Path(sys.argv[2])
app = Sphinx(src, src, out, out / ".doctrees", "dummy", status=None, warning=sys.stderr, freshenv=True)
app.build()
state = runtime(app)
try:
    from docsec.sphinx_ext.config import dialect_of
    sources = Sources(Path(str(app.srcdir)), state.config, dialect_of(app))
except ImportError:  # an older docsec: the same probe runs against main to show a test fails there
    sources = Sources(Path(str(app.srcdir)))
blocks = []
for docname in sorted(app.env.found_docs):
    doctree = app.env.get_doctree(docname)
    docpath = str(app.env.doc2path(docname))
    for _, raw in raw_blocks(doctree, docpath, state.config, app.config.highlight_language):
        block = raw.located(sources)
        blocks.append([block.location.path, block.location.cell, block.location.line, block.language, block.marked])
findings = [[f.path, f.cell, f.line, f.rule_id, f.status.value] for f in all_findings(app.env)]
print(json.dumps({"blocks": blocks, "findings": findings, "status": app.statuscode}))
"""


def _relative(path: str, src: Path) -> str:
    candidate = Path(path)
    return (candidate.relative_to(src) if candidate.is_absolute() else candidate).as_posix()


def sphinx_read(src: Path, out: Path) -> SimpleNamespace:
    """``blocks`` and ``findings`` (sets of rows) of a Sphinx build of ``src``, and what it warned."""
    result = subprocess.run([sys.executable, "-c", SPHINX_BLOCKS_PROBE, str(src), str(out)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"the Sphinx build failed:\n{result.stderr[-3000:]}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    blocks = {(_relative(p, src), cell, line, language, marked) for p, cell, line, language, marked in data["blocks"]}
    findings = {(_relative(p, src), cell, line, rule, status) for p, cell, line, rule, status in data["findings"]}
    return SimpleNamespace(blocks=blocks, findings=findings, warnings=result.stderr, status=data["status"])


def check_read(src: Path, *args: str) -> SimpleNamespace:
    """``docsec check --format json`` in ``src``: its findings (every status), exit code and report."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(src)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = docsec_main(["check", "--format", "json", *args, "."])
    finally:
        os.chdir(cwd)
    if code == 2 and not out.getvalue().strip():  # a configuration error: one message, no report
        return SimpleNamespace(findings=set(), code=code, report={}, error=err.getvalue())
    report = json.loads(out.getvalue())
    findings = {(f["path"], f["cell"], f["line"], f["rule"], f["status"]) for f in report["findings"]}
    return SimpleNamespace(findings=findings, code=code, report=report, error=err.getvalue())


def check_blocks(src: Path) -> set[tuple]:
    """The blocks ``docsec check`` reads in ``src`` (walk, project settings and readers as the command)."""
    import argparse

    from docsec.cli.check import Settings, project_root
    from docsec.cli.walk import Projects, collect
    from docsec.sources import extract

    args = argparse.Namespace(config=None, select=None, ignore=None, min_severity=None, profile=None, fail_on=None)
    cwd = os.getcwd()
    os.chdir(src)
    try:
        settings = Settings(args, src)
        walk = collect(["."], src, settings.excludes, Projects(src), project=project_root(args, src))
        rows = set()
        for target in walk.targets:
            project = settings.project(walk.projects[target.project])
            result = extract(target.path, target.display, project.config, reader=target.reader,
                             dialect=project.dialect)
            rows |= {(b.location.path, b.location.cell, b.location.line, b.language, b.marked) for b in result.blocks}
    finally:
        os.chdir(cwd)
    return rows


MYST_FINDING = re.compile(r"^(⛔️|⚠️) +(\S+?)(?::(\d+))? docsec (DS[A-Z]\d{3}) [a-z0-9-]+"
                          r"(?: \((?:in (\S+?)(?::(\d+))?|cell (\d+)(?:, line (\d+))?|line \d+ of the code block)\))?:")


def mystmd_read(myst: str, project: Path, env: Optional[dict[str, str]] = None, strict: bool = True
                ) -> SimpleNamespace:
    """A ``myst build --site`` of ``project``: the blocks the plugin scanned, the findings it reported
    (``unmarked`` only: marked ones are not reported) and the exit code."""
    sys.path.insert(0, str(Path(__file__).parent / "mystmd"))
    try:
        from myst_projects import build
    finally:
        sys.path.pop(0)
    result = build(myst, project, *(["--strict"] if strict else []), env={"DOCSEC_MYST_BLOCKS": "1", **(env or {})})
    output = result.stdout + result.stderr
    blocks, findings = set(), set()
    for line in output.splitlines():
        if line.startswith("docsec-blocks "):
            data = json.loads(line[len("docsec-blocks "):])
            for block in data["blocks"]:
                blocks.add((block["path"], block["cell"], block["line"], block["language"], block["marked"]))
            continue
        match = MYST_FINDING.match(line.strip())
        if match:
            _, page, page_line, rule, included, included_line, cell, cell_line = match.groups()
            if included:
                findings.add((included, None, int(included_line) if included_line else None, rule, "unmarked"))
            elif cell:
                findings.add((page, int(cell), int(cell_line) if cell_line else None, rule, "unmarked"))
            else:
                findings.add((page, None, int(page_line) if page_line else None, rule, "unmarked"))
    return SimpleNamespace(blocks=blocks, findings=findings, code=result.returncode, output=output)


def unmarked(rows: set[tuple]) -> set[tuple]:
    return {row for row in rows if row[-1] == "unmarked"}


def on_page(rows: set[tuple], *pages: str) -> set[tuple]:
    return {row for row in rows if row[0] in pages or any(row[0].startswith(page.rstrip("/") + "/")
                                                         for page in pages if page.endswith("/"))}
