"""The fast rST reader reads what docutils reads, or declines.

:mod:`docsec.sources.rst_fast` replaces docutils for ``docsec check`` only
where it gives the same blocks, diagnostics and final highlight language as
:func:`docsec.sources.rst.read_rst`.  Three kinds of proof:

* parity on real files: every ``.rst`` / ``.txt`` file of this repository, a
  generated benchmark tree and the Sphinx and Django documentation (fetched
  as ``tests/robustness/test_real_trees.py`` does), with a floor on how many
  files the fast reader handles;
* parity on documents Hypothesis composes from fragments of every construct
  (nested, oddly indented, with or without blank lines, CRLF, tabs);
* the tricky rules one by one, each with the blocks docutils gives (the test
  asserts both readers give exactly those).

Run with ``pytest -s`` to see the shares handled and the reasons for declining.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rst_parity import both, both_for_file, difference
from source_helpers import FIXTURES

from docsec.core.config import Config
from docsec.sources import rst_fast
from docsec.sources.rst import docutils_lines

REPO = Path(__file__).resolve().parents[2]
ROBUSTNESS = REPO / "tests" / "robustness"
SKIPPED_PARTS = {".venv", ".cache", "_build", "_trees", ".git", "node_modules", ".hypothesis"}
CONFIGS = {
    "default": Config(),
    "project": Config.from_mapping({"marker_classes": ["legacy-insecure"],
                                    "directive_languages": {"sql-example": "sql", "console": "bash"}}),
}


REALDOCS = REPO / "benchmarks" / "realdocs" / "pages"


def rst_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.suffix in (".rst", ".txt") and path.is_file()
                  and not SKIPPED_PARTS & set(path.relative_to(root).parts) and ".egg-info" not in str(path)
                  and (root == REALDOCS or REALDOCS not in path.parents))  # the corpus has a test of its own


def check_tree(root: Path, config: Config, capsys: pytest.CaptureFixture[str], label: str) -> Counter[str]:
    """Every file of ``root`` reads the same with both readers unless the fast one declines."""
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    diverging = []
    for path in rst_files(root):
        outcome = both_for_file(path, root, config)
        if outcome is None:
            continue
        counts["files"] += 1
        if not outcome.same:
            diverging.append(f"{path}: {difference(outcome)}")
        if outcome.handled:
            counts["handled"] += 1
        else:
            reasons[outcome.declined] += 1
    with capsys.disabled():
        print(f"\n{label}: {counts['handled']} of {counts['files']} files read by the fast reader "
              f"({100 * counts['handled'] / max(counts['files'], 1):.1f} %)")
        for reason, count in reasons.most_common():
            print(f"  declined {count}: {reason}")
    assert not diverging, "\n".join(diverging[:5])
    return counts


# -- parity on real files ----------------------------------------------------------------

@pytest.mark.parametrize("config", sorted(CONFIGS))
def test_repository_files(config: str, capsys: pytest.CaptureFixture[str]) -> None:
    counts = check_tree(REPO, CONFIGS[config], capsys, f"repository ({config} config)")
    assert counts["files"] >= 25
    assert counts["handled"] >= counts["files"] - 2  # a grid table holding '::' (fixtures/parity) and a spare


def test_real_docs_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    """116 projects' pages (benchmarks/realdocs): the fast reader reads most and never differs."""
    counts = check_tree(REALDOCS, CONFIGS["default"], capsys, "real-docs corpus")
    assert counts["files"] > 400
    assert counts["handled"] >= 0.95 * counts["files"]


@pytest.mark.slow
def test_generated_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from generate import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    pages = generate(tmp_path, pages=800, seed=1)
    counts = check_tree(tmp_path, Config(), capsys, "generated 800-page tree")
    assert counts["files"] == counts["handled"] == pages["rst"]  # every rST page of the benchmark tree


@pytest.mark.slow
@pytest.mark.parametrize(("name", "floor"), [("sphinx", 0.95), ("django", 0.95)])
def test_real_documentation(name: str, floor: float, capsys: pytest.CaptureFixture[str]) -> None:
    sys.path.insert(0, str(ROBUSTNESS))
    try:
        from test_real_trees import docs_folder  # skips, saying why, without network
    finally:
        sys.path.remove(str(ROBUSTNESS))
    docs = docs_folder(name)
    counts = check_tree(docs, CONFIGS["default"], capsys, f"{name}'s documentation")
    assert counts["files"] > 100
    assert counts["handled"] >= floor * counts["files"]


# -- parity on composed documents ------------------------------------------------------

WORDS = ["text", "more words here", "x = 1", "see ``code``", "Term", "a : classifier", "naïve café",
         "日本語の文", "back\\slash", "non\xa0breaking", "trailing  ", "e.g. this", "(c) 2024", "I. roman",
         "a) b", "#. auto", "--flag  desc", "-v", "/opt  x", "::", "text::", "text ::", "\\::", "|bar|",
         "A very long line of prose that goes on and on without stopping at all."]
ENDINGS = ["", "", "", "::", " ::", ":", "\\::", "\\\\::", " :: "]
CODE = ["import os", "os.system(cmd)", "", "    nested = 1", ">>> 1 + 1  # doctest: +SKIP", "2", "<BLANKLINE>",
        "$ echo hi", "print('::')", "  odd indent", "\tmixed\ttabs", "-- not an attribution", "x = 1  # noqa"]
NAMES = ["code-block", "code-block", "sourcecode", "code", "highlight", "literalinclude", "doctest", "testcode",
         "testoutput", "testsetup", "insecure-example", "secure-example", "note", "warning", "admonition",
         "container", "compound", "topic", "sidebar", "epigraph", "parsed-literal", "class", "only", "toctree",
         "console", "prompt", "ipython", "sql-example", "figure", "list-table", "seealso", "todo", "DocTest",
         "Code-Block", "versionadded", "raw", "include", "image", "math", "rubric", "contents", "unknown:thing",
         "csv-table", "table", "line-block", "pull-quote", "tab", "plot", "jupyter-execute", "code-tab"]
ARGUMENTS = ["", "", "python", "bash", "python extra", "Title text", "docsec-insecure", "html", "x.png",
             "snippet.py", "missing.py", "bash $ auto", "()", "sql"]
OPTIONS = [":linenos:", ":caption: A caption", ":class: docsec-insecure", ":class: legacy-insecure", ":dedent: 2",
           ":dedent:", ":hide:", ":reason: because", ":name: label", ":bad option:", ":emphasize-lines: 1,2",
           ":no-such-option:", ":language: python", ":lines: 1-2", ":force:", ":linenos: yes",
           ":caption: two\n   lines", ":subtitle: Sub", ":include-source:", ":suppress:", ":hide-code:",
           ":no-trim-doctest-flags:", ":class:"]
UNDERLINES = ["=", "-", "~", "^", "#", "*", "+", ":", "`"]


@st.composite
def paragraph(draw: st.DrawFn) -> list[str]:
    lines = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=3))
    return [*lines[:-1], lines[-1] + draw(st.sampled_from(ENDINGS))]


@st.composite
def code_lines(draw: st.DrawFn) -> list[str]:
    return draw(st.lists(st.sampled_from(CODE), min_size=0, max_size=4))


def indent(lines: list[str], width: int) -> list[str]:
    return [" " * width + line if line else line for line in lines]


@st.composite
def leaf(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from([
        *["paragraph"] * 8, *["literal_after"] * 3, *["doctest"] * 2, *["directive_line"] * 2, *["raw_indented"] * 2,
        "lone", "title", "overline", "transition", "comment", "target", "substitution", "footnote", "grid", "simple",
        "line_block", "field", "option", "punctuation"]))
    if kind == "paragraph":
        return draw(paragraph())
    if kind == "lone":
        return ["::"]
    if kind == "doctest":
        return [">>> " + draw(st.sampled_from(CODE)), *draw(code_lines())[:2]]
    if kind in ("title", "overline"):
        title = draw(st.sampled_from(["Title", "A title", "日本語", "T", "Heading ::", "1. Numbered"]))
        mark = draw(st.sampled_from(UNDERLINES)) * draw(st.integers(1, 12))
        return [title, mark] if kind == "title" else [mark, title, mark]
    if kind == "transition":
        return [draw(st.sampled_from(UNDERLINES)) * draw(st.integers(1, 8))]
    if kind == "comment":
        return draw(st.sampled_from([[".."], [".. a comment"], ["..", "   indented under it"],
                                     [".. comment::", "   with code::", "", "      x = 1"],
                                     ['.. end of inclusion from "x.rst"']]))
    if kind == "target":
        return draw(st.sampled_from([[".. _label:"], [".. _label: http://example.com"], ["__ http://example.com"],
                                     [".. _label", "   continued:"], [".. _`odd target`: x"]]))
    if kind == "substitution":
        return draw(st.sampled_from([[".. |name| replace:: text"], [".. |img| image:: x.png"],
                                     [".. |code| code-block:: python", "", "   x = 1"], [".. |bad"],
                                     [".. |x| unicode:: U+2014"]]))
    if kind == "footnote":
        return [draw(st.sampled_from([".. [1] ", ".. [#] ", ".. [#note] ", ".. [*] ", ".. [CIT2024] "]))
                + draw(st.sampled_from(WORDS))]
    if kind == "grid":
        cell = draw(st.sampled_from(["a", "b::", ">>> x", "日本", ".. x"]))
        table = ["+-----+-----+", f"| {cell:<3} | b   |", "+=====+=====+", "| c   | d   |", "+-----+-----+"]
        return table if draw(st.integers(0, 3)) else table[: draw(st.integers(3, 4))]
    if kind == "simple":
        cell = draw(st.sampled_from(["a", "b::", ">>> x", "c"]))
        return ["=====  =====", f"{cell:<5}  b", "=====  =====", "c      d", draw(st.sampled_from(["=====  =====", "===", ""]))]
    if kind == "line_block":
        return ["| " + draw(st.sampled_from(WORDS)), "|", "  continued", "| end" + draw(st.sampled_from(ENDINGS[:4]))]
    if kind == "field":
        return [draw(st.sampled_from([":field: ", ":Field name: ", ":f:", ":bad : "])) + draw(st.sampled_from(WORDS))]
    if kind == "option":
        return [draw(st.sampled_from(["-v  ", "--verbose  ", "-f FILE  ", "--opt=<a b>  ", "/V  ", "-a, -b  "]))
                + draw(st.sampled_from(WORDS))]
    if kind == "raw_indented":
        return indent(draw(code_lines()) or ["x"], draw(st.integers(1, 6)))
    if kind == "literal_after":
        return [draw(st.sampled_from(["Example::", "Example ::", "::", "Two\nlines::"])), *(
            [""] if draw(st.booleans()) else []), *indent(draw(code_lines()) or ["y"], draw(st.integers(1, 5)))]
    if kind == "punctuation":
        return [draw(st.sampled_from(["----", "::", "==", "...", "***", "--", ">>>", "|", "+--+--+", "= ="]))]
    return [f".. {draw(st.sampled_from(NAMES))}:: {draw(st.sampled_from(ARGUMENTS))}".rstrip()]


@st.composite
def directive(draw: st.DrawFn, inner: st.SearchStrategy[list[str]]) -> list[str]:
    name = draw(st.sampled_from(NAMES))
    argument = draw(st.sampled_from(ARGUMENTS))
    head = f".. {name}::" + (f" {argument}" if argument else "")
    width = draw(st.sampled_from([3, 3, 3, 2, 4, 1, 6]))
    options = [line for option in draw(st.lists(st.sampled_from(OPTIONS), max_size=3)) for line in option.split("\n")]
    body = draw(st.one_of(code_lines(), inner))
    gap = [""] * draw(st.sampled_from([1, 1, 0, 2]))
    if draw(st.booleans()) and options:
        return [head, *indent(options, width), *gap, *indent(body, width)]
    return [head, *gap, *indent(body, width)] if body else [head, *indent(options, width)]


@st.composite
def compound(draw: st.DrawFn, inner: st.SearchStrategy[list[str]]) -> list[str]:
    kind = draw(st.sampled_from(["bullet", "enumerated", "definition", "quote", "directive", "directive",
                                 "footnote"]))
    if kind == "directive":
        return draw(directive(inner))
    body = draw(inner)
    if kind == "quote":
        attribution = ["", "-- Author"] if draw(st.booleans()) else []
        return indent(body + attribution, draw(st.integers(1, 5)))
    if kind == "definition":
        return [draw(st.sampled_from(WORDS)), *indent(body, draw(st.integers(1, 4)))]
    marker = draw(st.sampled_from(["- ", "* ", "+ ", "• ", "1. ", "2. ", "#. ", "a) ", "(i) ", "ii. ", "C. ",
                                   ".. [1] ", "-", "1.", ":field: ", ":param x: ", "-v  ", "--opt=X  ", "__ ",
                                   ".. _t: ", ".. |s| replace:: ", "| "]))
    first, rest = (body[0], body[1:]) if body and draw(st.booleans()) else ("", body)
    width = len(marker) if draw(st.booleans()) else draw(st.integers(1, 5))
    return [(marker + first).rstrip(), *indent(rest, width)]


@st.composite
def joined(draw: st.DrawFn, blocks: st.SearchStrategy[list[str]]) -> list[str]:
    parts = draw(st.lists(blocks, min_size=1, max_size=4))
    lines: list[str] = []
    for part in parts:
        if lines:
            lines.extend([""] * draw(st.sampled_from([1, 1, 1, 0, 2])))
        lines.extend(part)
    return lines


def documents() -> st.SearchStrategy[str]:
    blocks = st.recursive(leaf(), lambda inner: compound(joined(inner)), max_leaves=8)

    @st.composite
    def document(draw: st.DrawFn) -> str:
        lines = draw(joined(blocks))
        text = "\n".join(lines)
        if draw(st.integers(0, 9)) == 0:
            text = text.replace("   ", "\t", 1)
        newline = draw(st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"]))
        return text.replace("\n", newline) + draw(st.sampled_from(["", "\n", "\n\n"]))

    return document()


def test_composed_documents_read_the_same(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "snippet.py").write_text("first = 1\nsecond = 2\n")
    page = tmp_path / "page.rst"
    counts: Counter[str] = Counter()

    @settings(derandomize=True, max_examples=1000, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(documents(), st.sampled_from(sorted(CONFIGS)))
    def check(text: str, config: str) -> None:
        outcome = both(text, page, CONFIGS[config])
        assert outcome.same, f"{text!r}\n{difference(outcome)}"
        counts["handled" if outcome.handled else "declined"] += 1
        if outcome.handled and outcome.fast[0]:
            counts["handled with blocks"] += 1
            counts["blocks"] += len(outcome.fast[0])

    check()
    with capsys.disabled():
        print(f"\ncomposed documents: {dict(counts)}")
    # The proof is not vacuous: many documents, with code in them, are read by the fast reader.
    assert counts["handled"] >= 0.4 * (counts["handled"] + counts["declined"])
    assert counts["handled with blocks"] >= 150


# -- the line classifier -------------------------------------------------------------------

def full_classification(line: str) -> tuple[str, Optional[str]]:
    """docutils' order of Body transitions, every pattern tried."""
    grammar = rst_fast.grammar()
    assert grammar is not None
    for name in rst_fast.BODY_CONSTRUCTS:
        match = grammar.patterns[name].match(line)
        if match:
            return name, match.group()
    return "text", None


def classified(line: str) -> tuple[str, Optional[str]]:
    grammar = rst_fast.grammar()
    assert grammar is not None
    name, match = grammar.classify(line)
    return name, match.group() if match else None


@given(st.text(min_size=1, max_size=12).filter(lambda line: line[0] != " " and line.strip() == line))
@settings(derandomize=True, max_examples=3000, deadline=None, database=None)
def test_classifier_agrees_with_docutils_order_on_random_lines(line: str) -> None:
    assert classified(line) == full_classification(line)


def test_classifier_agrees_on_every_line_of_the_repository() -> None:
    lines = {line.lstrip() for path in rst_files(REPO) for line in docutils_lines(path.read_text(errors="replace"))}
    punctuation = [chr(code) + rest for code in range(0x21, 0x7F) for rest in ("", " x", "x", "  y", chr(code) * 3)]
    for line in sorted(lines | set(punctuation)):
        if line:
            assert classified(line) == full_classification(line), line


# -- the rules, one by one ----------------------------------------------------------------

# (source, [(line, language, first code line, marker kind)]); each expectation is what docutils
# gives (the test checks both readers against it), None where the fast reader must decline.
RULES: dict[str, tuple[str, Optional[list[tuple[int, str, str, str]]]]] = {
    "literal after 'text::'": ("Para::\n\n   x = 1\n", [(3, "default", "x = 1", "none")]),
    "literal after 'text ::'": ("Para ::\n\n   x = 1\n", [(3, "default", "x = 1", "none")]),
    "literal after a lone '::'": ("Para.\n\n::\n\n   x = 1\n", [(5, "default", "x = 1", "none")]),
    "an escaped '\\::' announces nothing": ("Para\\::\n\n   x = 1\n", []),
    "an escaped backslash before '::' does": ("Para\\\\::\n\n   x = 1\n", [(3, "default", "x = 1", "none")]),
    "'::' at the end of the file: no block": ("Para::\n", []),
    "'::' then unindented text: no block": ("Para::\n\nNext paragraph.\n", []),
    "'::' then quoted text: declined": ("Para::\n\n> quoted\n> lines\n", None),
    "'Term::' with code right under it is a definition": ("Term::\n   x = 1\n", []),
    "two lines ending '::', code right under": ("One\nTwo::\n   x = 1\n", [(3, "default", "x = 1", "none")]),
    "a doctest block runs to a blank line": (">>> a = 1\n>>> a\n1\n\nAfter.\n", [(1, "pycon", ">>> a = 1", "none")]),
    "'..' alone, a blank line, then a quote": ("..\n\n   Quoted::\n\n      x = 1\n", [(5, "default", "x = 1", "none")]),
    "'..' with text under it is a comment": ("..\n   Quoted::\n\n      x = 1\n", []),
    "a comment swallows its indented lines": (".. note\n\n   Para::\n\n      x = 1\n", []),
    "highlight sets the language after it": (".. highlight:: c\n\nPara::\n\n   int x;\n",
                                             [(5, "c", "int x;", "none")]),
    "code-block dedent and class marker": (".. code-block:: python\n   :dedent: 2\n   :class: docsec-insecure\n\n"
                                           "     x = 1\n", [(5, "python", "x = 1", "class")]),
    "code-block with an unknown option: declined": (".. code-block:: python\n   :nope:\n\n   x = 1\n", None),
    "code-block with two arguments: declined": (".. code-block:: python extra\n\n   x = 1\n", None),
    "code right under a code-block line is an argument: an error, declined": (".. code-block:: python\n   x = 1\n",
                                                                               None),
    "seealso text on its line starts its content": (".. seealso:: Para::\n   More::\n\n      x = 1\n",
                                                    [(4, "default", "x = 1", "none")]),
    "insecure-example marks what it holds": (".. insecure-example::\n   :reason: shows it\n\n   .. code-block:: bash\n\n"
                                             "      rm -rf /\n", [(6, "bash", "rm -rf /", "insecure-example")]),
    "doctest hides testsetup, strips flags": (".. testsetup::\n\n   import os\n\n.. doctest::\n\n   >>> 1  # doctest: +SKIP\n"
                                              "   1\n", [(7, "pycon", ">>> 1", "none")]),
    "a list item's lines are dedented by its marker": ("1. one\n2. two::\n\n   x = 1\n\n3. three::\n\n      y = 2\n",
                                                       [(8, "default", "y = 2", "none")]),
    "a false enumerator is text": ("1. not a list\nbut a paragraph::\n\n   x = 1\n", [(4, "default", "x = 1", "none")]),
    "block quote with an attribution, then more quote": ("   Quote::\n\n      x = 1\n\n   -- Author\n\n   More::\n\n"
                                                         "      y = 2\n", [(3, "default", "x = 1", "none"),
                                                                         (9, "default", "y = 2", "none")]),
    "title underline too short (under 4) makes a paragraph": ("Long title\n===::\n\n   x = 1\n",
                                                              [(4, "default", "x = 1", "none")]),
    "wide characters count twice in a title": ("日本\n===::\n\n   x = 1\n", [(4, "default", "x = 1", "none")]),
    "a title inside a list is an error that takes its two lines": ("- Title\n  =====\n  Para::\n\n     x = 1\n",
                                                                   [(5, "default", "x = 1", "none")]),
    "a long punctuation line inside a quote is an error that takes one line": (
        "   Para\n   -----\n   ------\n   Text::\n\n      x = 1\n", [(6, "default", "x = 1", "none")]),
    "class directive gives its classes to the nodes at its top": (
        ".. class:: docsec-insecure\n\n   .. code-block:: python\n\n      x = 1\n\n   - Item::\n\n       y = 2\n",
        [(5, "python", "x = 1", "class"), (9, "default", "y = 2", "none")]),
    "a class directive whose argument is no class name is an error without its content": (
        ".. class:: ()\n\n   Example::\n\n      s = Signer()\n\nAfter::\n\n   y = 2\n",
        [(9, "default", "y = 2", "none")]),
    "a simple table holding '::': declined": ("=====  =====\na::    b\n=====  =====\n", None),
    "a simple table without: skipped": ("=====  =====\na      b\n=====  =====\n\nPara::\n\n   x = 1\n",
                                        [(7, "default", "x = 1", "none")]),
    "a malformed grid table: declined": ("+---+---+\n| a | b |\n+---+\n", None),
    "a line block is text only": ("| one::\n|   two\n\n   x = 1\n", None),
    "a topic inside a list: declined": ("- .. topic:: T\n\n     Para::\n\n        x = 1\n", None),
    "a topic at the top is read": (".. topic:: T\n\n   Para::\n\n      x = 1\n", [(5, "default", "x = 1", "none")]),
    "a substitution holding a code-block: declined": (".. |x| code-block:: python\n\n   x = 1\n", None),
    "a malformed target is a comment of a different extent": (".. _label\n\n   Quoted::\n\n      x = 1\n", []),
    "tabs expand to 8 columns": ("Para::\n\n\tx = 1\n\t    y\n", [(3, "default", "x = 1", "none")]),
    "CRLF line ends": ("Para::\r\n\r\n   x = 1\r\n", [(3, "default", "x = 1", "none")]),
    "project code directive": (".. console::\n\n   $ ls\n", [(3, "console", "$ ls", "none")]),
    "parsed-literal takes the highlight language": (".. highlight:: python\n\n.. parsed-literal::\n\n   x = 1\n",
                                                    [(5, "python", "x = 1", "none")]),
    "unknown directive content is read": (".. versionadded:: 2.0\n\n   Para::\n\n      x = 1\n",
                                          [(5, "default", "x = 1", "none")]),
    "a paragraph under an unknown directive's argument is part of it": (
        ".. versionadded:: 2.0\n   Para::\n\n      x = 1\n", []),
    "toctree content is not": (".. toctree::\n\n   intro::\n\n      x = 1\n", []),
}


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule(name: str, tmp_path: Path) -> None:
    text, expected = RULES[name]
    outcome = both(text, tmp_path / "page.rst", CONFIGS["default"])
    if expected is None:
        assert not outcome.handled, "the fast reader must decline"
        return
    docutils_rows = [(block.location.line, block.language, block.text.strip().splitlines()[0] if block.text.strip()
                      else "", block.marker.kind.value) for block, _ in outcome.docutils[0]]
    assert docutils_rows == expected  # what docutils gives
    assert outcome.handled, outcome.declined
    assert outcome.same, difference(outcome)


def test_literalinclude_and_its_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "snippet.py").write_text("first = 1\n")
    text = ".. literalinclude:: snippet.py\n\n.. literalinclude:: missing.py\n   :language: python\n"
    outcome = both(text, tmp_path / "page.rst", CONFIGS["default"])
    assert outcome.handled and outcome.same, difference(outcome)
    [(block, _)] = outcome.fast[0]
    assert (block.location.path, block.location.line, block.language) == ("snippet.py", 1, "python")
    [diagnostic] = outcome.fast[1]
    assert (diagnostic.code, diagnostic.line) == ("include-missing", 3)


def test_line_longer_than_docutils_limit(tmp_path: Path) -> None:
    outcome = both("Para::\n\n   x = 1\n\n" + "word " * 3000 + "\n", tmp_path / "page.rst", CONFIGS["default"])
    assert outcome.handled and outcome.same
    assert outcome.fast[0] == () and [d.code for d in outcome.fast[1]] == ["line-too-long"]


def test_final_highlight_is_returned(tmp_path: Path) -> None:
    outcome = both(".. highlight:: yaml\n\nText.\n", tmp_path / "page.rst", CONFIGS["default"])
    assert outcome.handled and outcome.same and outcome.fast[2] == "yaml"


def test_extract_falls_back_to_docutils(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Declined files, legacy markers and errors of the fast reader all go to docutils."""
    from source_helpers import read, rows

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug")

    page = tmp_path / "page.rst"
    page.write_text("Para::\n\n> quoted\n\n.. code-block:: python\n\n   x = 1\n")
    before = rows(read(page))
    monkeypatch.setattr(rst_fast, "read_rst_fast", broken)
    assert rows(read(page)) == before and [row[1] for row in before] == [3, 7]


@pytest.mark.parametrize("text", ['.. note::\n\n   .. end of inclusion from "x.rst"\n',
                                  ".. note::\n\n   " + "1" * 4400 + ". x\n"])
def test_docutils_failures_stay_failures(text: str, tmp_path: Path) -> None:
    """Where docutils raises, extract() reports a parse error; declining keeps that (not an empty result)."""
    outcome = both(text, tmp_path / "page.rst", CONFIGS["default"])
    assert isinstance(outcome.docutils, Exception) and not outcome.handled


def test_modelled_docutils_directives_exist() -> None:
    """Each qualified name in the reader's table is a docutils directive class, modelled or skipped."""
    import importlib

    for qualified, model in rst_fast.DOCUTILS_MODELS.items():
        module, _, name = qualified.rpartition(".")
        assert isinstance(getattr(importlib.import_module(module), name), type), qualified
        assert model in rst_fast.MODELLED or model == "skip", qualified


def test_only_checked_docutils_versions() -> None:
    import docutils

    assert (rst_fast.grammar() is None) == (tuple(docutils.__version_info__[:2]) not in rst_fast.VERIFIED_DOCUTILS)


def test_fixture_pages_are_handled() -> None:
    """The pages other tests pin block by block go through the fast reader (so those tests cover it too)."""
    for path in (FIXTURES / "markers.rst", FIXTURES / "docs" / "guide" / "include.rst"):
        outcome = both_for_file(path, FIXTURES, Config.from_mapping({"marker_classes": ["legacy-insecure"]}))
        assert outcome is not None and outcome.handled and outcome.same, path
