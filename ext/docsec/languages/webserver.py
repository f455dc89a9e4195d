"""Web server configuration: nginx, Apache httpd and Caddy, read as directives in their blocks.

The three are read alike, as a tree of :class:`Directive` (a name, its
arguments, its line, the blocks it is written in), each with the reader its
format has:

* nginx with the lexer of crossplane, nginx's own Python parser (NGINX Inc.,
  pure Python; the ``docsec[languages]`` extra): quotes, escapes, comments and
  ``${...}`` as nginx reads them.  Its ``parse`` only reads files by name, so
  the block's text goes through its lexer (``_lex_file_object``) and the
  braces and semicolons are nested here;
* Apache with the lexer of ``apacheconfig`` (a PLY grammar for Apache's
  format, pure Python, in the same extra): ``<VirtualHost>`` sections, line
  continuations and comments; each directive's arguments are split as Apache
  splits them (quotes kept together);
* Caddy with a reader of the Caddyfile's tokens written here, since no parser
  of it is on PyPI: words, quoted and backquoted tokens, ``#`` comments,
  ``\\`` line continuations, ``{`` and ``}`` opening and closing blocks.  It
  follows Caddy's own lexer (``caddyconfig/caddyfile/lexer.go``) and is
  checked against a round trip and a fuzz test (``tests/languages/test_webserver.py``)
  and measured in ``benchmarks/README.md`` (round 12).

Documentation shows fragments (a ``location`` block, three ``ssl_*`` lines,
an unclosed ``server {``): every reader accepts them, and a missing or
extra brace closes or opens nothing.
"""

from __future__ import annotations

import importlib.util
import io
import shlex
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator, Optional, Union

from .treesitter import EXTRA

# Server -> the module its reader needs (Caddy's needs none).
MODULES = {"nginx": "crossplane", "apache": "apacheconfig"}
DISPLAY = {"nginx": "nginx", "apache": "Apache", "caddy": "Caddy"}


@dataclass
class Directive:
    name: str  # as written: ``ssl_protocols``, ``SSLProtocol``, ``reverse_proxy``
    args: tuple[str, ...]
    line: int  # 1-based in the block
    parents: tuple[Directive, ...] = ()  # the blocks it is written in, outermost first
    children: list[Directive] = field(default_factory=list)
    column: int = 1

    @property
    def lower(self) -> str:
        return self.name.lower()

    @property
    def written(self) -> str:
        return " ".join((self.name, *self.args))

    def within(self, name: str) -> Optional[Directive]:
        """The innermost enclosing block of this name (lower case), or ``None``."""
        return next((p for p in reversed(self.parents) if p.lower == name), None)


class WebServerView:
    """The directives of one nginx, Apache or Caddy block."""

    def __init__(self, server: str, directives: list[Directive]) -> None:
        self.server = server  # ``nginx``, ``apache`` or ``caddy``
        self.directives = directives  # every directive, in document order (blocks before their contents)

    def named(self, *names: str) -> Iterator[Directive]:
        """The directives of these names (lower case; Apache's are read without case)."""
        wanted = frozenset(names)
        return (d for d in self.directives if d.lower in wanted)

    def scope_of(self, directive: Directive) -> list[Directive]:
        """The directives beside ``directive``: those of its innermost block (or the top level)."""
        parent = directive.parents[-1] if directive.parents else None
        return [d for d in self.directives if (d.parents[-1] if d.parents else None) is parent]


def unavailable(server: str) -> Optional[str]:
    """Why blocks of this server cannot be read, or ``None`` (told without importing the reader)."""
    module = MODULES.get(server)
    if module and importlib.util.find_spec(module) is None:
        return f"the {DISPLAY[server]} reader ({module}) is not installed"
    return None


def build_webserver_view(text: str, server: str) -> Union[WebServerView, str]:
    """The view of the block, or a sentence saying why it cannot be read."""
    missing = unavailable(server)
    if missing:
        return f"{missing}; install {EXTRA}"
    try:
        tokens = {"nginx": _nginx_tokens, "apache": None, "caddy": caddy_tokens}[server]
        directives = _apache_directives(text) if tokens is None else _nest(tokens(text), server)
    except Exception as error:  # noqa: BLE001 - a reader that fails on a fragment: the block is not analysed
        return f"the {DISPLAY[server]} reader failed ({type(error).__name__}: {error})"
    return WebServerView(server, directives)


# A token: (text, line, quoted).  ``{``, ``}`` and (nginx) ``;`` unquoted are structure.
Token = tuple[str, int, bool]


def _nest(tokens: Iterator[Token], server: str) -> list[Directive]:
    """Directives from a token stream: nginx ends each with ``;``, Caddy with the end of its line."""
    found: list[Directive] = []
    stack: list[Directive] = []
    current: list[Token] = []

    def finish(opens: bool) -> None:
        if current:
            name, line, _ = current[0]
            directive = Directive(name, tuple(t for t, _, _ in current[1:]), line, tuple(stack))
            if stack:
                stack[-1].children.append(directive)
            found.append(directive)
            current.clear()
            if opens:
                stack.append(directive)
        elif opens:  # a ``{`` with nothing before it (Caddy's global options block)
            directive = Directive("{", (), 0, tuple(stack))
            stack.append(directive)

    previous_line, continued = 0, False
    for text, line, quoted in tokens:
        if not quoted and text.startswith("#"):
            continue
        if server == "caddy" and text == "\\\n" and not quoted:
            continued = True  # (the directive goes on on the next line)
            continue
        if server == "caddy" and current and line != previous_line and not continued:
            finish(False)
        previous_line, continued = line, False
        if not quoted and text == "{":
            finish(True)
        elif not quoted and text == "}":
            finish(False)
            if stack:
                stack.pop()
        elif not quoted and text == ";" and server == "nginx":
            finish(False)
        else:
            current.append((text, line, quoted))
    finish(False)
    return found


def _nginx_tokens(text: str) -> Iterator[Token]:
    from crossplane.lexer import _lex_file_object

    for token, line, quoted in _lex_file_object(io.StringIO(text if text.endswith("\n") else text + "\n")):
        yield token, line, quoted


def caddy_tokens(text: str) -> Iterator[Token]:
    """The Caddyfile's tokens as Caddy's lexer reads them: ``(text, line, quoted)``."""
    line, i, n = 1, 0, len(text)
    while i < n:
        char = text[i]
        if char == "\n":
            line += 1
            i += 1
        elif char.isspace():
            i += 1
        elif char == "\\" and text.startswith("\n", i + 1):  # a line continuation
            yield "\\\n", line, False
            line += 1
            i += 2
        elif char == "#" and (i == 0 or text[i - 1].isspace()):
            while i < n and text[i] != "\n":
                i += 1
        elif char in "\"`":
            start_line, close = line, char
            i += 1
            value = []
            while i < n and text[i] != close:
                if close == '"' and text[i] == "\\" and i + 1 < n and text[i + 1] in '"\\':
                    value.append(text[i + 1])
                    i += 2
                    continue
                if text[i] == "\n":
                    line += 1
                value.append(text[i])
                i += 1
            i += 1
            yield "".join(value), start_line, True
        else:
            start = i
            while i < n and not text[i].isspace():
                i += 1
            yield text[start:i], line, False


@lru_cache(maxsize=1)
def _apache_lexer() -> Any:
    """apacheconfig's PLY lexer, built once per process (PLY builds it by reflection, the costly part)."""
    from apacheconfig import make_lexer

    return make_lexer()().engine


def _apache_directives(text: str) -> list[Directive]:
    lexer = _apache_lexer().clone()  # (a clone has its own position and line count)
    lexer.lineno = 1
    lexer.input(text if text.endswith("\n") else text + "\n")
    found: list[Directive] = []
    stack: list[Directive] = []
    for token in lexer:
        if token.type in ("OPEN_TAG", "OPTION_AND_VALUE", "OPTION_AND_VALUE_NOSTRIP"):
            parts = token.value if isinstance(token.value, tuple) else (token.value,)
            name, value = str(parts[0]), str(parts[-1]) if len(parts) == 3 else ""
            directive = Directive(name, _apache_args(value), token.lineno, tuple(stack))
        elif token.type == "CLOSE_TAG":
            for index in range(len(stack) - 1, -1, -1):
                if stack[index].lower == str(token.value).lower():
                    del stack[index:]
                    break
            continue
        else:
            continue
        if stack:
            stack[-1].children.append(directive)
        found.append(directive)
        if token.type == "OPEN_TAG":
            stack.append(directive)
    return found


def _apache_args(value: str) -> tuple[str, ...]:
    """A directive's arguments as Apache splits them: words, with quoted ones kept together."""
    try:
        return tuple(shlex.split(value, posix=True))
    except ValueError:  # an unbalanced quote
        return tuple(value.split())
