"""## What it does
Finds SQL built from outside values with f-strings, ``%`` formatting,
``str.format`` or ``+`` and handed to a database: ``cursor.execute``,
``executemany``, ``executescript``, ``Model.objects.raw``, ``RawSQL``,
``.extra(where=...)``, SQLAlchemy ``text()`` and ``exec_driver_sql``,
``pandas.read_sql``, ``spark.sql``, ``client.query`` - directly or through
a variable built earlier in the block - and Django expression templates:
``Func(..., template=...)``, a ``template = ...`` class attribute of a
``Func``/``Aggregate``/``Transform`` subclass, and an ``as_sql`` method that
returns SQL with a value pasted between quotes (``"... '%s'" % self.value``).  Values that are constants
(``TABLE = "users"``), numbers (``int(n)``) or a join of bind placeholders
(``", ".join("?" * len(ids))``) are left alone.  Also finds quoted
placeholders in a parameterised query (``WHERE name = '%s'``), which break
the driver's quoting.

## Why is this bad?
A value pasted into SQL text is parsed as SQL: ``' OR '1'='1`` logs in as
anyone and ``'; DROP TABLE users; --`` does what it says.  Parameters sent
separately from the query text are never parsed as SQL.

## Example
```python
cursor.execute(f"SELECT * FROM users WHERE name = '{username}'")
```

## Use instead
```python
cursor.execute("SELECT * FROM users WHERE name = %s", (username,))
```
Pass values as parameters (``%s``, ``?`` or ``:name``, following the
driver's paramstyle), unquoted; compose identifiers with
``psycopg.sql.Identifier`` or an allow-list; use the ORM's query API.

## References
- [CWE-89: Improper Neutralization of Special Elements used in an SQL Command](https://cwe.mitre.org/data/definitions/89.html)
- [OWASP Query Parameterization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Query_Parameterization_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._web_helpers import HOLE, Built, built_string, is_outside_data, looks_like_sql

SINKS = frozenset({"execute", "executemany", "executescript", "raw", "RawSQL", "text", "read_sql", "read_sql_query",
                   "exec_driver_sql", "sql", "query", "mogrify", "fetch", "fetchrow", "fetchval", "execute_sql",
                   "select_raw", "run_query", "cursor_execute"})
EXTRA_KEYWORDS = ("where", "select", "tables", "order_by")
REQUEST_INPUT = re.compile(r"\b(?:request|req|input|argv|args|form|params|query_params|GET|POST|json)\b")
QUOTED_PLACEHOLDER = re.compile(r"""(['"])[^'"]*%(?:\(\w+\))?s[^'"]*\1""")


@rule(
    id="DSP020",
    symbol="sql-injection",
    title="SQL built from values by string formatting",
    severity="high",
    cwe=89,
    languages=("python",),
    equivalent="Bandit B608/B610/B611, Ruff S608/S610/S611",
    message="builds SQL text from a value; pass values as query parameters",
    use_instead='cursor.execute("SELECT ... WHERE id = %s", (user_id,))',
    # Every branch compares a whole name: the sinks' and `extra`'s short names, the `template` keyword,
    # the last part of a Django expression base class's name.
    name_triggers=(*sorted(sink.lower() for sink in SINKS), "extra", "template", "func", "aggregate", "transform",
                   "lookup", "builtinlookup", "expression", "window"),
)
def check(code: PythonView) -> Iterator[Hit]:
    yield from _expression_templates(code)
    for call in code.calls_named("extra", *SINKS):  # the only calls _queries finds queries in
        for query in _queries(call):
            found = _built_sql(code, query, fragment=call.short == "extra")
            if found is not None:
                built, via = found
                piece = ast.unparse(built.dynamic[0])
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}` runs SQL built with {built.how}{via} from `{piece}`; pass the value "
                          "as a query parameter (`%s`/`?`/`:name`) instead")
                break
            text = code.string_value(query)
            if text and len(call.node.args) >= 2 and call.short in ("execute", "executemany", "raw") \
                    and looks_like_sql(text) and "?" not in text and "strftime" not in text.lower():
                quoted = QUOTED_PLACEHOLDER.search(text)
                if quoted:
                    yield Hit(call.line, code.column(call.node),
                              f"`{call.written}` quotes the placeholder ({quoted.group(0)}); the driver quotes "
                              "parameters itself, so remove the quotes around `%s`")


def _queries(call: Call) -> list[ast.AST]:
    if call.short == "extra":
        found: list[ast.AST] = []
        for keyword in EXTRA_KEYWORDS:
            value = call.keyword(keyword)
            if isinstance(value, (ast.List, ast.Tuple)):
                found.extend(value.elts)
            elif isinstance(value, ast.Dict):
                found.extend(value.values)
        return found
    if call.short not in SINKS:
        return []
    first = call.argument(0, "sql") or call.keyword("query") or call.keyword("statement")
    return [first] if first is not None else []


def _built_sql(code: PythonView, node: ast.AST, fragment: bool = False) -> Optional[tuple[Built, str]]:
    via = ""
    candidates = [node]
    if isinstance(node, ast.Name):
        candidates = [v for v in code.assignments.get(node.id, []) if isinstance(v, (ast.expr, ast.AugAssign))]
        via = f" (in `{node.id}`)"
    for candidate in candidates:
        target = candidate.value if isinstance(candidate, ast.AugAssign) else candidate
        built = built_string(code, target) if isinstance(target, ast.expr) else None
        if built is None:
            continue
        text = built.text
        if isinstance(node, ast.Name):
            text = " ".join(_text_of(code, v) for v in code.assignments.get(node.id, []))
        dynamic = [piece for piece in built.dynamic if is_outside_data(code, piece)]
        if built.identifiers_only and not any(REQUEST_INPUT.search(ast.unparse(piece)) for piece in dynamic):
            continue  # f"SELECT * FROM {table}": a table name, usually chosen by the program
        if dynamic and (fragment or looks_like_sql(text)):
            return Built(text, dynamic, built.how), via
    return None


def _text_of(code: PythonView, value: ast.AST) -> str:
    value = value.value if isinstance(value, ast.AugAssign) else value
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return value.value
    built = built_string(code, value) if isinstance(value, ast.expr) else None
    return built.text if built else ""


EXPRESSION_BASES = re.compile(r"(?:^|\.)(?:Func|Aggregate|Transform|Lookup|Expression|Window|BuiltinLookup)$")
SQL_METHODS = re.compile(r"^as_(?:sql|sqlite|postgresql|mysql|oracle)$")
QUOTED_HOLE = re.compile("'" + HOLE + "'|\"" + HOLE + "\"")


def _expression_templates(code: PythonView) -> Iterator[Hit]:
    """Django ``Func``/``Expression`` SQL templates built from values."""
    for call in code.calls:
        template = call.keyword("template") if call.node.keywords else None
        if template is not None and (EXPRESSION_BASES.search(call.name) or "%(expressions)s" in ast.unparse(template)):
            yield from _template_hit(code, template, f"`{call.written}(template=...)`")
    for node in code.nodes_of(ast.ClassDef):
        assert isinstance(node, ast.ClassDef)
        if not any(EXPRESSION_BASES.search(code.qualname(base) or "") for base in node.bases):
            continue
        for statement in node.body:
            if isinstance(statement, ast.Assign) and any(isinstance(t, ast.Name) and t.id in ("template", "sql_template")
                                                         for t in statement.targets):
                yield from _template_hit(code, statement.value, f"`{node.name}.template`")
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and SQL_METHODS.match(statement.name):
                yield from _quoted_values(code, statement)


def _template_hit(code: PythonView, node: ast.AST, where: str) -> Iterator[Hit]:
    built = built_string(code, node) if isinstance(node, ast.expr) else None
    if built is None or not isinstance(node, ast.expr):
        return
    dynamic = [piece for piece in built.dynamic if is_outside_data(code, piece)]
    if dynamic:
        yield Hit(node.lineno, code.column(node),
                  f"{where} is SQL built with {built.how} from `{ast.unparse(dynamic[0])}`; Django pastes the "
                  "template into the query unescaped: keep the template constant and pass values as expressions "
                  "(`Value(x)`) or `params`")


def _quoted_values(code: PythonView, method: ast.AST) -> Iterator[Hit]:
    for node in ast.walk(method):
        if not isinstance(node, ast.Return) or node.value is None:
            continue
        value = node.value.elts[0] if isinstance(node.value, ast.Tuple) and node.value.elts else node.value
        built = built_string(code, value)
        if built is not None and QUOTED_HOLE.search(built.template) and \
                any(is_outside_data(code, piece) for piece in built.dynamic):
            yield Hit(node.lineno, code.column(node),
                      f"`{getattr(method, 'name', 'as_sql')}` returns SQL with a value pasted between quotes "
                      f"({built.how}); return `%s` in the SQL and the value in the params list")
