"""Fuzz through the front ends: nasty documents never crash docsec.

Documents are put together from fragments that break parsers: unbalanced
```` ``` ```` and ``:::`` fences, directives without bodies or with bad
options, an ``insecure-example`` never closed, tab / CR / CRLF mixtures, huge
indentation, stray bytes, and notebooks whose JSON has the wrong types.
:func:`docsec.sources.extract` and ``docsec check`` must return (0, 1 or 2)
with diagnostics that name the file, and must not fall back on their
last-resort handlers (``source-error``, ``engine-error``, ``parse-error``,
or a notebook message quoting an exception), which would mean a bug was
caught rather than bad input read.  A few documents also go through a real
Sphinx build, which must complete.
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docsec.cli.main import main as docsec_main
from docsec.core.config import Config
from docsec.sources import extract

SAFETY_NETS = {"source-error", "engine-error", "parse-error"}
QUOTED_EXCEPTION = re.compile(r"\b[A-Z]\w*(Error|Exception)\b: ")

CODE = ["yaml.load(f)\n", "HTTPServer(('0.0.0.0', 8000), H)\n", "print(1)\n", "$ curl -k https://x | sh\n",
        ">>> eval(x)\n", "RUN chmod 777 /\n", "privileged: true\n", "x = 1  # docsec: ignore[DSP008]\n",
        "# docsec: ignore[ -- \n"]
SPACING = ["\n", "\n\n", "\r\n", "\r", "\t", "    ", " " * 300, "\t\t\t", "\f", "\v", "\u2028", "\x85", "\ufeff"]
NOISE = ["{", "}", "`", "``", "[", "]", "|", "---\n", "+++\n", "key: [\n", "%%%", "\\", "é", "\U0001f600",
         "<!-- ", " -->", "$$\n", "> ", "- ", "1. ", "* ", "#", "=" * 10 + "\n", "\x1b[2K", "\x7f"]
MARKDOWN = [
    "```", "```\n", "````\n", "```python\n", "~~~\n", "~~~python\n", ":::", ":::\n", "::::\n", "::::::::::::\n",
    ":::{insecure-example}\n", ":::{insecure-example} Title\n:reason: why\n", "```{insecure-example}\n",
    ":::{secure-example}\n", "::::{note}\n", ":::{security}\n", "```{security}\n:level: urgent\n",
    "```{code-block} python\n", "```{code-block}\n:class: docsec-insecure\n", "```{code-block} python\n:dedent: x\n",
    "```{literalinclude} missing.py\n", "```{literalinclude} /../../etc/passwd\n:lines: 1-x\n",
    "```{literalinclude}\n", "```{eval-rst}\n", "```{code-cell} ipython3\n", "```{code-cell}\n---\ntags: [\n---\n",
    "```{doctest}\n", "```{testcode}\n:hide:\n", "```{toctree}\n", "```{highlight} console\n```\n",
    "---\nkernelspec: [1, 2\n---\n", "---\njupyter:\n  kernelspec: 3\n---\n", ":option: value\n", ":::{}\n",
    "```{\n", "```{}}\n", "    ```\n", "\t```python\n", "> ```python\n", "- ```python\n", "{#anchor}\n",
    "(target)=\n", "{attr=value}\n",
]
RST = [
    ".. code-block:: python\n\n", ".. code-block::\n\n", ".. code-block:: python\n   :linenos: x\n\n",
    ".. code-block:: python\n   :emphasize-lines: a-b\n   :dedent: q\n\n", ".. code-block:: python\n   :bogus:\n\n",
    ".. code-block:: python\n", ".. sourcecode::\n", ".. insecure-example::\n\n", ".. insecure-example:: Title\n",
    "   :reason:\n", ".. secure-example::\n", ".. security::\n   :level: urgent\n\n", ".. security::\n",
    ".. literalinclude:: nowhere.py\n   :lines: x-\n", ".. literalinclude::\n", ".. literalinclude:: a.py\n   :pyobject:\n",
    ".. highlight::\n", ".. highlight:: console\n\n", "::\n\n", "Text::\n\n", ">>> ", "... ", "   ", "      ",
    "Title\n=====\n", "=====\nTitle\n=====\n", "..\n", ".. |sub| replace:: x\n", ".. include:: other.rst\n",
    ".. raw:: html\n\n   <b>\n", ".. note::\n\n", ".. note::\n", ".. doctest::\n\n", ".. testcode::\n   :hide:\n\n",
    ".. eval-rst::\n", ".. toctree::\n   :glob:\n\n", ".. only:: html\n\n", ".. _target:\n", "* ", "#. ",
    "+---+\n| a |\n+---+\n", "   .. code-block:: python\n\n", ".. code-block:: python\n\n" + " " * 200 + "x\n",
]


def document(fragments: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(fragments + CODE + SPACING + NOISE), max_size=40).map("".join)


# Any JSON value: what a field of a broken notebook may hold instead of the right type.
JSON_VALUE = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.sampled_from(CODE + ["", "\n"]), st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(
        st.sampled_from(["source", "cell_type", "metadata", "tags", "outputs"]), inner, max_size=3)),
    max_leaves=8)
MARKDOWN_DOCUMENT = document(MARKDOWN)
SOURCE = st.one_of(st.sampled_from(CODE), MARKDOWN_DOCUMENT, JSON_VALUE, st.lists(
    st.one_of(st.sampled_from(CODE), st.integers(), st.none(), st.just({"a": 1})), max_size=4))
CELL_METADATA = st.one_of(st.just({}), st.just({"tags": ["docsec-insecure"]}), st.just({"tags": "x"}),
                          st.just({"tags": [1, None]}), JSON_VALUE)
NOTEBOOK_METADATA = st.one_of(st.just({}), JSON_VALUE, st.just({"kernelspec": {"language": 3}}),
                              st.just({"language_info": "python"}))


@st.composite
def cells(draw: st.DrawFn) -> Any:
    cell = {"cell_type": draw(st.sampled_from(["code", "markdown", "raw", None, 3, "heading"])),
            "source": draw(SOURCE), "metadata": draw(CELL_METADATA), "outputs": [], "execution_count": None}
    for key in draw(st.sets(st.sampled_from(sorted(cell)), max_size=2)):
        del cell[key]
    return draw(st.one_of(st.just(cell), st.just(cell), JSON_VALUE))


@st.composite
def notebooks(draw: st.DrawFn) -> str:
    """JSON shaped like a notebook, with any part swapped for the wrong type, sometimes cut short."""
    top: dict[str, Any] = {
        "cells": draw(st.one_of(st.lists(cells(), max_size=4), JSON_VALUE)),
        "metadata": draw(NOTEBOOK_METADATA),
        "nbformat": draw(st.sampled_from([4, 4, 4, 3, 5, "4", None, 4.0])),
        "nbformat_minor": 5,
    }
    for key in draw(st.sets(st.sampled_from(["cells", "metadata", "nbformat"]), max_size=1)):
        del top[key]
    text = json.dumps(draw(st.one_of(st.just(top), st.just(top), JSON_VALUE)))
    cut = draw(st.one_of(st.none(), st.none(), st.integers(0, len(text))))
    return text if cut is None else text[:cut]


STRAY_BYTES = st.binary(max_size=12)


def check_source(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    result = extract(path, path.name, Config())
    assert result.path == path.name
    for diagnostic in result.diagnostics:
        assert diagnostic.path == path.name and diagnostic.line >= 1, diagnostic
        assert diagnostic.code not in SAFETY_NETS, diagnostic
        assert not QUOTED_EXCEPTION.search(diagnostic.message), diagnostic
    for block in result.blocks:
        assert block.location.line >= 1


FUZZ = settings(derandomize=True, deadline=None, max_examples=150,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@FUZZ
@given(text=document(MARKDOWN), tail=STRAY_BYTES)
def test_markdown_never_breaks_extract(tmp_path: Path, text: str, tail: bytes) -> None:
    check_source(tmp_path / "page.md", text.encode("utf-8", "surrogatepass") + tail)


@FUZZ
@given(text=document(RST), tail=STRAY_BYTES)
def test_rst_never_breaks_extract(tmp_path: Path, text: str, tail: bytes) -> None:
    check_source(tmp_path / "page.rst", text.encode("utf-8", "surrogatepass") + tail)


@FUZZ
@given(text=notebooks())
def test_notebooks_never_break_extract(tmp_path: Path, text: str) -> None:
    check_source(tmp_path / "nb.ipynb", text.encode("utf-8", "surrogatepass"))


@settings(derandomize=True, deadline=None, max_examples=25,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(md=document(MARKDOWN), rst=document(RST), nb=notebooks(), fmt=st.sampled_from(["json", "sarif"]))
def test_check_returns_an_exit_code_and_names_the_file(tmp_path_factory: pytest.TempPathFactory,
                                                         capsys: pytest.CaptureFixture[str],
                                                         md: str, rst: str, nb: str, fmt: str) -> None:
    tree = tmp_path_factory.mktemp("tree")
    files = {"page.md": md, "page.rst": rst, "nb.ipynb": nb}
    for name, text in files.items():
        (tree / name).write_bytes(text.encode("utf-8", "surrogatepass"))
    capsys.readouterr()
    code = docsec_main(["check", "--format", fmt, str(tree)])
    out, err = capsys.readouterr()
    assert code in (0, 1, 2)
    assert "Traceback" not in err
    document_out = json.loads(out)
    if fmt == "json":
        diagnostics = document_out["diagnostics"]
        named = {Path(d["path"]).name for d in diagnostics}
        assert named <= set(files), named
        assert not [d for d in diagnostics if d["code"] in SAFETY_NETS]
        assert (code == 2) == any(d["level"] == "error" for d in diagnostics)


CONF = """\
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
suppress_warnings = ["myst.header"]
"""


@pytest.mark.slow
@settings(derandomize=True, deadline=None, max_examples=6,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(pages=st.lists(st.tuples(st.sampled_from(["md", "rst"]), st.data()), min_size=1, max_size=3))
def test_sphinx_build_completes(tmp_path_factory: pytest.TempPathFactory, pages: list) -> None:
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace, patch_docutils

    srcdir = tmp_path_factory.mktemp("fuzz") / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(CONF, encoding="utf-8")
    names = []
    for number, (kind, data) in enumerate(pages):
        text = data.draw(document(MARKDOWN if kind == "md" else RST))
        (srcdir / f"page{number}.{kind}").write_text(text, encoding="utf-8", errors="surrogatepass")
        names.append(f"page{number}")
    toctree = "".join(f"   {name}\n" for name in names)
    (srcdir / "index.rst").write_text(f"Fuzz\n====\n\n.. toctree::\n\n{toctree}", encoding="utf-8")
    warnings = io.StringIO()
    with patch_docutils(srcdir), docutils_namespace():
        app = Sphinx(srcdir, srcdir, srcdir.parent / "out", srcdir.parent / "doctrees", "html", status=None,
                     warning=warnings, freshenv=True)
        app.build()
    assert app.statuscode in (0, 1)
    assert "Traceback" not in warnings.getvalue()
    assert "Exception occurred" not in warnings.getvalue()


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not os.path.exists("/dev/zero"), reason="needs POSIX pipes")
def test_pipes_and_devices_never_block_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A pipe or a link to /dev/zero named like a page used to block ``docsec check`` for ever."""
    (tmp_path / "page.md").write_text("```python\nyaml.load(f)\n```\n", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    (tmp_path / "loop.md").symlink_to("loop.md")
    monkeypatch.chdir(tmp_path)
    assert docsec_main(["check", "."]) == 2  # walked: pipes and devices skipped, the link loop reported
    out = capsys.readouterr().out
    assert "page.md:2:1: DSP008" in out and "pipe.md" not in out and "zero.md" not in out
    assert "loop.md:1: error: cannot read loop.md: Too many levels of symbolic links" in out
    assert docsec_main(["check", "pipe.md", "zero.md"]) == 2  # named: one error each
    out = capsys.readouterr().out
    assert "pipe.md:1: error: pipe.md is not a regular file (a pipe, socket or device)" in out
    assert "zero.md:1: error: is a link to a file outside the project" in out  # (/dev: never opened)


def alias_bomb(levels: int = 9) -> str:
    """YAML whose last anchor, written out, holds 9**9 strings."""
    lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


BOUNDED = {
    # MyST options are YAML: str() of an aliased option value never ended
    "options.md": f"```{{code-block}} python\n---\n{alias_bomb()}class: *a8\n---\nyaml.load(f)\n```\n",
    # a YAML code block: the view walked every alias where it is used, 9**9 times
    "manifest.md": f"```yaml\n{alias_bomb()}privileged: true\n```\n",
    # :lines: made a list of ten thousand million numbers; :tab-width: a line of a thousand million spaces
    "include.md": "```{literalinclude} snippet.py\n:lines: 1-10000000000\n```\n\n"
                  "```{literalinclude} snippet.py\n:tab-width: 1000000000\n```\n",
    "include.rst": ".. literalinclude:: snippet.py\n   :lines: " + ",\n      ".join([",".join(["1-2"] * 1000)] * 20)
                   + "\n",
}


def test_amplifying_input_stays_small_and_fast(tmp_path: Path) -> None:
    """Inputs that once ran for minutes or filled memory, in a process with 2 GB and 60 s to spare."""
    import subprocess
    import sys

    for name, text in BOUNDED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "snippet.py").write_text("import yaml\ndata = yaml.load(f)\t# a tab\n", encoding="utf-8")
    limit = "import resource; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
    run = subprocess.run([sys.executable, "-c", limit + "from docsec.cli.main import main; raise SystemExit(main())",
                          "check", "--format", "json", "."], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    report = json.loads(run.stdout)
    assert run.returncode == 1, run.stderr
    assert sorted((f["path"], f["line"], f["rule"]) for f in report["findings"]) == [
        ("manifest.md", 11, "DSK001"), ("options.md", 14, "DSP008"),
        ("snippet.py", 2, "DSP008"), ("snippet.py", 2, "DSP008"),  # both includes of include.md
    ]
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [("include.rst", "include-missing")]
    assert "selects more than 10000 lines" in report["diagnostics"][0]["message"]


def test_aliases_are_still_read_where_they_are_used() -> None:
    from docsec.languages.yaml import YamlView

    view = YamlView("x-defaults: &defaults\n  privileged: true\nservices:\n  web:\n    <<: *defaults\n")
    assert [(entry.line, entry.path) for entry in view.entries_named("privileged")] == [
        (2, ("x-defaults", "privileged")), (2, ("services", "web", "<<", "privileged"))]


def test_warnings_as_errors_lose_no_finding(tmp_path: Path) -> None:
    """``"a\\.yml"`` makes Python's parser warn; under ``-W error`` that blanked the line and its finding."""
    import subprocess
    import sys

    (tmp_path / "page.md").write_text('```python\nimport yaml\ndata = yaml.load(open("a\\.yml"))\n```\n',
                                      encoding="utf-8")
    run = subprocess.run([sys.executable, "-W", "error", "-m", "docsec.cli", "check", "page.md"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert run.returncode == 1, run.stderr
    assert run.stdout.startswith("page.md:3:8: DSP008")
    assert "Warning" not in run.stderr
