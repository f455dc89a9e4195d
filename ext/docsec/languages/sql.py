"""The SQL view: a block read with the tree-sitter SQL grammar, as statements of tokens.

The grammar knows PostgreSQL and standard SQL best; other dialects (MySQL's
``'user'@'host'``, ``IDENTIFIED BY``) leave error nodes whose tokens are
still the grammar's.  So rules read each statement as the sequence of the
tree's leaves (keywords by the grammar's own ``keyword_*`` node types, string
literals, identifiers, punctuation), split at ``;``, which holds whether the
statement parsed or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional

from .lazy import lazy_property
from .treesitter import Tree, parse

QUOTES = ("'", '"', "$$")


@dataclass(frozen=True)
class Token:
    kind: str  # "keyword", "string", "identifier", "number" or "other"
    text: str  # a keyword upper-cased, a string's value without its quotes, else as written
    line: int
    column: int


@dataclass(frozen=True)
class Statement:
    tokens: tuple[Token, ...]

    @property
    def line(self) -> int:
        return self.tokens[0].line

    def words(self) -> list[str]:
        """Keywords and identifiers upper-cased, ``'...'`` for a string: for matching a statement's shape."""
        return [t.text.upper() if t.kind in ("keyword", "identifier") else "'" if t.kind == "string" else t.text
                for t in self.tokens]

    def starts(self, *words: str) -> bool:
        head = [t.text.upper() for t in self.tokens[:len(words)] if t.kind in ("keyword", "identifier")]
        return head == list(words)


class SqlView:
    def __init__(self, tree: Tree) -> None:
        self.tree = tree

    @lazy_property
    def tokens(self) -> list[Token]:
        found = []
        for leaf in _leaves(self.tree.root):
            text = self.tree.text(leaf)
            if not text.strip() or leaf.type == "comment" or leaf.type == "marginalia":
                continue
            line, column = self.tree.line(leaf), self.tree.column(leaf)
            if leaf.type.startswith("keyword_"):
                found.append(Token("keyword", text.upper(), line, column))
            elif text.startswith(QUOTES) or text[:2].upper() in ("E'", "N'"):
                found.append(Token("string", _string_value(text), line, column))
            elif leaf.type == "identifier" or text.replace("_", "a").isalnum() and not text[0].isdigit():
                found.append(Token("identifier", text.strip('`"[]'), line, column))
            elif text[0].isdigit():
                found.append(Token("number", text, line, column))
            else:
                found.append(Token("other", text, line, column))
        return found

    @lazy_property
    def statements(self) -> list[Statement]:
        statements: list[Statement] = []
        current: list[Token] = []
        for token in self.tokens:
            if token.kind == "other" and token.text == ";":
                if current:
                    statements.append(Statement(tuple(current)))
                current = []
            else:
                current.append(token)
        if current:
            statements.append(Statement(tuple(current)))
        return statements


def _leaves(root: Any) -> Iterator[Any]:
    """The tree's leaves in order; a leaf of an error is a leaf too."""
    cursor = root.walk()
    while True:
        if cursor.goto_first_child():
            continue
        yield cursor.node
        while not cursor.goto_next_sibling():
            if not cursor.goto_parent():
                return


def _string_value(text: str) -> str:
    if text[:2].upper() in ("E'", "N'"):
        text = text[1:]
    if text.startswith("$$") and text.endswith("$$") and len(text) >= 4:
        return text[2:-2]
    quote = text[0]
    if len(text) >= 2 and text.endswith(quote):
        return text[1:-1].replace(quote * 2, quote)
    return text[1:]


def build_sql_view(text: str) -> Optional[SqlView]:
    """The view of an SQL block; ``None`` when the grammar cannot be loaded."""
    tree = parse("sql", text)
    return SqlView(tree) if tree is not None else None
