r"""## What it does
Finds database users and roles created or changed with an empty password or
a password written into the statement: PostgreSQL's ``CREATE|ALTER USER|ROLE
... [WITH] PASSWORD '...'`` and MySQL/MariaDB's ``CREATE|ALTER USER ...
IDENTIFIED [WITH plugin] BY '...'``.  Placeholders
(``'<password>'``, ``'changeme'``, ``'your_password'``, ``'${DB_PASSWORD}'``)
are left alone, judged as the other secret rules judge them, and so are
values that name themselves (``'dbpassword'``, ``'readonly-password'``); an
empty password is always reported.

## Why is this bad?
An empty password lets anyone who reaches the server log in as that user.
A real-looking password in a guide is copied with the guide, and ends up as
the production password of every reader who did not change it; it also
lands in shell history and the server's statement log.

## Example
```sql
CREATE USER app WITH PASSWORD 'Wint3r-2024!';
CREATE USER 'report'@'%' IDENTIFIED BY '';
```

## Use instead
```sql
-- psql: \password app   (prompts, and sends only the hash)
CREATE USER app WITH PASSWORD '<a password from your secret store>';
```
Set passwords interactively (``\password`` in psql), from a secret store,
or with a placeholder the reader must replace; never leave one empty.

## References
- [CWE-258: Empty Password in Configuration File](https://cwe.mitre.org/data/definitions/258.html)
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.sql import SqlView, Token
from ...model import Hit
from ...languages.credentials import describes_itself, looks_real
from ..registry import rule


@rule(
    id="DSQ002",
    symbol="sql-user-literal-password",
    title="Database user with an empty or literal password",
    severity="high",
    cwe=798,
    languages=("sql",),
    equivalent="none",
    message="sets a database user's password to an empty or literal value; set it from a secret store",
    use_instead="\\password app in psql, or a placeholder such as '<password>'",
    name_triggers=("password", "identified"),
)
def check(sql: SqlView) -> Iterator[Hit]:
    for statement in sql.statements:
        if not (statement.starts("CREATE", "USER") or statement.starts("CREATE", "ROLE")
                or statement.starts("ALTER", "USER") or statement.starts("ALTER", "ROLE")):
            continue
        for password in _passwords(statement.tokens):
            if password.text == "":
                yield Hit(password.line, password.column,
                          f"`{statement.tokens[0].text} {statement.tokens[1].text}` sets an empty password: anyone "
                          "who reaches the server logs in as this user; set a password from a secret store")
            elif looks_real(password.text, "password") and not describes_itself(password.text):
                yield Hit(password.line, password.column,
                          f"`{statement.tokens[0].text} {statement.tokens[1].text}` writes the password into the "
                          "statement; readers copy it: set it with `\\password` or from a secret store, or show a "
                          "placeholder such as '<password>'")


def _passwords(tokens: tuple[Token, ...]) -> Iterator[Token]:
    """The string after ``PASSWORD`` (PostgreSQL) or after ``BY`` (MySQL's ``IDENTIFIED ... BY``)."""
    for before, token in zip(tokens, tokens[1:]):
        if token.kind == "string" and before.kind in ("keyword", "identifier") and \
                before.text.upper() in ("PASSWORD", "BY"):
            yield token
