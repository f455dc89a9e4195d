"""Safe output: text from a document is data in every format, never markup or commands.

One project puts HTML and script payloads in every place a writer controls:
the ``security`` title, body, ``:id:`` and ``:tags:``, the ``insecure-example``
title and ``:reason:``, the banner, the project name, code and a suppression
reason.  The HTML pages, ``docsec.json``, ``docsec report`` (HTML and
Markdown), and ``docsec check`` (JSON, SARIF, GitHub, text) must carry the
payloads as text and nothing else.

In MyST, HTML written in prose and in directive titles is the author's own
markup, as in any Markdown page (MyST passes inline HTML through), so the
MyST page puts its payloads where MyST reads text as data: options, code
spans and code.  The reStructuredText page puts them everywhere.  Titles
copied elsewhere by docsec (requirement lists, ``security-ref``, "see ..."
links) are text in both.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable

import pytest

from docsec.cli.main import main as docsec_main

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = "\"'><img src=x onerror=alert(1)>"
CLOSE = "</script>"
REASON = f"why {ATTRIBUTE} {CLOSE}"  # a MyST option value may not start with a quote (YAML)
SUPPRESSION = f"{SCRIPT} 100% ::error::x"

CONF = f"""\
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build"]
smartquotes = False
project = {SCRIPT!r}
html_theme = "basic"  # alabaster writes the project name unescaped; conf.py is the author's code, not a document
docsec_insecure_banner = {("Banner " + ATTRIBUTE)!r}
docsec_guidance = {{"DSP014": "bind-local", "DSP008": "second"}}
docsec_hide_suppressions = False  # the suppression's reason is shown, as text (hidden by default)
"""
INDEX_MD = f"""\
# Safe output

```{{toctree}}
guide
```

:::{{security}} Bind `{SCRIPT} {ATTRIBUTE}`
:id: bind-local
:tags: {SCRIPT}

Servers MUST bind to 127.0.0.1, never `{ATTRIBUTE} {CLOSE}`.
:::

See {{security-ref}}`bind-local`.

:::{{insecure-example}} `{SCRIPT}`
:reason: {REASON}

```python
HTTPServer(('0.0.0.0', 8000), H)  # "{SCRIPT}" {CLOSE}
```
:::

```python
yaml.load(f)  # docsec: ignore[DSP008] -- {SUPPRESSION}
```

```{{security-requirements}}
:format: checklist
```

```{{security-requirements}}
```
"""
GUIDE_RST = f"""\
Guide
=====

.. security:: Second {SCRIPT}
   :id: second
   :level: should
   :tags: {ATTRIBUTE}

   Text {ATTRIBUTE} {CLOSE}.

.. security:: Third
   :id: {ATTRIBUTE}
   :level: may

   Text.

.. insecure-example:: {ATTRIBUTE}
   :reason: {SCRIPT}

   .. code-block:: python

      yaml.load(f)

See :security-ref:`bind-local`.
"""


class Markup(HTMLParser):
    """What an HTML page holds as markup (tags, attributes, scripts) and as text."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def assert_inert(page: str, *payloads: str) -> Markup:
    """No payload became markup; each payload is in the page's text."""
    markup = Markup(page)
    assert not [tag for tag, _ in markup.tags if tag == "img"]
    assert not [(tag, name) for tag, attrs in markup.tags for name, _ in attrs if name.startswith("on")]
    assert not [script for script in markup.scripts if "alert" in script]
    assert not [attrs for tag, attrs in markup.tags if tag == "script" and not dict(attrs).get("src")
                and any("alert" in str(value) for _, value in attrs)]
    text = "".join(markup.text)
    for payload in payloads:
        assert payload in text, payload
    return markup


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    srcdir = tmp_path_factory.mktemp("safe") / "src"
    srcdir.mkdir()
    for name, text in {"conf.py": CONF, "index.md": INDEX_MD, "guide.rst": GUIDE_RST}.items():
        (srcdir / name).write_text(text, encoding="utf-8")
    return srcdir


@pytest.fixture(scope="module")
def built(project: Path) -> Path:
    """The HTML build (in a fresh process: module-scoped, so no function-scoped make_app)."""
    import subprocess
    import sys

    outdir = project.parent / "html"
    run = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", str(project), str(outdir)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "Traceback" not in run.stderr
    return outdir


def test_pages_show_every_payload_as_text(built: Path) -> None:
    page = (built / "index.html").read_text(encoding="utf-8")
    assert_inert(page, f"Bind {SCRIPT} {ATTRIBUTE}", f"never {ATTRIBUTE} {CLOSE}", f"Insecure example: {SCRIPT}",
                 f"Banner {ATTRIBUTE}", f"Why it is insecure: {REASON}", f'# "{SCRIPT}" {CLOSE}',
                 f"see Bind {SCRIPT} {ATTRIBUTE}", SUPPRESSION, f"Second {SCRIPT}", f"({ATTRIBUTE})")
    guide = (built / "guide.html").read_text(encoding="utf-8")
    assert_inert(guide, f"Second {SCRIPT}", f"Text {ATTRIBUTE} {CLOSE}.", f"Insecure example: {ATTRIBUTE}",
                 f"Why it is insecure: {SCRIPT}", f"see Second {SCRIPT}", f"Bind {SCRIPT} {ATTRIBUTE}")


def test_docsec_json_holds_the_payloads_as_data(built: Path) -> None:
    data = json.loads((built / "docsec.json").read_text(encoding="utf-8"))
    assert data["project"]["name"] == SCRIPT
    by_id = {item["id"]: item for item in data["guidance"]}
    assert by_id["bind-local"]["title"] == f"Bind {SCRIPT} {ATTRIBUTE}"
    assert by_id["bind-local"]["tags"] == [SCRIPT]
    assert by_id["bind-local"]["text"] == f"Servers MUST bind to 127.0.0.1, never {ATTRIBUTE} {CLOSE}."
    assert by_id["second"]["title"] == f"Second {SCRIPT}"
    assert by_id["second"]["tags"] == [ATTRIBUTE]
    assert by_id[ATTRIBUTE]["title"] == "Third"
    assert by_id[ATTRIBUTE]["url"] == "guide.html#docsec-img-src-x-onerror-alert-1"  # anchors: safe characters
    reasons = {(finding["rule"], finding["document"]): finding["reason"] for finding in data["findings"]}
    assert reasons == {("DSP014", "index.md"): REASON, ("DSP008", "index.md"): SUPPRESSION,
                       ("DSP008", "guide.rst"): SCRIPT}


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_audit_report_escapes_the_payloads(built: Path, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"audit.{fmt}"
    assert docsec_main(["report", str(built / "docsec.json"), "--format", fmt, "-o", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    if fmt == "markdown":  # a renderer that passes raw HTML through must still show text only
        from markdown_it import MarkdownIt

        text = MarkdownIt("commonmark").enable("table").render(text)
    markup = assert_inert(text, f"Security audit: {SCRIPT}", f"Bind {SCRIPT} {ATTRIBUTE}", REASON, SUPPRESSION,
                          ATTRIBUTE, f"Second {SCRIPT}")
    assert not [tag for tag, _ in markup.tags if tag == "script"]


def test_markdown_code_spans_cannot_be_closed_from_inside() -> None:
    from markdown_it import MarkdownIt

    from docsec.report.audit import render_markdown

    data = {"version": 1, "tool": {"name": "docsec", "version": "0"}, "project": {"name": "p"},
            "guidance": [{"id": "a``<img src=x onerror=alert(1)>``b", "level": "must", "title": "t",
                          "document": "x`` <b>``.md", "line": 1}],
            "findings": []}
    assert_inert(MarkdownIt("commonmark").enable("table").render(render_markdown(data)),
                 "a``<img src=x onerror=alert(1)>``b", "x`` <b>``.md:1")


@pytest.fixture
def check(project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Callable[..., Any]:
    def run(*argv: str, cwd: Path = project) -> tuple[int, str]:
        monkeypatch.chdir(cwd)
        monkeypatch.setenv("NO_COLOR", "1")
        capsys.readouterr()
        code = docsec_main(["check", *argv])
        return code, capsys.readouterr().out
    return run


def test_check_json_and_sarif_hold_the_payloads_as_data(check) -> None:
    code, out = check("--format", "json", ".")
    assert code == 0
    findings = json.loads(out)["findings"]
    assert {finding["reason"] for finding in findings} == {REASON, SUPPRESSION, SCRIPT}
    assert f"HTTPServer(('0.0.0.0', 8000), H)  # \"{SCRIPT}\" {CLOSE}" in {finding["snippet"] for finding in findings}
    code, out = check("--format", "sarif", ".")
    results = json.loads(out)["runs"][0]["results"]
    assert {result["suppressions"][0]["justification"] for result in results} == {REASON, SUPPRESSION, SCRIPT}


def test_github_annotations_cannot_start_a_command(check, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    name = "a\n::error file=x.md::forged%0A,:.md"
    (tree / name).write_text(
        f"```python\nHTTPServer(('0.0.0.0', 8000), H)  # docsec: ignore[DSP014] -- ok\r::error::forged %0A\n```\n"
        "```python\nyaml.load(f)\n```\n", encoding="utf-8")
    code, out = check("--format", "github", "--show-marked", ".", cwd=tree)
    assert code == 1
    lines = out.splitlines()
    assert [line.split(" ", 1)[0] for line in lines] == ["::notice", "::error", "docsec:"]
    assert lines[0].startswith("::notice file=a%0A%3A%3Aerror file=x.md%3A%3Aforged%250A%2C%3A.md,line=2,col=1,")
    assert lines[0].endswith("(suppressed: ok)")  # a lone CR ends the line (as in Markdown), so not the reason


def test_text_report_shows_control_characters_escaped(check, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "page.md").write_text(
        "```python\nHTTPServer(('0.0.0.0', 8000), H)  # docsec: ignore[DSP014] -- fine\x1b[2K\x1b[1A\x07\x08\n```\n",
        encoding="utf-8")
    code, out = check("--show-marked", ".", cwd=tree)
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out and "\x08" not in out
    assert "(suppressed: fine\\x1b[2K\\x1b[1A\\x07\\x08)" in out
