"""reStructuredText: each construct gives the block Sphinx would show, at its first code line."""

from __future__ import annotations

import sys
from pathlib import Path

from source_helpers import FIXTURES, located, read, rows

PARITY_RST = FIXTURES / "parity" / "index.rst"


def write(tmp_path: Path, text: str, name: str = "page.rst") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_every_construct_of_the_parity_page() -> None:
    result = read(PARITY_RST)
    assert result.diagnostics == []
    got = [(line, language, marker) for _, line, _, language, marker, *_ in rows(result)]
    assert got == [
        (6, "default", "none"),  # paragraph ending in ::
        (13, "default", "none"),  # a lone ::
        (17, "default", "none"),  # expanded " ::"
        (19, "pycon", "none"),  # >>> doctest block
        (24, "default", "none"),  # :: in a list item
        (30, "python", "none"),  # code-block in a nested list
        (37, "python", "class"),  # code-block with :caption: :class: :emphasize-lines:
        (42, "console", "none"),  # sourcecode
        (46, "yaml", "none"),  # code (Sphinx's, not docutils' pygments one)
        (52, "default", "none"),  # :: inside a note
        (59, "python", "none"),  # inside security (any unknown directive's content is read)
        (66, "python", "insecure-example"),
        (72, "default", "none"),  # inside secure-example
        (78, "bash", "none"),  # :: after .. highlight:: bash
        (82, "bash", "none"),  # code-block without a language after highlight
        (86, "pycon", "none"),  # .. doctest:: (its first line carries a doctest flag)
        (91, "python", "none"),  # .. testcode::
        (95, "none", "none"),  # .. testoutput:: ; testsetup is hidden
        (7, "python", "none"),  # literalinclude, located in snippet.py
        (110, "python", "none"),  # parsed-literal after .. highlight:: python
        (115, "python", "none"),  # :: in a grid table cell
        (122, "python", "none"),  # tab-indented literal block
    ]
    assert [row[6] for row in rows(result)].count(True) == 1
    assert result.blocks[15].text == ">>> 1 + 1\n2"  # Sphinx strips doctest flags from what it shows
    assert result.blocks[18].location.path == "snippet.py"
    assert result.blocks[21].text == "tabbed = 1\nif x:\n        y = 2"
    located(result, PARITY_RST.read_text().expandtabs(8).split("\n"))


def test_markers() -> None:
    result = read(FIXTURES / "markers.rst")
    assert [(line, language, marker, reason, secure) for _, line, _, language, marker, reason, secure, _
            in rows(result)] == [
        (9, "python", "insecure-example", "shows shell=True", False),
        (13, "default", "insecure-example", "shows shell=True", False),
        (19, "python", "none", "", True),
        (24, "python", "class", "", False),
        (29, "python", "class", "", False),  # extra marker class from the config
        (33, "default", "none", "", False),
    ]


def test_literalinclude() -> None:
    result = read(FIXTURES / "docs" / "guide" / "include.rst", "docs/guide/include.rst")
    assert [(path, line, language, marker) for path, line, _, language, marker, *_ in rows(result)] == [
        ("docs/snippets/server.py", 4, "python", "class")]
    assert result.blocks[0].text.startswith("server = ")
    [missing] = result.diagnostics
    assert (missing.code, missing.path, missing.line) == ("include-missing", "docs/guide/include.rst", 9)


def test_crlf_and_options_and_nesting(tmp_path: Path) -> None:
    text = (
        "Title\r\n=====\r\n\r\n"
        ".. code-block:: python\r\n   :linenos:\r\n   :emphasize-lines: 1\r\n\r\n   first = 1\r\n\r\n"
        ".. tab:: Linux\r\n\r\n   .. only:: html\r\n\r\n      Deep::\r\n\r\n         deep = 2\r\n"
    )
    result = read(write(tmp_path, text))
    assert [(line, body) for _, line, _, _, _, _, _, body in rows(result)] == [(8, "first = 1"), (16, "deep = 2")]


def test_unknown_directives_and_roles_make_no_noise(tmp_path: Path, capsys) -> None:
    text = (
        ".. autoclass:: pkg.Thing\n   :members:\n\n   Example::\n\n      thing = 1\n\n"
        ".. py:function:: f(x)\n\n   See :ref:`x` and :class:`Y` and :unknown-role:`z`.\n\n"
        ".. versionadded:: 2.0\n   Text on the next line.\n\n   .. code-block:: bash\n\n      echo ok\n\n"
        ".. toctree::\n   :maxdepth: 2\n\n   intro\n   usage::\n\n"
        ".. include:: other.rst\n\n.. raw:: html\n\n   <pre>not code</pre>\n\n"
        ".. code-block:: python\n   :no-such-option:\n\n   lost_like_in_sphinx = 1\n"
    )
    result = read(write(tmp_path, text))
    # (a raw HTML <pre> shows code: see docs/snippets.md)
    assert [(line, body) for _, line, _, _, _, _, _, body in rows(result)] == [
        (6, "thing = 1"), (17, "echo ok"), (29, "not code")]
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_docutils_globals_are_untouched(tmp_path: Path) -> None:
    from docutils.parsers.rst import directives, roles

    before = (dict(directives._directives), dict(roles._roles), directives.directive)
    read(write(tmp_path, ".. code-block:: python\n\n   x = 1\n\n.. highlight:: c\n\n.. foo:: bar\n"))
    assert (dict(directives._directives), dict(roles._roles), directives.directive) == before
    assert "code-block" not in directives._directives or "sphinx" in sys.modules


def test_line_longer_than_docutils_limit(tmp_path: Path) -> None:
    text = "Para::\n\n   x = 1\n\n" + "word " * 3000 + "\n"
    result = read(write(tmp_path, text))
    assert result.blocks == []  # docutils, and so Sphinx, read nothing of this file
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("line-too-long", 5)
    assert "break the line" in diagnostic.message


def test_txt_files_are_rst(tmp_path: Path) -> None:
    result = read(write(tmp_path, "Para::\n\n   x = 1\n", "README.txt"))
    assert [row[1] for row in rows(result)] == [3]
