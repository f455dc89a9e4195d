"""Every rule's bad examples yield exactly their marked lines; good ones yield nothing.

Expected hits are written in the example files as ``# expect: RULE-ID``
on the offending line, so the examples shown in the docs are the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from docsec.core.catalog import builtin_catalog
from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location

RULES = Path(__file__).resolve().parents[1] / "ext" / "docsec" / "rules"
EXPECT = re.compile(r"expect:\s*([A-Z]{3}\d{3}(?:[\s,]+[A-Z]{3}\d{3})*)")
LABELS = {
    ".py": "python", ".pycon": "pycon", ".ipy": "ipython", ".console": "console", ".sh": "bash",
    ".ps1": "powershell", ".dockerfile": "dockerfile", ".yaml": "yaml", ".txt": "text",
    ".toml": "toml", ".ini": "ini", ".env": "text", ".json": "json",
    ".html": "html+django", ".htm": "html", ".jinja": "jinja", ".erb": "erb", ".jsp": "jsp",
    ".js": "javascript", ".jsx": "jsx", ".ts": "typescript", ".tsx": "tsx", ".sql": "sql",
    ".java": "java", ".cs": "csharp", ".php": "php", ".go": "go", ".rb": "ruby", ".rs": "rust", ".tf": "terraform",
    ".nginx": "nginx", ".apache": "apacheconf", ".caddy": "caddyfile", ".service": "systemd", ".vue": "vue",
}
EXAMPLES = sorted(p for p in RULES.glob("*/examples/*/*") if p.suffix in LABELS)
AUDIT = Engine(Config(profile="audit"))
DEFAULT = Engine()


def expected_hits(text: str) -> set[tuple[str, int]]:
    return {
        (rule_id, number)
        for number, line in enumerate(text.splitlines(), start=1)
        for match in EXPECT.finditer(line)
        for rule_id in re.split(r"[\s,]+", match.group(1))
    }


def scan(path: Path) -> set[tuple[str, int]]:
    text = path.read_text(encoding="utf-8")
    report = AUDIT.scan(CodeBlock(text, LABELS[path.suffix], Location(str(path), 1)))
    return {(f.rule_id, f.line) for f in report.findings}


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_example(path: Path) -> None:
    found = scan(path)
    if path.stem.startswith("bad"):
        expected = expected_hits(path.read_text(encoding="utf-8"))
        assert expected, f"{path} marks no expected hit"
        assert found == expected
    else:
        assert found == set()


@pytest.mark.parametrize("registered", list(builtin_catalog()), ids=lambda r: r.rule.id)
def test_every_rule_has_bad_and_good_examples(registered) -> None:
    folder = Path(__import__(registered.module, fromlist=["x"]).__file__).parent / "examples" / registered.rule.id
    names = [p.stem for p in folder.iterdir()] if folder.is_dir() else []
    assert any(n.startswith("bad") for n in names), f"{registered.rule.id}: no bad example in {folder}"
    assert any(n.startswith("good") for n in names), f"{registered.rule.id}: no good example in {folder}"
    bad_rules = {rule for p in folder.glob("bad*") for rule, _ in expected_hits(p.read_text(encoding="utf-8"))}
    assert registered.rule.id in bad_rules


@pytest.mark.parametrize("registered", list(builtin_catalog()), ids=lambda r: r.rule.id)
def test_rule_page_has_the_five_sections(registered) -> None:
    for heading in ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## References"):
        assert heading in registered.rule.doc, f"{registered.rule.id} lacks {heading!r}"


def doc_section_fences(doc: str, title: str) -> list[tuple[str, str]]:
    """(language, code) of the fences in one ``## title`` section of a rule page."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(doc)
    fences, inside = [], False
    for token in tokens:
        if token.type == "heading_open" and token.tag == "h2":
            inside = False
        elif token.type == "inline" and tokens[tokens.index(token) - 1].type == "heading_open":
            inside = token.content.strip() == title
        elif inside and token.type == "fence":
            fences.append((token.info.strip() or "python", token.content))
    return fences


@pytest.mark.parametrize("registered", list(builtin_catalog()), ids=lambda r: r.rule.id)
def test_rule_page_example_is_detected_and_use_instead_is_clean(registered) -> None:
    rule_id = registered.rule.id
    examples = doc_section_fences(registered.rule.doc, "Example")
    assert examples, f"{rule_id}: the Example section has no code block"
    found = set()
    for language, code in examples:
        found |= {f.rule_id for f in AUDIT.scan(CodeBlock(code, language, Location("doc", 1))).findings}
    assert rule_id in found
    for language, code in doc_section_fences(registered.rule.doc, "Use instead"):
        report = DEFAULT.scan(CodeBlock(code, language, Location("doc", 1)))
        assert [f.rule_id for f in report.findings] == []
