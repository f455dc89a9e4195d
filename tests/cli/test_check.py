"""``docsec check``: exit codes, options, configuration and the text format."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from cli_helpers import DSP014_MESSAGE, write
from docsec.cli.main import main

FINDING_LINE = re.compile(r"^([^:]+):(?:cell \d+:)?\d+:\d+: ([A-Z]{3}\d{3}) \[")
SUMMARY_FAIL = "docsec: 1 unmarked finding in 1 file (2 files, 4 blocks scanned; 1 marked example, 1 suppressed)\n"


def test_unmarked_finding_exits_1_with_its_exact_line(tree, docsec) -> None:
    run = docsec("check")
    assert run.code == 1
    lines = run.out.splitlines(keepends=True)
    assert lines[0].startswith(f"docs/serve.md:7:1: DSP014 [medium] {DSP014_MESSAGE}")
    assert lines[1:] == [SUMMARY_FAIL]
    assert run.err == ""


def test_clean_tree_exits_0(tree, docsec) -> None:
    run = docsec("check", "docs/safe.md")
    assert (run.code, run.out) == (0, "docsec: no unmarked findings (1 file, 1 block scanned)\n")


def test_show_marked_lists_marked_and_suppressed_examples(tree, docsec) -> None:
    lines = docsec("check", "--show-marked").out.splitlines()
    assert [line.split(": DSP014")[0] for line in lines[:3]] == ["docs/serve.md:7:1", "docs/serve.md:13:1",
                                                                   "docs/serve.md:18:1"]
    assert lines[1].endswith("(marked insecure example: shows the unsafe default)")
    assert lines[2].endswith("(suppressed: container-internal demo)")
    assert "marked" not in docsec("check").out.splitlines()[0]


def test_quiet_prints_only_the_summary_and_nothing_on_success(tree, docsec) -> None:
    assert docsec("check", "-q").out == SUMMARY_FAIL
    assert docsec("check", "-q", "docs/safe.md").out == ""


def test_paths_are_relative_to_the_working_directory(tree, docsec, monkeypatch) -> None:
    monkeypatch.chdir(tree / "docs")
    assert docsec("check", ".").out.startswith("serve.md:7:1: DSP014")
    monkeypatch.chdir(tree.parent)
    assert docsec("check", str(tree)).out.startswith(f"{tree.name}/docs/serve.md:7:1: DSP014")


def test_output_file_gets_the_report_and_stderr_the_summary(tree, docsec) -> None:
    run = docsec("check", "--format", "json", "--output", "report.json")
    assert run.code == 1 and run.out == ""
    assert json.loads((tree / "report.json").read_text(encoding="utf-8"))["summary"]["unmarked"] == 1
    assert run.err == SUMMARY_FAIL


def test_colour_only_on_a_tty_without_no_color(tree, monkeypatch, capsys) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    for no_color, coloured in ((None, True), ("1", False)):
        if no_color:
            monkeypatch.setenv("NO_COLOR", no_color)
        terminal = Terminal()
        monkeypatch.setattr("sys.stdout", terminal)
        assert main(["check"]) == 1
        assert ("\033[" in terminal.getvalue()) is coloured


# -- selection ---------------------------------------------------------------

@pytest.fixture
def shell_tree(tree: Path) -> Path:
    write(tree / "docs" / "shell.md", """\
        ```console
        $ python -m http.server --bind 0.0.0.0
        ```
        """)
    return tree


def rules_reported(out: str) -> list[tuple[str, str]]:
    """(path, rule id) of each finding line, diagnostics and summary left out."""
    return [(match.group(1), match.group(2)) for match in map(FINDING_LINE.match, out.splitlines()) if match]


def test_select_and_ignore_take_ids_prefixes_and_symbols(shell_tree, docsec) -> None:
    both = [("docs/serve.md", "DSP014"), ("docs/shell.md", "DSS003")]
    assert rules_reported(docsec("check").out) == both
    assert rules_reported(docsec("check", "--select", "DSS").out) == both[1:]
    assert rules_reported(docsec("check", "--select", "DSP014,DSS003").out) == both
    assert rules_reported(docsec("check", "--ignore", "bind-all-interfaces").out) == both[1:]
    run = docsec("check", "--ignore", "DSP014", "--ignore", "DSS")
    assert (run.code, rules_reported(run.out)) == (0, [])


def test_min_severity_drops_rules_below_it(shell_tree, docsec) -> None:
    run = docsec("check", "--min-severity", "high")
    assert (run.code, rules_reported(run.out)) == (0, [])


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_id_is_a_usage_error(tree, docsec, option) -> None:
    run = docsec("check", option, "DSP014,DSP999")
    assert run.code == 2 and run.out == ""
    assert "'DSP999'" in run.err and "docsec rules" in run.err


def test_bad_option_values_are_usage_errors(tree, docsec) -> None:
    assert docsec("check", "--min-severity", "urgent").code == 2
    assert docsec("check", "--format", "xml").code == 2
    assert docsec("check", "--jobs", "-1").code == 2
    assert docsec("check", "--no-such-option").code == 2


# -- configuration -----------------------------------------------------------

def test_pyproject_ignore_applies(tree, docsec) -> None:
    write(tree / "pyproject.toml", """\
        [tool.docsec]
        ignore = ["DSP014"]
        """)
    assert docsec("check").code == 0


def test_pyproject_is_found_upward_and_flags_override_it(tree, docsec, monkeypatch) -> None:
    write(tree / "pyproject.toml", """\
        [tool.docsec]
        min_severity = "high"
        """)
    monkeypatch.chdir(tree / "docs")
    assert docsec("check").code == 0
    assert docsec("check", "--min-severity", "low").code == 1


def test_bad_config_value_names_key_value_and_choices(tree, docsec) -> None:
    write(tree / "pyproject.toml", """\
        [tool.docsec]
        min_severity = "urgent"
        """)
    run = docsec("check")
    assert run.code == 2 and run.out == ""
    assert run.err == ("docsec: error: pyproject.toml: min_severity = 'urgent' is invalid: "
                       "expected one of info, low, medium, high, critical\n")


def test_unknown_rule_in_config_is_an_error(tree, docsec) -> None:
    write(tree / "pyproject.toml", """\
        [tool.docsec]
        ignore = ["DSP0144"]
        """)
    run = docsec("check")
    assert run.code == 2
    assert run.err.startswith("docsec: error: pyproject.toml: ignore: unknown rule id or prefix 'DSP0144'")


def test_invalid_toml_is_an_error_without_traceback(tree, docsec) -> None:
    write(tree / "pyproject.toml", "[tool.docsec\n")
    run = docsec("check")
    assert run.code == 2 and "valid TOML" in run.err and "Traceback" not in run.err


def test_explicit_config_file(tree, docsec) -> None:
    write(tree / "ci" / "docsec.toml", """\
        [tool.docsec]
        per_path_ignores = {"docs/serve.md" = ["DSP014"]}
        """)
    assert docsec("check", "--config", "ci/docsec.toml").code == 0
    assert docsec("check", "--config", "missing.toml").code == 2


def test_only_exclude_and_the_projects_ignore_rules_skip_folders_and_the_report_says_so(tree, docsec) -> None:
    """No folder is skipped for its name or a pyvenv.cfg: outside a documentation project only ``exclude``
    and the ``.gitignore`` files do (version-control metadata aside), and the summary names what was."""
    for folder in ("_build/html", "node_modules/pkg", ".git", "env", "notes/drafts"):
        write(tree / folder / "copy.md", (tree / "docs" / "serve.md").read_text(encoding="utf-8"))
    (tree / "env" / "pyvenv.cfg").write_text("home = /usr\n", encoding="utf-8")
    write(tree / "pyproject.toml", """\
        [tool.docsec]
        exclude = ["drafts/"]
        """)
    run = docsec("check")
    assert rules_reported(run.out) == [("docs/serve.md", "DSP014"), ("env/copy.md", "DSP014"),
                                       ("node_modules/pkg/copy.md", "DSP014")]
    assert run.out.splitlines()[-1] == (
        "docsec: skipped 2 paths: _build/ (build output), notes/drafts/ (exclude of pyproject.toml)")
    (tree / ".gitignore").write_text("node_modules/\nenv/\n", encoding="utf-8")
    run = docsec("check")
    assert rules_reported(run.out) == [("docs/serve.md", "DSP014")]
    assert run.out.splitlines()[-1] == (
        "docsec: skipped 4 paths: _build/ (build output), env/ (.gitignore of .), "
        "node_modules/ (.gitignore of .), notes/drafts/ (exclude of pyproject.toml)")
    # A file named on the command line is scanned even where a folder walk would skip it, unless `exclude`
    # names it: pre-commit passes file names, and the excludes hold for them too (Ruff's force-exclude).
    named = docsec("check", "notes/drafts/copy.md", "_build/html/copy.md", "notes/drafts")
    assert rules_reported(named.out) == [("_build/html/copy.md", "DSP014")]
    assert named.out.splitlines()[-1].startswith("docsec: 1 unmarked finding in 1 file (1 file, ")
    only_excluded = docsec("check", "notes/drafts/copy.md")
    assert only_excluded.code == 0 and "0 files" in only_excluded.out
    assert "notes/drafts/copy.md:1: note: named on the command line but matched by `exclude`; not scanned" in \
        docsec("check", "--verbose", "notes/drafts/copy.md").out


def test_sphinx_output_folders_are_never_walked(tree, docsec) -> None:
    """A stale HTML build (its _sources copies are .txt, read as reStructuredText) does not fail the gate."""
    copy = (tree / "docs" / "serve.md").read_text(encoding="utf-8")
    rst_copy = "Serve\n=====\n\n.. code-block:: python\n\n   HTTPServer(('0.0.0.0', 8000), H)\n"
    write(tree / "site-html" / ".buildinfo", "# Sphinx build info version 1\n")
    write(tree / "site-html" / "_sources" / "serve.rst.txt", rst_copy)
    write(tree / "out" / "_sources" / "serve.md.txt", copy)  # no .buildinfo: a dirhtml or epub build
    write(tree / "docs" / "build" / "html" / "serve.md", copy)
    write(tree / "docs" / "_build" / "serve.md", copy)
    run = docsec("check")
    assert rules_reported(run.out) == [("docs/serve.md", "DSP014")]
    assert run.out.splitlines()[-1] == (
        "docsec: skipped 4 paths: docs/_build/ (build output), docs/build/ (build output), "
        "out/_sources/ (build output), site-html/ (Sphinx build output)")


# -- broken input ------------------------------------------------------------

def test_broken_files_are_named_and_the_other_findings_still_reported(tree, docsec) -> None:
    (tree / "docs" / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    (tree / "docs" / "binary.md").write_bytes(b"# title\n\x00\x01\x02 binary\n")
    (tree / "docs" / "latin1.md").write_bytes("# Caf\xe9\n\n```python\nx = 1\n```\n".encode("latin-1"))
    (tree / "docs" / "huge.md").write_text("x" * (5 * 1024 * 1024), encoding="utf-8")
    run = docsec("check", "docs", "docs/missing.md")
    assert run.code == 2
    assert f"docs/serve.md:7:1: DSP014 [medium] {DSP014_MESSAGE}" in run.out
    errors = [line for line in run.out.splitlines() if ": error: " in line]
    assert [line.split(":")[0] for line in errors] == [
        "docs/binary.md", "docs/broken.ipynb", "docs/huge.md", "docs/latin1.md", "docs/missing.md"]
    assert "docsec: 5 input errors in 5 files" in run.out
    assert "Traceback" not in run.out + run.err

    document = json.loads(docsec("check", "docs", "--format", "json").out)
    assert document["summary"]["errors"] == 4 and document["summary"]["exit_code"] == 2
    assert [f["path"] for f in document["findings"] if f["status"] == "unmarked"] == ["docs/serve.md"]


def test_missing_path_does_not_hide_findings(tree, docsec) -> None:
    run = docsec("check", "nowhere", "docs/serve.md")
    assert run.code == 2
    assert "nowhere:1: error: no such file or directory [docsec.missing-path]" in run.out
    assert "docs/serve.md:7:1: DSP014" in run.out


# -- parallel ----------------------------------------------------------------

def test_jobs_give_identical_ordered_output(tree, docsec) -> None:
    text = (tree / "docs" / "serve.md").read_text(encoding="utf-8")
    for number in range(6):
        write(tree / f"part{number % 2}" / f"page{number}.md", text)
    serial = docsec("check", "--format", "json", "--show-marked")
    parallel = docsec("check", "--format", "json", "--show-marked", "--jobs", "2")
    assert serial.code == parallel.code == 1
    assert serial.out == parallel.out
    assert json.loads(serial.out)["summary"]["unmarked"] == 7
    assert docsec("check", "--jobs", "3").out == docsec("check").out


def test_large_trees_are_scanned_in_parallel_by_default(tree, docsec, monkeypatch) -> None:
    from docsec.cli import check

    text = (tree / "docs" / "serve.md").read_text(encoding="utf-8")
    for number in range(check.PARALLEL_FROM):
        write(tree / "many" / f"page{number}.md", text)
    used: list[int] = []
    real = check.scan_targets
    monkeypatch.setattr(check, "scan_targets", lambda targets, engine, jobs=1: used.append(jobs) or real(
        targets, engine, jobs))
    default = docsec("check", "--format", "json")
    assert used == [check.default_jobs(check.PARALLEL_FROM + 2)]
    assert default.out == docsec("check", "--format", "json", "--jobs", "1").out
    assert check.default_jobs(check.PARALLEL_FROM - 1) == 1


def test_a_file_included_by_several_pages_is_reported_once(tmp_path, docsec, monkeypatch) -> None:
    write(tmp_path / "docs" / "hello.py", "from wsgiref.simple_server import make_server\n"
          "server = make_server('0.0.0.0', 6543, app)\n")
    for page in ("one.rst", "two.rst"):
        write(tmp_path / "docs" / page, "Page\n====\n\n.. literalinclude:: hello.py\n")
    write(tmp_path / "docs" / "three.rst", "Page\n====\n\n.. insecure-example::\n   :reason: demo\n\n"
          "   .. literalinclude:: hello.py\n")
    monkeypatch.chdir(tmp_path)
    run = docsec("check", "--show-marked", "docs")
    findings = [line for line in run.out.splitlines() if FINDING_LINE.match(line)]
    assert [line.split(" [")[0] for line in findings] == ["docs/hello.py:2:10: DSP014", "docs/hello.py:2:10: DSP014"]
    assert "(marked insecure example: demo)" in findings[1]
    assert run.out.splitlines()[-1].startswith("docsec: 1 unmarked finding in 1 file (3 files, 3 blocks scanned")


def test_marked_examples_are_counted_as_blocks_not_findings(tmp_path, docsec, monkeypatch) -> None:
    page = ("# Two findings, one example\n\n:::{insecure-example}\n:reason: both at once\n\n```python\n"
            "import os, pickle\nos.system(cmd)\npickle.loads(data)\n```\n:::\n")
    (tmp_path / "page.md").write_text(page, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    run = docsec("check", "--show-marked", "page.md")
    assert [line.split(": ")[1].split()[0] for line in run.out.splitlines()[:-1]] == ["DSP002", "DSP005"]
    assert run.out.splitlines()[-1] == "docsec: no unmarked findings (1 file, 1 block scanned; 1 marked example)"
    summary = json.loads(docsec("check", "--format", "json", "page.md").out)["summary"]
    assert (summary["marked"], summary["marked_examples"]) == (2, 1)
