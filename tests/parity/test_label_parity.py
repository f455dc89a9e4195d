"""Labels spelled with invisible or look-alike characters, and notebooks whose kernel "speaks" text:
Sphinx, ``docsec check`` and the mystmd plugin read the same blocks the same way (issue 20)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from front_end_rows import cli_rows, sphinx_rows

FIELDS = ("path", "cell", "line", "rule", "status")
CONF = """
extensions = ["myst_nb", "docsec"]
nb_execution_mode = "off"
exclude_patterns = ["_build"]
suppress_warnings = ["misc.highlighting_failure"]
"""
PAGE = """\
# Labels

```py\u200bthon
import pickle
pickle.loads(blob)
```

```pyth\u043en
requests.get(url, verify=False)
```

```text
requests.get(url, verify=False)
```
"""


def text_kernel_notebook() -> str:
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [], "id": "c1",
              "source": "import yaml\nconfig = yaml.load(stream)\n"},
             {"cell_type": "markdown", "metadata": {}, "id": "c2",
              "source": "```text\nyaml.load(stream)\n```\n"}]
    return json.dumps({"cells": cells, "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"name": "text", "language": "text", "display_name": "Text"},
        "language_info": {"name": "text", "pygments_lexer": "text"}}})


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\nlabels\nnotebook\n```\n", encoding="utf-8")
    (src / "labels.md").write_text(PAGE, encoding="utf-8")
    (src / "notebook.ipynb").write_text(text_kernel_notebook(), encoding="utf-8")
    return src


EXPECTED = {
    ("labels.md", None, 5, "DSP005", "unmarked"),  # ```py<ZWSP>thon
    ("labels.md", None, 9, "DSP010", "unmarked"),  # ```pyth<Cyrillic o>n
    ("notebook.ipynb", 1, 2, "DSP008", "unmarked"),  # a code cell of a kernel said to speak text
}  # (a ```text fence stays text, in a page or a notebook's Markdown cell)


def test_sphinx_and_check_read_unusual_labels_and_text_kernels_alike(project: Path, tmp_path: Path, capsys) -> None:
    assert sphinx_rows(project, tmp_path / "out", *FIELDS) == EXPECTED
    assert cli_rows(project, capsys, *FIELDS) == EXPECTED


def test_check_warns_about_the_look_alike_labels(project: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    from docsec.cli.main import main as docsec_main

    monkeypatch.chdir(project)
    capsys.readouterr()
    docsec_main(["check", "--format", "json", "labels.md"])
    report = json.loads(capsys.readouterr().out)
    assert [(d["line"], d["code"], d["severity"]) for d in report["diagnostics"]] == [
        (4, "label-look-alike", "medium"), (9, "label-look-alike", "medium")]
    assert "U+200B ZERO WIDTH SPACE" in report["diagnostics"][0]["message"]
    assert "U+043E CYRILLIC SMALL LETTER O" in report["diagnostics"][1]["message"]


def test_the_mystmd_plugin_reads_them_alike(tmp_path: Path) -> None:
    from docsec.mystmd.scan import Scanner, scan_json

    blocks = [
        {"lang": "py\u200bthon", "value": "import pickle\npickle.loads(blob)\n", "line": 4, "anchor": "exact"},
        {"lang": "pyth\u043en", "value": "requests.get(url, verify=False)\n", "line": 9, "anchor": "exact"},
        {"lang": "text", "value": "requests.get(url, verify=False)\n", "line": 13, "anchor": "exact"},
        {"lang": "text", "value": "import yaml\nconfig = yaml.load(stream)\n", "line": 1, "anchor": "cell",
         "cell": 1, "code_cell": True},
    ]
    request = {"id": 1, "protocol": 1, "path": str(tmp_path / "labels.md"), "blocks": blocks}
    reply = json.loads(scan_json(json.dumps(request), Scanner(tmp_path)))
    assert [(f["block"], f["rule_id"], f["line"]) for f in reply["findings"]] == [
        (0, "DSP005", 5), (1, "DSP010", 9), (3, "DSP008", 2)]
    assert [(d["block"], d["code"]) for d in reply["diagnostics"]] == [(0, "label-look-alike"), (1, "label-look-alike")]
