"""The JavaScript/TypeScript view: resolved call names, built strings, properties, fragments."""

from __future__ import annotations

import pytest

from docsec.languages import build_views
from docsec.languages.javascript import JavaScriptView

pytest.importorskip("tree_sitter_javascript", reason="docsec[languages] is not installed")


def view(text: str, label: str = "javascript") -> JavaScriptView:
    found = build_views(text, label).javascript
    assert found is not None
    return found


@pytest.mark.parametrize("source", [
    "const cp = require('child_process');\ncp.exec(cmd);",
    "const { exec } = require('node:child_process');\nexec(cmd);",
    "const { exec: run } = require('child_process');\nrun(cmd);",
    "import { exec } from 'child_process';\nexec(cmd);",
    "import * as cp from 'node:child_process';\ncp.exec(cmd);",
    "import cp from 'child_process';\ncp['exec'](cmd);",
    "require('child_process').exec(cmd);",
])
def test_calls_are_resolved_through_imports_and_requires(source: str) -> None:
    names = [call.name for call in view(source).calls]
    assert "child_process.exec" in names


def test_unresolved_member_chains_keep_their_written_names() -> None:
    js = view("$conn.query(sql);\ndb.Query(q);\nthis.pool.query(q);")
    assert [call.name for call in js.calls] == ["$conn.query", "db.Query", "this.pool.query"]


def test_built_strings_give_their_constant_and_non_constant_parts() -> None:
    js = view("a = 'SELECT * FROM t WHERE id = ' + id + ' LIMIT 1';\n"
              "b = `ls ${dir} ${LIMIT}`;\n"
              "c = 'a'.concat(name);\n"
              "d = util.format('rm %s', path);\n"
              "e = 1 + 2;\n"
              "f = sql`SELECT ${id}`;\n")
    a, b, c, d, e, f = (js.assignments[name][0] for name in "abcdef")
    built = js.built(a)
    assert built.text == "SELECT * FROM t WHERE id = {} LIMIT 1" and built.how == "concatenation (`+`)"
    assert [js.text_of(part) for part in built.dynamic] == ["id"]
    built = js.built(b)
    assert built.how == "a template literal" and [js.text_of(p) for p in built.dynamic] == ["dir"]
    assert [js.text_of(p) for p in js.built(c).dynamic] == ["name"]
    assert [js.text_of(p) for p in js.built(d).dynamic] == ["path"]
    assert js.built(e) is None
    assert js.built(f) is None  # a tagged template: the tag escapes the values
    assert not [call for call in js.calls if call.name == "sql"]  # nor is it a call with a built argument


def test_built_through_follows_a_variable() -> None:
    js = view("let q = 'SELECT * FROM users WHERE name = \"' + name + '\"';\ndb.query(q);")
    call = next(js.calls_named("query"))
    built, via = js.built_through(call.argument(0))
    assert built is not None and via == " (in `q`)"


def test_constants() -> None:
    js = view("const cmd = 'ls -l';\nconst both = cmd + ' /tmp';\nrun(cmd, both, MAX_ROWS, `x${cmd}`, other);")
    call = next(js.calls_named("run"))
    assert [js.is_constant(argument) for argument in call.arguments] == [True, True, True, True, False]


def test_properties_and_jsx_attributes() -> None:
    js = view("https.request({ host, rejectUnauthorized: false, 'strictSSL': true });\n"
              "const el = <div className=\"x\" dangerouslySetInnerHTML={{ __html: html }} />;", "jsx")
    assert [(key, js.text_of(value)) for key, value, _ in js.properties] == [
        ("rejectUnauthorized", "false"), ("strictSSL", "true"), ("__html", "html")]
    assert [name for name, _, _ in js.jsx_attributes] == ["className", "dangerouslySetInnerHTML"]


def test_destinations() -> None:
    js = view("const token = Math.random();\nuser.resetCode = Math.random();\n"
              "send({ sessionId: Math.random() });\nfunction makeId() { return Math.random(); }")
    calls = [call for call in js.calls if call.name == "Math.random"]
    assert [list(js.destinations(call.node)) for call in calls] == [["token"], ["user.resetCode"], ["sessionId"],
                                                                    ["makeId"]]


@pytest.mark.parametrize("source, line", [
    ("async getUser(id) {\n  return db.query('SELECT 1');\n}", 2),  # a method without its class
    ("rejectUnauthorized: false,\nca: fs.readFileSync('ca.pem')", 2),  # properties without their object
])
def test_fragments_are_read_wrapped_and_keep_their_lines(source: str, line: int) -> None:
    js = view(source)
    assert js.tree.errors == 0
    assert [js.line(call.node) for call in js.calls] == [line]


def test_typescript_and_tsx() -> None:
    ts = view("const q: string = `SELECT * FROM t WHERE id = ${id as string}`;\nawait db.query(q!);", "ts")
    call = next(ts.calls_named("query"))
    assert ts.built_through(call.argument(0))[0] is not None
    tsx = view("export const A = ({ html }: { html: string }) => <div dangerouslySetInnerHTML={{ __html: html }} />;",
               "tsx")
    assert tsx.tree.errors == 0 and tsx.dialect == "tsx"
