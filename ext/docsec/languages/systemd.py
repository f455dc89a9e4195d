"""systemd unit files (``.service``, ``.socket``...): sections and their settings.

Read with :mod:`configparser` (the standard library's INI parser) configured
as systemd reads units: keys keep their case, a key may be given several
times (each value is kept, in order: ``ExecStart=`` lines add up), ``#`` and
``;`` start comments, and there is no interpolation.  The parser does not
report lines, so each setting's line is found from its section's header
down.  A fragment without a section header (``User=root`` alone) is read as
the ``[Service]`` section docs usually cut it from.
"""

from __future__ import annotations

import configparser
import re
from dataclasses import dataclass
from typing import Optional

from .lazy import lazy_property

SECTION = re.compile(r"^\s*\[([^\]\n]+)\]\s*$")


@dataclass(frozen=True)
class Setting:
    section: str
    key: str
    value: str
    line: int


class _MultiDict(dict):  # type: ignore[type-arg]
    """Keeps every value of a repeated key (``configparser`` passes values to ``__setitem__``)."""

    def __setitem__(self, key: str, value: object) -> None:
        if isinstance(value, list) and key in self and isinstance(self[key], list):
            self[key].extend(value)
        else:
            super().__setitem__(key, value)


class SystemdView:
    """One unit file: :attr:`settings` in order, and :meth:`get` for a section's key."""

    def __init__(self, text: str) -> None:
        self.text = text

    @lazy_property
    def settings(self) -> list[Setting]:
        lines = self.text.splitlines()
        headed = any(SECTION.match(line) for line in lines)
        source = self.text if headed else "[Service]\n" + self.text
        parser = configparser.RawConfigParser(strict=False, dict_type=_MultiDict, interpolation=None,
                                              comment_prefixes=("#", ";"), inline_comment_prefixes=None,
                                              empty_lines_in_values=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        try:
            parser.read_string(source)
        except configparser.Error:
            return self._line_by_line(lines, headed)
        found: list[Setting] = []
        for section in parser.sections():
            for key, value in parser.items(section):
                for single in (value or "").split("\n"):
                    found.append(Setting(section, key, single.strip(), 0))
        return self._with_lines(found, lines, headed)

    def _with_lines(self, found: list[Setting], lines: list[str], headed: bool) -> list[Setting]:
        """Each setting with the line it is written on (the next unused line of its section with its key)."""
        located: list[Setting] = []
        used: set[int] = set()
        sections: dict[str, list[int]] = {}
        current = "Service" if not headed else ""
        for number, line in enumerate(lines, start=1):
            match = SECTION.match(line)
            if match:
                current = match.group(1).strip()
                continue
            key = line.split("=", 1)[0].strip()
            if "=" in line and key:
                sections.setdefault(f"{current}\x00{key}", []).append(number)
        for setting in found:
            numbers = [n for n in sections.get(f"{setting.section}\x00{setting.key}", []) if n not in used]
            number = numbers[0] if numbers else 1
            used.add(number)
            located.append(Setting(setting.section, setting.key, setting.value, number))
        located.sort(key=lambda s: s.line)
        return located

    def _line_by_line(self, lines: list[str], headed: bool) -> list[Setting]:
        """A unit the parser refuses (a line with no ``=``): its ``key=value`` lines one by one."""
        found: list[Setting] = []
        current = "Service" if not headed else ""
        for number, line in enumerate(lines, start=1):
            match = SECTION.match(line)
            if match:
                current = match.group(1).strip()
            elif "=" in line and not line.lstrip().startswith(("#", ";")):
                key, value = line.split("=", 1)
                found.append(Setting(current, key.strip(), value.strip(), number))
        return found

    @lazy_property
    def sections(self) -> list[str]:
        return list(dict.fromkeys(setting.section for setting in self.settings))

    def get(self, section: str, key: str) -> Optional[Setting]:
        """The last value given to ``key`` in ``section`` (the one systemd uses), or ``None``."""
        found = [s for s in self.settings if s.section == section and s.key == key]
        return found[-1] if found else None
