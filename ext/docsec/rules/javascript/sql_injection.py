"""## What it does
Finds SQL built from values with a template literal, ``+``, ``.concat`` or
``util.format`` and handed to a database call: ``query``, ``execute``,
``raw``, ``run``, ``all``, ``get``, ``exec``, ``prepare``, ``whereRaw``,
``$queryRawUnsafe``, ``$executeRawUnsafe``, ``sequelize.query`` and the
like, directly or through a variable built earlier in the example.  The text
must read as SQL (a statement keyword and another SQL word), except for
Knex's raw clauses, which take a piece of SQL.  Tagged
templates (``sql`...```, ``Prisma.sql``, ``$queryRaw`...```) send the
values as parameters and are left alone, as are values that are constants,
numbers (``parseInt(id)``) or escaped (``mysql.escape(name)``).

## Why is this bad?
A value pasted into SQL text is parsed as SQL: ``' OR '1'='1`` logs in as
anyone, ``'; DROP TABLE users; --`` does what it says.

## Example
```javascript
const rows = await pool.query(`SELECT * FROM users WHERE email = '${req.body.email}'`);
```

## Use instead
```javascript
const rows = await pool.query("SELECT * FROM users WHERE email = $1", [req.body.email]);
```
Pass values as parameters (``$1``, ``?`` or ``:name`` following the
driver), or use the driver's tagged template.

## References
- [CWE-89: SQL Injection](https://cwe.mitre.org/data/definitions/89.html)
- [OWASP Query Parameterization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Query_Parameterization_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from .._text import looks_like_sql
from ..registry import rule
from ._values import is_outside

SINKS = frozenset({"query", "execute", "raw", "run", "all", "get", "exec", "prepare", "whereRaw", "orderByRaw",
                   "havingRaw", "joinRaw", "selectRaw", "$queryRawUnsafe", "$executeRawUnsafe", "unsafe", "sql",
                   "executeQuery", "queryRaw", "many", "one", "none", "any", "oneOrNone", "manyOrNone", "each"})

# Knex's raw clauses take a piece of SQL, not a statement.
FRAGMENTS = frozenset({"whereRaw", "orderByRaw", "havingRaw", "joinRaw", "selectRaw"})


@rule(
    id="DSW003",
    symbol="js-sql-injection",
    title="SQL built from values in JavaScript",
    severity="high",
    cwe=89,
    languages=("javascript",),
    equivalent="eslint-plugin-security detect-sql-injection (none in core ESLint)",
    message="builds SQL text from a value; pass values as query parameters",
    use_instead='pool.query("SELECT * FROM users WHERE email = $1", [email])',
    name_triggers=tuple(sorted({sink.lower().lstrip("$") for sink in SINKS})),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named(*SINKS):
        query = call.argument(0)
        if query is None:
            continue
        built, via = js.built_through(query)
        if built is None or not (call.short in FRAGMENTS or looks_like_sql(built.text)):
            continue
        dynamic = [part for part in built.dynamic if is_outside(js, part)]
        if dynamic:
            yield Hit(js.line(call.node), js.column(call.node),
                      f"`{call.written}` runs SQL built with {built.how}{via} from `{js.text_of(dynamic[0], 40)}`; "
                      "pass the value as a query parameter (`$1`/`?`) or use the driver's tagged template")
