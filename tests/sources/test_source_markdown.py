"""MyST Markdown: each construct gives the block Sphinx + myst-parser would show, at its first code line."""

from __future__ import annotations

from pathlib import Path

import pytest
from source_helpers import CONFIG, FIXTURES, located, read, rows

PARITY_MD = FIXTURES / "parity" / "mdpage.md"
SERVER_LINE = 'server = http.server.HTTPServer(("0.0.0.0", 8000), http.server.SimpleHTTPRequestHandler)'


def write(tmp_path: Path, text: str, name: str = "page.md") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_every_construct_of_the_parity_page() -> None:
    result = read(PARITY_MD)
    assert result.diagnostics == []
    got = [(line, language, marker) for _, line, _, language, marker, *_ in rows(result)]
    assert got == [
        (4, "python", "none"),  # ```python
        (9, "default", "none"),  # ``` without a language: highlight_language
        (12, "none", "none"),  # 4-space indented
        (17, "bash", "none"),  # fence in a list item
        (23, "python", "none"),  # fence in a nested ordered list
        (29, "python", "none"),  # fence in a block quote
        (37, "python", "class"),  # {code-block} with :caption: :class: :emphasize-lines:
        (45, "python", "none"),  # {code-block} with a --- YAML option block
        (49, "console", "none"),  # {sourcecode}
        (54, "python", "class"),  # {.docsec-insecure} attrs block
        (61, "python", "none"),  # ~~~ inside {note}
        (69, "python", "insecure-example"),  # inside :::{insecure-example}
        (76, "python", "none"),  # :::{note} inside ::::{secure-example}
        (85, "python", "none"),  # inside {security}
        (92, "default", "none"),  # {eval-rst} `::`
        (96, "python", "none"),  # {eval-rst} code-block
        (103, "bash", "none"),  # no language after {highlight} bash
        (107, "bash", "none"),  # {code-block} without argument after {highlight}
        (4, "python", "none"),  # {literalinclude} :lines: 4-7 (located in snippet.py)
        (116, "pycon", "none"),  # {doctest}
        (124, "python", "none"),  # inside :::{admonition} with :class:
        (136, "python", "none"),  # in a definition list
        (144, "bash", "none"),  # a <pre> in {raw} html (the highlight language: it names none)
    ]
    secure = [row for row in rows(result) if row[6]]
    assert [row[7] for row in secure] == ["ast.literal_eval(x)"]
    assert result.blocks[18].location.path == "snippet.py"
    located(result, PARITY_MD.read_text().split("\n"))


def test_markers() -> None:
    result = read(FIXTURES / "markers.md")
    assert [(line, marker, reason, secure) for _, line, _, _, marker, reason, secure, _ in rows(result)] == [
        (7, "insecure-example", "shows shell=True", False),
        (13, "insecure-example", "shows shell=True", False),  # a list inside the example
        (22, "insecure-example", "YAML options", False),  # --- YAML option block
        (28, "none", "", True),  # secure-example
        (35, "class", "", False),  # :class: docsec-insecure other
        (41, "class", "", False),  # an extra marker class from the config
        (46, "class", "", False),  # {.docsec-insecure}
        (50, "none", "", False),
    ]
    assert [b.marked for b in result.blocks] == [True, True, True, False, True, True, True, False]


def test_text_notebook_code_cells() -> None:
    result = read(FIXTURES / "textnb.md")
    assert [(line, language, marker, text) for _, line, _, language, marker, _, _, text in rows(result)] == [
        (14, "python", "none", "import os"),  # kernelspec.language, not the ipython3 argument
        (20, "python", "cell-tag", "os.system(cmd)"),  # :tags: [docsec-insecure, ...] after a blank line
        # the remove-input cell is not shown by MyST-NB: skipped
    ]


def test_literalinclude_relative_and_from_the_source_root() -> None:
    page = FIXTURES / "docs" / "guide" / "include.md"
    result = read(page, "docs/guide/include.md")
    assert [(path, line, language, text) for path, line, _, language, _, _, _, text in rows(result)] == [
        ("docs/snippets/server.py", 4, "python", SERVER_LINE),
        ("docs/snippets/server.py", 1, "python", "import http.server"),  # /snippets/...: from the root; .py
    ]
    assert result.blocks[0].text.endswith("serve_forever()\n")
    [missing] = result.diagnostics
    assert (missing.code, missing.path, missing.line) == ("include-missing", "docs/guide/include.md", 13)
    assert "'missing.py' not found" in missing.message


def test_crlf_line_endings(tmp_path: Path) -> None:
    text = "# T\r\n\r\n```python\r\nx = 1\r\n```\r\n\r\n:::{note}\r\n```bash\r\necho\r\n```\r\n:::\r\n"
    result = read(write(tmp_path, text))
    assert [(line, language, body) for _, line, _, language, _, _, _, body in rows(result)] == [
        (4, "python", "x = 1"), (9, "bash", "echo")]
    assert result.blocks[0].text == "x = 1\n"


def test_tabs(tmp_path: Path) -> None:
    text = "Para\n\n\tindented_by_tab = 1\n\n- item\n\n\t```python\n\tin_item = 2\n\t```\n"
    result = read(write(tmp_path, text))
    assert [(line, language, body) for _, line, _, language, _, _, _, body in rows(result)] == [
        (3, "none", "indented_by_tab = 1"), (8, "python", "in_item = 2")]


def test_leading_blank_lines_and_unclosed_fence(tmp_path: Path) -> None:
    text = "```python\n\n\nafter_blanks = 1\n```\n\n````{note}\n```python\nnever_closed = 1\n"
    result = read(write(tmp_path, text))
    assert [(line, body) for _, line, _, _, _, _, _, body in rows(result)] == [(2, "after_blanks = 1"),
                                                                               (9, "never_closed = 1")]


def test_options_first_line_and_nested_colon_fences(tmp_path: Path) -> None:
    text = (
        "```{note} The note's first line is body text\n"  # no argument: text joins the body
        "    not_code = 1\n"  # a lazy continuation, not an indented code block
        "```\n"
        "\n"
        "::::{tab-set}\n"
        ":::{tab-item} A\n"  # a nested colon fence right after the opening line
        ":sync: a\n"
        "```python\n"
        "tab_a = 1\n"
        "```\n"
        ":::\n"
        "::::\n"
        "\n"
        "```{code-block} python\n"
        ":dedent: 2\n"
        "\n"
        "    dedented = 1\n"
        "```\n"
    )
    result = read(write(tmp_path, text))
    assert [(line, body) for _, line, _, _, _, _, _, body in rows(result)] == [(9, "tab_a = 1"), (17, "dedented = 1")]
    assert result.blocks[1].text == "  dedented = 1"


@pytest.mark.parametrize("name", ["math", "raw", "toctree", "mermaid", "csv-table"])
def test_bodies_that_are_not_markdown_are_skipped(tmp_path: Path, name: str) -> None:
    result = read(write(tmp_path, f"```{{{name}}}\n    looks_indented = 1\n\n    again = 2\n```\n"))
    assert result.blocks == []


def test_unknown_directive_bodies_are_read(tmp_path: Path) -> None:
    text = "```{some-extension-directive} arg\n:option: value\n\n~~~python\ninside_unknown = 1\n~~~\n```\n"
    assert [row[1] for row in rows(read(write(tmp_path, text)))] == [5]


def test_html_pre_elements_are_code_and_fences_inside_them_are_not(tmp_path: Path) -> None:
    text = "<div>\n\n```python\nin_html_div = 1\n```\n\n</div>\n\n<pre>\n```python\nnot_a_fence\n```\n</pre>\n"
    # the fence between blank lines inside <div> is Markdown; the one inside <pre> is the <pre>'s text
    result = read(write(tmp_path, text))
    assert [(row[1], row[3], row[7]) for row in rows(result)] == [(4, "python", "in_html_div = 1"),
                                                                  (10, "default", "```python")]
    assert result.blocks[1].text == "```python\nnot_a_fence\n```\n"


def test_markdown_extension(tmp_path: Path) -> None:
    assert [row[1] for row in rows(read(write(tmp_path, "```sh\nls\n```\n", "page.markdown")))] == [2]


def test_config_default_is_used(tmp_path: Path) -> None:
    from docsec.sources import extract

    result = extract(write(tmp_path, "{.docsec-insecure}\n```python\nx\n```\n"), "page.md")
    assert result.blocks[0].marker.kind.value == "class"
    assert CONFIG.marker_class_set() >= {"docsec-insecure"}


def test_block_substitutions_follow_the_dialect(tmp_path: Path) -> None:
    from docsec.core.dialect import Dialect
    from docsec.sources import extract

    dialect = Dialect(myst_extensions=frozenset({"substitution"}),
                      substitutions=(("code", "```python\nx = 1\neval(y)\n```"), ("loop", "{{ loop }}")))
    text = "# Page\n\n{{ code }}\n\n{{ loop }}\n\n{{ missing }}\n\n{{ code | upper }}\n"
    result = extract(write(tmp_path, text), "page.md", dialect=dialect)
    [block] = result.blocks
    assert (block.location.line, block.text) == (3, "x = 1\neval(y)\n")
    assert {span.location.line for span in block.spans} == {3}  # every line reported at the reference
    assert [(d.code, d.line, d.severity.label) for d in result.diagnostics] == [
        ("substitution-expression", 9, "high")]  # docsec evaluates no Jinja: the page fails closed
    assert extract(write(tmp_path, text), "page.md").blocks == []  # without the extension: text
