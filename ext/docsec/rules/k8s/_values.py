"""YAML scalar spellings and container settings shared by the Kubernetes and Compose rules."""

from __future__ import annotations

from ...languages.yaml import Entry

TRUE = frozenset({"true", "yes", "on", "y"})
FALSE = frozenset({"false", "no", "off", "n"})


def is_true(value: str) -> bool:
    return value.strip().strip("'\"").lower() in TRUE


def is_false(value: str) -> bool:
    return value.strip().strip("'\"").lower() in FALSE


def container_setting(entries: list[Entry], index: int) -> tuple[str, str] | None:
    """The environment variable ``entries[index]`` sets, as (name, value): Compose's
    ``environment:`` mapping or list, or a Kubernetes ``env:`` item's ``value:``."""
    return _compose_setting(entries[index]) or _kubernetes_setting(entries, index)


def _compose_setting(entry: Entry) -> tuple[str, str] | None:
    """``environment: {NAME: value}`` or ``environment: [NAME=value]``."""
    path = entry.path
    if len(path) >= 2 and path[-2] == "environment" and path[-1] != "-" and entry.is_scalar:
        return path[-1], entry.value
    if len(path) >= 2 and path[-2:] == ("environment", "-") and "=" in entry.value:
        name, _, value = entry.value.partition("=")
        return name.strip(), value.strip()
    return None


def _kubernetes_setting(entries: list[Entry], index: int) -> tuple[str, str] | None:
    """An ``env:`` item's ``value:`` and the ``name:`` written next to it in the same item."""
    entry = entries[index]
    if len(entry.path) < 2 or entry.path[-2] != "env" or entry.key != "value" or not entry.is_scalar:
        return None
    parent = entry.path[:-1]
    for neighbour in (index - 1, index + 1):
        if 0 <= neighbour < len(entries):
            other = entries[neighbour]
            if other.path == parent + ("name",) and other.is_scalar:
                return other.value, entry.value
    return None
