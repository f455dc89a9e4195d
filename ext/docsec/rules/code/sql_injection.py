"""## What it does
Finds SQL built from values by concatenation, interpolation or a format call
and handed to a database call, in Java, C#, PHP, Go, Ruby and Rust:

* Java: ``executeQuery``, ``executeUpdate``, ``execute``, ``addBatch``,
  ``prepareStatement``, ``createQuery``, ``createNativeQuery``, Spring's
  ``query``/``queryForObject``/``queryForList``/``update``;
* C#: ``new SqlCommand(sql, ...)`` (and the other providers' commands),
  ``CommandText = sql``, EF Core's ``FromSqlRaw``/``ExecuteSqlRaw`` (not
  ``FromSql($"...")``, which sends the interpolated values as parameters),
  Dapper's ``Query``/``Execute``;
* PHP: ``$pdo->query``/``exec``/``prepare``, ``mysqli_query``,
  ``$mysqli->query``, ``pg_query``, Laravel's ``DB::select``/``statement``
  and ``whereRaw``/``orderByRaw``;
* Go: ``db.Query``, ``QueryRow``, ``Exec`` and their ``Context`` forms, GORM's
  ``Raw``/``Exec``/``Where``;
* Ruby: Active Record's ``where``, ``order``, ``find_by_sql``, ``select``,
  ``joins``, ``group``, ``having`` and ``connection.execute``/``exec_query``;
* Rust: sqlx's ``query``/``query_as``/``query_scalar`` (the functions, not
  the ``query!`` macros, which check parameters), rusqlite's
  ``execute``/``query_row``/``prepare``, postgres' ``query``/``execute``/
  ``batch_execute``/``simple_query`` and Diesel's ``sql_query``, given SQL
  built with ``format!`` or ``+``.

The text must read as SQL (a statement keyword and another SQL word), except
for calls that take a piece of SQL (``where``, ``whereRaw``, ``order``).
Constants, numbers and escaped values are left alone.

## Why is this bad?
A value pasted into SQL text is parsed as SQL: ``' OR '1'='1`` logs in as
anyone, ``'; DROP TABLE users; --`` does what it says.

## Example
```java
String sql = "SELECT * FROM users WHERE name = '" + request.getParameter("name") + "'";
ResultSet rs = statement.executeQuery(sql);
```

## Use instead
```java
PreparedStatement ps = connection.prepareStatement("SELECT * FROM users WHERE name = ?");
ps.setString(1, request.getParameter("name"));
ResultSet rs = ps.executeQuery();
```
Pass values as parameters: ``?`` with ``PreparedStatement``,
``@name`` with ``SqlParameter``, ``:name``/``?`` with PDO, ``$1``/``?`` in Go,
``where(name: params[:name])`` or ``where("name = ?", name)`` in Rails.

## References
- [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
- [OWASP Query Parameterization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Query_Parameterization_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.code import CodeView
from ...model import Hit
from .._text import looks_like_sql
from ..registry import rule
from ._values import LANGUAGES, is_outside

SINKS = frozenset({
    "executeQuery", "executeUpdate", "execute", "addBatch", "prepareStatement", "prepareCall", "createQuery",
    "createNativeQuery", "createSQLQuery", "query", "queryForObject", "queryForList", "queryForMap", "update",
    "batchUpdate",
    "SqlCommand", "NpgsqlCommand", "MySqlCommand", "SqliteCommand", "OracleCommand", "OleDbCommand", "FromSqlRaw",
    "ExecuteSqlRaw", "ExecuteSqlRawAsync", "SqlQueryRaw", "Query", "QueryAsync", "Execute", "ExecuteAsync",
    "QueryFirst", "QueryFirstOrDefault", "QuerySingle", "ExecuteScalar",
    "exec", "prepare", "mysqli_query", "pg_query", "mysql_query", "sqlite_query", "select", "statement", "unprepared",
    "whereRaw", "orderByRaw", "havingRaw", "selectRaw",
    "QueryRow", "QueryContext", "QueryRowContext", "Exec", "ExecContext", "Raw", "Where", "Prepare",
    "where", "order", "find_by_sql", "joins", "group", "having", "exec_query", "select_all", "select_value",
    "select_rows", "pluck", "from", "reorder", "count_by_sql",
    "query_as", "query_scalar", "sql_query", "query_row", "batch_execute", "query_one", "query_opt", "simple_query",
})
# Calls that take a piece of SQL rather than a statement.
FRAGMENTS = frozenset({"whereRaw", "orderByRaw", "havingRaw", "selectRaw", "Where", "where", "order", "joins",
                       "group", "having", "pluck", "from", "reorder", "select"})
COMMAND_TEXT = ("CommandText",)


@rule(
    id="DSL002",
    symbol="sql-built-from-values",
    title="SQL built from values by concatenation or interpolation (Java, C#, PHP, Go, Ruby, Rust)",
    severity="high",
    cwe=89,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL sql-injection queries",
    message="builds SQL text from a value; pass values as query parameters",
    use_instead='connection.prepareStatement("SELECT * FROM users WHERE name = ?")',
    name_triggers=(*sorted({sink.lower() for sink in SINKS}), "commandtext"),
)
def check(view: CodeView) -> Iterator[Hit]:
    for call in view.calls_named(*SINKS):
        arguments = call.arguments[:1] if call.short in FRAGMENTS else call.arguments[:2]
        for argument in arguments:
            if _built_sql(view, argument, fragment=call.short in FRAGMENTS and view.language in ("ruby", "php", "go")):
                built, via = view.built_through(argument)
                assert built is not None
                yield _hit(view, call.node, f"`{view.text_of(call.node, 40).split('(')[0]}`", built.how + via,
                           [part for part in built.dynamic if is_outside(view, part)])
                break
    for name, values in view.assignments.items():
        if name.rsplit(".", 1)[-1] in COMMAND_TEXT:
            for value in values:
                if _built_sql(view, value):
                    built, via = view.built_through(value)
                    assert built is not None
                    yield _hit(view, value, f"`{name} = ...`", built.how + via,
                               [part for part in built.dynamic if is_outside(view, part)])


def _built_sql(view: CodeView, node: Any, fragment: bool = False) -> bool:
    built, _ = view.built_through(node)
    return built is not None and (fragment or looks_like_sql(built.text)) and \
        any(is_outside(view, part) for part in built.dynamic)


def _hit(view: CodeView, node: Any, what: str, how: str, dynamic: list) -> Hit:
    return Hit(view.line(node), view.column(node),
               f"{what} runs SQL built with {how} from `{view.text_of(dynamic[0], 40)}`; pass the value as a query "
               "parameter instead")
