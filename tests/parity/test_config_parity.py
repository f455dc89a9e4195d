"""One configuration, three front ends: a Sphinx build, ``docsec check`` and ``myst build`` of the same pages,
configured once in ``[tool.docsec]``, report the same findings with the same statuses, and pass or fail alike.

The documentation lives in ``docs/`` with a ``conf.py``; ``pyproject.toml`` sits above it, so
``per_path_ignores`` globs are written from the repository's root (``docs/legacy/*.md``), where the file
that sets them is.  mystmd builds a copy of the repository whose ``docs/`` has a ``myst.yml`` instead of the
``conf.py``, and ``docsec check`` reads that copy too.

The same holds when the documentation tool's own file overrides a key (conf.py's ``docsec_*``, myst.yml's
``docsec:``), and a mistyped key fails all three with the closest names.
"""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path

import pytest
from front_end_blocks import check_read, mystmd_read, sphinx_read, unmarked

pytest.importorskip("myst_nb")

PYPROJECT = """\
[tool.docsec]
min_severity = "high"              # DSP014 (medium) does not run
ignore = ["DSP005"]                # pickle.loads
legacy_phrases = ["insecure practice"]
legacy_admonitions = ["danger"]
per_path_ignores = {"docs/legacy/*.md" = ["DSP003"]}
"""

CONF = """\
extensions = ["myst_nb", "docsec"]
nb_execution_mode = "off"
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
suppress_warnings = ["myst.header", "toc.not_included"]
"""

GUIDE = """\
# Guide

```python
eval(user_input)
```

```python
pickle.loads(blob)
```

```python
HTTPServer(("0.0.0.0", 8000), Handler)
```

This is insecure practice:

```python
yaml.load(stream)
```

:::{danger}
Do not copy this.
:::

```python
eval(after_the_danger_box)
```
"""

OLD = """\
# Old

```python
eval(old)
yaml.load(old_stream)
```
"""


def notebook() -> dict:
    cells = [("markdown", "# Notebook\n\nThe next cell is insecure practice."), ("code", "yaml.load(stream)"),
             ("code", "eval(cell_input)")]
    return {"cells": [{"cell_type": kind, "id": f"c{index}", "metadata": {}, "source": source,
                       **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                      for index, (kind, source) in enumerate(cells)],
            "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
            "nbformat": 4, "nbformat_minor": 5}


INDEX = "# Docs\n\n```{toctree}\nguide\nlegacy/old\nnotebook\n```\n"
EXPECTED = {
    ("guide.md", None, 4, "DSP003", "unmarked"),
    ("guide.md", None, 18, "DSP008", "marked"),  # the paragraph before holds the phrase
    ("guide.md", None, 26, "DSP003", "marked"),  # right after a danger box
    ("legacy/old.md", None, 5, "DSP008", "unmarked"),  # DSP003 is ignored in docs/legacy/
    ("notebook.ipynb", 2, 1, "DSP008", "marked"),
    ("notebook.ipynb", 3, 1, "DSP003", "unmarked"),
}


def repository(tmp_path: Path, pyproject: str = PYPROJECT, conf: str = CONF) -> Path:
    """``repo/pyproject.toml`` and ``repo/docs/`` (Sphinx); returns ``repo``."""
    repo = tmp_path / "repo"
    docs = repo / "docs"
    (docs / "legacy").mkdir(parents=True)
    (repo / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    for name, text in {"conf.py": conf, "index.md": INDEX, "guide.md": GUIDE, "legacy/old.md": OLD,
                       "notebook.ipynb": json.dumps(notebook())}.items():
        (docs / name).write_text(text, encoding="utf-8")
    return repo


def mystmd_copy(repo: Path, myst_yml: str = "") -> Path:
    """The same repository with ``docs/`` as a mystmd project (no conf.py, the plugin installed), beside it;
    returns its ``docs/``."""
    from docsec.mystmd.install import install

    copy = repo.with_name(repo.name + "-mystmd")
    shutil.copytree(repo, copy, ignore=shutil.ignore_patterns("conf.py", "_build"))
    template = copy / "template"
    template.mkdir()
    (template / "template.yml").write_text("myst: v1\nkind: site\n", encoding="utf-8")
    site = copy / "docs"
    (site / "myst.yml").write_text("version: 1\nproject:\n  title: t\n  plugins:\n    - docsec.mjs\n"
                                   f"site:\n  template: ../template\n{myst_yml}", encoding="utf-8")
    install(site)
    return site


def strip(rows: set, folder: str) -> set:
    return {(row[0].removeprefix(folder), *row[1:]) for row in rows}


@pytest.mark.slow
def test_one_configuration_gives_the_same_findings_and_statuses_everywhere(tmp_path: Path, myst_bin: str) -> None:
    repo = repository(tmp_path)
    docs = repo / "docs"
    sphinx = sphinx_read(docs, tmp_path / "out")
    checked = check_read(docs, "--show-marked")
    assert sphinx.findings == checked.findings == EXPECTED
    assert (sphinx.status, checked.code) == (1, 1)  # both fail on the unmarked findings
    site = mystmd_copy(repo)
    built = mystmd_read(myst_bin, site)
    checked_site = check_read(site, "--show-marked")
    assert checked_site.findings == EXPECTED
    assert built.findings == unmarked(EXPECTED)
    assert built.code != 0 and checked_site.code == 1
    # marked findings are marked in mystmd too: its blocks say so
    assert {(path, cell, line) for path, cell, line, _, marked in built.blocks if marked} == {
        ("guide.md", None, 18), ("guide.md", None, 26), ("notebook.ipynb", 2, 1)}


@pytest.mark.slow
def test_a_passing_configuration_passes_everywhere(tmp_path: Path, myst_bin: str) -> None:
    repo = repository(tmp_path, PYPROJECT.replace('ignore = ["DSP005"]', 'ignore = ["DSP005", "DSP003", "DSP008"]'))
    sphinx = sphinx_read(repo / "docs", tmp_path / "out")
    checked = check_read(repo / "docs")
    built = mystmd_read(myst_bin, mystmd_copy(repo))
    assert (sphinx.findings, checked.findings, built.findings) == (set(), set(), set())
    assert (sphinx.status, checked.code, built.code) == (0, 0, 0)


@pytest.mark.slow
def test_the_tools_own_file_wins_over_pyproject_in_every_front_end(tmp_path: Path, myst_bin: str) -> None:
    """conf.py's ``docsec_min_severity`` and myst.yml's ``docsec: {min_severity}`` bring DSP014 back."""
    repo = repository(tmp_path, conf=CONF + 'docsec_min_severity = "medium"\n')
    server = ("guide.md", None, 12, "DSP014", "unmarked")
    assert server in sphinx_read(repo / "docs", tmp_path / "out").findings
    assert server in check_read(repo / "docs").findings
    site = mystmd_copy(repo, "docsec:\n  min_severity: medium\n")
    assert server in mystmd_read(myst_bin, site).findings
    assert server in check_read(site).findings
    plain = mystmd_copy(repository(tmp_path / "second"))
    assert server not in check_read(plain).findings  # without the override, [tool.docsec] holds


@pytest.mark.slow
@pytest.mark.parametrize("where", ["pyproject", "tool"])
def test_a_mistyped_key_fails_every_front_end_with_the_closest_name(tmp_path: Path, myst_bin: str,
                                                                     where: str) -> None:
    if where == "pyproject":
        repo = repository(tmp_path, PYPROJECT + 'ignroe = ["DSP003"]\n')
        sphinx_hint = check_hint = myst_hint = "did you mean ignore?"
        site = mystmd_copy(repo)
    else:
        repo = repository(tmp_path, conf=CONF + 'docsec_ignroe = ["DSP003"]\n')
        sphinx_hint = check_hint = "did you mean docsec_ignore?"
        myst_hint = "did you mean docsec.ignore?"
        site = mystmd_copy(repo, "docsec:\n  ignroe: [DSP003]\n")
    sphinx = sphinx_read(repo / "docs", tmp_path / "out")
    assert sphinx.status == 1 and sphinx_hint in sphinx.warnings
    checked = check_read(repo / "docs")
    assert checked.code == 2 and check_hint in checked.error
    built = mystmd_read(myst_bin, site)
    assert built.code != 0 and myst_hint in built.output
    assert myst_hint in check_read(site).error


def test_conf_py_values_that_are_not_literals_are_named_with_their_line(tmp_path: Path) -> None:
    conf = CONF + textwrap.dedent("""\
        import os
        docsec_ignore = os.environ.get("IGNORED", "").split(",")
        """)
    repo = repository(tmp_path, conf=conf)
    checked = check_read(repo / "docs")
    line = conf.splitlines().index('docsec_ignore = os.environ.get("IGNORED", "").split(",")') + 1
    assert checked.code == 2
    assert checked.error.startswith(f"docsec: error: conf.py:{line}: docsec_ignore is not a literal: its value is "
                                    "the result of a call; docsec reads conf.py without running it")
