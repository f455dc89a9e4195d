"""The YAML view: mapping entries with their key path and line.

The block is composed with PyYAML's safe composer, which builds nodes with
positions and never constructs Python objects.  Fragments that do not
compose fall back to a line reading of ``key: value`` pairs.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Iterator, Optional

import yaml
from yaml.resolver import BaseResolver

from .lazy import lazy_property

PAIR = re.compile(r"^(\s*)(?:-\s+)?([\w.\-/]+)\s*:(?:\s+(.*?))?\s*(?:\s#.*)?$")
ITEM = re.compile(r"^\s*-\s+(.*?)\s*(?:\s#.*)?$")
COMMAND_KEYS = frozenset({"command", "args", "entrypoint", "cmd"})
# Keys whose value is a shell script: GitHub Actions and CircleCI ``run``, GitLab CI and Travis ``script``
# (and its ``before_``/``after_`` forms), Azure Pipelines ``bash``/``pwsh``/``powershell``, Ansible ``shell``.
SCRIPT_KEYS = frozenset({"run", "script", "before_script", "after_script", "before_install", "install", "bash",
                         "pwsh", "powershell", "shell"})
NODES_PER_CHARACTER = 4  # without aliases a block has fewer nodes than characters
TAG_OF_KIND = {yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG, yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
               yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG}


@dataclass(frozen=True)
class Entry:
    """A ``key: value`` entry; ``value`` is the scalar text or "" for a collection.  ``value_line`` is the
    block line the value's text starts on (the line after ``run: |`` for a block scalar)."""

    line: int
    path: tuple[str, ...]
    value: str
    is_scalar: bool = True
    value_line: int = 0

    @property
    def key(self) -> str:
        return self.path[-1] if self.path else ""


@dataclass
class YamlView:
    text: str

    @lazy_property
    def entries(self) -> list[Entry]:
        try:
            documents = _compose(self.text)
        except (yaml.YAMLError, RecursionError):
            return list(_line_entries(self.text))
        found: list[Entry] = []
        budget, seen = [NODES_PER_CHARACTER * len(self.text) + 1000], set[int]()  # see _walk: alias bombs
        for document in documents:
            if document is not None:
                found.extend(_walk(document, (), budget=budget, seen=seen))
        return found

    @lazy_property
    def script_lines(self) -> list[tuple[int, str]]:
        """The shell scripts of CI steps and tasks (:data:`SCRIPT_KEYS`: GitHub Actions ``run``, GitLab CI
        ``script``, Azure ``bash``, Ansible ``shell``), and the ``command:`` of Compose services that publish
        ports, one line per script line, at its block line."""
        lines: list[tuple[int, str]] = list(self._service_commands())
        for entry in self.entries:
            key = entry.path[-2] if entry.key == "-" and len(entry.path) >= 2 else entry.key
            if entry.is_scalar and key in SCRIPT_KEYS and entry.value.strip():
                start = entry.value_line or entry.line
                lines.extend((start + offset, text) for offset, text in enumerate(entry.value.split("\n"))
                             if text.strip())
        return lines

    def _service_commands(self) -> Iterator[tuple[int, str]]:
        """The ``command:`` of each Compose service that publishes ports (a string, or a list of words joined),
        at its line: a development server started there (``runserver 0.0.0.0:8000``, ``flask run --host
        0.0.0.0``) is reachable from the host's network."""
        services: dict[str, dict[str, list[Entry]]] = {}
        for entry in self.entries:
            path = entry.path
            if len(path) >= 3 and path[0] == "services" and path[2] in ("command", "ports"):
                services.setdefault(path[1], {}).setdefault(path[2], []).append(entry)
        for found in services.values():
            if "ports" not in found or "command" not in found:
                continue
            commands = found["command"]
            scalar = next((e for e in commands if e.is_scalar and e.key == "command" and e.value.strip()), None)
            if scalar is not None:
                yield (scalar.value_line or scalar.line, " ".join(scalar.value.split()))
                continue
            words = [e.value for e in commands if e.key == "-" and e.value.strip()]
            if words:
                yield (commands[0].line, " ".join(shlex.quote(word) for word in words))

    def entries_named(self, *keys: str) -> Iterator[Entry]:
        wanted = set(keys)
        return (entry for entry in self.entries if entry.key in wanted)

    def items_under(self, *keys: str) -> Iterator[Entry]:
        """Scalar items of sequences under one of ``keys`` (``cap_add: [ALL]`` → ``ALL``)."""
        wanted = set(keys)
        return (e for e in self.entries if len(e.path) >= 2 and e.path[-1] == "-" and e.path[-2] in wanted)

    @lazy_property
    def command_lines(self) -> list[tuple[int, str]]:
        """Container commands (``command``/``args``/``entrypoint``) as shell text, one per key."""
        found: dict[tuple[str, ...], tuple[int, list[str]]] = {}
        order: list[tuple[str, ...]] = []
        for entry in self.entries:
            if entry.key.lower() in COMMAND_KEYS and entry.is_scalar:
                found[entry.path] = (entry.line, [entry.value])
                order.append(entry.path)
            elif len(entry.path) >= 2 and entry.key == "-" and entry.path[-2].lower() in COMMAND_KEYS:
                parent = entry.path[:-1]
                if parent not in found:
                    found[parent] = (entry.line, [])
                    order.append(parent)
                found[parent][1].append(_shell_word(entry.value))
        return [(found[p][0], " ".join(found[p][1])) for p in dict.fromkeys(order)]


def _compose(text: str) -> list[yaml.Node]:
    """Compose with libyaml when PyYAML has it (about 20 times faster); on any error, let
    the pure-Python composer decide, so a block composes exactly when it always has."""
    if FAST_COMPOSER is not None:
        try:
            return list(yaml.compose_all(text, Loader=FAST_COMPOSER))  # type: ignore[arg-type]
        except (yaml.YAMLError, RecursionError):
            pass
    return list(yaml.compose_all(text, Loader=yaml.SafeLoader))


def _fast_composer() -> Optional[type]:
    """libyaml's composer with no constructor and no implicit tag resolution (a regular expression
    per scalar): the view reads the nodes' kinds, values and positions, never their tags."""
    parser = getattr(yaml, "CParser", None) or getattr(getattr(yaml, "cyaml", None), "CParser", None)
    if parser is None:
        return None

    class Composer(parser, BaseResolver):  # type: ignore[misc, valid-type]
        def __init__(self, stream: str) -> None:
            parser.__init__(self, stream)  # type: ignore[misc]

        def resolve(self, kind: type, value: object, implicit: object) -> str:
            return TAG_OF_KIND[kind]

        def descend_resolver(self, current_node: object, current_index: object) -> None:
            pass  # (no path resolvers)

        def ascend_resolver(self) -> None:
            pass

    return Composer


FAST_COMPOSER = _fast_composer()


def _shell_word(value: str) -> str:
    return shlex.quote(value) if value == "" or re.search(r"\s", value) else value


def _walk(node: yaml.Node, path: tuple[str, ...], depth: int = 0, budget: list[int] | None = None,
          seen: set[int] | None = None) -> Iterator[Entry]:
    """The entries under ``node``, an alias walked again wherever it is used.

    Nested aliases can repeat a node exponentially often; once ``budget``
    entries are spent, a node already walked is not walked again, so every
    node is still read and the time stays linear.
    """
    budget = budget if budget is not None else [NODES_PER_CHARACTER * 1000]
    seen = seen if seen is not None else set()
    if depth > 200 or (budget[0] <= 0 and id(node) in seen):
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            budget[0] -= 1
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            child = path + (key,)
            scalar = isinstance(value_node, yaml.ScalarNode)
            yield Entry(key_node.start_mark.line + 1, child, str(value_node.value) if scalar else "", scalar,
                        _value_line(value_node))
            if not scalar:
                yield from _walk(value_node, child, depth + 1, budget, seen)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            budget[0] -= 1
            if isinstance(item, yaml.ScalarNode):
                yield Entry(item.start_mark.line + 1, path + ("-",), str(item.value), True, _value_line(item))
            else:
                yield from _walk(item, path, depth + 1, budget, seen)


def _value_line(node: yaml.Node) -> int:
    """The 1-based line a scalar's text starts on: a block scalar (``|``, ``>``) starts on the next line."""
    line = node.start_mark.line + 1
    return line + 1 if isinstance(node, yaml.ScalarNode) and getattr(node, "style", None) in ("|", ">") else line


def _line_entries(text: str) -> Iterator[Entry]:
    """Read ``key: value`` lines, keeping the key path from the indentation.

    Used for fragments PyYAML cannot compose (templates, ``...`` elisions):
    good enough for rules that look at a key, its parents and its value.
    """
    stack: list[tuple[int, str]] = []  # (indent, key)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" "))
        match = PAIR.match(line)
        item = ITEM.match(line)
        if match:
            key_indent = len(match.group(1)) + (2 if line.lstrip().startswith("- ") else 0)
            while stack and stack[-1][0] >= key_indent:
                stack.pop()
            value = (match.group(3) or "").strip().strip("'\"")
            path = tuple(k for _, k in stack) + (match.group(2),)
            scalar = bool(value) and value not in ("|", ">", "|-", ">-")
            if value.startswith("[") and value.endswith("]"):
                yield Entry(number, path, "", False)
                for part in value[1:-1].split(","):
                    if part.strip():
                        yield Entry(number, path + ("-",), part.strip().strip("'\""))
                continue
            yield Entry(number, path, value, scalar)
            if not scalar:
                stack.append((key_indent, match.group(2)))
        elif item:
            while stack and stack[-1][0] > indent:
                stack.pop()
            yield Entry(number, tuple(k for _, k in stack) + ("-",), item.group(1).strip().strip("'\""))
