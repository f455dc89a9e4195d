"""What a string's text is, in any language: SQL.  Shared by the rule families; no rule lives here."""

from __future__ import annotations

import re

SQL_WORDS = re.compile(r"\b(?:SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WHERE|FROM|VALUES|DROP\s+TABLE|CREATE\s+TABLE"
                       r"|ALTER\s+TABLE|ORDER\s+BY|GROUP\s+BY|JOIN|LIMIT|SET|INTO|AND|OR|LIKE|IN)\b", re.IGNORECASE)
# (``^\s*(?:\(\s*)?``: one way to read the blanks before the keyword, so a long run of blanks costs its length)
SQL_STATEMENT = re.compile(r"^\s*(?:\(\s*)?(?:SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|ALTER|MERGE|REPLACE|TRUNCATE"
                           r"|EXEC|EXECUTE|CALL|GRANT|PRAGMA|UPSERT|SHOW|DESCRIBE)\b"
                           r"|\b(?:WHERE|FROM|VALUES|SET)\b", re.IGNORECASE)


def looks_like_sql(text: str) -> bool:
    """Text with a statement keyword and at least one more SQL keyword."""
    return bool(SQL_STATEMENT.search(text)) and len(SQL_WORDS.findall(text)) >= 2
