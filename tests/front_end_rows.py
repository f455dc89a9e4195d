"""Findings of one project from both front ends, as rows of the fields a test compares.

Sphinx builds run in a fresh process: myst-nb cannot be set up twice in one
process after myst-parser was (its Markdown parser is then missing).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from docsec.cli.main import main as docsec_main

SPHINX_PROBE = """
import json, sys
from pathlib import Path
from sphinx.application import Sphinx
from docsec.sphinx_ext.collector import all_findings
src, out, builder = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
app = Sphinx(src, src, out, out / ".doctrees", builder, status=None, warning=sys.stderr, freshenv=True)
app.build()
print(json.dumps([{"path": f.path, "cell": f.cell, "line": f.line, "rule": f.rule_id, "status": f.status.value,
                   "marked_by": f.marked_by, "message": f.message} for f in all_findings(app.env)]))
"""


def sphinx_rows(src: Path, out: Path, *fields: str, builder: str = "dummy") -> set[tuple]:
    rows, _ = sphinx_build(src, out, *fields, builder=builder)
    return rows


def sphinx_build(src: Path, out: Path, *fields: str, builder: str = "dummy") -> tuple[set[tuple], str]:
    """The findings' ``fields`` (paths relative to ``src``) and what Sphinx warned."""
    result = subprocess.run([sys.executable, "-c", SPHINX_PROBE, str(src), str(out), builder],
                            capture_output=True, text=True, check=True)
    findings = json.loads(result.stdout.strip().splitlines()[-1])
    for finding in findings:
        path = Path(finding["path"])
        finding["path"] = (path.relative_to(src) if path.is_absolute() else path).as_posix()
    return {tuple(finding[name] for name in fields) for finding in findings}, result.stderr


def cli_rows(src: Path, capsys, *fields: str, args: tuple[str, ...] = ()) -> set[tuple]:
    """``docsec check --format json`` run in ``src``: the findings' ``fields``."""
    cwd = os.getcwd()
    os.chdir(src)
    try:
        capsys.readouterr()
        docsec_main(["check", "--format", "json", *args, "."])
    finally:
        os.chdir(cwd)
    report = json.loads(capsys.readouterr().out)
    return {tuple(finding[name] or "" if name == "marked_by" else finding[name] for name in fields)
            for finding in report["findings"]}
