"""The YAML view: mapping entries with their key path and line.

The block is composed with PyYAML's safe composer, which builds nodes with
positions and never constructs Python objects.  Fragments that do not
compose fall back to a line reading of ``key: value`` pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

import yaml

PAIR = re.compile(r"^(\s*)(?:-\s+)?([\w.\-/]+)\s*:\s*(.*?)\s*(?:#.*)?$")


@dataclass(frozen=True)
class Entry:
    """A ``key: value`` entry; ``value`` is the scalar text or "" for a collection."""

    line: int
    path: tuple[str, ...]
    value: str
    is_scalar: bool = True

    @property
    def key(self) -> str:
        return self.path[-1] if self.path else ""


@dataclass
class YamlView:
    text: str

    @cached_property
    def entries(self) -> list[Entry]:
        try:
            documents = list(yaml.compose_all(self.text, Loader=yaml.SafeLoader))
        except (yaml.YAMLError, RecursionError):
            return list(_line_entries(self.text))
        found: list[Entry] = []
        for document in documents:
            if document is not None:
                found.extend(_walk(document, ()))
        return found

    def entries_named(self, *keys: str) -> Iterator[Entry]:
        wanted = set(keys)
        return (entry for entry in self.entries if entry.key in wanted)


def _walk(node: yaml.Node, path: tuple[str, ...], depth: int = 0) -> Iterator[Entry]:
    if depth > 200:
        return
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = path + (key,)
            scalar = isinstance(value_node, yaml.ScalarNode)
            yield Entry(key_node.start_mark.line + 1, child, str(value_node.value) if scalar else "", scalar)
            if not scalar:
                yield from _walk(value_node, child, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode):
                yield Entry(item.start_mark.line + 1, path + ("-",), str(item.value))
            else:
                yield from _walk(item, path, depth + 1)


def _line_entries(text: str) -> Iterator[Entry]:
    for number, line in enumerate(text.splitlines(), start=1):
        match = PAIR.match(line)
        if match:
            value = match.group(3).strip().strip("'\"")
            yield Entry(number, (match.group(2),), value, bool(value))
