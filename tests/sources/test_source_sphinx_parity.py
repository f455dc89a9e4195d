"""Extraction parity: the blocks docsec reads without Sphinx are the ones Sphinx + myst-parser build.

A small real project (``fixtures/parity``: an .rst and a .md page with every
kind of block) is read by Sphinx; from each doctree we collect, as the Sphinx
front end does, every ``literal_block`` / ``doctest_block`` outside system
messages, its language (``language``, else the last ``highlightlang``, else
``highlight_language``; ``doctest_block`` is ``pycon``) and its first code
line (``first_code_line`` from ``node.line``).  The extractor must yield the
same (line, language, text) for each page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docsec.core.locate import first_code_line
from docsec.sources._html import pre_blocks
from source_helpers import CONFIG, FIXTURES

pytest.importorskip("myst_parser")

# Where ``first_code_line(node.line)`` cannot find the code's first line in the
# source and falls back to ``node.line + 1``, the extractor keeps the parser's
# exact line instead.  (file, line Sphinx-side) -> exact line.
EXACT_WHERE_SPHINX_SIDE_GUESSES = {
    ("index.rst", 85): 86,  # `.. doctest::`: Sphinx shows the text without its `# doctest: +SKIP` flag
    ("index.rst", 116): 115,  # `::` in a grid table cell: the source line ends with the cell border `|`
}


def sphinx_blocks(app, docname: str) -> list[tuple[int, str, str]]:
    from docutils import nodes
    from sphinx import addnodes

    doctree = app.env.get_doctree(docname)
    source = Path(app.srcdir) / app.env.doc2path(docname, False)
    lines = source.read_text(encoding="utf-8").split("\n")
    highlight = app.config.highlight_language
    found = []
    for node in doctree.findall(lambda n: isinstance(n, (nodes.literal_block, nodes.doctest_block,
                                                         addnodes.highlightlang, nodes.raw))):
        if isinstance(node, addnodes.highlightlang):
            highlight = node["lang"]
            continue
        if isinstance(node.parent, nodes.system_message):
            continue
        if isinstance(node, nodes.raw):  # a raw HTML <pre> shows code (docs/snippets.md)
            first = first_code_line(lines, node.line, node.astext())
            found.extend((first + pre.line, pre.language or highlight, pre.text) for pre in pre_blocks(node.astext()))
            continue
        language = "pycon" if isinstance(node, nodes.doctest_block) else node.get("language") or highlight
        found.append((first_code_line(lines, node.line, node.astext()), language, node.astext()))
    return found


def test_extraction_matches_sphinx(tmp_path: Path, make_app) -> None:
    from docsec.sources import extract

    srcdir = tmp_path / "parity"
    shutil.copytree(FIXTURES / "parity", srcdir)
    app = make_app("dummy", srcdir=srcdir, freshenv=True)
    app.build()
    assert "WARNING" not in app._warning.getvalue(), app._warning.getvalue()
    for docname, filename in (("index", "index.rst"), ("mdpage", "mdpage.md")):
        expected = sphinx_blocks(app, docname)
        result = extract(srcdir / filename, filename, CONFIG)
        assert result.diagnostics == []
        ours = [(block.location.line, block.language, block.text) for block in result.blocks]
        assert len(ours) == len(expected), (ours, expected)
        for (line, language, text), block in zip(expected, result.blocks):
            if block.location.path != filename:  # literalinclude: located in the included file
                assert (block.location.path, block.language, block.text) == ("snippet.py", language, text)
                continue
            line = EXACT_WHERE_SPHINX_SIDE_GUESSES.get((filename, line), line)
            assert (block.location.line, block.language, block.text) == (line, language, text)
