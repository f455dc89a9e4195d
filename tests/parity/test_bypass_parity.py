"""No bypass between front ends: ``docsec check`` reads every code block a Sphinx build shows, and no other.

Each test is one construct that once made the two disagree (the gate passed where the build failed, or the
other way round), on its own page of one Sphinx project (built once), and asserts the findings both report
for that page: the same rows, and the expected ones.  The constructs that exist in mystmd are checked against
a real ``myst build`` too (``test_mystmd_*``).
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from front_end_blocks import check_blocks, check_read, mystmd_read, on_page, sphinx_read, unmarked

pytest.importorskip("myst_nb")

CONF = """
extensions = ["myst_nb", "docsec"]
nb_execution_mode = "off"
myst_enable_extensions = ["colon_fence", "attrs_block", "substitution"]
myst_substitutions = {"snippet": "```python\\neval(from_conf_py)\\n```"}
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb", ".mdx": "myst-nb"}
exclude_patterns = ["_build", "parts"]
suppress_warnings = ["misc.highlighting_failure", "myst.header", "toc.not_included", "mystnb.unknown_mime_type"]
"""

INDEX = "Bypass\n======\n\n.. toctree::\n   :glob:\n\n   *\n   */*\n"


def notebook(cells: list[tuple[str, str, dict]]) -> str:
    return json.dumps({
        "cells": [{"cell_type": kind, "id": f"c{index}", "metadata": metadata, "source": source,
                   **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                  for index, (kind, source, metadata) in enumerate(cells)],
        "metadata": {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}},
        "nbformat": 4, "nbformat_minor": 5})


def deep(levels: int, fence: str = ":") -> str:
    opening = "".join(fence * (3 + levels - depth) + "{note}\n" for depth in range(levels))
    closing = "".join(fence * (3 + levels - depth) + "\n" for depth in reversed(range(levels)))
    return f"# Deep\n\n{opening}```python\neval(deep)\n```\n{closing}"


PAGES = {
    # Directive names are looked up in lower case, as docutils looks them up.
    "capitals.md": "# Capitals\n\n```{Code-Block} python\neval(mixed_case)\n```\n\n```{CODE} python\neval(upper)\n```\n",
    "capitals_rst.rst": "Capitals\n========\n\n.. Code-Block:: python\n\n   eval(mixed_case)\n",
    # literalinclude's :prepend: / :append: are shown with the file; reported at the directive in the page.
    "prepend_rst.rst": "Prepend\n=======\n\n.. literalinclude:: parts/snippet.py\n   :prepend: eval(prepended)\n"
                   "   :append: eval(appended)\n",
    "prepend.md": "# Prepend\n\n```{literalinclude} parts/snippet.py\n:prepend: eval(prepended_md)\n```\n",
    # include with :code: or :literal: shows the file as one block, located in the file.
    "include_code_rst.rst": "Include\n=======\n\n.. include:: parts/code.py\n   :code: python\n\n"
                        ".. include:: parts/literal.txt\n   :literal:\n",
    "include_code.md": "# Include\n\n```{include} parts/code_md.py\n:code: python\n```\n",
    # include of a fragment (.inc, .txt) parses it as the including page's markup.
    "fragments_rst.rst": "Fragments\n=========\n\n.. include:: parts/fragment.inc\n",
    "fragments.md": "# Fragments\n\n```{include} parts/fragment.txt\n```\n",
    # Block substitutions (conf.py's and the page's front matter): reported where the page shows them.
    "substitution.md": "---\nmyst:\n  substitutions:\n    local: |\n      ```python\n      eval(from_front_matter)\n"
                       "      ```\n---\n# Substitutions\n\n{{ snippet }}\n\nText.\n\n{{ local }}\n",
    # A notebook's raw cell of format text/markdown is shown as Markdown (text/plain as a block).
    "raw_cells.ipynb": notebook([
        ("markdown", "# Raw cells", {}),
        ("raw", "Shown:\n\n```python\neval(raw_markdown)\n```\n", {"format": "text/markdown"}),
        ("raw", "```python\neval(raw_without_format)\n```\n", {}),
    ]),
    # A folder reached through a symbolic link, and folders named like virtual environments, are read.
    "venv/page.md": "# Venv\n\n```python\neval(in_venv)\n```\n",
    "node_modules/page.md": "# Node modules\n\n```python\neval(in_node_modules)\n```\n",
    "environment/page.md": "# Environment\n\n```python\neval(beside_pyvenv_cfg)\n```\n",
    "environment/pyvenv.cfg": "home = /usr/bin\n",
    # myst-parser drops an option it cannot read and shows the file.
    "options.md": "# Options\n\n```{literalinclude} parts/encoded.py\n:encoding: no-such-codec\n```\n\n"
                  "```{literalinclude} parts/lines.py\n:lines:\n```\n",
    "options_rst.rst": "Options\n=======\n\n.. literalinclude:: parts/lines.py\n   :lines:\n",
    # Directives nested 31 deep (and 100).
    "deep31.md": deep(31),
    "deep100.md": deep(100, "`"),
    # source_suffix maps .mdx to MyST-NB's Markdown.
    "extension.mdx": "# MDX\n\n```python\neval(in_mdx)\n```\n",
    # An author's output class is not a notebook output.
    "outputs.rst": "Outputs\n=======\n\n.. code-block:: python\n   :class: output\n\n   eval(class_output)\n\n"
                   ".. container:: output\n\n   .. code-block:: python\n\n      eval(container_output)\n",
    # <pre> in raw HTML is shown as code.
    "html.md": "# HTML\n\n<pre><code class=\"language-python\">eval(pre_in_markdown)\n</code></pre>\n\n"
               "```{raw} html\n<pre>\neval(pre_in_raw)\n</pre>\n```\n",
    "html_rst.rst": "HTML\n====\n\n.. raw:: html\n\n   <div><pre>eval(pre_in_rst)</pre></div>\n",
    "parts/snippet.py": "import os\nvalue = os.environ['HOME']\n",
    "parts/code.py": "eval(included_code)\n",
    "parts/code_md.py": "x = 1\neval(included_code_md)\n",
    "parts/literal.txt": "eval(included_literal)\n",
    "parts/fragment.inc": "A fragment.\n\n.. code-block:: python\n\n   eval(in_rst_fragment)\n",
    "parts/fragment.txt": "A fragment.\n\n```python\neval(in_myst_fragment)\n```\n",
    "parts/encoded.py": "eval(unknown_encoding)\n",
    "parts/lines.py": "eval(missing_lines)\n",
}
OUTSIDE = {"page.md": "# Linked\n\n```python\neval(through_a_link)\n```\n"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bypass")
    src = root / "src"
    for name, text in {"conf.py": CONF, "index.rst": INDEX, **PAGES}.items():
        path = src / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "outside").mkdir()
    for name, text in OUTSIDE.items():
        (root / "outside" / name).write_text(text, encoding="utf-8")
    # A link to a folder outside the Sphinx source folder but inside the project (the pyproject.toml's
    # folder): Sphinx reads it and so does check.  A link out of the project is an outside-project error
    # in check (tests/cli/test_walk_errors.py): the gate fails closed rather than quote files of the machine.
    (root / "pyproject.toml").write_text("[tool.docsec]\n", encoding="utf-8")
    (src / "linked").symlink_to(root / "outside", target_is_directory=True)
    return src


@pytest.fixture(scope="module")
def both(project: Path) -> tuple[set, set]:
    """The findings of the Sphinx build and of ``docsec check``, once for every test."""
    return sphinx_read(project, project.parent / "out").findings, check_read(project).findings


def findings(both: tuple[set, set], *pages: str) -> set:
    from_sphinx, from_check = (on_page(rows, *pages) for rows in both)
    assert from_sphinx == from_check, f"Sphinx {sorted(from_sphinx)}\ncheck  {sorted(from_check)}"
    return from_check


def test_directive_names_in_other_capitals(both) -> None:
    assert findings(both, "capitals.md", "capitals_rst.rst") == {
        ("capitals.md", None, 4, "DSP003", "unmarked"), ("capitals.md", None, 8, "DSP003", "unmarked"),
        ("capitals_rst.rst", None, 6, "DSP003", "unmarked")}


def test_literalinclude_prepend_and_append_are_reported_at_the_directive(both) -> None:
    assert findings(both, "prepend_rst.rst", "prepend.md", "parts/snippet.py") == {
        ("prepend_rst.rst", None, 4, "DSP003", "unmarked"),  # :prepend: and :append: (the same rule and line: once)
        ("prepend.md", None, 3, "DSP003", "unmarked")}


def test_include_with_code_or_literal_is_one_block_in_the_file(both) -> None:
    assert findings(both, "include_code_rst.rst", "include_code.md", "parts/code.py", "parts/literal.txt",
                    "parts/code_md.py") == {
        ("parts/code.py", None, 1, "DSP003", "unmarked"), ("parts/literal.txt", None, 1, "DSP003", "unmarked"),
        ("parts/code_md.py", None, 2, "DSP003", "unmarked")}


def test_included_fragments_are_read_as_the_including_pages_markup(both) -> None:
    assert findings(both, "fragments_rst.rst", "fragments.md", "parts/fragment.inc", "parts/fragment.txt") == {
        ("parts/fragment.inc", None, 5, "DSP003", "unmarked"), ("parts/fragment.txt", None, 4, "DSP003", "unmarked")}


def test_block_substitutions_are_read_and_reported_at_the_reference(both) -> None:
    assert findings(both, "substitution.md") == {
        ("substitution.md", None, 11, "DSP003", "unmarked"), ("substitution.md", None, 15, "DSP003", "unmarked")}


def test_notebook_raw_cells_in_markdown_format_are_read(both) -> None:
    assert findings(both, "raw_cells.ipynb") == {("raw_cells.ipynb", 2, 4, "DSP003", "unmarked")}


def test_symlinked_folders_are_read(both) -> None:
    assert findings(both, "linked/") == {("linked/page.md", None, 4, "DSP003", "unmarked")}


def test_folders_named_or_shaped_like_virtual_environments_are_read(both) -> None:
    assert findings(both, "venv/", "node_modules/", "environment/") == {
        ("venv/page.md", None, 4, "DSP003", "unmarked"), ("node_modules/page.md", None, 4, "DSP003", "unmarked"),
        ("environment/page.md", None, 4, "DSP003", "unmarked")}


def test_options_myst_parser_drops_show_the_whole_file_and_rst_shows_nothing(both) -> None:
    assert findings(both, "options.md", "options_rst.rst", "parts/encoded.py", "parts/lines.py") == {
        ("parts/encoded.py", None, 1, "DSP003", "unmarked"), ("parts/lines.py", None, 1, "DSP003", "unmarked")}


def test_deeply_nested_directives_are_read(both) -> None:
    assert findings(both, "deep31.md", "deep100.md") == {
        ("deep31.md", None, 35, "DSP003", "unmarked"), ("deep100.md", None, 104, "DSP003", "unmarked")}


def test_source_suffix_mapping_another_suffix_to_markdown(both) -> None:
    assert findings(both, "extension.mdx") == {("extension.mdx", None, 4, "DSP003", "unmarked")}


def test_an_authors_output_class_is_not_a_notebook_output(both) -> None:
    assert findings(both, "outputs.rst") == {
        ("outputs.rst", None, 7, "DSP003", "unmarked"), ("outputs.rst", None, 13, "DSP003", "unmarked")}


def test_pre_elements_of_raw_html_are_code(both) -> None:
    assert findings(both, "html.md", "html_rst.rst") == {
        ("html.md", None, 3, "DSP003", "unmarked"), ("html.md", None, 8, "DSP003", "unmarked"),
        ("html_rst.rst", None, 6, "DSP003", "unmarked")}


def test_nothing_else_differs(both) -> None:
    """Every page of the project, the index and the excluded parts included."""
    from_sphinx, from_check = both
    assert from_sphinx == from_check


# -- markers are only markers where the page shows them -------------------------------------------------

PLAIN_CONF = """
extensions = ["myst_parser", "docsec"]
exclude_patterns = ["_build"]
suppress_warnings = ["myst.header"]
"""

MARKERS = """# Markers

:::{insecure-example}
:reason: shown as text without colon_fence

```python
eval(inside_colons)
```
:::

{.docsec-insecure}
```python
eval(after_attributes)
```

:::{code-block} python
eval(text_without_colon_fence)
:::
"""


def test_colon_fence_and_attribute_markers_without_the_extensions_mark_nothing(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name, text in {"conf.py": PLAIN_CONF, "index.md": MARKERS}.items():
        (src / name).write_text(text, encoding="utf-8")
    from_sphinx = sphinx_read(src, tmp_path / "out").findings
    from_check = check_read(src, "--show-marked").findings
    assert from_sphinx == from_check == {("index.md", None, 7, "DSP003", "unmarked"),
                                         ("index.md", None, 13, "DSP003", "unmarked")}
    # With the extensions on, the same page marks both blocks and shows the third.
    (src / "conf.py").write_text(PLAIN_CONF + 'myst_enable_extensions = ["colon_fence", "attrs_block"]\n',
                                 encoding="utf-8")
    enabled = {("index.md", None, 7, "DSP003", "marked"), ("index.md", None, 13, "DSP003", "marked"),
               ("index.md", None, 17, "DSP003", "unmarked")}
    assert sphinx_read(src, tmp_path / "out2").findings == check_read(src, "--show-marked").findings == enabled


# -- mystmd -------------------------------------------------------------------------------------------------

MYSTMD_PAGES = {
    "index.md": "# Index\n\n{.docsec-insecure}\n```python\neval(attributes_mark_nothing_in_mystmd)\n```\n\n"
                ":::{insecure-example}\n:reason: colon fences are always on in mystmd\n\n```python\neval(marked)\n```\n"
                ":::\n",
    "html.md": PAGES["html.md"],
    "deep.md": deep(31),
    "outputs.md": "# Outputs\n\n```{code-block} python\n:class: output\n\neval(class_output)\n```\n",
    "venv/page.md": PAGES["venv/page.md"],
    "node_modules/page.md": PAGES["node_modules/page.md"],
    "prepend.md": "# Prepend\n\n```{literalinclude} snippet.py\n:prepend: eval(ignored_by_mystmd)\n```\n",
    "snippet.py": "import os\neval(os.environ['CODE'])\n",
    "raw_cells.ipynb": json.loads(PAGES["raw_cells.ipynb"]),
}


@pytest.mark.slow
def test_mystmd_and_check_agree_on_the_constructs_mystmd_has(tmp_path: Path, myst_bin: str) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "mystmd"))
    try:
        from myst_projects import write_project
    finally:
        sys.path.pop(0)
    project = write_project(tmp_path, MYSTMD_PAGES)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "page.md").write_text(OUTSIDE["page.md"], encoding="utf-8")
    (project / "linked").symlink_to(tmp_path / "outside", target_is_directory=True)
    built = mystmd_read(myst_bin, project)
    checked = check_read(project)
    assert built.findings == unmarked(checked.findings) == {
        ("index.md", None, 5, "DSP003", "unmarked"),  # mystmd reads no {.class} attributes
        ("html.md", None, 3, "DSP003", "unmarked"),  # mystmd shows no {raw} html
        ("deep.md", None, 35, "DSP003", "unmarked"),
        ("outputs.md", None, 6, "DSP003", "unmarked"),
        ("venv/page.md", None, 4, "DSP003", "unmarked"),
        ("snippet.py", None, 2, "DSP003", "unmarked"),  # :prepend: is ignored by mystmd
    }
    # mystmd skips node_modules and does not follow links to folders; raw cells are code blocks there
    assert checked.report["summary"]["skipped"] == [
        {"path": "_build/", "reason": "mystmd skips _build"},
        {"path": "linked/", "reason": "mystmd does not follow links to folders"},
        {"path": "node_modules/", "reason": "mystmd skips node_modules"}]
    assert {("raw_cells.ipynb", 2, 1, "", False), ("raw_cells.ipynb", 3, 1, "", False)} <= built.blocks
    assert built.blocks == check_blocks(project)
    assert built.code != 0 and checked.code == 1


# -- conf.py is read, never run ----------------------------------------------------------------------------

def test_conf_py_is_read_without_running_it(tmp_path: Path) -> None:
    canary = tmp_path / "ran"
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(textwrap.dedent(f"""\
        open({str(canary)!r}, "w").close()
        extensions = ["myst_parser"]
        docsec_ignore = ["DSP003"]
        """), encoding="utf-8")
    (src / "index.md").write_text("# Page\n\n```python\neval(x)\nyaml.load(f)\n```\n", encoding="utf-8")
    checked = check_read(src)
    assert checked.findings == {("index.md", None, 5, "DSP008", "unmarked")}
    assert not canary.exists()
