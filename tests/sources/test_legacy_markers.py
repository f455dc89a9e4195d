"""Legacy markers in each source format: which blocks a notice or an admonition marks, and which it does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docsec.core.config import Config
from docsec.sources import extract

LEGACY = Config.from_mapping({
    "legacy_admonitions": ["danger"],
    "legacy_phrases": ["insecure practice", "do not use this code"],
})
NOTICE = "This is for demonstration of insecure practice only! DO NOT use this code in production or on any network!"


def marks(tmp_path: Path, name: str, text: str, config: Config = LEGACY, newline: str = "\n") -> list[tuple]:
    """(first code line, marker kind, what marked it) per block."""
    path = tmp_path / name
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    result = extract(path, name, config)
    assert result.diagnostics == []
    return [(b.location.line, b.marker.kind.value, b.marker.source) for b in result.blocks]


MYST = f"""\
# Guide

{NOTICE}

```python
requests.get(url, verify=False)
```

A paragraph in between.

```python
requests.get(url, verify=False)
```

:::{{danger}}
Careful here.

```python
requests.get(url, verify=False)
```
:::

```{{code-block}} python
requests.get(url, verify=False)
```

1. First step, as **insecure practice**:

   ```bash
   curl -k https://example.com
   ```

   - nested: do not use this code

     ```bash
     curl -k https://example.com
     ```

2. Second step (the notice of step 1 does not reach here):

   ```bash
   curl -k https://example.com
   ```

::::{{note}}
Heads up: insecure practice ahead.
::::

    curl -k https://example.com

## Insecure practice

```python
requests.get(url, verify=False)
```

The code above is insecure practice.

## Next section

```python
requests.get(url, verify=False)
```
"""


def test_myst_notices_and_admonitions(tmp_path: Path) -> None:
    before = 'phrase "insecure practice" in the paragraph before the block'
    assert marks(tmp_path, "guide.md", MYST) == [
        (6, "legacy", before),
        (12, "none", ""),  # another paragraph stands between
        (19, "legacy", "'danger' admonition around the block"),
        (24, "none", ""),  # after a danger admonition with code of its own: it is about that code
        (30, "legacy", before),  # fence in a list item, after the item's paragraph
        (36, "legacy", 'phrase "do not use this code" in the paragraph before the block'),  # nested list
        (42, "none", ""),  # the next list item: not the same element
        (49, "legacy", "'note' admonition saying \"insecure practice\" before the block"),  # indented code
        (54, "legacy", 'phrase "insecure practice" in the heading before the block'),
        (62, "none", ""),  # a notice after the code marks nothing; a new section starts
    ]


def test_without_configuration_nothing_is_a_legacy_marker(tmp_path: Path) -> None:
    assert {kind for _, kind, _ in marks(tmp_path, "guide.md", MYST, Config())} == {"none"}


def test_docsec_markers_win_over_legacy_ones(tmp_path: Path) -> None:
    text = f"""\
{NOTICE}

:::{{insecure-example}}
:reason: own reason

```python
eval(data)
```
:::

{NOTICE}

```{{code-block}} python
:class: docsec-insecure
eval(data)
```
"""
    assert [(kind, source) for _, kind, source in marks(tmp_path, "page.md", text)] == [
        ("insecure-example", ""), ("class", "")]


def test_colon_fence_directives_and_crlf(tmp_path: Path) -> None:
    text = f"""\
{NOTICE}

:::{{code-block}} python
eval(data)
:::

Plain text.

:::{{code-block}} python
eval(data)
:::
"""
    assert marks(tmp_path, "crlf.md", text, newline="\r\n") == [
        (4, "legacy", 'phrase "insecure practice" in the paragraph before the block'), (10, "none", "")]


def test_notice_paragraph_lines_are_kept_for_fix(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    first, _, rest = NOTICE.partition(" only! ")
    path.write_text(f"Intro.\n\n{first} only!\n{rest}\n\n```python\neval(x)\n```\n", encoding="utf-8")
    [block] = extract(path, "page.md", LEGACY).blocks
    assert block.marker.notice == (3, 4)
    assert block.marker.reason == NOTICE
    assert (block.origin.construct, block.origin.start, block.origin.end) == ("fence", 6, 8)


RST = f"""\
Deploying
=========

{NOTICE}

.. code-block:: python

   requests.get(url, verify=False)

Connect without checks (insecure practice)::

   curl -k https://example.com

Connect without checks::

   curl -k https://example.com

.. danger::

   .. code-block:: bash

      curl -k https://example.com

.. admonition:: Be careful
   :class: danger

   Never run this in production.

>>> requests.get(url, verify=False)

.. note::

   Checking certificates is the default.

.. code-block:: python

   requests.get(url, verify=False)

* A list item that says insecure practice:

  .. code-block:: bash

     curl -k https://example.com

* Another item:

  .. code-block:: bash

     curl -k https://example.com

.. seealso:: Do not use this code.

.. code-block:: python

   requests.get(url, verify=False)
"""


def test_rst_notices_literal_blocks_doctests_and_admonitions(tmp_path: Path) -> None:
    before = 'phrase "insecure practice" in the paragraph before the block'
    assert marks(tmp_path, "deploy.rst", RST) == [
        (8, "legacy", before),
        (12, "legacy", before),  # ``::`` after a paragraph that holds the phrase
        (16, "none", ""),
        (22, "legacy", "'danger' admonition around the block"),
        (29, "legacy", "'danger' admonition before the block, a notice about it"),  # ``>>>`` after a generic one
        (37, "none", ""),  # after a note without the phrase
        (43, "legacy", before),
        (49, "none", ""),
        (55, "legacy", "'seealso' admonition saying \"do not use this code\" before the block"),
    ]


def test_rst_origins_cover_the_whole_construct(tmp_path: Path) -> None:
    path = tmp_path / "deploy.rst"
    path.write_text(RST, encoding="utf-8")
    origins = [(b.origin.construct, b.origin.start, b.origin.end) for b in extract(path, "deploy.rst", LEGACY).blocks]
    assert origins[:5] == [("rst-directive", 6, 8), ("rst-literal", 12, 12), ("rst-literal", 16, 16),
                           ("rst-directive", 20, 22), ("rst-doctest", 29, 29)]


def _notebook(cells: list[tuple[str, str, list[str]]]) -> str:
    return json.dumps({
        "cells": [{"cell_type": kind, "metadata": {"tags": tags}, "source": source,
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for kind, source, tags in cells],
        "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
        "nbformat": 4, "nbformat_minor": 5,
    })


def test_notebook_code_cells_after_a_notice_cell(tmp_path: Path) -> None:
    text = _notebook([
        ("markdown", f"# Explore\n\n{NOTICE}", []),
        ("code", "requests.get(url, verify=False)", []),
        ("code", "requests.get(url, verify=False)", []),  # not right after the notice
        ("markdown", ":::{danger}\nDo not copy.\n:::", []),
        ("code", "requests.get(url, verify=False)", ["docsec-insecure"]),  # the tag wins
        ("markdown", "The next cell is insecure practice.\n\nBut this paragraph comes last.", []),
        ("code", "requests.get(url, verify=False)", []),
        ("markdown", "Insecure practice, in a fence:\n\n```python\neval(data)\n```", []),
    ])
    assert [(line, kind, source) for line, kind, source in marks(tmp_path, "nb.ipynb", text)] == [
        (1, "legacy", 'phrase "insecure practice" in the paragraph before the block'),
        (1, "none", ""),
        (1, "cell-tag", ""),
        (1, "none", ""),
        (4, "legacy", 'phrase "insecure practice" in the paragraph before the block'),
    ]


@pytest.mark.parametrize("name", ["page.md", "page.rst"])
def test_a_phrase_in_code_is_not_a_notice(tmp_path: Path, name: str) -> None:
    text = ("```python\n# insecure practice\neval(x)\n```\n\n```python\neval(x)\n```\n" if name.endswith(".md")
            else ".. code-block:: python\n\n   # insecure practice\n   eval(x)\n\n"
                 ".. code-block:: python\n\n   eval(x)\n")
    assert [kind for _, kind, _ in marks(tmp_path, name, text)] == ["none", "none"]


NOT_NOTICES_MD = """\
# Calling the API

To avoid any insecure practice, always call the API like this:

```python
requests.get(url, verify=False)
```

:::{danger}
Deleting a project cannot be undone.
:::

```python
requests.get(url, verify=False)
```

## Avoiding insecure practice

```python
requests.get(url, verify=False)
```

:::{danger}
The following code turns certificate checks off.
:::

```python
requests.get(url, verify=False)
```

:::{danger}
The same mistake with curl.
:::

```console
$ curl -k https://example.com
```
"""


def test_a_notice_must_be_about_the_block_and_not_turned_around(tmp_path: Path) -> None:
    assert marks(tmp_path, "api.md", NOT_NOTICES_MD) == [
        (6, "none", ""),  # "to avoid any insecure practice": advice against it, not a notice
        (14, "none", ""),  # a danger admonition about something else
        (20, "none", ""),  # a heading that avoids the practice
        (28, "legacy", "'danger' admonition before the block, a notice about it"),
        (36, "legacy", "'danger' admonition before the block, naming `curl` of the code"),
    ]


def test_the_rst_reader_judges_notices_alike(tmp_path: Path) -> None:
    rst = """\
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
    assert marks(tmp_path, "api.rst", rst) == [
        (8, "none", ""), (14, "none", ""),
        (20, "legacy", "'danger' admonition before the block, naming `curl` of the code")]


def test_show_marked_says_what_matched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from docsec.cli.main import main as docsec_main

    (tmp_path / "api.md").write_text(NOT_NOTICES_MD, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.docsec]\nlegacy_admonitions = ["danger"]\nlegacy_phrases = ["insecure practice"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    capsys.readouterr()
    assert docsec_main(["check", "--show-marked", "api.md"]) == 1
    out = capsys.readouterr().out
    assert ("api.md:28:1: DSP010 [high] `requests.get(..., verify=False)` turns off certificate verification; "
            in out)
    assert ("(marked by legacy marker: 'danger' admonition before the block, a notice about it: The following "
            "code turns certificate checks off.)") in out
    assert ("(marked by legacy marker: 'danger' admonition before the block, naming `curl` of the code: The same "
            "mistake with curl.)") in out
    assert [line.split(" ")[0] for line in out.splitlines() if "marked by" not in line and "DSP010" in line] == [
        "api.md:6:1:", "api.md:14:1:", "api.md:20:1:"]
