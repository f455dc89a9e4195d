"""End to end: real ``myst build --site`` runs with docsec.mjs, offline.

Each test writes a tiny project, builds it and asserts on the exit code, the
``file:line`` and rule id that myst prints, or the page AST myst writes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from myst_projects import build, notebook, page_ast, write_project

pytestmark = pytest.mark.slow

SERVER = """\
from http.server import HTTPServer, SimpleHTTPRequestHandler
HTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler)
"""


def output(result) -> str:
    return result.stdout + result.stderr


def line_of(project: Path, page: str, needle: str, occurrence: int = 1) -> int:
    numbers = [n for n, line in enumerate((project / page).read_text().splitlines(), 1) if needle in line]
    return numbers[occurrence - 1]


def findings(result) -> list[tuple[str, str]]:
    """(``file:line`` or ``file``, rule id) of every docsec error myst printed."""
    return re.findall(r"⛔️ (\S+) docsec (DS[A-Z]\d{3})", output(result))


def test_unmarked_fence_fails_strict_with_file_and_line(tmp_path, myst_bin):
    project = write_project(tmp_path, {"index.md": f"# Page\n\nText.\n\n```python\n{SERVER}```\n"})
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0, output(result)
    assert findings(result) == [(f"index.md:{line_of(project, 'index.md', 'HTTPServer((')}", "DSP014")]
    assert "index.md:7 docsec DSP014 bind-all-interfaces" in output(result)


BROKEN_LINK = "See [the upstream guide](https://docs.invalid/no-such-page) for more.\n"


def test_without_strict_an_unmarked_example_fails_the_build_and_a_broken_link_does_not(tmp_path, myst_bin):
    """The gate is docsec's own: `myst build` fails on an unmarked example alone. A site with external links
    cannot use --strict as its docs gate (it also checks links, here one that never resolves offline)."""
    project = write_project(tmp_path, {"index.md": f"# Page\n\n{BROKEN_LINK}\n```python\n{SERVER}```\n"})
    result = build(myst_bin, project)
    assert result.returncode == 1, output(result)
    assert findings(result) == [(f"index.md:{line_of(project, 'index.md', 'HTTPServer((')}", "DSP014")]
    assert "docsec: 1 problem above (unmarked insecure examples, or code docsec could not scan): the build fails" \
        in output(result)

    marked = f"# Page\n\n{BROKEN_LINK}\n:::{{insecure-example}}\n:reason: shows the risk\n\n```python\n{SERVER}```\n:::\n"
    (project / "index.md").write_text(marked, encoding="utf-8")
    result = build(myst_bin, project)
    assert result.returncode == 0, output(result)
    assert "docsec" not in result.stderr
    strict = build(myst_bin, project, "--strict")
    assert strict.returncode != 0 and "docs.invalid" in output(strict)  # what --strict adds: the link


def test_fail_on_never_reports_without_failing(tmp_path, myst_bin):
    project = write_project(tmp_path, {"index.md": f"# Page\n\n```python\n{SERVER}```\n"},
                            pyproject='[tool.docsec]\nfail_on = "never"\n')
    result = build(myst_bin, project)
    assert result.returncode == 0, output(result)
    assert "DSP014" in output(result)


@pytest.mark.parametrize("page", [
    f"# Page\n\n:::{{insecure-example}}\n:reason: shows the risk\n\n```python\n{SERVER}```\n:::\n",
    f"# Page\n\n```{{code-block}} python\n:class: docsec-insecure\n\n{SERVER}```\n",
    f"# Page\n\n```{{code}} python\n:class: docsec-insecure\n:caption: A server\n\n{SERVER}```\n",
    f"# Page\n\n::::{{insecure-example}}\n:reason: nested directive\n\n```{{code-block}} python\n{SERVER}```\n::::\n",
    f"# Page\n\n```python\n{SERVER.rstrip()}  # docsec: ignore[DSP014] -- a local demo\n```\n",
], ids=["insecure-example", "code-block-class", "code-caption-class", "nested-code-block", "inline-suppression"])
def test_marked_examples_pass_strict(tmp_path, myst_bin, page):
    project = write_project(tmp_path, {"index.md": page})
    result = build(myst_bin, project, "--strict")
    assert result.returncode == 0, output(result)
    assert findings(result) == []


def test_directive_code_gets_its_exact_line(tmp_path, myst_bin):
    page = f"# Page\n\nIntro.\n\n```{{code-block}} python\n:linenos:\n\n{SERVER}```\n\n```{{code-cell}} python\nimport pickle\npickle.loads(blob)\n```\n"
    project = write_project(tmp_path, {"index.md": page})
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0
    assert findings(result) == [
        (f"index.md:{line_of(project, 'index.md', 'HTTPServer((')}", "DSP014"),
        (f"index.md:{line_of(project, 'index.md', 'pickle.loads')}", "DSP005"),
    ]


def test_secure_example_overrides_a_marker(tmp_path, myst_bin):
    page = f"# Page\n\n::::{{secure-example}}\n```{{code-block}} python\n:class: docsec-insecure\n\n{SERVER}```\n::::\n"
    project = write_project(tmp_path, {"index.md": page})
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0
    assert [rule for _, rule in findings(result)] == ["DSP014"]
    box = find(page_ast(project, "index"), lambda n: n.get("type") == "admonition")
    assert box["class"] == "docsec-secure-example"


def find(node: dict, test, found=None) -> dict:
    found = [] if found is None else found
    if test(node):
        found.append(node)
    for child in node.get("children", []):
        find(child, test, found)
    return found[0] if found else {}


def find_all(node: dict, test) -> list[dict]:
    out = [node] if test(node) else []
    for child in node.get("children", []):
        out += find_all(child, test)
    return out


def texts(node: dict) -> str:
    return node.get("value", "") + "".join(texts(c) for c in node.get("children", []))


def test_security_directive_renders_an_admonition_with_level_classes(tmp_path, myst_bin):
    page = """\
    # Page

    :::{security} Bind to localhost
    :level: MUST
    :id: bind-localhost
    :tags: network

    Servers MUST NOT listen on 0.0.0.0. You SHOULD use 127.0.0.1.
    :::

    :::{security}
    TLS verification MAY be disabled in tests only, and it is NOT RECOMMENDED.
    :::

    See [the rule](#bind-localhost).
    """
    project = write_project(tmp_path, {"index.md": page})
    result = build(myst_bin, project, "--strict")
    assert result.returncode == 0, output(result)
    ast = page_ast(project, "index")
    first, second = find_all(ast, lambda n: n.get("type") == "admonition")
    assert first["class"] == "docsec-security docsec-must docsec-tag-network"
    assert first["kind"] == "danger"
    assert (first["label"], first["identifier"]) == ("bind-localhost", "bind-localhost")
    assert texts(first["children"][0]) == "MUST: Bind to localhost"
    keywords = find_all(first, lambda n: n.get("type") == "strong" and "docsec-kw" in n.get("class", ""))
    assert [(texts(k), k["class"]) for k in keywords] == [
        ("MUST NOT", "docsec-kw docsec-kw-must-not"), ("SHOULD", "docsec-kw docsec-kw-should")]
    # inferred: NOT RECOMMENDED (should-not) outranks MAY
    assert second["class"] == "docsec-security docsec-should-not"
    assert second["kind"] == "warning"
    assert texts(second["children"][0]) == "SHOULD NOT"
    reference = find(ast, lambda n: n.get("type") == "crossReference")
    assert reference.get("identifier") == "bind-localhost"


def test_insecure_example_shows_banner_and_reason_and_marks_code(tmp_path, myst_bin):
    page = f"# Page\n\n:::{{insecure-example}}\n:reason: shows the risk\n\n```python\n{SERVER}```\n:::\n"
    project = write_project(tmp_path, {"index.md": page}, pyproject='[tool.docsec]\ninsecure_banner = "Never do this."\n')
    assert build(myst_bin, project, "--strict").returncode == 0
    box = find(page_ast(project, "index"), lambda n: n.get("type") == "admonition")
    assert (box["kind"], box["class"]) == ("danger", "docsec-insecure-example")
    paragraphs = [texts(c) for c in box["children"] if c["type"] == "paragraph"]
    assert paragraphs == ["Never do this.", "Why it is shown: shows the risk"]
    code = find(box, lambda n: n.get("type") == "code")
    assert code["class"] == "docsec-insecure"


def test_the_reason_is_read_as_inline_myst(tmp_path, myst_bin):
    """A notice --fix moved into :reason: keeps its code and bold, in mystmd as in Sphinx."""
    page = (f"# Page\n\n:::{{insecure-example}}\n:reason: `HTTPServer` binds to **every** interface\n\n"
            f"```python\n{SERVER}```\n:::\n")
    project = write_project(tmp_path, {"index.md": page})
    assert build(myst_bin, project, "--strict").returncode == 0
    box = find(page_ast(project, "index"), lambda n: n.get("type") == "admonition")
    [reason] = [c for c in box["children"] if c["type"] == "paragraph" and c.get("class") == "docsec-reason"]
    assert [(c["type"], texts(c)) for c in reason["children"]] == [
        ("emphasis", "Why it is shown: "), ("inlineCode", "HTTPServer"), ("text", " binds to "),
        ("strong", "every"), ("text", " interface")]


def test_notebook_code_cell_is_reported_with_its_cell(tmp_path, myst_bin):
    nb = notebook([
        ("markdown", "# Notebook\n\nSome text."),
        ("code", "import subprocess\nsubprocess.run(cmd, shell=True)"),
        ("code", "!pip install --trusted-host example.org example-package"),
        ("code", "import pickle\npickle.loads(blob)"),
    ], tags={3: ["docsec-insecure"]})
    project = write_project(tmp_path, {"index.md": "# Home\n", "nb.ipynb": nb})
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0
    text = output(result)
    assert "⛔️ nb.ipynb docsec DSP001 subprocess-shell-true (cell 2, line 2)" in text
    assert not re.search(r"nb\.ipynb.*DSP005", text)  # cell 4 is tagged docsec-insecure
    assert all(where == "nb.ipynb" for where, _ in findings(result))


def test_fails_closed_when_python_has_no_docsec(tmp_path, myst_bin):
    project = write_project(tmp_path, {"index.md": f"# Page\n\n```python\n{SERVER}```\n"})
    result = build(myst_bin, project, "--strict", python=str(tmp_path / "no-such-python"))
    assert result.returncode != 0
    assert "⛔️ index.md docsec: could not run" in output(result)


def test_per_page_spawn_fallback_gives_the_same_findings(tmp_path, myst_bin):
    pages = {f"p{n}.md": f"# P{n}\n\n```python\n{SERVER}```\n" for n in range(3)}
    project = write_project(tmp_path, pages)
    served = build(myst_bin, project, "--strict")
    spawned = build(myst_bin, project, "--strict", env={"DOCSEC_MYST_SERVER": "0"})
    expected = [(f"p{n}.md:5", "DSP014") for n in range(3)]
    assert sorted(findings(served)) == expected, output(served)
    assert sorted(findings(spawned)) == expected, output(spawned)


def test_fail_on_never_reports_warnings_only(tmp_path, myst_bin):
    project = write_project(tmp_path, {"index.md": f"# Page\n\n```python\n{SERVER}```\n"},
                            pyproject='[tool.docsec]\nfail_on = "never"\n')
    result = build(myst_bin, project, "--strict")
    assert result.returncode == 0, output(result)
    assert "⚠️  index.md:5 docsec DSP014" in output(result)


def test_bad_configuration_fails_every_page(tmp_path, myst_bin):
    project = write_project(tmp_path, {"index.md": "# Page\n\n```python\nx = 1\n```\n"},
                            pyproject='[tool.docsec]\nfail_on = "sometimes"\n')
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0
    assert "fail_on = 'sometimes' is invalid" in output(result)


def test_build_without_plugin_ignores_insecure_code(tmp_path, myst_bin):
    """The control: the failure above comes from docsec, not from myst."""
    project = write_project(tmp_path, {"index.md": f"# Page\n\n```python\n{SERVER}```\n"}, plugin=False)
    assert build(myst_bin, project, "--strict", python=sys.executable).returncode == 0


def test_included_code_is_reported_in_the_included_file(tmp_path, myst_bin):
    pages = {
        "index.md": "# Page\n\n```{include} parts/server.md\n```\n\n```{literalinclude} snippets/load.py\n```\n",
        "parts/server.md": f"Intro.\n\n```python\n{SERVER}```\n",
        "snippets/load.py": "import pickle\n\n\npickle.loads(blob)\n",
    }
    project = write_project(tmp_path, pages)
    (project / "myst.yml").write_text((project / "myst.yml").read_text().replace(
        "  plugins:", "  toc:\n    - file: index.md\n  plugins:"))
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0
    text = output(result)
    assert "⛔️ index.md docsec DSP014 bind-all-interfaces (in parts/server.md:5)" in text
    assert "⛔️ index.md docsec DSP005 pickle-load (in snippets/load.py:4)" in text


def test_a_docsec_package_inside_the_docs_is_never_imported(tmp_path, myst_bin):
    """The scanner runs in the project folder, but without it on sys.path."""
    canary = tmp_path / "imported"
    pages = {"index.md": f"# Page\n\n```python\n{SERVER}```\n",
             "docsec/__init__.py": f"open({str(canary)!r}, 'w').close()\n"}
    project = write_project(tmp_path, pages)
    for env in ({}, {"DOCSEC_MYST_SERVER": "0"}):
        result = build(myst_bin, project, "--strict", env=env)
        assert findings(result) == [("index.md:5", "DSP014")], output(result)
    assert not canary.exists()


def test_a_python_without_docsec_is_named_in_the_error(tmp_path, myst_bin):
    bare = tmp_path / "bare-python"
    bare.write_text(f"#!/bin/sh\nexec {sys.executable} -S \"$@\"\n")  # -S: no site-packages, so no docsec
    bare.chmod(0o755)
    project = write_project(tmp_path, {"index.md": f"# Page\n\n```python\n{SERVER}```\n"})
    result = build(myst_bin, project, "--strict", python=str(bare))
    assert result.returncode != 0
    assert f"{bare} cannot import docsec; set DOCSEC_PYTHON" in output(result)


def test_the_build_log_shows_a_pages_escape_sequences_escaped(tmp_path, myst_bin):
    escape = "\x1b]8;;https://evil.example\x07click\x1b[2J"
    page = f"# Page\n\n```ini\n[global]\ntrusted-host = pypi.example.org{escape}\n```\n"
    project = write_project(tmp_path, {"index.md": page})
    result = build(myst_bin, project)
    log = output(result)
    assert "DSS005" in log and "\\x1b]8;;https://evil.example\\x07" in log, log
    assert "\x07" not in log and "\x1b]8;;" not in log and "\x1b[2J" not in log, repr(log)


def test_code_that_cannot_be_analysed_fails_strict(tmp_path, myst_bin):
    page = "# Page\n\n```python\nimport requests\nrequests.get(url verify=False)\n```\n"
    project = write_project(tmp_path, {"index.md": page})
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0, output(result)
    assert "⛔️ index.md:5 docsec not-analysed: `requests.get(url verify=False)` does not parse" in output(result)
    project = write_project(tmp_path / "warn", {"index.md": page}, pyproject='[tool.docsec]\nnot_analysed = "warn"\n')
    result = build(myst_bin, project, "--strict")
    assert result.returncode == 0, output(result)
    assert "⚠️  index.md:5 docsec not-analysed" in output(result)


def test_look_alike_labels_and_text_kernels_are_read_as_the_code_they_hold(tmp_path, myst_bin):
    nb = notebook([("code", "import yaml\nconfig = yaml.load(stream)\n")])
    nb["metadata"] = {"kernelspec": {"name": "text", "language": "text", "display_name": "Text"},
                      "language_info": {"name": "text", "pygments_lexer": "text"}}
    page = "# Page\n\n```pyth\u043en\nimport pickle\npickle.loads(blob)\n```\n"
    project = write_project(tmp_path, {"index.md": page, "nb.ipynb": nb})
    result = build(myst_bin, project, "--strict")
    assert result.returncode != 0
    assert sorted(findings(result)) == [("index.md:5", "DSP005"), ("nb.ipynb", "DSP008")], output(result)
    assert "index.md:4 docsec label-look-alike" in output(result)


def test_class_marked_code_gets_a_badge_and_suppressions_are_hidden(tmp_path, myst_bin):
    page = (f"# Page\n\n```{{code-block}} python\n:class: docsec-insecure\n\n{SERVER}```\n\n"
            "```python\neval(expression)  # docsec: ignore[DSP003] -- the expression is a literal\n```\n\n"
            ":::{insecure-example}\n```{code-block} python\n:class: docsec-insecure\n\neval(data)\n```\n:::\n")
    project = write_project(tmp_path, {"index.md": page})
    assert build(myst_bin, project, "--strict").returncode == 0
    ast = page_ast(project, "index")
    boxes = find_all(ast, lambda n: n.get("type") == "admonition")
    marked = [box for box in boxes if box.get("class") == "docsec-marked"]
    assert len(marked) == 1  # the insecure-example's code keeps its own box only
    assert texts(marked[0]["children"][0]) == "\u26a0 Insecure example"
    assert "0.0.0.0" in find(marked[0], lambda n: n.get("type") == "code")["value"]
    codes = [n["value"] for n in find_all(ast, lambda n: n.get("type") == "code")]
    assert "eval(expression)" in codes and not any("docsec:" in code for code in codes)


def test_a_tagged_notebook_cell_gets_a_badge(tmp_path, myst_bin):
    nb = notebook([("markdown", "# Notebook"), ("code", "import pickle\npickle.loads(blob)"), ("code", "print(1)")],
                  tags={1: ["docsec-insecure"]})  # (0-based: the pickle cell)
    project = write_project(tmp_path, {"index.md": "# Home\n", "nb.ipynb": nb})
    assert build(myst_bin, project, "--strict").returncode == 0
    badges = find_all(page_ast(project, "nb"), lambda n: n.get("class") == "docsec-marked-badge")
    assert [texts(badge) for badge in badges] == ["\u26a0 Insecure example"]
