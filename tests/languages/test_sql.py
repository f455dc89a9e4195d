"""The SQL view: statements as the grammar's tokens, parsed or not."""

from __future__ import annotations

import pytest

from docsec.languages import build_views

pytest.importorskip("tree_sitter_sql", reason="docsec[languages] is not installed")


def statements(text: str) -> list[tuple[int, list[str]]]:
    sql = build_views(text, "sql").sql
    assert sql is not None
    return [(statement.line, statement.words()) for statement in sql.statements]


def test_statements_split_at_semicolons_with_lines() -> None:
    assert statements("GRANT ALL ON ALL TABLES IN SCHEMA public TO public;\n\n-- a comment\n"
                      "CREATE USER app WITH PASSWORD 'Pa55-word';") == [
        (1, ["GRANT", "ALL", "ON", "ALL", "TABLES", "IN", "SCHEMA", "PUBLIC", "TO", "PUBLIC"]),
        (4, ["CREATE", "USER", "APP", "WITH", "PASSWORD", "'"]),
    ]


def test_statements_the_grammar_does_not_know_keep_their_tokens() -> None:
    # MySQL's 'user'@'host' and IDENTIFIED BY are not in the grammar: the tokens are still its own.
    sql = build_views("CREATE USER 'app'@'%' IDENTIFIED BY '';", "sql").sql
    assert sql is not None and sql.tree.errors > 0
    (statement,) = sql.statements
    assert statement.starts("CREATE", "USER")
    assert [(t.kind, t.text) for t in statement.tokens][-2:] == [("identifier", "BY"), ("string", "")]


def test_string_values() -> None:
    sql = build_views("ALTER ROLE app PASSWORD 'it''s';", "sql").sql
    assert [t.text for t in sql.statements[0].tokens if t.kind == "string"] == ["it's"]
