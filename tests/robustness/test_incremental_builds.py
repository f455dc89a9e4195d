"""No lost findings: incremental and parallel Sphinx builds agree with a clean build.

A Hypothesis state machine edits a small project (rst and MyST pages under a
``:glob:`` toctree) between builds that reuse one output and doctree folder:
pages are added and deleted, their code changes between insecure and safe
snippets, and they are wrapped in ``insecure-example`` or unwrapped.  After
every rebuild (serial or ``-j 2``) the build's status code and its findings
``(path, line, rule, status)`` must equal those of a clean build of the same
tree in a fresh folder, and both must equal what the model says the tree
holds.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from docsec.sphinx_ext.collector import all_findings

CONF = """\
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
"""
INDEX = """\
Project
=======

.. toctree::
   :glob:

   pages/*
"""
# code -> the finding it gives (rule id), or None
SNIPPETS = {
    "HTTPServer(('0.0.0.0', 8000), H)": "DSP014",
    "yaml.load(f)": "DSP008",
    "print(1)": None,
}
CODES = sorted(SNIPPETS)


def render(name: str, kind: str, code: str, marked: bool, padding: int) -> str:
    """A page with one Python block; ``padding`` prose lines move the block down."""
    prose = "".join(f"Line {number} of prose.\n\n" for number in range(padding))
    if kind == "md":
        block = f"```python\n{code}\n```\n"
        if marked:
            block = f":::{{insecure-example}}\n:reason: a demonstration\n\n{block}:::\n"
        return f"# Page {name}\n\n{prose}{block}"
    block = f".. code-block:: python\n\n   {code}\n"
    if marked:
        block = ".. insecure-example::\n   :reason: a demonstration\n\n" + "".join(
            f"   {line}\n" if line else "\n" for line in block.splitlines())
    title = f"Page {name}"
    return f"{title}\n{'=' * len(title)}\n\n{prose}{block}"


def write(path: Path, text: str) -> None:
    """Write and stamp with a precise mtime (coarse file-system clocks could hide an edit)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    now = time.time_ns()
    os.utime(path, ns=(now, now))


def build(srcdir: Path, outdir: Path, jobs: int, fresh: bool) -> tuple[int, set[tuple[str, int, str, str]]]:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    with patch_docutils(srcdir), docutils_namespace():
        app = Sphinx(srcdir, srcdir, outdir, outdir / ".doctrees", "dummy", status=None,
                     warning=io.StringIO(), freshenv=fresh, parallel=jobs)
        app.build()
    found = {(Path(f.path).as_posix(), f.line, f.rule_id, f.status.value) for f in all_findings(app.env)}
    return int(app.statuscode), found


class Page:
    def __init__(self, kind: str, code: str, marked: bool, padding: int = 0):
        self.kind, self.code, self.marked, self.padding = kind, code, marked, padding

    def path(self, name: str) -> str:
        return f"pages/{name}.{self.kind}"

    def text(self, name: str) -> str:
        return render(name, self.kind, self.code, self.marked, self.padding)

    def expected(self, name: str) -> set[tuple[str, int, str, str]]:
        rule_id = SNIPPETS[self.code]
        if rule_id is None:
            return set()
        line = next(number for number, line in enumerate(self.text(name).splitlines(), 1) if self.code in line)
        return {(self.path(name), line, rule_id, "marked" if self.marked else "unmarked")}


class IncrementalBuilds(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="docsec-incremental-"))
        self.src = self.root / "src"
        self.pages: dict[str, Page] = {}
        self.counter = 0
        self.clean_builds = 0

    @initialize()
    def start(self) -> None:
        write(self.src / "conf.py", CONF)
        write(self.src / "index.rst", INDEX)
        for kind, code, marked in [("md", CODES[0], False), ("rst", CODES[2], False), ("md", CODES[1], True),
                                   ("rst", CODES[0], True), ("rst", CODES[1], False)]:
            self._add(kind, code, marked)

    def _add(self, kind: str, code: str, marked: bool) -> None:
        name = f"p{self.counter}"
        self.counter += 1
        self.pages[name] = Page(kind, code, marked)
        self._write(name)

    def _write(self, name: str) -> None:
        page = self.pages[name]
        write(self.src / page.path(name), page.text(name))

    def _pick(self, data: st.DataObject, marked: bool | None = None) -> str:
        names = sorted(name for name, page in self.pages.items() if marked is None or page.marked == marked)
        return data.draw(st.sampled_from(names))

    @rule(kind=st.sampled_from(["md", "rst"]), code=st.sampled_from(CODES), marked=st.booleans())
    def add_page(self, kind: str, code: str, marked: bool) -> None:
        self._add(kind, code, marked)

    @precondition(lambda self: self.pages)
    @rule(data=st.data(), code=st.sampled_from(CODES), padding=st.integers(0, 2))
    def edit_block(self, data: st.DataObject, code: str, padding: int) -> None:
        name = self._pick(data)
        self.pages[name].code, self.pages[name].padding = code, padding
        self._write(name)

    @precondition(lambda self: any(not page.marked for page in self.pages.values()))
    @rule(data=st.data())
    def mark(self, data: st.DataObject) -> None:
        name = self._pick(data, marked=False)
        self.pages[name].marked = True
        self._write(name)

    @precondition(lambda self: any(page.marked for page in self.pages.values()))
    @rule(data=st.data())
    def unmark(self, data: st.DataObject) -> None:
        name = self._pick(data, marked=True)
        self.pages[name].marked = False
        self._write(name)

    @precondition(lambda self: self.pages)
    @rule(data=st.data())
    def delete_page(self, data: st.DataObject) -> None:
        name = self._pick(data)
        (self.src / self.pages.pop(name).path(name)).unlink()

    @rule(jobs=st.sampled_from([1, 2]))
    def rebuild(self, jobs: int) -> None:
        incremental = build(self.src, self.root / "out", jobs, fresh=False)
        self.clean_builds += 1
        clean = build(self.src, self.root / f"clean-{self.clean_builds}", 1, fresh=True)
        expected = set().union(*(page.expected(name) for name, page in self.pages.items()))
        status = 1 if any(finding[3] == "unmarked" for finding in expected) else 0
        assert clean == (status, expected), "a clean build disagrees with the tree"
        assert incremental == clean, f"incremental build (-j {jobs}) disagrees with a clean build"

    def teardown(self) -> None:
        try:
            if self.pages:  # every run ends on a build of its last edits
                self.rebuild(jobs=1)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


TestIncrementalBuilds = pytest.mark.slow(IncrementalBuilds.TestCase)
# Builds of this project take 0.02 to 0.5 s, so 30 runs of up to 12 steps (about 100
# incremental builds, a quarter of them parallel) fit in about 15 s.
TestIncrementalBuilds.settings = settings(
    derandomize=True, max_examples=30, stateful_step_count=12, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
