"""docsec.mjs's own logic, run in node without myst: RFC 2119 levels and code collection."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from docsec.mystmd.install import plugin_source


def run_js(node_bin: str, body: str):
    """Run ``body`` with the plugin's exports in scope; it must ``return`` a JSON-able value."""
    script = (f"import * as plugin from {json.dumps(plugin_source().as_uri())};\n"
              f"const result = (() => {{ {body} }})();\nconsole.log(JSON.stringify(result));\n")
    result = subprocess.run([node_bin, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("value, level", [
    ("must", "must"), ("MUST", "must"), (" Must-Not ", "must-not"), ("must_not", "must-not"),
    ("MUST NOT", "must-not"), ("should not", "should-not"), ("may", "may"), ("SHALL", "must"),
    ("recommended", "should"), ("NOT RECOMMENDED", "should-not"), ("optional", "may"),
    ("sometimes", None), ("", None),
])
def test_levels_are_read_case_insensitively(node_bin, value, level):
    assert run_js(node_bin, f"return plugin.normaliseLevel({json.dumps(value)}) ?? null;") == level


def test_keywords_are_wrapped_and_levels_found_in_order(node_bin):
    tree = [{"type": "paragraph", "children": [
        {"type": "text", "value": "You MUST NOT do it; you SHOULD do that, MAYBE not must. "},
        {"type": "inlineCode", "value": "MUST"},
        {"type": "strong", "children": [{"type": "text", "value": "OPTIONAL"}]},
        {"type": "text", "value": " It is NOT RECOMMENDED."},
    ]}]
    result = run_js(node_bin, f"const tree = {json.dumps(tree)}; const found = plugin.markKeywords(tree); "
                              "return {found, tree, best: plugin.strongestLevel(found)};")
    assert result["found"] == ["must-not", "should", "may", "should-not"]
    assert result["best"] == "must-not"
    children = result["tree"][0]["children"]
    strong = [(c["children"][0]["value"], c.get("class")) for c in children if c["type"] == "strong"]
    assert strong == [("MUST NOT", "docsec-kw docsec-kw-must-not"), ("SHOULD", "docsec-kw docsec-kw-should"),
                      ("OPTIONAL", "docsec-kw docsec-kw-may"), ("NOT RECOMMENDED", "docsec-kw docsec-kw-should-not")]
    assert {"type": "inlineCode", "value": "MUST"} in children


@pytest.mark.parametrize("levels, best", [
    (["may", "should", "must"], "must"), (["must-not", "must"], "must-not"), (["must", "must-not"], "must-not"),
    (["should-not", "may"], "should-not"), (["should", "should-not"], "should-not"), ([], None),
])
def test_strongest_tier_wins_and_a_prohibition_outranks_its_positive_form(node_bin, levels, best):
    assert run_js(node_bin, f"return plugin.strongestLevel({json.dumps(levels)}) ?? null;") == best


VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "rfc2119_vectors.json").read_text(encoding="utf-8"))


def test_javascript_gives_every_shared_vector_its_level(node_bin):
    """The same file tests/core/test_rfc2119_vectors.py runs in Python: one classification, two languages."""
    texts = [vector["text"] for vector in VECTORS["vectors"]]
    got = run_js(node_bin, f"return {json.dumps(texts)}.map((t) => plugin.classifyLevel(t) ?? null);")
    wrong = [(vector["text"], vector["level"], level) for vector, level in zip(VECTORS["vectors"], got)
             if level != vector["level"]]
    assert len(got) == len(texts) >= 250
    assert wrong == []


def test_the_security_directive_infers_the_level_from_the_whole_body(node_bin):
    """MUST before MUST NOT in one paragraph, split over nodes by emphasis: the plugin says MUST NOT, as Python."""
    body = [{"type": "paragraph", "children": [
        {"type": "text", "value": "Secrets "}, {"type": "strong", "children": [{"type": "text", "value": "MUST"}]},
        {"type": "text", "value": " be read from the environment; they "},
        {"type": "strong", "children": [{"type": "text", "value": "MUST NOT"}]},
        {"type": "text", "value": " be logged."}]}]
    text = run_js(node_bin, f"return plugin.proseText({json.dumps(body)});")
    assert text == "Secrets MUST be read from the environment; they MUST NOT be logged.\n"
    assert run_js(node_bin, f"return plugin.classifyLevel({json.dumps(text)});") == "must-not"
    node = run_js(node_bin, "const d = plugin.default.directives.find((d) => d.name === 'security'); "
                            f"return d.run({{body: {json.dumps(body)}, options: {{}}}}, {{message() {{ return {{}}; }}}})[0];")
    assert node["docsec"]["level"] == "must-not"


def test_collect_code_reads_anchors_markers_and_notebook_cells(node_bin):
    code = {"type": "code", "lang": "python", "value": "x = 1"}
    tree = {"type": "root", "children": [
        {"type": "block", "kind": "notebook-content", "children": [
            {"type": "paragraph", "position": {"start": {"line": 1}}, "children": []},
            {**code, "position": {"start": {"line": 3}}}]},
        {"type": "block", "kind": "notebook-code", "data": {"tags": ["docsec-insecure"]}, "children": [
            {**code, "executable": True},
            {"type": "outputs", "children": [{"type": "code", "value": "output, never scanned"}]}]},
        {"type": "block", "children": [
            {"type": "admonition", "class": "docsec-insecure-example", "docsec": {"reason": "why"},
             "position": {"start": {"line": 9}}, "children": [
                 {"type": "container", "class": "docsec-insecure", "children": [code]}]}]},
    ]}
    blocks = run_js(node_bin, f"return plugin.buildRequest({json.dumps(tree)}, '/p/nb.ipynb').request.blocks;")
    assert [(b["line"], b["anchor"], b["cell"]) for b in blocks] == [(4, "cell", 1), (1, "cell", 2), (None, "cell", 3)]
    assert blocks[1]["tags"] == ["docsec-insecure"]
    assert (blocks[2]["example"], blocks[2]["reason"], blocks[2]["class"]) == ("insecure", "why", "docsec-insecure")
    blocks = run_js(node_bin, f"return plugin.buildRequest({json.dumps(tree)}, '/p/page.md').request.blocks;")
    assert [(b["line"], b["anchor"], b["cell"]) for b in blocks] == [(3, "fence", None), (3, "before", None),
                                                                     (9, "ancestor", None)]
