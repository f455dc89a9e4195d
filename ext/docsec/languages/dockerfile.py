"""The Dockerfile view: instructions with their arguments and first line."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property

INSTRUCTION = re.compile(r"^\s*([A-Za-z]+)\s+(.*)$")


@dataclass(frozen=True)
class Instruction:
    line: int
    keyword: str  # upper case, e.g. "RUN"
    arguments: str

    def shell_text(self) -> str:
        """The command of a RUN/CMD/ENTRYPOINT in shell form, exec form joined."""
        text = self.arguments.strip()
        if text.startswith("["):
            try:
                words = json.loads(text)
            except ValueError:
                return text
            if isinstance(words, list):
                return " ".join(str(word) for word in words)
        return text


@dataclass
class DockerfileView:
    text: str

    @cached_property
    def instructions(self) -> list[Instruction]:
        found: list[Instruction] = []
        pending: list[str] = []
        start = 0
        for number, line in enumerate(self.text.splitlines(), start=1):
            stripped = line.strip()
            if not pending and (not stripped or stripped.startswith("#")):
                continue
            if pending and stripped.startswith("#"):
                continue
            if not pending:
                start = number
            if stripped.endswith("\\"):
                pending.append(stripped[:-1])
                continue
            pending.append(stripped)
            match = INSTRUCTION.match(" ".join(pending))
            if match:
                found.append(Instruction(start, match.group(1).upper(), match.group(2)))
            pending = []
        if pending:
            match = INSTRUCTION.match(" ".join(pending))
            if match:
                found.append(Instruction(start, match.group(1).upper(), match.group(2)))
        return found

    def shell_lines(self) -> list[tuple[int, str]]:
        return [(i.line, i.shell_text()) for i in self.instructions if i.keyword == "RUN"]
