"""The shell view of a block: commands with their words, pipelines and lines.

Console transcripts are reduced to the commands the reader types: prompts
are removed, output lines dropped and backslash continuations joined.  Each
command line is split into pipeline stages and argument words with
:mod:`shlex`, falling back to whitespace when quoting is unbalanced.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from functools import cached_property
from typing import Iterable, Iterator, Optional

PROMPT = re.compile(
    r"^\s*(?:\([\w.\- ]+\)\s*)?"  # (venv)
    r"(?:(?:[\w.\-]+@[\w.\-]+(?::[^\s$#]*)?)|~[^\s$#]*|[\w.\-/]+)?"  # user@host:~/dir or a path
    r"\s*(?:[$%❯➜]|#(?=\s)|>(?=\s))\s"
    r"|^\s*PS [^>]*>\s"  # PowerShell
    r"|^\s*[A-Z]:\\[^>]*>\s"  # cmd.exe
)
SEPARATORS = re.compile(r"\s*(?:&&|\|\||;|&(?!>))\s*")
WRAPPERS = frozenset({"sudo", "env", "exec", "time", "nohup", "command", "doas", "nice"})


@dataclass(frozen=True)
class Command:
    """One simple command: ``words[0]`` is the program (after ``sudo``/``env``)."""

    line: int
    text: str
    words: tuple[str, ...]
    assignments: tuple[str, ...] = ()
    wrappers: tuple[str, ...] = ()

    @property
    def program(self) -> str:
        return self.words[0].rsplit("/", 1)[-1].lower() if self.words else ""

    def has_flag(self, *flags: str) -> bool:
        for word in self.words[1:]:
            for flag in flags:
                if word == flag or (flag.startswith("--") and word.startswith(flag + "=")):
                    return True
        return False

    def flag_value(self, *flags: str) -> Optional[str]:
        words = self.words
        for index, word in enumerate(words[1:], start=1):
            for flag in flags:
                if word == flag and index + 1 < len(words):
                    return words[index + 1]
                if flag.startswith("--") and word.startswith(flag + "="):
                    return word.split("=", 1)[1]
                if not flag.startswith("--") and word.startswith(flag) and len(word) > len(flag) and len(flag) == 2:
                    return word[len(flag):]
        return None


@dataclass(frozen=True)
class Pipeline:
    line: int
    text: str
    stages: tuple[Command, ...]


@dataclass
class ShellView:
    """Logical command lines of a shell block, each with its block line number."""

    logical_lines: list[tuple[int, str]]

    @cached_property
    def pipelines(self) -> list[Pipeline]:
        found = []
        for number, text in self.logical_lines:
            for part in SEPARATORS.split(_strip_comment(text)):
                if part.strip():
                    stages = tuple(c for c in (_command(number, s) for s in _split_pipes(part)) if c)
                    if stages:
                        found.append(Pipeline(number, part.strip(), stages))
        return found

    @cached_property
    def commands(self) -> list[Command]:
        return [stage for pipeline in self.pipelines for stage in pipeline.stages]

    def commands_named(self, *programs: str) -> Iterator[Command]:
        wanted = set(programs)
        return (c for c in self.commands if c.program in wanted)

    @property
    def lines(self) -> list[tuple[int, str]]:
        return self.logical_lines


def _strip_comment(text: str) -> str:
    """Drop a trailing ``# comment`` that is outside quotes."""
    quote = ""
    for index, char in enumerate(text):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t"):
            return text[:index]
    return text


def _split_pipes(text: str) -> list[str]:
    parts, depth, quote, start = [], 0, "", 0
    for index, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char in "({":
            depth += 1
        elif char in ")}":
            depth = max(0, depth - 1)
        elif char == "|" and depth == 0 and text[index - 1 : index] != "|" and text[index + 1 : index + 2] != "|":
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text, posix=True)
    except ValueError:
        return text.split()


def _command(line: int, text: str) -> Optional[Command]:
    words = _words(text.strip())
    assignments: list[str] = []
    wrappers: list[str] = []
    while words and re.match(r"^[A-Za-z_][A-Za-z0-9_]*=", words[0]):
        assignments.append(words.pop(0))
    while words and words[0].rsplit("/", 1)[-1] in WRAPPERS:
        wrappers.append(words.pop(0))
        while words and (words[0].startswith("-") or re.match(r"^[A-Za-z_]\w*=", words[0])):
            option = words.pop(0)
            if "=" in option and not option.startswith("-"):
                assignments.append(option)
            elif option in ("-u", "-g") and words:
                words.pop(0)
    if not words and not assignments:
        return None
    return Command(line, text.strip(), tuple(words), tuple(assignments), tuple(wrappers))


def console_lines(text: str) -> list[tuple[int, str]]:
    """Commands typed at a prompt, with continuation lines joined."""
    numbered: list[tuple[int, str]] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        match = PROMPT.match(lines[index])
        if not match:
            index += 1
            continue
        start = index
        command = lines[index][match.end():]
        while command.rstrip().endswith("\\") and index + 1 < len(lines):
            index += 1
            command = command.rstrip()[:-1] + " " + _strip_continuation_prompt(lines[index])
        numbered.append((start + 1, command))
        index += 1
    return numbered


def _strip_continuation_prompt(line: str) -> str:
    return re.sub(r"^\s*>\s", "", line)


def script_lines(text: str | Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """Every line of a script, continuations joined, comments and heredoc bodies dropped."""
    numbered = list(enumerate(text.splitlines(), start=1)) if isinstance(text, str) else list(text)
    joined: list[tuple[int, str]] = []
    heredoc_end: Optional[str] = None
    pending: Optional[tuple[int, str]] = None
    for number, line in numbered:
        if heredoc_end is not None:
            if line.strip() == heredoc_end:
                heredoc_end = None
            continue
        if pending is not None:
            start, so_far = pending
            line_text = so_far + " " + line.strip()
            number = start
        else:
            line_text = line
        if line_text.rstrip().endswith("\\"):
            pending = (number, line_text.rstrip()[:-1])
            continue
        pending = None
        if line_text.strip().startswith("#") or not line_text.strip():
            continue
        heredoc = re.search(r"<<-?\s*['\"]?(\w+)['\"]?", line_text)
        if heredoc:
            heredoc_end = heredoc.group(1)
        joined.append((number, line_text.strip()))
    if pending is not None:
        joined.append((pending[0], pending[1].strip()))
    return joined


def build_shell_view(text: str, console: bool) -> ShellView:
    if console:
        return ShellView(console_lines(text))
    return ShellView(script_lines(text))
