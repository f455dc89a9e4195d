"""Which code nodes are scanned, in which language, and where findings point."""

from __future__ import annotations

import json

import pytest
from docsec_sphinx_helpers import CONF, SERVER, line_of


def test_rst_literal_after_highlight_is_scanned_as_bash(build):
    page = """\
Page
====

.. highlight:: bash

Serve it::

   cd site
   python -m http.server 8000
"""
    built = build({"index.rst": page})
    assert f"index.rst:{line_of(page, 'python -m http.server')}: WARNING: DSS003" in built.warnings
    assert built.statuscode == 1


def test_rst_literal_without_highlight_is_sniffed(build):
    """An rST ``::`` block holding a bare command line is read as the command it is (issue 17: blocks
    whose language is not declared), as `docsec check` reads it; Python in one is still Python."""
    page = "Page\n====\n\nServe it::\n\n   python -m http.server 8000\n\nOr::\n\n   import os\n   os.system(cmd)\n"
    warnings = build({"index.rst": page}).warnings
    assert "index.rst:6: WARNING: DSS003" in warnings
    assert "index.rst:11: WARNING: DSP002" in warnings


def test_rst_doctest_block_is_scanned_as_pycon(build):
    page = f"""\
Page
====

>>> from http.server import HTTPServer, SimpleHTTPRequestHandler
>>> {SERVER}
"""
    built = build({"index.rst": page})
    assert f"index.rst:{line_of(page, '>>> HTTPServer')}: WARNING: DSP014" in built.warnings


def test_literalinclude_points_at_the_included_file(build):
    snippet = f"import os\n\nfrom http.server import HTTPServer, SimpleHTTPRequestHandler\n{SERVER}\n"
    page = "Page\n====\n\n.. literalinclude:: snippets/serve.py\n   :lines: 3-\n"
    built = build({"index.rst": page, "snippets/serve.py": snippet})
    line = line_of(snippet, "HTTPServer((")
    assert f"snippets/serve.py:{line}: WARNING: DSP014" in built.warnings
    assert f"/snippets/serve.py:{line} DSP014" in built.warnings


def test_system_message_echo_is_not_scanned(build):
    page = f"""\
Page
====

.. no-such-directive:: arg

   {SERVER}
"""
    built = build({"index.rst": page})
    assert 'Unknown directive type' in built.warnings
    assert "DSP014" not in built.warnings
    assert built.statuscode == 0


def test_code_block_caption_and_nested_admonition_lines(build):
    page = f"""\
# Page

```{{code-block}} python
:caption: serve.py

from http.server import HTTPServer, SimpleHTTPRequestHandler
{SERVER}
```

:::{{note}}
Indented in a note:

```python
{SERVER}
```
:::
"""
    built = build({"index.md": page})
    assert f"index.md:{line_of(page, 'HTTPServer((')}: WARNING: DSP014" in built.warnings
    assert f"index.md:{line_of(page, 'HTTPServer((', 2)}: WARNING: DSP014" in built.warnings


def _notebook(tags: list[str]) -> str:
    return json.dumps({
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                     "language_info": {"name": "python"}},
        "cells": [
            {"cell_type": "markdown", "id": "m1", "metadata": {}, "source": "# Notebook\n"},
            {"cell_type": "code", "id": "c1", "metadata": {"tags": tags}, "execution_count": None, "outputs": [],
             "source": "from http.server import HTTPServer\nH = None\nHTTPServer(('0.0.0.0', 8000), H)\n"},
        ],
    })


NB_CONF = CONF.replace('"myst_parser"', '"myst_nb"') + 'nb_execution_mode = "off"\n'


def test_notebook_finding_names_the_cell(build):
    pytest.importorskip("myst_nb")
    built = build({"index.rst": "Home\n====\n\n.. toctree::\n\n   nb\n", "nb.ipynb": _notebook([])}, conf=NB_CONF)
    assert "nb.ipynb:cell 2:3: WARNING: DSP014" in built.warnings
    assert "/nb.ipynb:cell 2:3 DSP014" in built.warnings
    assert built.statuscode == 1


def test_notebook_cell_tag_marks_the_cell(build):
    pytest.importorskip("myst_nb")
    built = build({"index.rst": "Home\n====\n\n.. toctree::\n\n   nb\n", "nb.ipynb": _notebook(["docsec-insecure"])},
                  conf=NB_CONF)
    assert "DSP014" not in built.warnings
    assert built.statuscode == 0


def test_code_in_every_kind_of_body_container_is_scanned(build):
    """The walk skips paragraphs and inline markup, but not text elements that hold blocks (version notes)."""
    page = f"""\
Page
====

.. versionchanged:: 2.0
   Serve it like this:

   .. code-block:: python

      {SERVER}

* A list item with a term list:

  Term
     .. note::

        ::

           {SERVER}

.. confval:: serve_address
   :type: ``str``

   An example::

      {SERVER}
"""
    built = build({"index.rst": page})
    lines = [number for number, text in enumerate(page.splitlines(), 1) if "HTTPServer((" in text]
    assert len(lines) == 3
    for line in lines:
        assert f"index.rst:{line}: WARNING: DSP014" in built.warnings


def _notebook_of(*sources: str) -> str:
    return json.dumps({
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                     "language_info": {"name": "python"}},
        "cells": [{"cell_type": "code", "id": f"c{n}", "metadata": {}, "execution_count": None, "outputs": [],
                   "source": source} for n, source in enumerate(sources, start=1)],
    })


def test_the_summary_lists_notebook_findings_in_cell_order_at_the_paths_the_warnings_name(build):
    """Cell 1's finding on its line 4 comes before cell 2's on line 1; summary and warnings write one path form."""
    pytest.importorskip("myst_nb")
    notebook = _notebook_of("import os\n\n\nos.system(cmd)\n", "HTTPServer(('0.0.0.0', 8000), H)\n")
    built = build({"index.rst": "Home\n====\n\n.. toctree::\n\n   nb\n", "nb.ipynb": notebook}, conf=NB_CONF)
    summary = built.warnings[built.warnings.index("docsec: 2 unmarked"):].splitlines()[1:3]
    located = [line.strip().rsplit(" DSP", 1)[0] for line in summary]
    assert [line.split(" DSP", 1)[1][:3] for line in summary] == ["002", "014"]
    assert located[0].endswith("/nb.ipynb:cell 1:4") and located[1].endswith("/nb.ipynb:cell 2:1")
    for where, rule in zip(located, ("DSP002", "DSP014")):
        assert f"{where}: WARNING: {rule}" in built.warnings
