"""``security-requirements``, ``security-ref``, opt-in keyword markup, and non-HTML builders.

Assertions are on doctrees (the resolved, output-neutral nodes) and on a few
HTML fragments where the HTML is the feature.
"""

from __future__ import annotations

import inspect
import pathlib
import re

import pytest
from docsec_sphinx_helpers import CONF, line_of
from docutils import nodes

RST_PAGE = """\
Page
====

.. security:: Bind locally
   :id: bind-local
   :tags: network, servers

   Servers MUST bind to ``127.0.0.1``.

.. security:: Logging is optional

   You MAY log requests.

See :security-ref:`bind-local`.
"""
MYST_OTHER = """\
# Other

:::{security} Rotate keys
:id: rotate
:tags: secrets
Keys SHOULD be rotated. They MUST NOT be logged.
:::
"""
INDEX = """\
# Home

```{toctree}
page
other
```

```{security-requirements}
```
"""
FILES = {"index.md": INDEX, "page.rst": RST_PAGE, "other.md": MYST_OTHER}


def _resolved(built, docname):
    builder = built.app.builder
    if "tags" in inspect.signature(built.app.env.get_and_resolve_doctree).parameters:
        return built.app.env.get_and_resolve_doctree(docname, builder, tags=builder.tags)
    return built.app.env.get_and_resolve_doctree(docname, builder)


def _index_rows(built, docname="index"):
    """(level text, title, id) of each table row, in order."""
    rows = []
    for table in _resolved(built, docname).findall(nodes.table):
        for row in table.findall(nodes.row):
            if isinstance(row.parent, nodes.tbody):
                cells = [entry.astext() for entry in row.children]
                rows.append((cells[0], cells[1], cells[2]))
    return rows


def test_index_lists_every_item_grouped_by_level_with_counts(build):
    built = build(FILES)
    assert built.statuscode == 0
    assert _index_rows(built) == [
        ("MUST NOT", "Rotate keys", "rotate"),
        ("MUST", "Bind locally", "bind-local"),
        ("MAY", "Logging is optional", ""),
    ]
    tree = _resolved(built, "index")
    rubrics = [rubric.astext() for rubric in tree.findall(nodes.rubric)]
    assert rubrics == ["MUST NOT (1)", "MUST (1)", "MAY (1)"]
    summary = next(p for p in tree.findall(nodes.paragraph) if "docsec-summary" in p["classes"])
    assert summary.astext() == "3 requirements (MUST NOT: 1, MUST: 1, MAY: 1)."
    html = built.html("index")
    assert '<a class="reference internal" href="other.html#docsec-rotate">Rotate keys</a>' in html
    assert '<a class="reference internal" href="page.html#docsec-bind-local">Bind locally</a>' in html
    assert '<a class="reference internal" href="page.html">Logging is optional</a>' in html  # no :id:, no anchor
    assert "docsec" not in built.warnings


def test_index_links_point_at_existing_anchors(build):
    built = build(FILES)
    for href in re.findall(r'href="([a-z]+\.html)#(docsec-[a-z-]+)"', built.html("index")):
        page, anchor = href
        assert f'id="{anchor}"' in built.html(page[:-5])


@pytest.mark.parametrize("options,expected", [
    (":levels: must, must-not", ["Rotate keys", "Bind locally"]),
    (":levels: MUST NOT", ["Rotate keys"]),
    (":tags: network", ["Bind locally"]),
    (":tags: secrets, servers", ["Rotate keys", "Bind locally"]),
    (":docs: pag*", ["Bind locally", "Logging is optional"]),
    (":docs: nowhere/*", []),
])
def test_filters(build, options, expected):
    index = INDEX.replace("```{security-requirements}\n", f"```{{security-requirements}}\n{options}\n")
    built = build({**FILES, "index.md": index})
    assert [title for _, title, _ in _index_rows(built)] == expected
    if not expected:
        assert "No security guidance matches." in built.html("index")


def test_unknown_level_warns_with_location(build):
    index = INDEX.replace("```{security-requirements}\n", "```{security-requirements}\n:levels: must, often\n")
    built = build({**FILES, "index.md": index})
    line = line_of(index, "{security-requirements}")
    assert f"index.md:{line}: WARNING: security-requirements: :levels: unknown level 'often'" in built.warnings
    assert [title for _, title, _ in _index_rows(built)] == ["Bind locally"]


def test_rst_directive_and_checklist_format(build):
    index = """\
Home
====

.. toctree::

   page
   other

.. security-requirements::
   :format: checklist
   :levels: must-not, must
"""
    built = build({**{k: v for k, v in FILES.items() if k != "index.md"}, "index.rst": index})
    tree = _resolved(built, "index")
    checklist = next(node for node in tree.findall(nodes.bullet_list) if "docsec-checklist" in node["classes"])
    first = [item[0].astext() for item in checklist.children]
    assert first == ["\u2610 MUST NOT Rotate keys (rotate)"]  # HTML: the glyph box
    html = built.html("index")
    assert '<span class="docsec-checkbox">\u2610</span> <span class="docsec-level docsec-level-must">MUST</span>' in html
    assert '<p class="docsec-checklist-text">Servers MUST bind to 127.0.0.1.</p>' in html


def test_checklist_in_text_builder_keeps_ascii_box(build):
    index = INDEX.replace("```{security-requirements}\n", "```{security-requirements}\n:format: checklist\n")
    built = build({**FILES, "index.md": index}, buildername="text")
    text = built.output("index.txt")
    assert "* [ ] MUST NOT **Rotate keys** (\"rotate\")" in text
    assert "Defined in: Other" in text


def test_security_ref_renders_badge_and_title_and_links(build):
    index = INDEX + "\nCite {security-ref}`rotate` and {security-ref}`the rule <bind-local>`.\n"
    built = build({**FILES, "index.md": index})
    html = built.html("index")
    assert ('<a class="docsec-ref reference internal" href="other.html#docsec-rotate">'
            '<span class="docsec-level docsec-level-must-not">MUST NOT</span> Rotate keys</a>') in html
    assert ('<a class="docsec-ref reference internal" href="page.html#docsec-bind-local">'
            '<span class="docsec-level docsec-level-must">MUST</span> the rule</a>') in html
    assert ('<a class="docsec-ref reference internal" href="#docsec-bind-local">'
            '<span class="docsec-level docsec-level-must">MUST</span> Bind locally</a>') in built.html("page")
    assert "docsec" not in built.warnings


def test_unknown_security_ref_warns_with_file_and_line(build):
    index = INDEX + "\nCite {security-ref}`no-such-id`.\n"
    built = build({**FILES, "index.md": index})
    line = line_of(index, "no-such-id")
    assert (f"index.md:{line}: WARNING: security-ref: unknown guidance id 'no-such-id'; "
            "use the :id: of a security item [docsec.security-ref]") in built.warnings
    assert '<code class="docsec-ref-missing docutils literal notranslate"><span class="pre">no-such-id</span></code>' \
        in built.html("index")


def test_incremental_build_rewrites_index_and_citations(build, write_project):
    index = INDEX + "\nCite {security-ref}`rotate`.\n"
    srcdir = write_project({**FILES, "index.md": index})
    build(srcdir=srcdir)
    (srcdir / "other.md").write_text(MYST_OTHER.replace("Rotate keys", "Rotate every key"), encoding="utf-8")
    again = build(srcdir=srcdir)
    html = again.html("index")
    assert "Rotate every key</a></p></td>" in html
    assert "MUST NOT</span> Rotate every key</a>" in html
    assert "Rotate keys" not in html


def test_parallel_build_indexes_items_of_all_documents(build):
    names = [f"doc{i}" for i in range(6)]
    files = {f"{name}.md": f"# {name}\n\n:::{{security}} Item {name}\n:id: item-{name}\nYou SHOULD do {name}.\n:::\n"
             for name in names}
    files["index.md"] = "# Home\n\n```{toctree}\n" + "\n".join(names) + "\n```\n\n```{security-requirements}\n```\n"
    built = build(files, parallel=2)
    assert [title for _, title, _ in _index_rows(built)] == [f"Item {name}" for name in names]


def test_removed_document_leaves_the_index(build, write_project):
    srcdir = write_project(FILES)
    build(srcdir=srcdir)
    (srcdir / "other.md").unlink()
    (srcdir / "index.md").write_text(INDEX.replace("other\n", ""), encoding="utf-8")
    again = build(srcdir=srcdir)
    assert [title for _, title, _ in _index_rows(again)] == ["Bind locally", "Logging is optional"]


# -- keyword highlighting outside security items ---------------------------------------------------

PROSE = """\
# Prose

You MUST read this, but `MUST` in code, [MUST in a link](https://example.org) and

```text
MUST in a block
```

stay as they are. Bold **SHOULD** is classified.

:::{security} Inside
:id: inside
Items MUST be marked once.
:::
"""


def test_keywords_outside_security_are_off_by_default(build):
    built = build({"index.md": PROSE})
    html = built.html("index")
    assert "You MUST read this" in html
    assert html.count("docsec-kw-must") == 1  # only inside the security item


@pytest.mark.parametrize("conf,pyproject", [
    (CONF + "docsec_highlight_keywords = True\n", None),
    (CONF, "[tool.docsec]\nhighlight_keywords = true\n"),
])
def test_keywords_outside_security_when_enabled(build, write_project, conf, pyproject):
    srcdir = write_project({"index.md": PROSE}, conf)
    if pyproject:
        (srcdir / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    built = build(srcdir=srcdir)
    html = built.html("index")
    assert 'You <strong class="docsec-kw docsec-kw-must">MUST</strong> read this' in html
    assert '<code class="docutils literal notranslate"><span class="pre">MUST</span></code>' in html
    assert '<a class="reference external" href="https://example.org">MUST in a link</a>' in html
    assert "MUST in a block" in html and "docsec-kw-must\">MUST</strong> in a block" not in html
    assert '<strong class="docsec-kw docsec-kw-should">SHOULD</strong>' in html
    assert 'Items <strong class="docsec-kw docsec-kw-must">MUST</strong> be marked once.' in html
    assert 'class="docsec-kw docsec-kw-must docsec-kw' not in html  # never classified twice
    assert "docsec" not in built.warnings


def test_bad_highlight_keywords_value_names_key(build):
    built = build({"index.md": PROSE}, conf=CONF + 'docsec_highlight_keywords = "sometimes"\n')
    assert "docsec_highlight_keywords = 'sometimes' is invalid: expected true or false" in built.warnings


# -- builders other than HTML -----------------------------------------------------------------------

@pytest.mark.parametrize("buildername,output", [("text", "index.txt"), ("man", "python.1"), ("latex", "python.tex")])
def test_index_and_refs_in_other_builders(build, buildername, output):
    index = INDEX + "\nCite {security-ref}`rotate`.\n"
    built = build({**FILES, "index.md": index}, buildername=buildername)
    assert built.statuscode == 0
    out = pathlib.Path(built.app.outdir)
    text = "\n".join(path.read_text(encoding="utf-8") for path in out.rglob("*") if path.suffix in {".txt", ".1", ".tex"})
    for label in ("MUST NOT", "Rotate keys", "Bind locally", "MAY"):
        assert label in text
    assert "docsec" not in built.warnings
