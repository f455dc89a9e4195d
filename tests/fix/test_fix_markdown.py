"""MyST rewrites: each construct wrapped in its own syntax, the rest byte for byte; refusals say why."""

from __future__ import annotations

from pathlib import Path

import pytest
from fix_helpers import LEGACY, MOVING, NOTICE, choices_for, fixed

from docsec.core.config import Config
from docsec.fix import Choice, fix_text
from docsec.model import MarkerKind
from docsec.sources import extract


def test_a_notice_paragraph_moves_into_the_reason_with_its_markup(tmp_path: Path) -> None:
    text = f"# Guide\n\nIntro.\n\n{MOVING}\n\n```python\neval(data)\n```\n\nAfter.\n"
    assert fixed(tmp_path, "page.md", text) == (
        f"# Guide\n\nIntro.\n\n:::{{insecure-example}}\n:reason: {MOVING}\n\n```python\neval(data)\n```\n:::\n\n"
        "After.\n")


def test_a_notice_that_only_says_what_the_banner_says_leaves_no_reason(tmp_path: Path) -> None:
    """The banner reads "Insecure example: for demonstration only. Do not use in production or on any network."."""
    text = f"{NOTICE}\n\n```python\neval(data)\n```\n"
    assert fixed(tmp_path, "page.md", text) == ":::{insecure-example}\n\n```python\neval(data)\n```\n:::\n"
    both = f"Evaluating **input** is insecure practice. {NOTICE}"
    assert fixed(tmp_path, "both.md", f"{both}\n\n```python\neval(data)\n```\n") == (
        ":::{insecure-example}\n:reason: Evaluating **input** is insecure practice.\n\n```python\neval(data)\n```\n:::\n")


ALARMED = Config.from_mapping({"legacy_phrases": ["vulnerable", "avoid", "dangerous"]})


@pytest.mark.parametrize("notice", ["### Vulnerable code", "Avoid:", "**Highly dangerous example:**",
                                    "Vulnerable - classic insecure pattern"])
def test_a_notice_that_only_says_the_code_is_insecure_leaves_no_reason(tmp_path: Path, notice: str) -> None:
    """Under the banner, "Vulnerable code" says nothing more; a notice that says what goes wrong stays."""
    text = f"{notice}\n\n```python\neval(data)\n```\n"
    after = fixed(tmp_path, "page.md", text, ALARMED)
    assert after is not None and ":reason:" not in after and "{insecure-example}" in after
    said = "**Dangerous — shell injection possible:**\n\n```python\neval(data)\n```\n"
    assert ':reason: "**Dangerous — shell injection possible**"' in fixed(tmp_path, "said.md", said, ALARMED)


def test_a_trailing_colon_is_dropped_from_the_reason(tmp_path: Path) -> None:
    text = "Run the parser. This is insecure practice:\n\n```python\neval(data)\n```\n"
    assert fixed(tmp_path, "page.md", text) == (
        "Run the parser. This is insecure practice:\n\n:::{insecure-example}\n:reason: This is insecure practice\n\n"
        "```python\neval(data)\n```\n:::\n")
    text = "Insecure practice, `eval` on input:\n\n```python\neval(data)\n```\n"
    assert fixed(tmp_path, "moved.md", text) == (
        ":::{insecure-example}\n:reason: Insecure practice, `eval` on input\n\n```python\neval(data)\n```\n:::\n")
    text = "**Insecure practice — shell injection possible:**\n\n```python\neval(data)\n```\n"  # inside the bold
    assert fixed(tmp_path, "bold.md", text) == (
        ':::{insecure-example}\n:reason: "**Insecure practice — shell injection possible**"\n\n```python\neval(data)\n'
        "```\n:::\n")


def test_a_block_inside_a_danger_admonition_turns_the_admonition_into_the_wrapper(tmp_path: Path) -> None:
    text = "# Page\n\n:::{danger}\nNever open the folder to **every** user:\n\n```bash\nchmod -R 777 /srv\n```\n:::\n"
    assert fixed(tmp_path, "page.md", text) == (
        "# Page\n\n:::{insecure-example}\nNever open the folder to **every** user:\n\n```bash\nchmod -R 777 /srv\n```\n"
        ":::\n")
    titled = "::::{admonition} Security risk\n:class: danger tight\nCareful.\n\n```python\neval(data)\n```\n::::\n"
    assert fixed(tmp_path, "titled.md", titled) == (
        "::::{insecure-example} Security risk\n:class: tight\nCareful.\n\n```python\neval(data)\n```\n::::\n")
    two = ":::{danger}\n```python\neval(data)\n```\n\n```bash\ncurl -k https://x\n```\n:::\n"
    assert fixed(tmp_path, "two.md", two) == (
        ":::{insecure-example}\n```python\neval(data)\n```\n\n```bash\ncurl -k https://x\n```\n:::\n")


def test_a_longer_paragraph_stays_and_gives_its_sentence(tmp_path: Path) -> None:
    text = "Run the parser. This is insecure practice.\n\n~~~python\neval(data)\n~~~\n"
    assert fixed(tmp_path, "page.md", text) == (
        "Run the parser. This is insecure practice.\n\n:::{insecure-example}\n:reason: This is insecure practice.\n\n"
        "~~~python\neval(data)\n~~~\n:::\n")


def test_directives_in_backticks_and_colons(tmp_path: Path) -> None:
    text = ("Insecure practice ahead: two examples follow, do not copy them either way.\n\n"
            "```{code-block} python\n:caption: eval\neval(data)\n```\n\n"
            "Again, insecure practice.\n\n:::{code-block} python\neval(data)\n:::\n")
    assert fixed(tmp_path, "page.md", text) == (
        ":::{insecure-example}\n:reason: Insecure practice ahead: two examples follow, do not copy them either way.\n\n"
        "```{code-block} python\n:caption: eval\neval(data)\n```\n:::\n\n"
        "::::{insecure-example}\n:reason: Again, insecure practice.\n\n:::{code-block} python\neval(data)\n:::\n"
        "::::\n")


CLEAN = "```python\nprint('a clean block keeps the admonition')\n```\n"


def test_inside_a_colon_fenced_admonition_the_wrapper_uses_backticks(tmp_path: Path) -> None:
    """The admonition also holds a clean block, so it stays and the flagged block is wrapped inside it."""
    text = f":::{{danger}}\nCareful.\n\n```python\neval(data)\n```\n\n{CLEAN}:::\n"
    assert fixed(tmp_path, "page.md", text) == (
        f":::{{danger}}\nCareful.\n\n````{{insecure-example}}\n\n```python\neval(data)\n```\n````\n\n{CLEAN}:::\n")


def test_inside_a_backtick_admonition_the_wrapper_uses_colons(tmp_path: Path) -> None:
    text = "````{danger}\n:name: kept\nCareful.\n\n```python\neval(data)\n```\n````\n"  # :name: cannot carry over
    assert fixed(tmp_path, "page.md", text) == (
        "````{danger}\n:name: kept\nCareful.\n\n:::{insecure-example}\n\n```python\neval(data)\n```\n:::\n````\n")


def test_nested_lists_keep_their_indentation(tmp_path: Path) -> None:
    text = ("1. Step.\n\n   - Nested, and insecure practice:\n\n     ```bash\n     curl -k https://x\n     ```\n\n"
            "2. Next.\n")
    assert fixed(tmp_path, "page.md", text) == (
        "1. Step.\n\n   - Nested, and insecure practice:\n\n     :::{insecure-example}\n"
        "     :reason: Nested, and insecure practice\n\n     ```bash\n     curl -k https://x\n     ```\n     :::\n\n"
        "2. Next.\n")


def test_block_quotes_keep_their_prefix(tmp_path: Path) -> None:
    text = f"> {MOVING}\n>\n> ```python\n> eval(data)\n> ```\n"
    assert fixed(tmp_path, "page.md", text) == (
        f"> :::{{insecure-example}}\n> :reason: {MOVING}\n>\n> ```python\n> eval(data)\n> ```\n> :::\n")


def test_an_indented_code_block(tmp_path: Path) -> None:
    assert fixed(tmp_path, "page.md", "Insecure practice.\n\n    curl -k https://x\n") == (
        ":::{insecure-example}\n:reason: Insecure practice.\n\n    curl -k https://x\n:::\n")


def test_crlf_and_a_missing_final_newline_survive(tmp_path: Path) -> None:
    text = f"Title\r\n\r\n{MOVING}\r\n\r\n```python\r\neval(data)\r\n```"
    after = fixed(tmp_path, "page.md", text)
    assert after == f"Title\r\n\r\n:::{{insecure-example}}\r\n:reason: {MOVING}\r\n\r\n```python\r\neval(data)\r\n```\r\n:::"


def test_reasons_are_quoted_when_myst_would_misread_them(tmp_path: Path) -> None:
    text = 'Insecure practice #1: "quotes", a: colon.\n\n```python\neval(data)\n```\n'
    after = fixed(tmp_path, "page.md", text)
    assert ':reason: "Insecure practice #1: \\"quotes\\", a: colon."\n' in after
    path = tmp_path / "again.md"
    path.write_text(after, encoding="utf-8")
    [block] = extract(path, "again.md", Config()).blocks
    assert block.marker.reason == 'Insecure practice #1: "quotes", a: colon.'


@pytest.mark.parametrize(("options", "expected"), [
    ("", ":tags: [docsec-insecure]\n"),
    (":tags: [hide-output]\n", ":tags: [hide-output, docsec-insecure]\n"),
    ("---\ntags: [hide-output]\n---\n", "---\ntags: [hide-output, docsec-insecure]\n---\n"),
    ("---\nlinenos: true\n---\n", "---\ntags: [docsec-insecure]\nlinenos: true\n---\n"),
])
def test_text_notebook_code_cells_get_the_tag(tmp_path: Path, options: str, expected: str) -> None:
    front = "---\nkernelspec:\n  name: python3\n  display_name: Python 3\n  language: python\n---\n\n"
    text = f"{front}Insecure practice.\n\n```{{code-cell}} python\n{options}eval(data)\n```\n"
    assert fixed(tmp_path, "nb.md", text) == (
        f"{front}Insecure practice.\n\n```{{code-cell}} python\n{expected}eval(data)\n```\n")


def test_clean_blocks_and_other_text_are_never_touched(tmp_path: Path) -> None:
    text = f"{NOTICE}\n\n```python\nprint('hello')\n```\n"  # marked by the notice but nothing to flag
    assert fixed(tmp_path, "page.md", text) is None


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    text = f"{NOTICE}\n\n```python\neval(data)\n```\n\n:::{{danger}}\n```bash\ncurl -k https://x\n```\n:::\n"
    once = fixed(tmp_path, "page.md", text)
    assert once is not None
    assert fixed(tmp_path, "page2.md", once) is None


@pytest.mark.parametrize(("text", "why"), [
    (f"{NOTICE}\n\n```python\neval(data)\n", "fence is not closed"),
    ("- ```python\n  eval(data)\n  ```\n", "does not start its line"),
    ("```{literalinclude} snippet.py\n```\n", "cannot rewrite this kind of block"),
])
def test_what_cannot_be_rewritten_safely_is_refused_with_a_reason(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "page.md"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "snippet.py").write_text("eval(data)\n", encoding="utf-8")
    chosen = [Choice(block, "confirmed") for block in extract(path, "page.md", LEGACY).blocks]
    assert chosen
    result = fix_text(path, "page.md", text, chosen, LEGACY)
    assert result.after == text
    assert why in result.problem and result.problem.startswith("cannot fix page.md:")


def test_fixed_blocks_read_back_as_docsec_markers(tmp_path: Path) -> None:
    text = f"{MOVING}\n\n```python\neval(data)\n```\n"
    after = fixed(tmp_path, "page.md", text)
    path = tmp_path / "after.md"
    path.write_text(after, encoding="utf-8")
    [block] = extract(path, "after.md", Config()).blocks
    assert (block.marker.kind, block.marker.reason) == (MarkerKind.INSECURE, MOVING)


def lifted(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = fix_text(path, name, text, [], LEGACY, guidance=True)
    assert result.problem == "", result.problem
    return result.after


BOILERPLATE = ("The key words **\u201cMUST\u201d, \u201cMUST NOT\u201d, \u201cSHOULD\u201d,** and **\u201cMAY\u201d** in "
               "this document are to be interpreted as described in [RFC 2119](http://tools.ietf.org/html/rfc2119).")


def test_guidance_leaves_the_rfc_2119_boilerplate_alone(tmp_path: Path) -> None:
    text = f"# Guide\n\n{BOILERPLATE}\n\nYou **SHOULD NOT** introduce weaknesses.\n"
    assert lifted(tmp_path, "page.md", text) == (
        f"# Guide\n\n{BOILERPLATE}\n\n:::{{security}}\nYou **SHOULD NOT** introduce weaknesses.\n:::\n")


def test_guidance_lifts_a_requirement_with_the_list_it_introduces(tmp_path: Path) -> None:
    text = ("# Guide\n\nWeaknesses MUST be addressed by taking measures such as:\n\n1. Rewriting the code.\n"
            "2. Documenting the risk.\n\nWhen using external modules:\n- Every module **MUST** be checked.\n\nAfter.\n")
    assert lifted(tmp_path, "page.md", text) == (
        "# Guide\n\n:::{security}\nWeaknesses MUST be addressed by taking measures such as:\n\n1. Rewriting the code.\n"
        "2. Documenting the risk.\n:::\n\n:::{security}\nWhen using external modules:\n- Every module **MUST** be "
        "checked.\n:::\n\nAfter.\n")


def test_guidance_lifts_requirements_written_as_list_items(tmp_path: Path) -> None:
    text = ("## Things to do\n\n- **Input validation:**  \n  All input **MUST** be validated.\n\n+++\n\n"
            "- A plain item.\n- Secrets **MUST NOT** be hard-coded.\n  ```python\n  key = os.environ[\"KEY\"]\n  ```\n"
            "- Another plain item.\n")
    assert lifted(tmp_path, "page.md", text) == (
        "## Things to do\n\n:::{security}\n**Input validation:**  \nAll input **MUST** be validated.\n:::\n\n+++\n\n"
        "- A plain item.\n\n:::{security}\nSecrets **MUST NOT** be hard-coded.\n```python\nkey = os.environ[\"KEY\"]\n"
        "```\n:::\n\n- Another plain item.\n")
    path = tmp_path / "again.md"
    path.write_text(lifted(tmp_path, "page.md", text), encoding="utf-8")
    from docsec.core import rfc2119
    from docsec.fix.markdown import guidance_units
    units = [unit for unit in guidance_units(path.read_text(encoding="utf-8")) if rfc2119.level_of(unit.text)]
    assert units == []  # nothing is lifted twice
