"""Baselines: accept today's findings, fail only on new ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_helpers import write
from docsec.core.baseline import (
    Baseline,
    BaselineError,
    fingerprint,
    fingerprinted,
    fingerprints,
    normalise,
)
from docsec.model import Confidence, Finding, Severity

NEW_EXAMPLE = """\

    ```python
    import uvicorn
    uvicorn.run(app, host="0.0.0.0", port=8000)
    ```
    """


def finding(snippet: str, line: int, path: str = "docs/a.md", rule: str = "DSP014") -> Finding:
    return Finding(rule, "bind-all-interfaces", "t", Severity.MEDIUM, Confidence.HIGH, 1327, "m", path, line, 1, snippet)


def test_fingerprint_ignores_line_numbers_and_whitespace_but_counts_repeats() -> None:
    before = fingerprints([finding("HTTPServer(('0.0.0.0', 80), H)", 7), finding("HTTPServer(('0.0.0.0', 80), H)", 9)])
    after = fingerprints([finding("HTTPServer(('0.0.0.0',   80), H) ", 30),
                          finding("HTTPServer(('0.0.0.0', 80), H)", 41)])
    assert before == after and before[0] != before[1]
    assert before[0] == fingerprint("DSP014", "docs/a.md", "HTTPServer(('0.0.0.0', 80), H)", 0)
    assert fingerprints([finding("x", 1, path="docs/b.md")]) != fingerprints([finding("x", 1)])
    assert normalise("  a \t b\n") == "a b"


def test_baseline_file_round_trip_and_validation() -> None:
    items = [finding("b", 2), finding("a", 1)]
    baseline = Baseline.of((item, *pair) for item, pair in zip(items, fingerprinted(items)))
    data = json.loads(baseline.dumps())
    assert data["version"] == 1
    assert [sorted(entry) for entry in data["entries"]] == [["fingerprint", "path", "rule", "snippet"]] * 2
    assert Baseline.loads(baseline.dumps()) == baseline
    for broken in ("not json", "[]", '{"version": 2, "entries": []}', '{"version": 1}',
                   '{"version": 1, "entries": [{"fingerprint": "xyz", "rule": "R", "path": "p", "snippet": ""}]}'):
        with pytest.raises(BaselineError):
            Baseline.loads(broken)


def test_round_trip_only_new_findings_fail(tree: Path, docsec) -> None:
    serve = tree / "docs" / "serve.md"
    written = docsec("check", "--write-baseline", "baseline.json")
    assert written.code == 0
    assert written.err == "docsec: wrote 1 baseline entry to baseline.json\n"
    entries = json.loads((tree / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [(e["rule"], e["path"], e["snippet"]) for e in entries] == [
        ("DSP014", "docs/serve.md", "HTTPServer(('0.0.0.0', 8000), H).serve_forever()")]

    run = docsec("check", "--baseline", "baseline.json")
    assert run.code == 0
    assert run.out == ("docsec: no unmarked findings (2 files, 4 blocks scanned; "
                       "1 marked example, 1 suppressed, 1 baselined)\n")

    # Lines inserted above the accepted finding: still baselined.  A new example elsewhere: fails alone.
    serve.write_text("# Intro\n\nMore words.\n\n" + serve.read_text(encoding="utf-8"), encoding="utf-8")
    write(tree / "docs" / "deploy.md", NEW_EXAMPLE)
    run = docsec("check", "--baseline", "baseline.json")
    assert run.code == 1
    assert [line.split(": ")[0] for line in run.out.splitlines()] == ["docs/deploy.md:4:1", "docsec"]
    assert run.out.splitlines()[-1].startswith("docsec: 1 unmarked finding in 1 file (3 files, 5 blocks scanned; ")
    shown = docsec("check", "--baseline", "baseline.json", "--show-marked").out.splitlines()
    assert [line for line in shown if line.endswith("(baselined)")] == [
        line for line in shown if line.startswith("docs/serve.md:11:1: DSP014 [medium]")]
    document = json.loads(docsec("check", "--baseline", "baseline.json", "--format", "json").out)
    assert [(f["path"], f["status"]) for f in document["findings"] if f["status"] in ("unmarked", "baselined")] == [
        ("docs/deploy.md", "unmarked"), ("docs/serve.md", "baselined")]
    sarif = json.loads(docsec("check", "--baseline", "baseline.json", "--format", "sarif").out)
    states = [r.get("baselineState") for r in sarif["runs"][0]["results"]]
    assert states[:2] == ["new", "unchanged"]

    # The accepted finding removed: the entry is stale, and the summary says how to shrink the baseline.
    serve.write_text(serve.read_text(encoding="utf-8").replace("HTTPServer(('0.0.0.0', 8000), H).serve_forever()",
                                                               "HTTPServer(('127.0.0.1', 8000), H).serve_forever()"),
                     encoding="utf-8")
    run = docsec("check", "--baseline", "baseline.json", "docs/serve.md")
    assert run.code == 0
    assert run.out.splitlines()[-1] == (
        "docsec: 1 baseline entry no longer matches; rewrite with --write-baseline to shrink it")
    document = json.loads(docsec("check", "--baseline", "baseline.json", "--format", "json").out)
    assert document["summary"]["baseline"] == {"entries": 1, "stale": 1}
    assert document["stale_baseline_entries"][0]["path"] == "docs/serve.md"


@pytest.mark.parametrize("content, message", [
    (None, "baseline.json does not exist; create it with --write-baseline baseline.json"),
    ("{oops", "baseline baseline.json is not valid JSON"),
    ('{"version": 1, "entries": {}}', 'baseline baseline.json has no "entries" list'),
])
def test_missing_or_malformed_baseline_is_an_error(tree: Path, docsec, content, message) -> None:
    if content is not None:
        (tree / "baseline.json").write_text(content, encoding="utf-8")
    run = docsec("check", "--baseline", "baseline.json")
    assert run.code == 2 and run.out == ""
    assert message in run.err


@pytest.mark.parametrize(("field", "shown"), [
    ("snippet", "assert user.is_admin"), ("rule", "DSP028"), ("path", "docs/safe.md")])
def test_an_entry_whose_fields_do_not_match_its_fingerprint_is_rejected(tree: Path, docsec, field: str,
                                                                         shown: str) -> None:
    """A pull request adds an unmarked finding and accepts it in the baseline under another name: a
    reviewer reading the diff would see an entry for harmless code, while the fingerprint accepts the finding."""
    write(tree / "docs" / "deploy.md", NEW_EXAMPLE)
    assert docsec("check", "--write-baseline", "baseline.json").code == 0
    data = json.loads((tree / "baseline.json").read_text(encoding="utf-8"))
    [entry] = [e for e in data["entries"] if e["path"] == "docs/deploy.md"]
    entry[field] = shown
    (tree / "baseline.json").write_text(json.dumps(data), encoding="utf-8")
    run = docsec("check", "--baseline", "baseline.json")
    assert run.code == 2 and run.out == ""
    assert "its fingerprint is not that of the rule, path and snippet it shows" in run.err
    assert "rewrite the baseline with --write-baseline" in run.err


def test_entries_name_their_occurrence_and_older_ones_without_it_still_load() -> None:
    items = [finding("x", 1), finding("x", 5), finding("x", 9)]
    baseline = Baseline.of((item, *pair) for item, pair in zip(items, fingerprinted(items)))
    entries = json.loads(baseline.dumps())["entries"]
    assert [e.get("occurrence") for e in entries] == [None, 1, 2]
    assert Baseline.loads(baseline.dumps()) == baseline
    for entry in entries:  # written before entries named their occurrence
        entry.pop("occurrence", None)
    assert Baseline.loads(json.dumps({"version": 1, "entries": entries})).fingerprints == baseline.fingerprints
    entries[2]["occurrence"] = 1  # says the second, is the third
    with pytest.raises(BaselineError, match="entry 2 .* its fingerprint is not that of"):
        Baseline.loads(json.dumps({"version": 1, "entries": entries}))


def test_baseline_paths_are_relative_to_the_project_root_wherever_the_check_runs(tree: Path, docsec,
                                                                                  monkeypatch) -> None:
    """Written from the project root, read from docs/ and from outside the project: nothing is stale."""
    (tree / "pyproject.toml").write_text("[tool.docsec]\n", encoding="utf-8")
    assert docsec("check", "--write-baseline", "baseline.json").code == 0
    entries = json.loads((tree / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [entry["path"] for entry in entries] == ["docs/serve.md"]

    monkeypatch.chdir(tree / "docs")
    run = docsec("check", "--baseline", "../baseline.json", ".")
    assert run.code == 0, run.out
    assert "no longer match" not in run.out and "1 baselined" in run.out

    monkeypatch.chdir(tree.parent)
    run = docsec("check", "--baseline", f"{tree.name}/baseline.json", f"{tree.name}/docs")
    assert run.code == 0, run.out
    assert "no longer match" not in run.out and "1 baselined" in run.out


def test_root_names_the_folder_baseline_paths_are_relative_to(tree: Path, docsec) -> None:
    assert docsec("check", "--root", "docs", "--write-baseline", "baseline.json").code == 0
    entries = json.loads((tree / "baseline.json").read_text(encoding="utf-8"))["entries"]
    assert [entry["path"] for entry in entries] == ["serve.md"]
    assert docsec("check", "--baseline", "baseline.json").code == 1  # another root: the entry is someone else's
    assert docsec("check", "--root", "docs", "--baseline", "baseline.json").code == 0
