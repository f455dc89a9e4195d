"""The comments of a code block, as its language writes them (for legacy markers in the code).

Python (and ``>>>`` sessions, IPython cells) is read with :mod:`tokenize`:
its ``#`` comments and the docstring that opens the block.  A fragment that
does not tokenize to its end keeps the comments read up to the error, and the
rest of its lines are read as in a shell script.  Other languages: whole
lines that are comments (``#`` for shell, YAML, TOML, INI, Dockerfiles and
unknown text; ``//`` and ``--`` where the label says C-like or SQL code),
and a shell line's trailing ``# comment`` outside quotes.
"""

from __future__ import annotations

import io
import tokenize
from typing import NamedTuple

from .labels import DOCUMENT, language_kind, normalise_label
from .shell import _strip_comment
from .snippets import normalise_python

SLASH_LANGUAGES = frozenset({
    "javascript", "js", "jsx", "typescript", "ts", "tsx", "java", "c", "cpp", "c++", "csharp", "c#", "cs", "go",
    "rust", "rs", "kotlin", "swift", "php", "scala", "dart", "json5", "jsonc", "groovy",
})
DASH_LANGUAGES = frozenset({"sql", "postgresql", "psql", "mysql", "sqlite", "plpgsql", "tsql", "lua", "haskell"})
SHELL_KINDS = frozenset({"shell", "console", "dockerfile"})


class Comment(NamedTuple):
    line: int  # 1-based in the block
    text: str  # without the comment sign (or the quotes of a docstring)
    whole_line: bool  # nothing but the comment on its line (a heading for the lines after it)


def comments(text: str, language: str) -> list[Comment]:
    """Every comment of ``text`` (a block labelled ``language``), in order."""
    kind = language_kind(language, text)
    if kind == "skip" or normalise_label(language) in DOCUMENT:  # a Markdown "# heading" is no comment
        return []
    if kind in ("python", "pycon", "python-or-text"):
        return _python(text, kind == "pycon")
    label = normalise_label(language)
    signs = ("//",) if label in SLASH_LANGUAGES else ("--",) if label in DASH_LANGUAGES else ("#",)
    return _lines(text.splitlines(), 1, signs, kind in SHELL_KINDS)


def _python(text: str, console: bool) -> list[Comment]:
    snippet = normalise_python(text, console=console)
    lines = snippet.python
    source = "\n".join(lines) + "\n"
    found: list[Comment] = []
    first_token = True
    read_to = 0
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            read_to = token.end[0]
            if token.type == tokenize.COMMENT:
                before = lines[token.start[0] - 1][:token.start[1]] if token.start[0] <= len(lines) else ""
                found.append(Comment(token.start[0], token.string[1:].strip(), not before.strip()))
            elif token.type == tokenize.STRING and first_token:
                found.append(Comment(token.start[0], _docstring(token.string), True))
            if token.type not in (tokenize.COMMENT, tokenize.NL, tokenize.NEWLINE, tokenize.INDENT,
                                  tokenize.DEDENT, tokenize.ENCODING):
                first_token = False
    except (tokenize.TokenError, IndentationError, SyntaxError):
        found.extend(_lines(lines[read_to:], read_to + 1, ("#",), False))
    return found


def _docstring(literal: str) -> str:
    body = literal.lstrip("rRbBuUfF")
    quote = body[:3] if body[:3] in ('"""', "'''") else body[:1]
    return body[len(quote):-len(quote) or None].strip()


def _lines(lines: list[str], first: int, signs: tuple[str, ...], shell: bool) -> list[Comment]:
    found = []
    for number, line in enumerate(lines, start=first):
        stripped = line.strip()
        sign = next((sign for sign in signs if stripped.startswith(sign)), None)
        if sign is not None and not stripped.startswith("#!"):
            found.append(Comment(number, stripped[len(sign):].strip(), True))
        elif shell and "#" in line:
            code = _strip_comment(line)
            if len(code) < len(line.rstrip()):
                found.append(Comment(number, line[len(code):].strip().lstrip("#").strip(), not code.strip()))
    return found
