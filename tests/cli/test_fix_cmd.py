"""``docsec check --fix`` / ``--diff`` / ``--mark`` / ``--interactive`` / ``--guidance`` from the command line."""

from __future__ import annotations

import io
import json
import textwrap
from pathlib import Path

import pytest

NOTICE = "This is for demonstration of insecure practice only! DO NOT use this code in production or on any network!"
LEGACY = textwrap.dedent("""\
    [tool.docsec]
    legacy_admonitions = ["danger"]
    legacy_phrases = ["insecure practice", "do not use this code"]
    """)
PAGE = textwrap.dedent(f"""\
    # Page

    {NOTICE}

    ```python
    eval(data)
    ```

    A tempting shortcut:

    ```bash
    curl -k https://example.com
    ```
    """)


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text(LEGACY, encoding="utf-8")
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_shows_the_rewrite_and_writes_nothing(site: Path, docsec) -> None:
    run = docsec("check", "--diff", ".")
    assert run.code == 1
    assert run.out.startswith("--- a/page.md\n+++ b/page.md\n")
    assert f"-{NOTICE}\n+:::{{insecure-example}}\n \n ```python\n" in run.out  # the banner says what it said
    assert "docsec: would mark 1 block as insecure examples in 1 file" in run.err
    assert (site / "page.md").read_text(encoding="utf-8") == PAGE


def test_fix_rewrites_then_checks_what_remains(site: Path, docsec) -> None:
    run = docsec("check", "--fix", ".")
    assert run.code == 1  # the curl block has no legacy marker: it still fails
    assert "page.md:13:1: DSS004" in run.out
    assert "docsec: marked 1 block as insecure examples in 1 file" in run.err
    text = (site / "page.md").read_text(encoding="utf-8")
    assert ":::{insecure-example}\n\n```python\neval(data)\n```\n:::\n" in text
    again = docsec("check", "--fix", ".")
    assert "docsec: nothing to rewrite" in again.err
    assert (site / "page.md").read_text(encoding="utf-8") == text


def test_mark_confirms_a_block_by_a_line_of_it(site: Path, docsec) -> None:
    run = docsec("check", "--fix", "--mark", "page.md:12", ".")
    assert run.code == 0
    assert "```bash\ncurl -k https://example.com\n```\n:::\n" in (site / "page.md").read_text(encoding="utf-8")
    (site / "pyproject.toml").write_text("", encoding="utf-8")
    assert docsec("check", ".").code == 0  # no legacy setting needed any more


@pytest.mark.parametrize(("mark", "message"), [
    ("page.md:3", "--mark page.md:3: no unmarked flagged block there"),
    ("page.md", "--mark 'page.md': write PATH:LINE"),
])
def test_a_mark_that_names_no_flagged_block_is_an_error(site: Path, docsec, mark: str, message: str) -> None:
    run = docsec("check", "--diff", "--mark", mark, ".")
    assert run.code == 2
    assert message in run.err


def test_interactive_asks_and_takes_the_reason(site: Path, docsec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y\nshows the shortcut to avoid\n"))
    run = docsec("check", "--fix", "--interactive", ".")
    assert "page.md:12: DSS004" in run.err and "Is this a deliberate insecure example?" in run.err
    assert run.code == 0
    assert ":::{insecure-example}\n:reason: shows the shortcut to avoid\n\n```bash\n" in (
        site / "page.md").read_text(encoding="utf-8")


def test_interactive_no_leaves_the_block(site: Path, docsec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    run = docsec("check", "--fix", "--interactive", ".")
    assert run.code == 1
    assert "A tempting shortcut:\n\n```bash\n" in (site / "page.md").read_text(encoding="utf-8")


MIXED = textwrap.dedent("""\
    # Page

    Never pass a string to the shell, this is insecure practice:

    ```python
    # Good
    subprocess.run(["rm", "-rf", path])

    # Bad
    subprocess.run("rm -rf " + path, shell=True)
    ```

    ```python
    # Bad
    subprocess.run("rm -rf " + path, shell=True)

    # Still bad, not better
    os.system("rm -rf " + path)
    ```
    """)


def test_a_block_holding_the_insecure_and_the_secure_version_is_left_for_the_author_to_split(
        site: Path, docsec) -> None:
    (site / "page.md").write_text(MIXED, encoding="utf-8")
    run = docsec("check", "--fix", "--mark", "page.md:15", ".")
    assert run.code == 2
    assert ("page.md:6: error: the block shows insecure code (line 10) and a secure version (line 6, 'Good'); "
            "split it into two blocks, so only the insecure one is marked, then run --fix again") in run.err
    text = (site / "page.md").read_text(encoding="utf-8")
    assert text.count("{insecure-example}") == 1  # the second block (both halves insecure) is wrapped
    assert "insecure practice:\n\n```python\n# Good" in text


def test_a_comment_that_only_says_the_code_is_insecure_is_not_copied_into_the_reason(site: Path, docsec) -> None:
    (site / "pyproject.toml").write_text('[tool.docsec]\nlegacy_comments = ["dangerous", "vulnerable"]\n',
                                         encoding="utf-8")
    (site / "page.md").write_text(
        "Intro.\n\n```python\neval(data)  # DANGEROUS: Never do this\n```\n\n"
        "```python\nexec(data)  # Vulnerable: runs whatever the form sent\n```\n", encoding="utf-8")
    run = docsec("check", "--fix", ".")
    assert run.code == 0, run.err
    assert (site / "page.md").read_text(encoding="utf-8") == (
        "Intro.\n\n:::{insecure-example}\n\n```python\neval(data)  # DANGEROUS: Never do this\n```\n:::\n\n"
        ":::{insecure-example}\n:reason: Vulnerable: runs whatever the form sent\n\n"
        "```python\nexec(data)  # Vulnerable: runs whatever the form sent\n```\n:::\n")


def test_rewrite_options_need_fix_or_diff(site: Path, docsec) -> None:
    run = docsec("check", "--mark", "page.md:12", ".")
    assert run.code == 2
    assert "go with --fix or --diff" in run.err


def test_guidance_lifts_requirement_paragraphs(tmp_path: Path, docsec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "guide.md").write_text(
        "# Guide\n\nThe server **MUST** listen on localhost.\n\nPlain prose.\n\n- Clients MUST verify.\n",
        encoding="utf-8")
    (tmp_path / "guide.rst").write_text(
        "Guide\n=====\n\nTokens SHOULD expire\nafter a day.\n\nPlain prose.\n", encoding="utf-8")
    run = docsec("check", "--fix", "--guidance", ".")
    assert run.code == 0
    assert "lifted 3 requirements into security directives in 2 files" in run.err
    assert (tmp_path / "guide.md").read_text(encoding="utf-8") == (
        "# Guide\n\n:::{security}\nThe server **MUST** listen on localhost.\n:::\n\nPlain prose.\n\n"
        ":::{security}\nClients MUST verify.\n:::\n")
    assert (tmp_path / "guide.rst").read_text(encoding="utf-8") == (
        "Guide\n=====\n\n.. security::\n\n   Tokens SHOULD expire\n   after a day.\n\nPlain prose.\n")
    assert "nothing to rewrite" in docsec("check", "--fix", "--guidance", ".").err


def test_a_notebook_gets_cell_tags_and_keeps_its_layout(tmp_path: Path, docsec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(LEGACY, encoding="utf-8")
    cells = [
        {"cell_type": "markdown", "id": "a", "metadata": {}, "source": [f"{NOTICE}"]},
        {"cell_type": "code", "execution_count": None, "id": "b", "metadata": {"collapsed": True}, "outputs": [],
         "source": ["eval(data)"]},
        {"cell_type": "markdown", "id": "c", "metadata": {}, "source": ["Insecure practice:\n", "\n",
                                                                     "```python\n", "eval(data)\n", "```\n"]},
    ]
    notebook = {"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    text = json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    (tmp_path / "nb.ipynb").write_text(text, encoding="utf-8")
    run = docsec("check", "--fix", ".")
    assert run.code == 0, run.out + run.err
    after = (tmp_path / "nb.ipynb").read_text(encoding="utf-8")
    cells[1]["metadata"]["tags"] = ["docsec-insecure"]
    cells[2]["source"] = [":::{insecure-example}\n", ":reason: Insecure practice\n", "\n", "```python\n",
                          "eval(data)\n", "```\n", ":::\n"]
    assert after == json.dumps(notebook, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def test_a_notebook_in_another_layout_is_refused(tmp_path: Path, docsec, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text(LEGACY, encoding="utf-8")
    notebook = {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
        {"cell_type": "markdown", "metadata": {}, "source": NOTICE},
        {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None, "source": "eval(data)"}]}
    text = json.dumps(notebook, separators=(",", ":"))
    (tmp_path / "nb.ipynb").write_text(text, encoding="utf-8")
    run = docsec("check", "--fix", ".")
    assert run.code == 2
    assert "nb.ipynb:1: error: cannot fix nb.ipynb: writing its JSON back would reformat the whole file" in run.err
    assert (tmp_path / "nb.ipynb").read_text(encoding="utf-8") == text


def test_a_byte_order_mark_survives(site: Path, docsec) -> None:
    (site / "page.md").write_bytes(b"\xef\xbb\xbf" + PAGE.encode("utf-8"))
    assert docsec("check", "--fix", ".").code == 1
    data = (site / "page.md").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# Page\n\n:::{insecure-example}\n")


def test_every_check_option_is_documented() -> None:
    from docsec.cli.main import build_parser

    parser = build_parser()
    check = parser._subparsers._group_actions[0].choices["check"]  # type: ignore[union-attr]
    documented = (Path(__file__).parents[2] / "docs" / "cli.md").read_text(encoding="utf-8")
    options = [option for action in check._actions for option in action.option_strings if option.startswith("--")]
    assert "--fix" in options and "--guidance" in options
    missing = [option for option in options if option not in ("--help",) and f"`{option}" not in documented]
    assert missing == []
