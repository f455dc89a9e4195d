"""The view of Java, C#, PHP, Go and Ruby blocks: call names, built strings, keyed values, fragments."""

from __future__ import annotations

import pytest

from docsec.languages import build_views
from docsec.languages.code import CodeView

for grammar in ("tree_sitter_java", "tree_sitter_c_sharp", "tree_sitter_php", "tree_sitter_go", "tree_sitter_ruby",
                "tree_sitter_rust"):
    pytest.importorskip(grammar, reason="docsec[languages] is not installed")


def view(text: str, label: str) -> CodeView:
    views = build_views(text, label)
    found = views.get(views.view_kinds[0])
    assert isinstance(found, CodeView)
    return found


@pytest.mark.parametrize("label, source, name", [
    ("java", 'Runtime.getRuntime().exec(cmd);', "Runtime.getRuntime().exec"),
    ("java", 'new ProcessBuilder("ls").start();', "ProcessBuilder"),
    ("csharp", 'var users = connection.Query<User>(sql);', "connection.Query"),
    ("cs", 'Process.Start("cmd.exe", args);', "Process.Start"),
    ("php", '$rows = $pdo->query($sql);', "$pdo.query"),
    ("php", '<?php\nDB::select($sql);', "DB.select"),
    ("go", 'rows, err := db.QueryContext(ctx, q)', "db.QueryContext"),
    ("golang", 'cmd := exec.Command("ls")', "exec.Command"),
    ("ruby", 'ActiveRecord::Base.connection.execute(sql)', "ActiveRecord.Base.connection.execute"),
    ("rb", 'Marshal.load(data)', "Marshal.load"),
    ("rust", 'let out = Command::new("sh").output()?;', "Command.new"),
    ("rs", 'let rows = sqlx::query_as::<_, User>(&sql).fetch_all(&pool).await?;', "sqlx.query_as"),
])
def test_call_names(label: str, source: str, name: str) -> None:
    assert name in [call.name for call in view(source, label).calls]


@pytest.mark.parametrize("label, source, text, dynamic, how", [
    ("java", 'q = "SELECT * FROM t WHERE id = " + id + " LIMIT 1";', "SELECT * FROM t WHERE id = {} LIMIT 1", ["id"],
     "concatenation (`+`)"),
    ("java", 'q = String.format("rm %s", path);', "rm %s{}", ["path"], "`String.format`"),
    ("csharp", 'var q = $"SELECT * FROM t WHERE id = {id}";', "SELECT * FROM t WHERE id = {}", ["id"], "interpolation"),
    ("php", '$q = "SELECT * FROM t WHERE id = $id";', "SELECT * FROM t WHERE id = {}", ["$id"], "interpolation"),
    ("php", '$q = "ls " . $_GET["dir"];', "ls {}", ['$_GET["dir"]'], "concatenation (`.`)"),
    ("go", 'q := "SELECT " + col', "SELECT {}", ["col"], "concatenation (`+`)"),
    ("go", 'q := fmt.Sprintf("SELECT %s", col)', "SELECT %s{}", ["col"], "`fmt.Sprintf`"),
    ("ruby", 'q = "name = \'#{params[:name]}\'"', "name = '{}'", ["params[:name]"], "interpolation"),
    ("ruby", 'q = "DELETE FROM t WHERE id = " + id', "DELETE FROM t WHERE id = {}", ["id"], "concatenation (`+`)"),
    ("rust", 'let q = format!("SELECT * FROM t WHERE id = {}", user.id);', "SELECT * FROM t WHERE id = {}{}",
     ["user.id"], "`format!`"),
    ("rust", 'let q = format!("DELETE FROM t WHERE name = \'{name}\'");', "DELETE FROM t WHERE name = '{name}'",
     ["name"], "`format!`"),
    ("rust", 'let q = "SELECT ".to_string() + &col;', "SELECT {}", ["&col"], "concatenation (`+`)"),
])
def test_built_strings(label: str, source: str, text: str, dynamic: list[str], how: str) -> None:
    code = view(source, label)
    (values,) = [values for name, values in code.assignments.items() if name.lstrip("$") == "q"]
    built = code.built(values[0])
    assert built is not None
    assert (built.text, [code.text_of(part) for part in built.dynamic], built.how) == (text, dynamic, how)


def test_constants_are_not_built_strings() -> None:
    code = view('final String TABLE = "users";\nq = "SELECT * FROM " + TABLE;\nr = "a" + "b";', "java")
    assert code.built(code.assignments["q"][0]).dynamic == ()
    assert code.is_constant(code.assignments["r"][0])


@pytest.mark.parametrize("label, source, pairs", [
    ("go", "cfg := &tls.Config{InsecureSkipVerify: true, MinVersion: tls.VersionTLS12}",
     [("InsecureSkipVerify", "true"), ("MinVersion", "tls.VersionTLS12")]),
    ("php", '$o = ["verify" => false, CURLOPT_TIMEOUT => 5];', [("verify", "false"), ("CURLOPT_TIMEOUT", "5")]),
    ("ruby", "Faraday.new(url, ssl: { verify: false }, :timeout => 5)",
     [("ssl", "{ verify: false }"), ("verify", "false"), ("timeout", "5")]),
    ("csharp", "var h = new HttpClientHandler { UseProxy = false };", [("UseProxy", "false")]),
])
def test_keyed_values(label: str, source: str, pairs: list[tuple[str, str]]) -> None:
    code = view(source, label)
    assert sorted((key, code.text_of(value)) for key, value, _ in code.pairs) == sorted(pairs)


@pytest.mark.parametrize("label, source, line", [
    ("java", "public User find(String name) {\n  return repo.findByName(name);\n}", 2),  # a method without its class
    ("csharp", "public IActionResult Login(string returnUrl)\n{\n    return Redirect(returnUrl);\n}", 3),
    ("php", "$x = 1;\n$rows = $pdo->query($sql);", 2),  # PHP without <?php
    ("php", "public function show($id)\n{\n    return DB::select($sql);\n}", 3),  # a method without its class
])
def test_fragments_keep_their_lines(label: str, source: str, line: int) -> None:
    code = view(source, label)
    assert code.tree.errors == 0
    assert code.line(code.calls[-1].node) == line
