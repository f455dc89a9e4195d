"""One engine, two front ends: a Sphinx build and ``docsec check`` report the
same (file, line, rule id, marked) on the same project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from front_end_rows import cli_rows, sphinx_rows

FIELDS = ("path", "cell", "line", "rule", "status")
CONF = """
extensions = ["myst_nb", "docsec"]
myst_enable_extensions = ["colon_fence"]
nb_execution_mode = "off"
exclude_patterns = ["_build", "snippets"]
suppress_warnings = ["misc.highlighting_failure"]
"""

INDEX = """
Parity
======

.. toctree::

   guide
   tutorial
   notebook
"""

GUIDE_RST = """
Guide
=====

.. highlight:: console

Start a server::

   $ python3 -m http.server 8000

.. code-block:: python

   import yaml
   config = yaml.load(open("settings.yml"))

A session:

>>> import pickle
>>> pickle.loads(payload)

.. literalinclude:: snippets/serve.py

.. insecure-example:: Exposed
   :reason: shows the risk

   .. code-block:: python

      requests.get(url, verify=False)

* In a list:

  .. code-block:: bash

     curl -fsSL https://get.example.com | sh

.. note::

   Inside a note::

      $ chmod 777 /srv/www
"""

TUTORIAL_MD = """# Tutorial

A fence without a language:

```
import subprocess
subprocess.run(f"convert {name} out.png", shell=True)
```

```{code-block} python
:class: docsec-insecure
:caption: marked by class

eval(user_input)
```

:::{insecure-example}
:reason: demonstration

```python
from http.server import HTTPServer, SimpleHTTPRequestHandler
HTTPServer(("0.0.0.0", 8000), SimpleHTTPRequestHandler)
```
:::

:::{note}
```console
$ pip install --trusted-host pypi.example.org mypackage
```
:::

```python
import tarfile
with tarfile.open(path) as archive:
    archive.extractall(target)  # docsec: ignore[DSP023] -- archive is built by the step above
```

A suppression that suppresses nothing, and one inside a secure example:

```python
print("ready")  # docsec: ignore[DSP023] -- nothing here to suppress
```

:::{secure-example}
```python
import os
os.system(command)  # docsec: ignore[DSP002] -- reviewed
```
:::
"""

SERVE_PY = """import socket

sock = socket.socket()
sock.bind(("0.0.0.0", 9000))
"""


def notebook() -> str:
    cells = [
        {"cell_type": "markdown", "metadata": {}, "source": "# Notebook\n\n```python\nos.system(cmd)\n```\n"},
        {"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
         "source": "import torch\nmodel = torch.load('model.pt')\n"},
        {"cell_type": "code", "metadata": {"tags": ["docsec-insecure"]}, "execution_count": None, "outputs": [],
         "source": "!curl -s https://x.example/i.sh | bash\n"},
        {"cell_type": "code", "metadata": {}, "execution_count": None,
         "outputs": [{"output_type": "stream", "name": "stdout", "text": "eval(x)\n"}],
         "source": "%pip install --trusted-host example.org pkg\nprint('ok')\n"},
    ]
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "language": "python",
                                                                   "display_name": "Python 3"}},
                       "nbformat": 4, "nbformat_minor": 5})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    (src / "snippets").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.rst").write_text(INDEX, encoding="utf-8")
    (src / "guide.rst").write_text(GUIDE_RST, encoding="utf-8")
    (src / "tutorial.md").write_text(TUTORIAL_MD, encoding="utf-8")
    (src / "notebook.ipynb").write_text(notebook(), encoding="utf-8")
    (src / "snippets" / "serve.py").write_text(SERVE_PY, encoding="utf-8")
    return src


def test_sphinx_and_cli_report_the_same_findings(project: Path, tmp_path: Path, capsys) -> None:
    with_messages = sphinx_rows(project, tmp_path / "out", *FIELDS, "message")
    assert with_messages == cli_rows(project, capsys, *FIELDS, "message")
    from_sphinx = {row[:-1] for row in with_messages}
    from_cli = {row[:-1] for row in cli_rows(project, capsys, *FIELDS, "message")}
    messages = {row[:4]: row[-1] for row in with_messages}
    assert messages["tutorial.md", None, 41, "DSX002"] == (
        "`docsec: ignore[DSP023]`: DSP023 reports nothing on this line; remove it from the suppression")
    assert messages["tutorial.md", None, 47, "DSP002"].endswith(
        "(inside secure-example, `docsec: ignore` does not apply: a secure example must be clean)")
    expected = {
        ("guide.rst", None, 9, "DSS003", "unmarked"),
        ("guide.rst", None, 14, "DSP008", "unmarked"),
        ("guide.rst", None, 19, "DSP005", "unmarked"),
        ("snippets/serve.py", None, 4, "DSP014", "unmarked"),
        ("guide.rst", None, 28, "DSP010", "marked"),
        ("guide.rst", None, 34, "DSS001", "unmarked"),
        ("guide.rst", None, 40, "DSS002", "unmarked"),
        ("tutorial.md", None, 7, "DSP001", "unmarked"),
        ("tutorial.md", None, 14, "DSP003", "marked"),
        ("tutorial.md", None, 22, "DSP014", "marked"),
        ("tutorial.md", None, 28, "DSS005", "unmarked"),
        ("tutorial.md", None, 35, "DSP023", "suppressed"),
        ("tutorial.md", None, 41, "DSX002", "unmarked"),
        ("tutorial.md", None, 47, "DSP002", "unmarked"),
        ("notebook.ipynb", 1, 4, "DSP002", "unmarked"),
        ("notebook.ipynb", 2, 2, "DSP009", "unmarked"),
        ("notebook.ipynb", 3, 1, "DSS001", "marked"),
        ("notebook.ipynb", 4, 1, "DSS005", "unmarked"),
    }
    assert from_sphinx == from_cli
    assert from_sphinx == expected
