"""Marked blocks look marked in HTML, and docsec's own comments stay out of the code readers copy."""

from __future__ import annotations

import json

import pytest
from docsec_sphinx_helpers import CONF, SERVER

BADGE = '<p class="docsec-marked-label"><span class="docsec-marked-badge">\u26a0 Insecure example</span></p>'

CLASSED = f"""\
# Page

```{{code-block}} python
:class: docsec-insecure
:caption: A server on every interface

from http.server import HTTPServer, SimpleHTTPRequestHandler
{SERVER}
```

```{{code-block}} python
:class: docsec-insecure

import pickle
pickle.loads(data)
```

:::{{insecure-example}}
```{{code-block}} python
:class: docsec-insecure

eval(data)
```
:::

```python
print("a clean block")
```
"""


def test_blocks_marked_by_a_class_get_a_badge_and_a_border(build):
    built = build({"index.md": CLASSED})
    assert built.statuscode == 0
    html = built.html("index")
    assert html.count(BADGE) == 2  # not inside the insecure-example, which has its title and banner
    assert html.count('<div class="docsec-marked docutils container">') == 2
    # the caption wrapper keeps its own id and classes inside the badge's box
    assert ('<div class="docsec-marked docutils container">\n' + BADGE + '\n<div class="literal-block-wrapper '
            'docutils container" id="id1">') in html
    css = (built.app.outdir / "_static" / "docsec.css").read_text(encoding="utf-8")
    assert "div.docsec-marked { border-left: 0.3rem solid var(--docsec-must);" in css


def test_text_builds_stay_plain(build):
    built = build({"index.md": CLASSED}, buildername="text")
    assert "Insecure example" in built.output("index.txt")  # the insecure-example's own title
    assert "\u26a0" not in built.output("index.txt")


def test_a_notebook_cell_tagged_docsec_insecure_gets_the_badge(build):
    pytest.importorskip("myst_nb")
    notebook = json.dumps({
        "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                     "language_info": {"name": "python"}},
        "cells": [
            {"cell_type": "markdown", "id": "m", "metadata": {}, "source": "# Notebook\n"},
            {"cell_type": "code", "id": "a", "metadata": {"tags": ["docsec-insecure"]}, "execution_count": None,
             "outputs": [], "source": "import pickle\npickle.loads(data)\n"},
            {"cell_type": "code", "id": "b", "metadata": {}, "execution_count": None, "outputs": [],
             "source": "print('clean')\n"},
        ],
    })
    conf = CONF.replace('"myst_parser"', '"myst_nb"') + 'nb_execution_mode = "off"\n'
    built = build({"index.rst": "Home\n====\n\n.. toctree::\n\n   nb\n", "nb.ipynb": notebook}, conf=conf)
    assert built.statuscode == 0
    html = built.html("nb")
    assert html.count(BADGE) == 1
    assert html.index(BADGE) < html.index("pickle") and html.index(BADGE) > html.index("Notebook")


SUPPRESSED = """\
# Page

```python
eval(expression)  # docsec: ignore[DSP003] -- the expression is a literal above
print(expression)  # a comment readers keep
```
"""


def test_suppression_comments_are_left_out_of_the_code_shown(build):
    built = build({"index.md": SUPPRESSED})
    assert built.statuscode == 0  # the build read the suppression
    html = built.html("index")
    assert "docsec" not in html.split('<div class="highlight">')[1].split("</pre>")[0]
    assert "a comment readers keep" in html


def test_hide_suppressions_false_shows_them(build):
    built = build({"index.md": SUPPRESSED}, conf=CONF + "docsec_hide_suppressions = False\n")
    assert built.statuscode == 0
    assert "docsec: ignore[DSP003]" in built.html("index")


def test_suppressions_shown_in_markdown_examples_stay(build):
    """A Markdown or rST block that shows how to write a suppression is an example of markup, not code."""
    page = "# Page\n\n````markdown\n```python\neval(x)  # docsec: ignore[DSP003] -- a literal\n```\n````\n"
    built = build({"index.md": page})
    assert "docsec: ignore[DSP003]" in built.html("index")
