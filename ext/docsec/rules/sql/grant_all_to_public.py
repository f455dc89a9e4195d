"""## What it does
Finds SQL that grants every privilege to ``PUBLIC``, the role every user of
the database belongs to: ``GRANT ALL [PRIVILEGES] ON ... TO PUBLIC``, on a
table, a schema, a database or all tables of a schema.

## Why is this bad?
``PUBLIC`` is every login, present and future: a reporting account, an
application's read-only user, a role created next year.  ``ALL`` includes
``DELETE``, ``TRUNCATE``, ``UPDATE`` and, on a schema, ``CREATE``, so any of
them can change or destroy the data (and on PostgreSQL before 15, ``CREATE``
on ``public`` lets any user plant functions other users call).

## Example
```sql
GRANT ALL PRIVILEGES ON DATABASE shop TO PUBLIC;
GRANT ALL ON ALL TABLES IN SCHEMA public TO public;
```

## Use instead
```sql
CREATE ROLE shop_app LOGIN;
GRANT CONNECT ON DATABASE shop TO shop_app;
GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO shop_app;
```
Grant the privileges a role needs to that role, and
``REVOKE ALL ON DATABASE ... FROM PUBLIC`` where the defaults are too wide.

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
- [PostgreSQL docs: GRANT](https://www.postgresql.org/docs/current/sql-grant.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.sql import SqlView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSQ001",
    symbol="sql-grant-all-to-public",
    title="Every privilege granted to PUBLIC",
    severity="high",
    cwe=732,
    languages=("sql",),
    equivalent="none",
    message="grants every privilege to PUBLIC (every user); grant what is needed to a named role",
    use_instead="GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA app TO app_role;",
    name_triggers=("grant",),
)
def check(sql: SqlView) -> Iterator[Hit]:
    for statement in sql.statements:
        words = statement.words()
        if not words or words[0] != "GRANT" or "TO" not in words:
            continue
        to = len(words) - 1 - words[::-1].index("TO")
        privileges = words[1:words.index("ON")] if "ON" in words[:to] else words[1:to]
        grantees = [word for word in words[to + 1:] if word not in (",",)]
        if privileges[:1] == ["ALL"] and "PUBLIC" in grantees:
            token = statement.tokens[0]
            yield Hit(token.line, token.column,
                      "`GRANT ALL ... TO PUBLIC` gives every privilege to every user of the database, present and "
                      "future; grant only the privileges needed to a named role")
