"""Incremental, parallel and non-HTML builds."""

from __future__ import annotations

from docsec_sphinx_helpers import CONF, SERVER, line_of

PAGE = f"# Page\n\n```python\nfrom http.server import HTTPServer, SimpleHTTPRequestHandler\n{SERVER}\n```\n"
INDEX = "# Home\n\n```{toctree}\npage\n```\n"


def test_incremental_build_keeps_failing_until_fixed(build, write_project):
    srcdir = write_project({"index.md": INDEX, "page.md": PAGE})
    summary_line = f"/page.md:{line_of(PAGE, 'HTTPServer((')} DSP014"

    first = build(srcdir=srcdir)
    assert first.statuscode == 1 and summary_line in first.warnings

    again = build(srcdir=srcdir)  # nothing re-read: the summary comes from the pickled env
    assert "WARNING: DSP014" not in again.warnings
    assert again.statuscode == 1 and summary_line in again.warnings

    (srcdir / "page.md").write_text(PAGE.replace("0.0.0.0", "127.0.0.1"), encoding="utf-8")
    fixed = build(srcdir=srcdir)
    assert fixed.statuscode == 0
    assert "DSP014" not in fixed.warnings


def test_pyproject_change_rescans_unchanged_documents(build, write_project):
    srcdir = write_project({"index.md": INDEX, "page.md": PAGE})
    assert build(srcdir=srcdir).statuscode == 1
    (srcdir / "pyproject.toml").write_text('[tool.docsec]\nignore = ["DSP"]\n', encoding="utf-8")
    assert build(srcdir=srcdir).statuscode == 0


def test_parallel_build_merges_findings_of_all_documents(build):
    names = [f"doc{i}" for i in range(8)]
    files = {f"{name}.md": PAGE.replace("# Page", f"# {name}") for name in names}
    files["index.md"] = "# Home\n\n```{toctree}\n" + "\n".join(names) + "\n```\n"
    built = build(files, buildername="dummy", parallel=2)
    line = line_of(PAGE, "HTTPServer((")
    assert built.statuscode == 1
    assert "docsec: 8 unmarked insecure examples" in built.warnings
    for name in names:
        assert f"/{name}.md:{line} DSP014" in built.warnings


ALL_DIRECTIVES = f"""\
Guide
=====

.. security:: Bind locally
   :id: bind-local
   :tags: network, servers

   Servers MUST bind to ``127.0.0.1``.

.. insecure-example:: Public server
   :reason: every interface

   .. code-block:: python

      {SERVER}

.. secure-example::

   .. code-block:: python

      HTTPServer(("127.0.0.1", 8000), SimpleHTTPRequestHandler)
"""


def test_text_builder(build):
    built = build({"index.rst": ALL_DIRECTIVES}, buildername="text")
    assert built.statuscode == 0
    text = built.output("index.txt")
    assert "MUST Bind locally:" in text
    assert "Insecure example: for demonstration only." in text
    assert "**Why it is insecure:** every interface" in text
    assert "* DSP014 Server bound to all network interfaces\n" in text  # no source line: it means nothing here


def test_latex_builder(build):
    built = build({"index.rst": ALL_DIRECTIVES}, buildername="latex",
                  confoverrides={"latex_documents": [("index", "guide.tex", "Guide", "docsec", "manual")]})
    assert built.statuscode == 0
    tex = built.output("guide.tex")
    assert r"\begin{sphinxadmonition}{note}{MUST Bind locally}" in tex
    assert r"\sphinxstylestrong{MUST}" in tex
    assert "DSP014" in tex
    assert "\u26a0" not in tex  # the HTML-only icon stays out of LaTeX


def test_guidance_setting_links_detected_findings(build):
    built = build({"index.rst": ALL_DIRECTIVES}, conf=CONF + 'docsec_guidance = {"DSP014": "bind-local"}\n')
    html = built.html("index")
    assert '<a class="reference internal" href="#docsec-bind-local">see Bind locally</a>' in html
