"""Bypass-parity fuzzer: generated pages that combine every construct of issue 20, read by each front end.

A seeded generator writes MyST pages, rST pages and notebooks that mix the constructs that once made the
front ends disagree (directive names in other capitals, ``literalinclude`` with ``:prepend:`` /
``:append:`` and options myst-parser drops, ``include`` of fragments, with ``:code:`` and ``:literal:``,
block substitutions, raw notebook cells, deep nesting, author ``output`` classes, colon fences and
attribute blocks that the project does or does not enable, raw HTML ``<pre>``, folders named like virtual
environments, a folder reached through a link), each block holding a code line of its own.  One Sphinx
build and one ``myst build`` (of the MyST pages and notebooks) read them; ``docsec check`` reads both
projects.  Every front end must report the same blocks: path, cell, line, language and whether it is
marked.  The pages are the same on every run (a fixed seed) and few enough for a minute.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Callable

import pytest
from front_end_blocks import check_blocks, mystmd_read, sphinx_read

pytest.importorskip("myst_nb")

SEED = 20
MYST_PAGES, RST_PAGES, NOTEBOOKS = 40, 24, 10
COMMON = """
extensions = ["myst_nb", "docsec"]
nb_execution_mode = "off"
myst_substitutions = {"shared": "```python\\neval(shared_substitution)\\n```"}
exclude_patterns = ["_build", "parts"]
suppress_warnings = ["misc.highlighting_failure", "myst.header", "toc.not_included", "mystnb.unknown_mime_type",
                     "myst.directive_option", "myst.substitution", "docutils", "myst.xref_missing"]
"""
# Two projects: colon fences and substitutions on, attribute blocks off, .mdx pages are MyST; and the other way
# round, with .txt pages as MyST (which is where a page's syntax decides most).
CONFS = {
    "colon-fences": COMMON + 'myst_enable_extensions = ["colon_fence", "substitution"]\n'
                             'source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".mdx": "myst-nb"}\n',
    "attributes": COMMON + 'myst_enable_extensions = ["attrs_block", "deflist"]\n'
                           'source_suffix = {".rst": "restructuredtext", ".txt": "myst-nb"}\n',
}


class Pages:
    """Counts code lines so that every block's text is its own."""

    def __init__(self, rng: random.Random, mystmd: bool):
        self.rng, self.mystmd, self.count = rng, mystmd, 0
        self.used: set[str] = set()  # the constructs written

    def code(self, language: str = "python") -> str:
        self.count += 1
        if language in ("bash", "console", "shell"):
            return f"curl -k https://example.org/{self.count} | sh\n"
        return f"eval(value_{self.count})\n"

    # -- MyST ------------------------------------------------------------------------------------------

    def myst_fragment(self) -> str:
        choices: list[Callable[[], str]] = [
            self.fence, self.fence, self.code_block, self.colon_note, self.insecure, self.attrs, self.class_marker,
            self.output_class, self.nested, self.literalinclude, self.include, self.html_pre, self.raw_html,
            self.substitution,
        ]
        if not self.mystmd:
            choices.append(self.capitals)
        chosen = self.rng.choice(choices)
        self.used.add(chosen.__name__)
        return chosen()

    def fence(self) -> str:
        language = self.rng.choice(["python", "", "bash", "pycon"])
        body = ">>> " + self.code() if language == "pycon" else self.code(language)
        return f"```{language}\n{body}```\n"

    def code_block(self) -> str:
        name = self.rng.choice(["code-block", "code", "sourcecode"])
        return f"```{{{name}}} python\n:caption: a caption\n\n{self.code()}```\n"

    def capitals(self) -> str:
        name = self.rng.choice(["Code-Block", "CODE-BLOCK", "Code", "SourceCode"])
        return f"```{{{name}}} python\n{self.code()}```\n"

    def colon_note(self) -> str:
        return f":::{{note}}\nA note.\n\n```python\n{self.code()}```\n:::\n"

    def insecure(self) -> str:
        if self.rng.random() < 0.5:
            return f":::{{insecure-example}}\n:reason: generated\n\n```python\n{self.code()}```\n:::\n"
        return f"````{{insecure-example}}\n:reason: generated\n\n```python\n{self.code()}```\n````\n"

    def attrs(self) -> str:  # attrs_block is not enabled: the class marks nothing, the line is text
        return f"{{.docsec-insecure}}\n```python\n{self.code()}```\n"

    def class_marker(self) -> str:
        return f"```{{code-block}} python\n:class: docsec-insecure\n\n{self.code()}```\n"

    def output_class(self) -> str:
        return f"```{{code-block}} python\n:class: output\n\n{self.code()}```\n"

    def nested(self) -> str:
        depth = self.rng.choice([2, 5, 31, 33])
        opening = "".join(":" * (3 + depth - level) + "{note}\n" for level in range(depth))
        closing = "".join(":" * (3 + depth - level) + "\n" for level in reversed(range(depth)))
        return f"{opening}```python\n{self.code()}```\n{closing}"

    def literalinclude(self) -> str:
        self.count += 1
        options = self.rng.choice([
            f":prepend: eval(prepended_{self.count})\n", f":append: eval(appended_{self.count})\n",
            ":encoding: no-such-codec\n", ":lines: 2\n", ":start-after: # start\n",
        ])
        return f"```{{literalinclude}} parts/snippet.py\n{options}```\n"

    def include(self) -> str:
        option = self.rng.choice(["", ":code: python\n", ":literal:\n"])
        name = "parts/fragment.txt" if not option else "parts/included.py"
        return f"```{{include}} {name}\n{option}```\n"

    def html_pre(self) -> str:
        if self.rng.random() < 0.5:
            return f'<pre><code class="language-python">{self.code()}</code></pre>\n'
        return f"<div>\n<pre>\n{self.code()}</pre>\n</div>\n"

    def raw_html(self) -> str:
        return f"```{{raw}} html\n<pre>{self.code().strip()}</pre>\n```\n"

    def substitution(self) -> str:
        return "{{ shared }}\n"

    def myst_page(self, number: int) -> str:
        parts = [f"# Page {number}\n"]
        for _ in range(self.rng.randint(3, 7)):
            parts.append(self.myst_fragment())
        return "\n".join(parts)

    # -- rST -------------------------------------------------------------------------------------------

    def rst_fragment(self) -> str:
        chosen = self.rng.randrange(len(RST_CONSTRUCTS))
        self.used.add(RST_CONSTRUCTS[chosen])
        return [
            lambda: f".. code-block:: python\n\n   {self.code()}",
            lambda: f".. {self.rng.choice(['Code-Block', 'CODE', 'SourceCode'])}:: python\n\n   {self.code()}",
            lambda: f"Text::\n\n   {self.code()}",
            lambda: f">>> {self.code()}",
            lambda: f".. literalinclude:: parts/snippet.py\n   :prepend: eval(prepended_rst_{self.code().strip()[5:-1]})\n",
            lambda: ".. literalinclude:: parts/snippet.py\n   :encoding: no-such-codec\n",
            lambda: ".. include:: parts/included.py\n   :code: python\n",
            lambda: ".. include:: parts/included.py\n   :literal:\n",
            lambda: ".. include:: parts/fragment.inc\n",
            lambda: f".. raw:: html\n\n   <pre>{self.code().strip()}</pre>\n",
            lambda: f".. container:: output\n\n   .. code-block:: python\n\n      {self.code()}",
            lambda: f".. code-block:: python\n   :class: output\n\n   {self.code()}",
            lambda: f".. note::\n\n   .. insecure-example::\n      :reason: generated\n\n      .. code-block:: python\n\n"
                    f"         {self.code()}",
        ][chosen]()

    def rst_page(self, number: int) -> str:
        title = f"Page {number}"
        parts = [f"{title}\n{'=' * len(title)}\n"]
        for _ in range(self.rng.randint(3, 6)):
            parts.append(self.rst_fragment())
        return "\n".join(parts)

    # -- notebooks -------------------------------------------------------------------------------------

    def notebook(self) -> str:
        cells = [{"cell_type": "markdown", "metadata": {}, "source": "# Notebook\n\nSome text."}]
        for _ in range(self.rng.randint(2, 5)):
            kind = self.rng.choice(["code", "code", "markdown", "raw-markdown", "raw-plain", "raw"])
            if kind == "code":
                tags = ["docsec-insecure"] if self.rng.random() < 0.3 else []
                cells.append({"cell_type": "code", "metadata": {"tags": tags}, "source": self.code(),
                              "outputs": [], "execution_count": None})
            elif kind == "markdown":
                cells.append({"cell_type": "markdown", "metadata": {}, "source": self.rng.choice(
                    [self.fence, self.colon_note, self.html_pre])()})
            else:
                form = {"raw-markdown": {"format": "text/markdown"}, "raw-plain": {"format": "text/plain"}}.get(kind, {})
                cells.append({"cell_type": "raw", "metadata": form, "source": f"```python\n{self.code()}```\n"})
        for index, cell in enumerate(cells):
            cell["id"] = f"c{index}"
        return json.dumps({"cells": cells, "nbformat": 4, "nbformat_minor": 5, "metadata": {
            "kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"}}})


RST_CONSTRUCTS = ("rst code-block", "rst capitals", "rst literal", "rst doctest", "rst prepend", "rst encoding",
                  "rst include code", "rst include literal", "rst include fragment", "rst raw html",
                  "rst container output", "rst class output", "rst nested example")
MYST_CONSTRUCTS = {"fence", "code_block", "colon_note", "insecure", "attrs", "class_marker", "output_class", "nested",
                   "literalinclude", "include", "html_pre", "raw_html", "substitution"}
PARTS = {
    "parts/snippet.py": "import os\n# start\nvalue = eval(os.environ['SNIPPET'])\n",
    "parts/included.py": "x = 1\neval(included_file)\n",
    "parts/fragment.txt": "A fragment.\n\n```python\neval(myst_fragment)\n```\n",
    "parts/fragment.inc": "A fragment.\n\n.. code-block:: python\n\n   eval(rst_fragment)\n",
}


def generate(root: Path, mystmd: bool, markdown_suffixes: tuple[str, ...] = (".md",), seed: int = SEED) -> Pages:
    rng = random.Random(seed)
    pages = Pages(rng, mystmd)
    folders = ["", "", "", "venv/", "node_modules/", "guide/"]
    written: dict[str, str] = dict(PARTS)
    for number in range(MYST_PAGES):
        written[f"{rng.choice(folders)}page{number}{rng.choice(markdown_suffixes)}"] = pages.myst_page(number)
    if not mystmd:
        for number in range(RST_PAGES):
            written[f"{rng.choice(folders)}text{number}.rst"] = pages.rst_page(number)
    for number in range(NOTEBOOKS):
        written[f"notebook{number}.ipynb"] = pages.notebook()
    written["elsewhere/linked.md"] = pages.myst_page(99)
    for name, text in written.items():
        path = (root.parent if name.startswith("elsewhere/") else root) / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "linked").symlink_to(root.parent / "elsewhere", target_is_directory=True)
    pages.written = written  # type: ignore[attr-defined]
    return pages


def difference(left: set, right: set) -> str:
    return "\n".join([f"only first:  {row}" for row in sorted(left - right, key=str)]
                     + [f"only second: {row}" for row in sorted(right - left, key=str)])


@pytest.mark.parametrize("project", sorted(CONFS))
def test_sphinx_and_check_read_the_same_blocks_of_generated_pages(tmp_path: Path, project: str) -> None:
    src = tmp_path / "src"
    src.mkdir()
    # the project (whose links check follows) holds src/ and elsewhere/, the folder src/linked leads to
    (tmp_path / "pyproject.toml").write_text("[tool.docsec]\n", encoding="utf-8")
    suffixes = (".md", ".mdx") if project == "colon-fences" else (".md", ".txt")
    pages = generate(src, mystmd=False, markdown_suffixes=suffixes, seed=SEED + sorted(CONFS).index(project))
    assert pages.used == MYST_CONSTRUCTS | {"capitals"} | set(RST_CONSTRUCTS)  # every construct is there
    (src / "conf.py").write_text(CONFS[project], encoding="utf-8")
    (src / "index.rst").write_text("Fuzz\n====\n\n.. toctree::\n   :glob:\n\n   *\n   */*\n", encoding="utf-8")
    from_sphinx = sphinx_read(src, tmp_path / "out").blocks
    from_check = check_blocks(src)
    assert from_sphinx == from_check, difference(from_sphinx, from_check)
    written = {name for name in pages.written if not name.startswith(("parts/", "elsewhere/"))}
    shown = {row[0] for row in from_check}
    assert "linked/linked.md" in shown
    assert len(written & shown) >= 0.9 * len(written)  # (a page that only includes has its blocks elsewhere)
    assert len(from_check) >= 200


@pytest.mark.slow
def test_mystmd_and_check_read_the_same_blocks_of_generated_pages(tmp_path: Path, myst_bin: str) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "mystmd"))
    try:
        from myst_projects import write_project
    finally:
        sys.path.pop(0)
    project = write_project(tmp_path, {"index.md": "# Fuzz\n"})
    pages = generate(project, mystmd=True)
    assert pages.used == MYST_CONSTRUCTS
    built = mystmd_read(myst_bin, project, strict=False)
    from_check = check_blocks(project)
    assert built.blocks == from_check, difference(built.blocks, from_check)
    assert len(from_check) >= 100
