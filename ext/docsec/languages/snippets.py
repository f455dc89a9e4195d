"""Turn a documentation snippet into code a parser accepts, line for line.

Snippets carry ``>>>`` prompts and echoed output, IPython magics and ``!``
shell escapes.  Normalisation never moves a line: removed lines become empty,
so a line number in the normalised text is the line number in the block.
"""

from __future__ import annotations

import ast

import re
from dataclasses import dataclass, field

PROMPT = re.compile(r"^(\s*)(>>>|\.\.\.)( |$)")
SHELL_ESCAPE = re.compile(r"^(\s*)(?:[\w, ]+=\s*)?!!?(?!=)(.*)$")
LINE_MAGIC = re.compile(r"^(\s*)%(?!%)(\w+)\s*(.*)$")
CELL_MAGIC = re.compile(r"^\s*%%(\w+)\s*(.*)$")
SHELL_CELL_MAGICS = frozenset({"bash", "sh", "zsh", "system", "sx"})
PYTHON_CELL_MAGICS = frozenset({"time", "timeit", "capture", "prun", "python", "python3", "debug", "memit", "file"})
PACKAGE_MAGICS = frozenset({"pip", "conda", "mamba", "uv"})
HELP_LINE = re.compile(r"^\s*(?:\?\??[\w.]+\??|[\w.]+\?\??)\s*$")
# IPython console sessions: ``In [3]: code``, ``   ...: more``, ``Out[3]: value``.
IPYTHON_INPUT = re.compile(r"^(\s*)In\s*\[\d*\]:(?: |$)")
IPYTHON_INPUT_START = re.compile(r"In\s*\[")  # what every IPYTHON_INPUT line holds
IPYTHON_CONTINUATION = re.compile(r"^(\s*)\.\.\.+:(?: |$)")
# Line magics whose argument is a Python statement: ``%timeit -n 10 f(x)`` runs ``f(x)``.
PYTHON_LINE_MAGICS = frozenset({"time", "timeit", "prun", "memit", "mprun", "debug", "capture"})
# String literals (one line, possibly unterminated) and comments, left out when brackets are counted.
LITERALS_AND_COMMENTS = re.compile(r"""#.*|'(?:[^'\\]|\\.)*'?|"(?:[^"\\]|\\.)*"?""")
MAGIC_OPTIONS = re.compile(r"^(?:-[nrplsTD]\s+\S+\s+|-[a-zA-Z]+\s+)*")  # -n 10, -s cumulative, -q


@dataclass
class Snippet:
    """A normalised snippet: Python lines plus the shell lines it escapes to."""

    python: list[str]
    shell: list[tuple[int, str]] = field(default_factory=list)
    column_offsets: dict[int, int] = field(default_factory=dict)
    cell_language: str = "python"  # "shell" for %%bash cells, "skip" for %%html

    @property
    def python_text(self) -> str:
        return "\n".join(self.python)


def normalise_python(text: str, console: bool = False) -> Snippet:
    lines = text.splitlines()
    if "In" in text and IPYTHON_INPUT_START.search(text) and any(IPYTHON_INPUT.match(line) for line in lines[:50]):
        lines, offsets = _strip_ipython_prompts(lines)
    elif console or (">>>" in text and any(PROMPT.match(line) and line.lstrip().startswith(">>>") for line in lines[:50])):
        lines, offsets = _strip_prompts(lines)
    else:
        offsets = {}
    snippet = Snippet(python=[], column_offsets=offsets)
    first_code = next((i for i, line in enumerate(lines) if line.strip()), None) if "%%" in text else None
    if first_code is not None:
        cell = CELL_MAGIC.match(lines[first_code])
        if cell:
            lines = _apply_cell_magic(snippet, lines, first_code, cell)
    if "!" not in text and "%" not in text and "?" not in text:
        snippet.python = list(lines)  # no shell escape, magic or help line: every line stays as it is
        return snippet
    for number, line in enumerate(lines, start=1):
        snippet.python.append(_python_line(snippet, number, line))
    return snippet


def _strip_prompts(lines: list[str]) -> tuple[list[str], dict[int, int]]:
    """Keep ``>>>``/``...`` input lines without their prompt; blank the output.  A line without a prompt
    inside brackets an input line left open (``>>> f(a,`` then ``      b)``, as many pages write a call
    over several lines) is input too: output never follows an unfinished statement.  Lines before the first
    prompt are code too (a script, then a session that inspects what it made): no input has run yet, so they
    cannot be its output."""
    kept: list[str] = []
    offsets: dict[int, int] = {}
    in_session = False
    started = False  # a prompt has been seen
    depth = 0  # brackets the statement being read has left open
    for number, line in enumerate(lines, start=1):
        match = PROMPT.match(line)
        if match and (match.group(2) == ">>>" or in_session):
            in_session = started = True
            start = match.end()
            offsets[number] = start
            kept.append(line[start:])
            depth = (0 if match.group(2) == ">>>" else depth) + _open_brackets(line[start:])
        elif in_session and depth > 0 and line.strip():
            kept.append(line)  # a continuation without a prompt, at its own columns
            depth += _open_brackets(line)
        elif not started:
            kept.append(line)  # before any prompt: the script the session follows (if it is one, below)
        else:
            in_session = False
            depth = 0
            kept.append("")
    preamble = next((index for index, number in enumerate(range(1, len(lines) + 1)) if number in offsets), 0)
    if preamble and not _parses("\n".join(kept[:preamble])):
        kept[:preamble] = [""] * preamble  # an interpreter's banner or prose, not a script: output-like, blanked
    return kept, offsets


def _parses(code: str) -> bool:
    """Whether text parses as Python (the text is only parsed, never run)."""
    if not code.strip():
        return True
    try:
        ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _open_brackets(code: str) -> int:
    """Opening brackets minus closing ones in a line of code, strings and comments left out."""
    if not any(bracket in code for bracket in "()[]{}"):
        return 0
    bare = LITERALS_AND_COMMENTS.sub("", code)
    return sum(map(bare.count, "([{")) - sum(map(bare.count, ")]}"))


def _strip_ipython_prompts(lines: list[str]) -> tuple[list[str], dict[int, int]]:
    """Keep ``In [n]:`` input and its ``...:`` continuation lines; blank ``Out[n]:`` and output."""
    kept: list[str] = []
    offsets: dict[int, int] = {}
    in_input = False
    for number, line in enumerate(lines, start=1):
        match = IPYTHON_INPUT.match(line) or (IPYTHON_CONTINUATION.match(line) if in_input else None)
        if match:
            in_input = True
            offsets[number] = match.end()
            kept.append(line[match.end():])
        else:
            in_input = False
            kept.append("")
    return kept, offsets


def _apply_cell_magic(snippet: Snippet, lines: list[str], index: int, cell: re.Match) -> list[str]:
    name, argument = cell.group(1), cell.group(2).strip()
    body = list(lines)
    body[index] = ""
    if name in SHELL_CELL_MAGICS or (name == "script" and argument.split()[:1] in (["bash"], ["sh"], ["zsh"])):
        snippet.cell_language = "shell"
        snippet.shell.extend((n, line) for n, line in enumerate(body, start=1) if line.strip())
        return [""] * len(body)
    if name in PYTHON_CELL_MAGICS or (name == "writefile" and argument.endswith(".py")):
        if name in PYTHON_LINE_MAGICS and argument:
            # ``%%timeit setup()``: the argument is setup code that runs too.
            setup = MAGIC_OPTIONS.sub("", argument)
            start = lines[index].index(setup) if setup and setup in lines[index] else 0
            if setup:
                body[index] = setup
                snippet.column_offsets[index + 1] = snippet.column_offsets.get(index + 1, 0) + start
        return body
    snippet.cell_language = "skip"
    return [""] * len(body)


def _python_line(snippet: Snippet, number: int, line: str) -> str:
    if "!" not in line and "%" not in line and "?" not in line:
        return line  # no shell escape, magic or help line: the patterns below need one of these
    escape = SHELL_ESCAPE.match(line)
    if escape and not line.lstrip().startswith("!="):
        snippet.shell.append((number, escape.group(2)))
        return escape.group(1) + "pass"
    magic = LINE_MAGIC.match(line)
    if magic:
        name, rest = magic.group(2), magic.group(3)
        if name in PACKAGE_MAGICS:
            snippet.shell.append((number, f"{name} {rest}"))
        elif name in ("sx", "system"):
            snippet.shell.append((number, rest))
        elif name == "env" and rest.strip():
            variable, _, value = rest.strip().partition("=" if "=" in rest else " ")
            snippet.shell.append((number, f"export {variable.strip()}={value.strip()}"))
        elif name in PYTHON_LINE_MAGICS and rest.strip():
            statement = MAGIC_OPTIONS.sub("", rest.strip())
            if statement:
                start = line.rindex(statement) if statement in line else len(line) - len(statement)
                snippet.column_offsets[number] = snippet.column_offsets.get(number, 0) + start - len(magic.group(1))
                return magic.group(1) + statement
        return magic.group(1) + "pass"
    if HELP_LINE.match(line):
        return ""
    return line
