"""The Dockerfile view: instructions with their arguments and first line.

Continuation lines (``\\`` or the ``# escape=`` character) are joined,
comment lines inside a continuation skipped, and heredoc bodies
(``RUN <<EOF`` ... ``EOF``) kept with the instruction, so that shell rules
see every command a ``RUN`` executes.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass

from .lazy import lazy_property
from .shell import HEREDOC, _strip_comment, script_lines

INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)\s+(.*)$")
ESCAPE_DIRECTIVE = re.compile(r"^\s*#\s*escape\s*=\s*([\\`])\s*$", re.IGNORECASE)
SHELL_INSTRUCTIONS = frozenset({"RUN", "CMD", "ENTRYPOINT", "SHELL", "HEALTHCHECK", "ONBUILD"})


@dataclass(frozen=True)
class Instruction:
    line: int
    keyword: str  # upper case, e.g. "RUN"
    arguments: str
    body: tuple[tuple[int, str], ...] = ()  # heredoc lines, with their block line numbers

    def shell_text(self) -> str:
        """The command of a RUN/CMD/ENTRYPOINT in shell form, exec form joined."""
        text = self.arguments.strip()
        if text.startswith("["):
            try:
                words = json.loads(text)
            except ValueError:
                return text
            if isinstance(words, list):
                return " ".join(_quote(str(word)) for word in words)
        return text

    def settings(self) -> list[tuple[str, str]]:
        """The ``NAME=value`` pairs of an ``ENV``/``ARG`` (and the old ``ENV NAME value`` form)."""
        text = self.arguments.strip()
        try:
            words = shlex.split(text, comments=False)
        except ValueError:  # an unclosed quote: read it as written
            words = text.split()
        if self.keyword == "ENV" and words and "=" not in words[0]:
            return [(words[0], " ".join(words[1:]))]
        return [(word.partition("=")[0], word.partition("=")[2]) for word in words if "=" in word]

    @property
    def flags(self) -> dict[str, str]:
        """Leading ``--name=value`` options (``ADD --checksum=...``, ``COPY --chown=...``)."""
        found = {}
        for word in self.arguments.split():
            if not word.startswith("--"):
                break
            name, _, value = word[2:].partition("=")
            found[name] = value
        return found


@dataclass
class DockerfileView:
    text: str

    @lazy_property
    def instructions(self) -> list[Instruction]:
        found: list[Instruction] = []
        pending: list[str] = []
        start = 0
        escape = "\\"
        lines = self.text.splitlines()
        number = 0
        while number < len(lines):
            line = lines[number]
            number += 1
            stripped = line.strip()
            directive = ESCAPE_DIRECTIVE.match(line)
            if directive and not found and not pending:
                escape = directive.group(1)
                continue
            if not pending and (not stripped or stripped.startswith("#")):
                continue
            if pending and (stripped.startswith("#") or not stripped):
                continue
            if not pending:
                start = number
            if stripped.endswith(escape) or _strip_comment(stripped).rstrip().endswith(escape):
                pending.append(_strip_comment(stripped).rstrip()[:-1] if not stripped.endswith(escape) else stripped[:-1])
                continue
            pending.append(stripped)
            instruction = _instruction(start, " ".join(pending))
            pending = []
            if instruction is None:
                continue
            heredoc = HEREDOC.search(instruction.arguments) if instruction.keyword in SHELL_INSTRUCTIONS | {"COPY", "ADD"} else None
            if heredoc:
                body = []
                while number < len(lines) and lines[number].strip() != heredoc.group(2):
                    body.append((number + 1, lines[number]))
                    number += 1
                number += 1
                instruction = Instruction(instruction.line, instruction.keyword, instruction.arguments, tuple(body))
            found.append(instruction)
        if pending:
            instruction = _instruction(start, " ".join(pending))
            if instruction:
                found.append(instruction)
        return found

    def shell_lines(self) -> list[tuple[int, str]]:
        """The commands of every ``RUN``, heredoc bodies included, and what ``CMD``/``ENTRYPOINT`` start (a
        development server the image runs listens where the container's published port reaches it)."""
        lines: list[tuple[int, str]] = []
        for instruction in self.instructions:
            if instruction.keyword not in ("RUN", "CMD", "ENTRYPOINT"):
                continue
            text = instruction.shell_text()
            if instruction.body:
                text = HEREDOC.sub("", text).strip()
                if text and not re.fullmatch(r"(?:set\s+-\S+\s*)?", text):
                    lines.append((instruction.line, text))
                lines.extend(script_lines(list(instruction.body)))
            else:
                lines.append((instruction.line, text))
        return lines

    def instructions_named(self, *keywords: str) -> list[Instruction]:
        wanted = {k.upper() for k in keywords}
        return [i for i in self.instructions if i.keyword in wanted]


def _instruction(line: int, text: str) -> Instruction | None:
    match = INSTRUCTION.match(text)
    if not match:
        return None
    keyword = match.group(1).upper()
    arguments = match.group(2)
    if keyword in ("RUN", "CMD", "ENTRYPOINT", "USER", "ADD", "COPY", "ENV", "ARG", "FROM", "EXPOSE", "WORKDIR"):
        arguments = _strip_comment(arguments).rstrip()  # documentation often annotates a line with "# ..."
    return Instruction(line, keyword, arguments)


def _quote(word: str) -> str:
    if word == "" or re.search(r"[\s'\"|&;<>()$`\\]", word):
        return "'" + word.replace("'", "'\\''") + "'"
    return word
