"""What a string's text is, in any language: SQL; and a block's whole text, from any view.  Shared by the rule
families; no rule lives here."""

from __future__ import annotations

import re
from typing import Any

SQL_WORDS = re.compile(r"\b(?:SELECT|INSERT\s+INTO|UPDATE|DELETE\s+FROM|WHERE|FROM|VALUES|DROP\s+TABLE|CREATE\s+TABLE"
                       r"|ALTER\s+TABLE|ORDER\s+BY|GROUP\s+BY|JOIN|LIMIT|SET|INTO|AND|OR|LIKE|IN)\b", re.IGNORECASE)
# (``^\s*(?:\(\s*)?``: one way to read the blanks before the keyword, so a long run of blanks costs its length)
SQL_STATEMENT = re.compile(r"^\s*(?:\(\s*)?(?:SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|ALTER|MERGE|REPLACE|TRUNCATE"
                           r"|EXEC|EXECUTE|CALL|GRANT|PRAGMA|UPSERT|SHOW|DESCRIBE)\b"
                           r"|\b(?:WHERE|FROM|VALUES|SET)\b", re.IGNORECASE)


def looks_like_sql(text: str) -> bool:
    """Text with a statement keyword and at least one more SQL keyword."""
    return bool(SQL_STATEMENT.search(text)) and len(SQL_WORDS.findall(text)) >= 2


def block_text(view: Any) -> tuple[str, int]:
    """The text a view parsed (the Python view's source, a tree-sitter view's bytes), and how many lines a
    wrapper added before the block (so a match's line can be counted back to the block)."""
    source = getattr(view, "source", None)
    if isinstance(source, str):
        return source, 0
    tree = getattr(view, "tree", None)
    if tree is not None:
        return tree.source.decode("utf-8", "replace"), getattr(tree, "first_row", 0)
    return str(getattr(view, "text", "")), 0
