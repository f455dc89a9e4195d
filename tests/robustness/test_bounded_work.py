"""Bounded work: the reproducers of issue 20, each measured by the work it makes, never by the clock.

Each test builds the input that took seconds to minutes before (a comment repeated on one line, an
f-string with a hundred thousand fields, template braces that never close, includes that repeat a
long line or a large file) and counts what docsec does with it: characters its patterns pass over,
nodes it visits, bytes it reads, blocks it scans.  The timings are in ``benchmarks/adversarial.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from docsec.core import suppressions
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location


@dataclass
class Examined:
    """A compiled pattern that counts the characters its calls pass over."""

    pattern: re.Pattern[str]
    characters: int = 0
    calls: int = 0

    def match(self, string: str, pos: int = 0) -> Any:
        found = self.pattern.match(string, pos)
        self.calls += 1
        self.characters += (found.end() if found else pos) - pos + 1
        return found

    def search(self, string: str, pos: int = 0) -> Any:
        found = self.pattern.search(string, pos)
        self.calls += 1
        self.characters += (found.start() if found else len(string)) - pos + 1
        return found

    def finditer(self, string: str, pos: int = 0) -> Any:
        self.calls += 1
        self.characters += len(string) - pos + 1
        return self.pattern.finditer(string, pos)


def count_patterns(monkeypatch: pytest.MonkeyPatch, module: Any, *names: str) -> list[Examined]:
    counters = []
    for name in names:
        counter = Examined(getattr(module, name))
        monkeypatch.setattr(module, name, counter)
        counters.append(counter)
    return counters


def block(text: str, language: str = "python") -> CodeBlock:
    return CodeBlock(text, language, Location("page.md", 10))


@pytest.mark.parametrize("comment", [
    "# docsec: ignore[", "# docsec: ignore[DSP002] -- r ", "# docsec: ", "#docsec:ignore[x] y "])
def test_a_suppression_comment_repeated_8000_times_on_one_line_is_read_in_linear_work(
        monkeypatch: pytest.MonkeyPatch, comment: str) -> None:
    counters = count_patterns(monkeypatch, suppressions, "DOCSEC_WORD", "BLANKS", "CLOSING_BRACKET")
    line = "os.system(cmd)  " + comment * 8000  # 136 KB of the first: 19 s before
    report = Engine().scan(block(line + "\n"))
    examined = sum(counter.characters for counter in counters)
    assert examined <= 3 * len(line), f"{examined} characters examined for a line of {len(line)}"
    found = {(f.rule_id, f.line, f.status.value) for f in report.findings}
    if comment.startswith("# docsec: ignore[DSP002]"):
        assert found == {("DSP002", 10, "suppressed")}
    else:
        assert ("DSP002", 10, "unmarked") in found


@pytest.mark.parametrize("label", ["html+django", "jinja", "html"])
def test_template_braces_that_never_close_are_read_in_linear_work(monkeypatch: pytest.MonkeyPatch,
                                                                  label: str) -> None:
    from docsec.languages import labels, template

    [opening] = count_patterns(monkeypatch, template, "OPENING")
    [tags] = count_patterns(monkeypatch, labels, "EXPRESSION_OR_TAG")
    closings = {kind: Examined(pattern) for kind, pattern in template.CLOSING.items()}
    monkeypatch.setattr(template, "CLOSING", closings)
    # 17 s in `docsec check` before: every ``{{`` looked for its ``}}`` to the end of the block
    text = "{% block content %}\n<div>{{ comment.body|safe }}</div>\n<p>" + "{{ " * 20_000 + "</p>\n"
    report = Engine().scan(block(text, label))
    examined = sum(c.characters for c in [opening, tags, *closings.values()])
    assert examined <= 4 * len(text), f"{examined} characters examined for {len(text)}"
    assert [(f.rule_id, f.line) for f in report.findings] == [("DST002", 11)]


@pytest.mark.parametrize(("label", "text", "found"), [
    ("html", "<div><?= $_GET['q'] ?></div>\n<p>" + "<?=" * 20_000 + "\n", [("DST005", 10)]),  # 26 s before
    ("erb", "<p><%== params[:q] %></p>\n" + "<%= x " * 20_000 + "\n", [("DST005", 10)]),  # 74 s before
    ("html", "<p>${name}</p>\n" + "{{{ " * 20_000 + "{{ " * 20_000 + "${" * 20_000, None),
])
def test_pseudo_template_placeholders_that_never_close_are_read_in_linear_work(
        monkeypatch: pytest.MonkeyPatch, label: str, text: str, found: Any) -> None:
    from docsec.languages import template

    [opening, rest] = count_patterns(monkeypatch, template, "PSEUDO_OPENING", "NAME_REST")
    closings = {kind: Examined(pattern) for kind, pattern in template.PSEUDO_CLOSING.items()}
    monkeypatch.setattr(template, "PSEUDO_CLOSING", closings)
    report = Engine().scan(block(text, label))
    examined = sum(c.characters for c in [opening, rest, *closings.values()])
    assert opening.calls > 0
    assert examined <= 4 * len(text), f"{examined} characters examined for {len(text)}"
    if found is not None:
        assert [(f.rule_id, f.line) for f in report.findings] == found


def test_the_linear_placeholder_scan_finds_what_the_placeholder_pattern_states() -> None:
    """:func:`pseudo_spans` replaces ``PSEUDO_CONSTRUCT.finditer``; on 30,000 seeded texts over the
    delimiters' alphabet they find the same spans."""
    import random

    from docsec.languages.template import PSEUDO_CONSTRUCT, pseudo_spans

    rng = random.Random(20)
    alphabet = ["<%", "%>", "<?=", "?>", "${", "}", "{", "{{", "}}", "{{{", "}}}", "$", "a", "_", " ", "\n", "=",
                "-", "#", "\\", "%", "?", "<", ">", "x1"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16))) for _ in range(30_000)]
    differ = [text for text in texts
              if [(m.start(), m.end()) for m in PSEUDO_CONSTRUCT.finditer(text)] != list(pseudo_spans(text))]
    assert differ == []
    assert list(pseudo_spans("<p><%= a %> ${b} $c {{{d}}} {{e}} <?= f ?>")) == [
        (3, 11), (12, 16), (17, 19), (20, 27), (28, 33), (34, 42)]


def test_an_f_string_with_100000_fields_hands_the_parser_at_most_max_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    import ast

    from docsec.languages import python

    parsed: list[int] = []  # replacement fields of the largest f-string of each source handed to the parser

    def counting_parse(source: str, mode: str = "exec") -> Any:
        tree = original(source, mode)
        literals = [node for node in ast.walk(tree) if isinstance(node, ast.JoinedStr)]
        parsed.append(max((sum(isinstance(v, ast.FormattedValue) for v in n.values) for n in literals), default=0))
        return tree

    original = python.parse_quietly
    monkeypatch.setattr(python, "parse_quietly", counting_parse)
    text = 'cursor.execute(f"SELECT * FROM users WHERE ' + "{a}" * 100_000 + '")\n'  # 300 KB: 27 s before
    report = Engine().scan(block(text))
    assert parsed == [python.MAX_FIELDS]
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSP020", 10)]


@pytest.mark.parametrize("rst", [False, True], ids=["myst", "rst"])
def test_lines_repeating_a_100_kb_line_10000_times_is_refused_before_it_is_built(tmp_path: Path, rst: bool) -> None:
    import tracemalloc

    from docsec.sources import extract

    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "long.py").write_text("x = '" + "a" * 100_000 + "'\nimport os\n", encoding="utf-8")
    chunks = ["1," * 1_000] * 10  # 10,000 times line 1 (5.9 GB before), on lines under docutils' limit
    if rst:
        page = tmp_path / "page.rst"
        spec = "\n      ".join(chunks).rstrip(",")
        page.write_text(f"Page\n====\n\n.. literalinclude:: long.py\n   :lines: {spec}\n", encoding="utf-8")
    else:
        page = tmp_path / "page.md"
        spec = "\n  ".join(chunks).rstrip(",")
        page.write_text(f"# Page\n\n```{{literalinclude}} long.py\n---\nlines: >-\n  {spec}\n---\n```\n",
                        encoding="utf-8")
    tracemalloc.start()
    try:
        result = extract(page, page.name)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4_000_000, f"{peak} bytes allocated at the peak for a 100 KB file"
    assert result.blocks == []
    [diagnostic] = result.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("include-refused", 4 if rst else 3)
    assert "selects more than 1048576 characters, more than the file holds" in diagnostic.message


def test_a_file_included_100_times_is_read_once_and_scanned_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from docsec.cli.main import main as docsec_main
    from docsec.sources import _include

    lines = [f"value_{i} = compute({i}, 'abcdefghij')" for i in range(30_000)]
    lines[20_000] = "data = pickle.loads(blob)"
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "big.py").write_text("\n".join(lines) + "\n", encoding="utf-8")  # 1.1 MB
    page = "# Page\n\n" + "```{literalinclude} big.py\n```\n\n" * 100  # 50 s before
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    reads: list[Path] = []
    read = _include.read_regular_file
    monkeypatch.setattr(_include, "read_regular_file", lambda path, *a: reads.append(path) or read(path, *a))
    scans: list[CodeBlock] = []
    scan = Engine.scan
    monkeypatch.setattr(Engine, "scan", lambda self, block: scans.append(block) or scan(self, block))
    monkeypatch.chdir(tmp_path)
    assert docsec_main(["check", "--format", "json", "page.md"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(f["path"], f["line"], f["rule"]) for f in report["findings"]] == [("big.py", 20_001, "DSP005")]
    assert report["summary"]["blocks"] == 100
    assert reads == [tmp_path / "big.py"]
    assert len(scans) == 1
