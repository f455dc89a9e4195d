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


@pytest.mark.parametrize("comment", ["# docsec: ignore[", "# docsec: ignore[DSP002] -- r ", "# docsec: ", "#docsec:ignore[x] y "])
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
