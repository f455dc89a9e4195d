"""Bad input comes back as diagnostics beside whatever could be read; nothing raises."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
from docsec.sources import extract
from source_helpers import read, rows


@pytest.mark.parametrize("name", ["page.md", "page.rst", "nb.ipynb"])
def test_binary_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = read(path)
    assert result.blocks == []
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.path) == ("binary-file", name)
    assert "NUL byte at byte 8" in diagnostic.message


@pytest.mark.parametrize(("name", "text", "line"), [
    ("page.md", b"# T\n\ncaf\xe9\n\n```python\nx = 1\n```\n", 3),
    ("page.rst", b"T\n=\n\ncaf\xe9::\n\n   x = 1\n", 4),
])
def test_not_utf8_still_reads_the_rest(tmp_path: Path, name: str, text: bytes, line: int) -> None:
    path = tmp_path / name
    path.write_bytes(text)
    result = read(path)
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("not-utf8", line)
    assert "at byte" in diagnostic.message and "save the file as UTF-8" in diagnostic.message
    assert [row[7] for row in rows(result)] == ["x = 1"]


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_bytes("\ufeff```python\nx = 1\n```\n".encode())
    result = read(path)
    assert result.diagnostics == [] and [row[1] for row in rows(result)] == [2]


def test_missing_file_and_unsupported_suffix(tmp_path: Path) -> None:
    [missing] = read(tmp_path / "gone.md").diagnostics
    assert missing.code == "unreadable-file" and "gone.md" in missing.message
    [unsupported] = read(tmp_path / "x.adoc").diagnostics
    assert unsupported.code == "unsupported-file"


def test_text_argument_is_used_instead_of_the_file(tmp_path: Path) -> None:
    result = read(tmp_path / "never-written.md", text="```python\nx = 1\n```\n")
    assert [row[1] for row in rows(result)] == [2]
    assert read(tmp_path / "never-written.md", text="a\x00b").diagnostics[0].code == "binary-file"


@pytest.mark.parametrize("name", ["big.md", "big.rst"])
def test_a_five_megabyte_single_line_is_fast(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("```python\nx = 1\n```\n\n" + "word `code` *em* [link](x) " * 200_000 + "\n", encoding="utf-8")
    started = time.perf_counter()
    result = read(path)
    assert time.perf_counter() - started < 5
    if name.endswith(".md"):
        assert [row[1] for row in rows(result)] == [2] and result.diagnostics == []
    else:  # docutils refuses files with lines over 10,000 characters, and so does Sphinx
        assert [d.code for d in result.diagnostics] == ["line-too-long"]


@pytest.mark.parametrize("text", [
    "[" * 100_000, "`" * 100_000, ">" * 50_000 + " x\n", "- " * 50_000 + "x\n", "```{note}\n" * 2_000,
    ":::{note}\n" * 2_000, "    x\n" * 20_000,
])
def test_pathological_markdown(tmp_path: Path, text: str) -> None:
    path = tmp_path / "p.md"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    result = read(path)
    assert time.perf_counter() - started < 5
    assert {d.code for d in result.diagnostics} <= {"nesting-too-deep"}


def test_deep_directive_nesting_is_read_as_deep_as_sphinx_reads_it(tmp_path: Path) -> None:
    path = tmp_path / "deep.md"
    path.write_text("```{note}\n" * 100 + "\n    code = 1\n", encoding="utf-8")
    result = read(path)
    assert [(block.location.line, block.text) for block in result.blocks] == [(102, "code = 1\n")]
    assert result.diagnostics == []


def test_deeper_nesting_than_sphinx_builds_fails_closed(tmp_path: Path) -> None:
    """Sphinx stops with a RecursionError about 130 deep; docsec reads 160 deep, then fails the gate."""
    from docsec.sources.markdown import MAX_DEPTH

    path = tmp_path / "deep.md"
    path.write_text("```{note}\n" * (MAX_DEPTH + 10) + "\n    code = 1\n", encoding="utf-8")
    result = read(path)
    assert result.blocks == []
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.severity.label) == ("nesting-too-deep", MAX_DEPTH + 2, "high")


@pytest.mark.parametrize("text", [
    ".. note::\n" + "   .. note::\n" * 1, "::\n" * 5000, "+--+\n|" + "x" * 100 + "\n", ".. |x| replace:: y\n",
    "=====\nTitle\n===\n", ".. code-block::\n", ".. literalinclude::\n", ".. insecure-example::\n   :reason:\n",
])
def test_odd_rst_never_raises(tmp_path: Path, text: str) -> None:
    path = tmp_path / "odd.rst"
    path.write_text(text, encoding="utf-8")
    read(path)


def test_importing_sources_is_light() -> None:
    code = ("import sys, docsec.sources; "
            "assert not {'docutils', 'sphinx', 'markdown_it', 'nbformat', 'yaml'} & set(sys.modules), "
            "sorted(m for m in sys.modules if m.split('.')[0] in {'docutils', 'sphinx', 'markdown_it', 'yaml'})")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_markdown_does_not_load_docutils(tmp_path: Path) -> None:
    path = tmp_path / "page.md"
    path.write_text("```{note}\n~~~python\nx = 1\n~~~\n```\n", encoding="utf-8")
    code = (f"import sys; from pathlib import Path; from docsec.sources import extract; "
            f"r = extract(Path({str(path)!r}), 'page.md'); assert len(r.blocks) == 1; "
            "assert not {'docutils', 'sphinx', 'nbformat', 'yaml'} & set(sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_extract_signature_is_stable(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text("```py\nx\n```\n", encoding="utf-8")
    result = extract(path, "docs/a.md")
    assert result.path == "docs/a.md" and result.blocks[0].location.path == "docs/a.md"
