"""Framework documentation pages: every dangerous example is found, its safe
counterpart beside it is not.

The pages in ``tests/framework_corpus/`` are written like Django, Flask,
Jinja, Werkzeug and Celery documentation: templates, raw SQL, settings,
webhooks and development servers, with code in ``code-block``, Django's
``console``, sphinx-tabs' ``code-tab``, sphinx-prompt's ``prompt``,
IPython's ``ipython`` and jupyter-sphinx's ``jupyter-execute`` directives.
Each dangerous block is followed by the block a reader should use.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from docsec.cli.main import main as docsec_main

CORPUS = Path(__file__).resolve().parent / "framework_corpus"

EXPECTED = {
    "django_templates.rst": {
        (17, "DST002"),  # {{ comment.body|safe }}
        (36, "DST001"),  # {% autoescape off %}
        (52, "DST003"),  # class={{ theme }}
        (64, "DST004"),  # "{{ request.user.username }}" in <script>
        (81, "DST004"),  # href="{{ request.GET.next }}"
        (95, "DSS009"),  # .. console:: runserver 0.0.0.0:8000
    },
    "django_orm.md": {
        (13, "DSP020"),  # raw(f"... '{last_name}'")
        (27, "DSP020"),  # raw("... '%s'", [...])
        (44, "DSP020"),  # Func.template built by concatenation
        (65, "DSP013"),  # DEBUG = True with ALLOWED_HOSTS = ["*"]
        (84, "DSP060"),  # @csrf_exempt on a POST view without a signature check
    },
    "flask_jinja.rst": {
        (13, "DST002"),  # code-tab: {{ request.args.get("q")|safe }}
        (25, "DST004"),  # '{{ query }}' in <script>
        (42, "DSP022"),  # code-tab: Markup(f"...")
        (56, "DSS009"),  # prompt:: bash $ -- flask run --host 0.0.0.0
        (65, "DSS009"),  # prompt:: bash $ auto -- flask run --host=0.0.0.0
    },
    "deployment.rst": {
        (11, "DSP013"),  # ipython:: run_simple(..., use_debugger=True)
        (11, "DSP014"),  # ipython:: run_simple("0.0.0.0", ...)
        (27, "DSS009"),  # console:: celery flower without auth
        (42, "DSP019"),  # jupyter-execute:: URLSafeSerializer("...")
    },
}


def findings(capsys) -> dict[str, set[tuple[int, str]]]:
    cwd = os.getcwd()
    os.chdir(CORPUS)
    try:
        docsec_main(["check", "--format", "json", "."])
    finally:
        os.chdir(cwd)
    report = json.loads(capsys.readouterr().out)
    found: dict[str, set[tuple[int, str]]] = {}
    for finding in report["findings"]:
        found.setdefault(finding["path"], set()).add((finding["line"], finding["rule"]))
    return found


def test_each_page_reports_exactly_its_dangerous_examples(capsys) -> None:
    assert findings(capsys) == EXPECTED


def test_every_page_is_in_the_expectations() -> None:
    assert {p.name for p in CORPUS.iterdir() if p.suffix in (".md", ".rst")} == set(EXPECTED)
