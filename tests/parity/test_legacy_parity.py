"""Legacy markers: a Sphinx build (myst-parser, MyST-NB, docutils) and ``docsec check`` mark the same blocks,
each naming the same legacy marker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from front_end_rows import cli_rows, sphinx_rows

FIELDS = ("path", "cell", "line", "rule", "status", "marked_by")

NOTICE = "This is for demonstration of insecure practice only! DO NOT use this code in production or on any network!"

PYPROJECT = """
[tool.docsec]
legacy_admonitions = ["danger"]
legacy_phrases = ["insecure practice", "do not use this code"]
legacy_comments = ["dangerous", "vulnerable"]
"""

CONF = """
extensions = ["myst_nb", "docsec"]
myst_enable_extensions = ["colon_fence"]
nb_execution_mode = "off"
"""

INDEX = """
Legacy
======

.. toctree::

   guide
   textnb
   notebook

A notice about insecure practice::

   curl -k https://example.com

.. danger::

   Never in production.

.. code-block:: python
   :caption: after a danger admonition, with a caption

   requests.get(url, verify=False)

#. Step:

   .. code-block:: bash

      curl -k https://example.com

.. note::

   Do not use this code.

   >>> requests.get(url, verify=False)

   A paragraph.

   >>> requests.get(url, verify=False)

Lead-ins hold insecure practice:

- the list between them is looked through;
- to the paragraph that leads into it.

.. code-block:: python

   requests.get(url, verify=False)

* A last list item of insecure practice.

.. code-block:: python

   requests.get(url, verify=False)

A lead-in that says nothing:

* and a last item that says nothing either.

.. code-block:: python

   requests.get(url, verify=False)

.. code-block:: python

   # DANGEROUS: never do this
   requests.get(url, verify=False)
"""

GUIDE = f"""# Guide

{NOTICE}

```python
requests.get(url, verify=False)
```

(a-target)=
Insecure practice below.

```{{code}} python
:caption: a caption wraps the block
requests.get(url, verify=False)
```

:::{{admonition}} Careful
:class: danger

```bash
curl -k https://example.com
```
:::

- A list item.

  ```bash
  curl -k https://example.com
  ```

% a comment is not a sibling

```python
requests.get(url, verify=False)
```

## Lead-in of insecure practice

1. one
2. two

```python
requests.get(url, verify=False)
```

- first
- a last item: DO NOT use this code

```python
requests.get(url, verify=False)
```

```python
\"\"\"Vulnerable client - never copy.\"\"\"
requests.get(url, verify=False)
```
"""

TEXT_NOTEBOOK = """---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# Text notebook

This cell is insecure practice.

```{code-cell} python
requests.get(url, verify=False)
```

```{code-cell} python
requests.get(url, verify=False)
```
"""


def notebook() -> str:
    cells = [
        ("markdown", f"# Notebook\n\n{NOTICE}"),
        ("code", "requests.get(url, verify=False)"),
        ("code", "requests.get(url, verify=False)"),
        ("markdown", ":::{danger}\nDo not copy.\n:::"),
        ("code", "requests.get(url, verify=False)"),
        ("code", "# VULNERABLE pattern\nrequests.get(url, verify=False)"),
    ]
    return json.dumps({
        "cells": [{"cell_type": kind, "id": f"c{index}", "metadata": {}, "source": source,
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for index, (kind, source) in enumerate(cells)],
        "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
        "nbformat": 4, "nbformat_minor": 5,
    })


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    for name, text in [("conf.py", CONF), ("pyproject.toml", PYPROJECT), ("index.rst", INDEX), ("guide.md", GUIDE),
                       ("textnb.md", TEXT_NOTEBOOK), ("notebook.ipynb", notebook())]:
        (src / name).write_text(text, encoding="utf-8")
    return src


def test_sphinx_and_cli_accept_the_same_legacy_markers(project: Path, tmp_path: Path, capsys) -> None:
    before = 'legacy marker: phrase "insecure practice" in the paragraph before the block'
    expected = {
        ("index.rst", None, 13, "DSS004", "marked", before),
        ("index.rst", None, 22, "DSP010", "marked",
         "legacy marker: 'danger' admonition before the block, a notice about it"),
        ("index.rst", None, 28, "DSS004", "unmarked", ""),
        # the paragraph right before wins over the admonition around
        ("index.rst", None, 34, "DSP010", "marked",
         'legacy marker: phrase "do not use this code" in the paragraph before the block'),
        ("index.rst", None, 38, "DSP010", "marked",
         "legacy marker: 'note' admonition saying \"do not use this code\" around the block"),
        ("guide.md", None, 6, "DSP010", "marked", before),
        ("guide.md", None, 14, "DSP010", "marked", before),
        ("guide.md", None, 21, "DSS004", "marked", "legacy marker: 'danger' admonition around the block"),
        ("guide.md", None, 28, "DSS004", "unmarked", ""),
        ("guide.md", None, 34, "DSP010", "unmarked", ""),
        ("textnb.md", None, 16, "DSP010", "marked", 'legacy marker: phrase "insecure practice" in the paragraph '
                                                   "before the block"),
        ("textnb.md", None, 20, "DSP010", "unmarked", ""),
        ("notebook.ipynb", 2, 1, "DSP010", "marked", before),
        ("notebook.ipynb", 3, 1, "DSP010", "unmarked", ""),
        ("notebook.ipynb", 5, 1, "DSP010", "marked",
         "legacy marker: 'danger' admonition before the block, a notice about it"),
        # A list between a notice and the block is looked through: its last item, else its lead-in
        # (a paragraph or heading; an admonition is no lead-in: guide.md:34 above).
        ("guide.md", None, 43, "DSP010", "marked",
         'legacy marker: phrase "insecure practice" in the heading before the list before the block'),
        ("guide.md", None, 50, "DSP010", "marked",
         'legacy marker: phrase "do not use this code" in the list item before the block'),
        ("index.rst", None, 47, "DSP010", "marked",
         'legacy marker: phrase "insecure practice" in the paragraph before the list before the block'),
        ("index.rst", None, 53, "DSP010", "marked", 'legacy marker: phrase "insecure practice" in the list item '
                                                   "before the block"),
        ("index.rst", None, 61, "DSP010", "unmarked", ""),
        # A comment (or the opening docstring) of the block itself, with legacy_comments
        ("guide.md", None, 55, "DSP010", "marked",
         'legacy marker: phrase "vulnerable" in a comment of the block (line 1)'),
        ("index.rst", None, 66, "DSP010", "marked", 'legacy marker: phrase "dangerous" in a comment of the block '
                                                   "(line 1)"),
        ("notebook.ipynb", 6, 2, "DSP010", "marked",
         'legacy marker: phrase "vulnerable" in a comment of the block (line 1)'),
    }
    assert cli_rows(project, capsys, *FIELDS) == expected
    assert sphinx_rows(project, tmp_path / "out", *FIELDS) == expected


NOT_NOTICES_RST = """
Calling the API
===============

To avoid any insecure practice, always call the API like this:

.. code-block:: python

   requests.get(url, verify=False)

.. danger:: Deleting a project cannot be undone.

.. code-block:: python

   requests.get(url, verify=False)

.. danger:: The same mistake with curl.

.. code-block:: console

   $ curl -k https://example.com
"""

NOT_NOTICES_MD = """# More

Avoid this insecure practice; call the API like this:

```python
requests.get(url, verify=False)
```

:::{danger}
The following code turns certificate checks off.
:::

```python
requests.get(url, verify=False)
```
"""


def test_sphinx_and_cli_judge_which_notices_are_about_the_block_alike(tmp_path: Path, capsys) -> None:
    src = tmp_path / "src"
    src.mkdir()
    index = NOT_NOTICES_RST + "\n.. toctree::\n\n   more\n"
    for name, text in [("conf.py", CONF), ("pyproject.toml", PYPROJECT), ("index.rst", index), ("more.md", NOT_NOTICES_MD)]:
        (src / name).write_text(text, encoding="utf-8")
    expected = {
        ("index.rst", None, 9, "DSP010", "unmarked", ""),  # advice against the practice
        ("index.rst", None, 15, "DSP010", "unmarked", ""),  # a danger admonition about something else
        ("index.rst", None, 21, "DSS004", "marked",
         "legacy marker: 'danger' admonition before the block, naming `curl` of the code"),
        ("more.md", None, 6, "DSP010", "unmarked", ""),
        ("more.md", None, 14, "DSP010", "marked",
         "legacy marker: 'danger' admonition before the block, a notice about it"),
    }
    assert cli_rows(src, capsys, *FIELDS) == expected
    assert sphinx_rows(src, tmp_path / "out", *FIELDS) == expected
