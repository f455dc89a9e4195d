"""Unmarked findings warn with file:line and fail the build; markers and settings change that."""

from __future__ import annotations

from docsec_sphinx_helpers import CONF, SERVER, line_of

PAGE = f"""\
# Page

Serve the current directory:

```python
from http.server import HTTPServer, SimpleHTTPRequestHandler
{SERVER}
```
"""

MARKED = f"""\
# Page

:::{{insecure-example}} Serving files
:reason: binds to every network interface

```python
from http.server import HTTPServer, SimpleHTTPRequestHandler
{SERVER}
```
:::
"""


def test_unmarked_example_warns_with_exact_line_and_fails(build):
    built = build({"index.md": "# Home\n\n```{toctree}\npage\n```\n", "page.md": PAGE})
    line = line_of(PAGE, "HTTPServer((")
    assert f"page.md:{line}: WARNING: DSP014 `HTTPServer` binds to '0.0.0.0'" in built.warnings
    assert built.statuscode == 1
    assert "docsec: 1 unmarked insecure example (mark them with insecure-example or fix them):" in built.warnings
    assert f"page.md:{line} DSP014 Server bound to all network interfaces" in built.warnings
    # The summary names the file as the warning does (the same path, not another form of it).
    [warned] = [line.split(": WARNING")[0] for line in built.warnings.splitlines() if "WARNING: DSP014" in line]
    assert f"  {warned} DSP014 Server bound to all network interfaces" in built.warnings


def test_insecure_example_marks_and_shows_banner_reason_and_detections(build):
    built = build({"index.md": "# Home\n\n```{toctree}\npage\n```\n", "page.md": MARKED})
    assert built.statuscode == 0
    assert "DSP014" not in built.warnings
    html = built.html("page")
    assert '<div class="docsec-insecure-example danger admonition">' in html
    assert "Insecure example: for demonstration only. Do not use in production or on any network." in html
    assert '<strong>Why it is insecure:</strong> binds to every interface' not in html  # reason is verbatim
    assert '<strong>Why it is insecure:</strong> binds to every network interface' in html
    # The rule id links to its page; no source line number (it means nothing to a reader).
    assert ('<a class="docsec-rule-link reference external" href="https://docsec.readthedocs.io/en/latest/rules/'
            'DSP014.html"><span class="docsec-rule-id">DSP014</span></a> Server bound to all network interfaces</p>'
            in html)
    assert '<span class="docsec-icon">' in html
    assert "_static/docsec.css" in html
    assert (built.app.outdir / "_static" / "docsec.css").is_file()


def test_banner_text_from_conf_py(build):
    built = build({"index.md": MARKED}, conf=CONF + 'docsec_insecure_banner = "Do not copy this."\n')
    assert '<p class="docsec-banner"><strong>Do not copy this.</strong></p>' in built.html("index")


def test_insecure_example_title_and_rst(build):
    page = f"""\
Page
====

.. insecure-example:: Demo server
   :reason: demonstrates the bug

   .. code-block:: python

      {SERVER}
"""
    built = build({"index.rst": page})
    assert built.statuscode == 0
    html = built.html("index")
    assert '<span class="docsec-label">Insecure example</span>: Demo server</p>' in html
    assert "demonstrates the bug" in html


def test_class_marker_on_code_block(build):
    page = f"# Page\n\n```{{code-block}} python\n:class: docsec-insecure\n\n{SERVER}\n```\n"
    built = build({"index.md": page})
    assert built.statuscode == 0
    assert "DSP014" not in built.warnings


def test_extra_marker_class_from_config(build):
    page = f"# Page\n\n```{{code-block}} python\n:class: bad-example\n\n{SERVER}\n```\n"
    assert build({"index.md": page}).statuscode == 1
    built = build({"index.md": page}, conf=CONF + 'docsec_marker_classes = ["bad-example"]\n')
    assert built.statuscode == 0


def test_secure_example_reports_even_when_marked(build):
    page = f"""\
# Page

::::{{secure-example}}
```{{code-block}} python
:class: docsec-insecure

{SERVER}
```
::::
"""
    built = build({"index.md": page})
    assert f"index.md:{line_of(page, 'HTTPServer((')}: WARNING: DSP014" in built.warnings
    assert built.statuscode == 1
    assert 'class="docsec-secure-example admonition"' in built.html("index")


def test_inline_suppression_with_reason(build):
    page = f"# Page\n\n```python\n{SERVER}  # docsec: ignore[DSP014] -- loopback-only lab VM\n```\n"
    built = build({"index.md": page})
    assert built.statuscode == 0
    assert "DSP014" not in built.warnings


def test_inline_suppression_without_reason_is_dsx001(build):
    page = f"# Page\n\n```python\n{SERVER}  # docsec: ignore[DSP014]\n```\n"
    built = build({"index.md": page})
    line = line_of(page, "HTTPServer((")
    assert f"index.md:{line}: WARNING: DSX001 `docsec: ignore` needs a reason" in built.warnings
    assert f"index.md:{line} DSX001" in built.warnings
    assert built.statuscode == 1


def test_marked_block_without_finding_warns_marker_unused(build):
    page = "# Page\n\n:::{insecure-example}\n```python\nprint('hello')\n```\n:::\n"
    built = build({"index.md": page})
    assert f"index.md:{line_of(page, 'print(')}: WARNING: block is marked as an insecure example" in built.warnings
    assert built.statuscode == 0


def test_insecure_example_without_code_warns(build):
    page = "# Page\n\n:::{insecure-example}\nOnly prose here.\n:::\n"
    built = build({"index.md": page})
    assert (f"index.md:{line_of(page, '{insecure-example}')}: WARNING: insecure-example contains no code block"
            in built.warnings)


def test_nested_markers_warn(build):
    page = f"""\
Page
====

.. insecure-example::

   .. secure-example::

      .. code-block:: python

         {SERVER}
"""
    built = build({"index.rst": page})
    assert (f"index.rst:{line_of(page, '.. secure-example::')}: WARNING: secure-example inside another "
            "insecure-example or secure-example") in built.warnings


def test_fail_on_never_keeps_warnings(build):
    built = build({"index.md": PAGE}, conf=CONF + 'docsec_fail_on = "never"\n')
    assert "WARNING: DSP014" in built.warnings
    assert built.statuscode == 0


def test_suppress_warnings_hides_the_warning_not_the_gate(build):
    built = build({"index.md": PAGE}, conf=CONF + 'suppress_warnings = ["docsec.DSP014"]\n')
    assert "WARNING: DSP014" not in built.warnings
    assert built.statuscode == 1


def test_ignore_setting_from_pyproject(build, write_project):
    srcdir = write_project({"index.md": PAGE})
    (srcdir / "pyproject.toml").write_text('[tool.docsec]\nignore = ["DSP014"]\n', encoding="utf-8")
    built = build(srcdir=srcdir)
    assert "DSP014" not in built.warnings
    assert built.statuscode == 0


def test_conf_py_overrides_pyproject(build, write_project):
    srcdir = write_project({"index.md": PAGE}, conf=CONF + 'docsec_fail_on = "unmarked"\n')
    (srcdir / "pyproject.toml").write_text('[tool.docsec]\nfail_on = "never"\n', encoding="utf-8")
    assert build(srcdir=srcdir).statuscode == 1


def test_bad_setting_is_one_clear_error(build):
    conf = CONF + 'docsec_min_severity = "urgent"\n'
    built = build({"index.md": PAGE}, conf=conf)
    errors = [line for line in built.warnings.splitlines() if "docsec_min_severity" in line]
    assert len(errors) == 1
    assert f"conf.py:{line_of(conf, 'docsec_min_severity')}: ERROR: docsec: docsec_min_severity = 'urgent' " \
           "is invalid: expected one of info, low, medium, high, critical; using the default 'low'" in errors[0]
    assert "Traceback" not in built.warnings
    assert built.statuscode == 1  # the defaults still apply: the finding still fails


def test_bad_pyproject_value_names_the_table(build, write_project):
    srcdir = write_project({"index.md": "# Home\n"})
    (srcdir / "pyproject.toml").write_text('[tool.docsec]\nprofile = "paranoid"\n', encoding="utf-8")
    built = build(srcdir=srcdir)
    assert "docsec: [tool.docsec] profile = 'paranoid' is invalid: expected one of 'default', 'audit'" \
        in built.warnings


def test_a_file_several_pages_include_is_one_finding(build):
    snippet = f"from http.server import HTTPServer, SimpleHTTPRequestHandler\n{SERVER}\n"
    include = "Page\n====\n\n.. literalinclude:: serve.py\n"
    built = build({"index.rst": "Home\n====\n\n.. toctree::\n\n   one\n   two\n", "one.rst": include,
                   "two.rst": include, "serve.py": snippet})
    line = line_of(snippet, "HTTPServer((")
    assert built.warnings.count(f"serve.py:{line}: WARNING: DSP014") == 1
    assert "docsec: 1 unmarked insecure example (mark them with insecure-example or fix them):" in built.warnings
    assert built.statuscode == 1


UNPARSED = """\
# Page

```python
import requests
requests.get(url verify=False)
```

```python
for item in <collection>:
    do something with item
```
"""


def test_code_that_cannot_be_analysed_and_holds_a_trigger_fails_the_build(build):
    built = build({"index.md": UNPARSED})
    assert ("index.md:5: WARNING: `requests.get(url verify=False)` does not parse as python and holds what "
            "DSP010") in built.warnings
    assert built.statuscode == 1
    assert "docsec: 1 code block docsec could not analyse" in built.warnings
    assert "  index.md:5 not-analysed" in built.warnings
    assert "index.md:9" not in built.warnings  # pseudo-code without a rule's trigger cannot hide a finding


def test_not_analysed_warn_lets_the_build_pass(build):
    built = build({"index.md": UNPARSED}, conf=CONF + 'docsec_not_analysed = "warn"\n')
    assert "index.md:5: WARNING: `requests.get(url verify=False)` does not parse" in built.warnings
    assert built.statuscode == 0


def test_the_reason_shows_its_inline_markup_in_myst_and_rst(build):
    """A notice moved into :reason: by --fix keeps its code and bold; the reason renders them."""
    page = MARKED.replace(":reason: binds to every network interface",
                          ":reason: `HTTPServer` binds to **every** network interface")
    rst = ("Page\n====\n\n.. insecure-example::\n   :reason: ``HTTPServer`` binds to **every** interface\n\n"
           "   .. code-block:: python\n\n      from http.server import HTTPServer, SimpleHTTPRequestHandler\n"
           f"      {SERVER}\n")
    built = build({"index.md": "# Home\n\n```{toctree}\npage\nrst\n```\n", "page.md": page, "rst.rst": rst})
    assert built.statuscode == 0
    for name in ("page", "rst"):
        html = built.html(name)
        assert '<strong>Why it is insecure:</strong> <code class="docutils literal notranslate"><span class="pre">' \
               'HTTPServer</span></code> binds to <strong>every</strong>' in html
