"""Project-specific code directives: a Sphinx build (with the real
extensions) and ``docsec check`` (which recognises the directives without
them) report the same findings.

Django's ``console`` directive lives in Django's own ``docs/_ext`` and is not
installable, so the project carries a stand-in that builds the same
``literal_block`` (language ``console``) as Django's does outside its
``djangohtml`` builder.  sphinx-tabs and IPython are used for real when
installed; IPython blocks are ``:verbatim:`` so nothing is executed.
``jupyter-execute`` would run its code and is left out of the Sphinx build.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from front_end_rows import cli_rows, sphinx_rows

FIELDS = ("path", "line", "rule", "status")

CONSOLE_STUB = '''
from sphinx.directives.code import CodeBlock


class ConsoleDirective(CodeBlock):
    """Like Django's djangodocs ``console``: a console code block."""

    required_arguments = 0
    optional_arguments = 0

    def run(self):
        self.arguments = ["console"]
        return super().run()


def setup(app):
    app.add_directive("console", ConsoleDirective)
    return {"parallel_read_safe": True}
'''

CONF = """
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).parent))
extensions = ["myst_parser", "console_stub", "docsec"{extra}]
exclude_patterns = ["_build"]
ipython_execlines = []
ipython_warning_is_error = False
suppress_warnings = ["misc.highlighting_failure"]
"""

INDEX = """
Frameworks
==========

.. toctree::

   django
   myst_page
{extra_pages}
"""

DJANGO_RST = """
Django
======

.. code-block:: html+django

   <div class="comment">{{ comment.body|safe }}</div>

.. code-block:: html+django

   <div class="comment">{{ comment.body }}</div>

.. console::

   $ python -m django runserver 0.0.0.0:8000

.. console::

   $ python -m django runserver
"""

MYST_PAGE = """# MyST

```{console}
$ celery -A proj flower --address=0.0.0.0
```

```{console}
$ celery -A proj flower --basic-auth="admin:$FLOWER_PASSWORD"
```

```{code-block} jinja
<a href="{{ request.args.get('next') }}">Continue</a>
```
"""

TABS_RST = """
Tabs
====

.. tabs::

   .. code-tab:: python

      from django.utils.safestring import mark_safe
      greeting = mark_safe(f"<b>Hello {request.user.first_name}</b>")

   .. code-tab:: python Safe

      from django.utils.html import format_html
      greeting = format_html("<b>Hello {}</b>", request.user.first_name)

   .. tab:: Console

      .. code-block:: console

         $ flask --app hello run --host 0.0.0.0
"""

IPYTHON_RST = """
IPython
=======

.. ipython::
   :verbatim:

   In [1]: from werkzeug.serving import run_simple

   In [2]: run_simple("localhost", 5000, app, use_debugger=True)

.. ipython::
   :verbatim:

   In [1]: from werkzeug.serving import run_simple

   In [2]: run_simple("localhost", 5000, app, use_reloader=True)
"""

PROMPT_RST = """
Prompt
======

.. prompt:: bash $

   curl -k https://internal.example/health
   curl https://internal.example/health

.. prompt:: bash $ auto

   $ python3 -m http.server 8000
"""

HAS_TABS = importlib.util.find_spec("sphinx_tabs") is not None
HAS_PROMPT = importlib.util.find_spec("sphinx_prompt") is not None
HAS_IPYTHON = importlib.util.find_spec("IPython") is not None


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    extensions, pages = [], []
    if HAS_TABS:
        extensions.append("sphinx_tabs.tabs")
        pages.append("tabs")
        (src / "tabs.rst").write_text(TABS_RST, encoding="utf-8")
    if HAS_PROMPT:
        extensions.append("sphinx_prompt")
        pages.append("prompt_page")
        (src / "prompt_page.rst").write_text(PROMPT_RST, encoding="utf-8")
    if HAS_IPYTHON:
        extensions.append("IPython.sphinxext.ipython_directive")
        pages.append("ipython_page")
        (src / "ipython_page.rst").write_text(IPYTHON_RST, encoding="utf-8")
    extra = "".join(f", {name!r}" for name in extensions)
    (src / "conf.py").write_text(CONF.format(extra=extra), encoding="utf-8")
    (src / "console_stub.py").write_text(CONSOLE_STUB, encoding="utf-8")
    (src / "index.rst").write_text(INDEX.format(extra_pages="".join(f"   {p}\n" for p in pages)), encoding="utf-8")
    (src / "django.rst").write_text(DJANGO_RST, encoding="utf-8")
    (src / "myst_page.md").write_text(MYST_PAGE, encoding="utf-8")
    return src


def test_sphinx_and_cli_agree_on_framework_directives(project: Path, tmp_path: Path, capsys) -> None:
    expected = {
        ("django.rst", 7, "DST002", "unmarked"),
        ("django.rst", 15, "DSS009", "unmarked"),
        ("myst_page.md", 4, "DSS009", "unmarked"),
        ("myst_page.md", 12, "DST004", "unmarked"),
    }
    if HAS_TABS:
        expected |= {("tabs.rst", 10, "DSP022", "unmarked"), ("tabs.rst", 21, "DSS009", "unmarked")}
    if HAS_IPYTHON:
        expected |= {("ipython_page.rst", 10, "DSP013", "unmarked")}
    if HAS_PROMPT:
        expected |= {("prompt_page.rst", 7, "DSS004", "unmarked"), ("prompt_page.rst", 12, "DSS003", "unmarked")}
    from_sphinx = sphinx_rows(project, tmp_path / "out", *FIELDS)
    from_cli = cli_rows(project, capsys, *FIELDS)
    assert from_sphinx == from_cli
    assert from_sphinx == expected
