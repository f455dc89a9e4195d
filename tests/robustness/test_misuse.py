"""Clear errors for misuse: one message, where it is, and what to write instead.

Each mistake below is made once in a Sphinx project and once in a tree that
``docsec check`` reads.  The Sphinx build must complete (no traceback, the
page written) with exactly one docsec message naming the file and line (or
the configuration file) and the fix; ``docsec check`` must report a
configuration mistake as one ``docsec: error:`` line with exit code 2, and
never crash on a directive mistake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import pytest

from docsec.cli.main import main as docsec_main

CONF = """\
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
"""
ANSI = re.compile(r"\x1b\[[0-9;]*m")
SERVER = "HTTPServer(('0.0.0.0', 8000), H)"


@dataclass(frozen=True)
class Mistake:
    files: dict[str, str]  # besides conf.py
    where: str  # what the message starts with (file:line)
    says: tuple[str, ...]  # what the message must contain (the problem and the fix)
    conf: str = CONF
    check_says: tuple[str, ...] = ()  # what `docsec check` says (configuration mistakes)


PAGE = "# Page\n\nText.\n"
DIRECTIVE_MISTAKES = {
    "level-not-a-level": Mistake(
        {"index.rst": "Page\n====\n\n.. security:: Bind locally\n   :level: urgent\n\n   Servers MUST bind to "
                      "127.0.0.1.\n"},
        "index.rst:4:", (":level: unknown level 'urgent'", "use one of: may, should, should-not, must, must-not")),
    "no-level-at-all": Mistake(
        {"index.md": "# Page\n\n:::{security} Bind locally\nServers bind to 127.0.0.1.\n:::\n"},
        "index.md:3:", ("no :level: and no RFC 2119 keyword", "add :level: or write the requirement with a keyword")),
    "requirements-levels": Mistake(
        {"index.md": "# Page\n\n```{security-requirements}\n:levels: must, urgent\n```\n"},
        "index.md:3:", ("security-requirements: :levels: unknown level 'urgent'", "use one of")),
    "insecure-example-without-code": Mistake(
        {"index.md": "# Page\n\n:::{insecure-example}\n:reason: binds to every interface\nOnly prose.\n:::\n"},
        "index.md:3:", ("insecure-example contains no code block", "put the insecure code inside it")),
    "nested-markers": Mistake(
        {"index.md": f"# Page\n\n::::{{insecure-example}}\n\n:::{{secure-example}}\n```python\n{SERVER}\n```\n"
                     ":::\n::::\n"},
        "index.md:5:", ("inside another insecure-example", "do not nest docsec example directives")),
    "suppression-without-reason": Mistake(
        {"index.md": f"# Page\n\n```python\n{SERVER}  # docsec: ignore[DSP014]\n```\n"},
        "index.md:4:", ("DSX001 `docsec: ignore` needs a reason after `--`", "# docsec: ignore[DSP003] -- ")),
}
CONFIG_MISTAKES = {
    "unknown-rule-in-conf-py": Mistake(
        {"index.md": PAGE}, "conf.py:4:",
        ("docsec_ignore names no rule: 'DSP999'", "did you mean", "write rule ids or prefixes that `docsec rules` "
         "lists"), conf=CONF + 'docsec_ignore = ["DSP999"]\n',
        check_says=("pyproject.toml: ignore: unknown rule id or prefix 'DSP999'", "did you mean",
                    "run `docsec rules` to list them")),
    "unknown-rule-in-pyproject": Mistake(
        {"index.md": PAGE, "pyproject.toml": '[tool.docsec]\nselect = ["DSP014", "DSZ"]\n'}, "pyproject.toml:2:",
        ("[tool.docsec] select names no rule: 'DSZ'", "write rule ids or prefixes"),
        check_says=("pyproject.toml: select: unknown rule id or prefix 'DSZ'", "run `docsec rules`")),
    "pyproject-not-toml": Mistake(
        {"index.md": PAGE, "pyproject.toml": '[tool.docsec\nignore = ["DSP014"]\n'}, "",
        ("pyproject.toml: not valid TOML (", "at line 1, column 13", "fix the syntax there")),
    "docsec-not-a-table": Mistake(
        {"index.md": PAGE, "pyproject.toml": "[tool]\ndocsec = 3\n"}, "",
        ("pyproject.toml: tool.docsec = 3 is invalid: expected a table, e.g. [tool.docsec] on its own line",)),
    "tool-not-a-table": Mistake(
        {"index.md": PAGE, "pyproject.toml": 'tool = "docsec"\n'}, "",
        ("pyproject.toml: tool = 'docsec' is invalid: expected a table",)),
    "wrong-type": Mistake(
        {"index.md": PAGE, "pyproject.toml": "[tool.docsec]\nignore = 3\n"}, "",
        ("[tool.docsec] ignore = 3 is invalid: expected a list of strings", "pyproject.toml"),
        check_says=("pyproject.toml: ignore = 3 is invalid: expected a list of strings",)),
}


@pytest.fixture
def sphinx_build(make_app: Callable[..., Any], tmp_path: Path) -> Callable[[Mistake], tuple[Any, str]]:
    def run(mistake: Mistake) -> tuple[Any, str]:
        srcdir = tmp_path / "src"
        srcdir.mkdir()
        (srcdir / "conf.py").write_text(mistake.conf, encoding="utf-8")
        for name, text in mistake.files.items():
            (srcdir / name).write_text(text, encoding="utf-8")
        app = make_app("html", srcdir=srcdir)
        app.build()
        return app, ANSI.sub("", app.warning.getvalue())
    return run


def docsec_lines(warnings: str) -> list[str]:
    """docsec's messages about the mistake: not the findings in the code, nor the closing summary."""
    return [line for line in warnings.splitlines()
            if "[docsec." in line and "[docsec.summary]" not in line and "[docsec.DSP" not in line]


@pytest.mark.parametrize("name", sorted({**DIRECTIVE_MISTAKES, **CONFIG_MISTAKES}))
def test_sphinx_reports_one_message_and_completes(sphinx_build, name: str) -> None:
    mistake = {**DIRECTIVE_MISTAKES, **CONFIG_MISTAKES}[name]
    app, warnings = sphinx_build(mistake)
    [message] = docsec_lines(warnings)
    if mistake.where:  # "/abs/path/index.rst:4: WARNING: ..."
        assert re.match(rf"\S*/{re.escape(mistake.where)} (WARNING|ERROR): ", message), message
    else:  # the configuration file is named in the message
        assert "pyproject.toml" in message, message
    for part in mistake.says:
        assert part in message, message
    assert "Traceback" not in warnings and "Exception" not in warnings
    assert (Path(app.outdir) / "index.html").is_file()
    assert app.statuscode in (0, 1)


@pytest.fixture
def check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    def run(mistake: Mistake) -> tuple[int, str, str]:
        for name, text in mistake.files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        monkeypatch.chdir(tmp_path)
        capsys.readouterr()
        code = docsec_main(["check", "."])
        captured = capsys.readouterr()
        return code, captured.out, captured.err
    return run


@pytest.mark.parametrize("name", sorted(CONFIG_MISTAKES))
def test_check_reports_a_config_mistake_as_one_error_line(check, name: str) -> None:
    mistake = CONFIG_MISTAKES[name]
    if name == "unknown-rule-in-conf-py":  # conf.py is Sphinx's; the same mistake in [tool.docsec]:
        mistake = Mistake({"index.md": PAGE, "pyproject.toml": '[tool.docsec]\nignore = ["DSP999"]\n'}, "", ())
    code, out, err = check(mistake)
    assert code == 2
    assert out == ""
    [line] = err.splitlines()
    assert line.startswith("docsec: error: ")
    for part in CONFIG_MISTAKES[name].check_says or mistake.says:
        assert part in line, line


@pytest.mark.parametrize("name", sorted(DIRECTIVE_MISTAKES))
def test_check_never_crashes_on_a_directive_mistake(check, name: str) -> None:
    code, out, err = check(DIRECTIVE_MISTAKES[name])
    assert "Traceback" not in out + err
    if name == "suppression-without-reason":
        assert code == 1
        assert "index.md:4:1: DSX001 [medium] `docsec: ignore` needs a reason after `--`" in out
        assert "index.md:4:1: DSP014" in out  # a suppression without a reason suppresses nothing
    else:
        assert code in (0, 1) and err == ""


def test_declared_rules_can_be_selected_and_ignored_by_id(check) -> None:
    rules = ('[[tool.docsec.custom_rules]]\nid = "ACME001"\ntitle = "ACME client with TLS checks off"\n'
             'call = "acme.client.connect"\nmessage = "skips certificate checks"\n')
    page = "# Page\n\n```python\nacme.client.connect(h)\n```\n"
    code, out, _ = check(Mistake({"page.md": page, "pyproject.toml": '[tool.docsec]\nselect = ["ACME"]\n\n' + rules},
                                 "", ()))
    assert code == 1 and "page.md:4:1: ACME001" in out
    code, out, err = check(Mistake({"pyproject.toml": '[tool.docsec]\nignore = ["ACME001"]\n\n' + rules}, "", ()))
    assert code == 0, err
    assert docsec_main(["check", "--ignore", "acme001", "."]) == 0
