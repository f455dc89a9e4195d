"""Without the docsec[languages] extra, a block of these languages is reported, never passed in silence."""

from __future__ import annotations

import importlib.util

import pytest

from docsec.core.engine import Engine
from docsec.languages import treesitter
from docsec.model import CodeBlock, Location

JS = "const cp = require('child_process');\ncp.exec('ls ' + dir);\nconst aws = 'AKIA1CS1H9LPFDRN2KPM';\n"


@pytest.fixture
def clear_caches():
    treesitter.grammar_available.cache_clear()
    treesitter.load_language.cache_clear()
    yield
    treesitter.grammar_available.cache_clear()
    treesitter.load_language.cache_clear()


def scan(text: str, label: str):
    return Engine().scan(CodeBlock(text, label, Location("page.md", 10)))


OTHERS = {"sql": "GRANT ALL ON ALL TABLES IN SCHEMA public TO PUBLIC;", "java": 'Runtime.getRuntime().exec("ls " + d);',
          "cs": 'Process.Start("cmd.exe", "/c dir " + path);', "php": 'system("ls " . $_GET["d"]);',
          "go": 'exec.Command("sh", "-c", "ls "+dir)', "ruby": 'system("ls #{dir}")',
          "rust": 'Command::new("sh").arg("-c").arg(format!("ls {}", d)).status()?;',
          "tf": 'resource "aws_s3_bucket_acl" "b" {\n  acl = "public-read"\n}\n',
          "ps1": '$p = ConvertTo-SecureString "Wint3r-2024!" -AsPlainText -Force',
          "nginx": "autoindex on;", "apacheconf": "Options +Indexes"}


@pytest.mark.parametrize("label, grammar", [
    ("js", "tree_sitter_javascript"), ("ts", "tree_sitter_typescript"), ("sql", "tree_sitter_sql"),
    ("java", "tree_sitter_java"), ("cs", "tree_sitter_c_sharp"), ("php", "tree_sitter_php"), ("go", "tree_sitter_go"),
    ("ruby", "tree_sitter_ruby"), ("rust", "tree_sitter_rust"), ("tf", "tree_sitter_hcl"),
    ("ps1", "tree_sitter_powershell"), ("nginx", "crossplane"), ("apacheconf", "apacheconfig"),
])
def test_missing_grammar_gives_a_not_analysed_note(monkeypatch, clear_caches, label: str, grammar: str) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == grammar else real(name, *a))
    report = scan(OTHERS.get(label, JS), label)
    assert not report.analysed
    (diagnostic,) = report.diagnostics
    assert diagnostic.code == "not-analysed" and diagnostic.line == 10
    assert ("grammar is not installed; install docsec[languages]" in diagnostic.message or
            "reader (" in diagnostic.message and ") is not installed; install docsec[languages]" in diagnostic.message)
    assert diagnostic.message.startswith(f"{label} block not analysed: ")


def test_missing_grammar_still_runs_the_language_independent_rules(monkeypatch, clear_caches) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "tree_sitter_javascript" else real(name, *a))
    report = scan(JS, "javascript")
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSC002", 12)]


def test_grammar_that_fails_to_load_gives_the_reason(monkeypatch, clear_caches) -> None:
    pytest.importorskip("tree_sitter_javascript")
    monkeypatch.setitem(treesitter.GRAMMARS, "javascript", ("tree_sitter_javascript", "no_such_language"))
    report = scan(JS, "js")
    assert not report.analysed
    (diagnostic,) = report.diagnostics
    assert "the JavaScript grammar could not be loaded (AttributeError" in diagnostic.message
    assert "reinstall docsec[languages]" in diagnostic.message


def test_no_grammar_is_imported_for_a_block_no_rule_of_its_language_can_fire_on(clear_caches) -> None:
    pytest.importorskip("tree_sitter_javascript")
    report = scan("console.log('hello');\n", "js")
    assert report.analysed and report.findings == []
    assert treesitter.load_language.cache_info().currsize == 0


def test_scanning_python_and_shell_imports_no_tree_sitter() -> None:
    """The grammars cost a run nothing until a block of their language reaches one of their rules."""
    import subprocess
    import sys

    code = ("import sys\nfrom docsec.core.engine import Engine\nfrom docsec.model import CodeBlock, Location\n"
            "engine = Engine()\n"
            "for text, label in [('import pickle\\npickle.loads(x)\\n', 'python'), ('curl x | sh\\n', 'bash'),\n"
            "                    ('console.log(1);\\n', 'js')]:\n"
            "    engine.scan(CodeBlock(text, label, Location('p.md', 1)))\n"
            "print(sorted(name for name in sys.modules if name.startswith('tree_sitter')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_powershell_block_without_its_grammar_keeps_its_shell_findings(monkeypatch, clear_caches) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "tree_sitter_powershell" else real(name, *a))
    report = scan("iwr https://example.com/i.ps1 | iex\n", "powershell")
    assert [(f.rule_id, f.line) for f in report.findings] == [("DSS001", 10)]
    (diagnostic,) = report.diagnostics
    # the shell view ran (DSS001); what only PowerShell's own rules read could hide a finding: fail closed
    assert (diagnostic.code, diagnostic.severity.name) == ("not-analysed", "HIGH")
    assert "the PowerShell grammar is not installed" in diagnostic.message
    assert "it holds what DSM001 looks for" in diagnostic.message
    quiet = scan("Get-ChildItem -Path C:\\logs\n", "powershell")
    (note,) = quiet.diagnostics  # nothing a PowerShell rule looks for: a note
    assert (note.code, note.severity.name) == ("not-analysed", "INFO")
    assert note.message.endswith("only the shell and language-independent rules ran")
