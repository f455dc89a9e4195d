"""YAML scalar spellings shared by the Kubernetes and Compose rules."""

from __future__ import annotations

TRUE = frozenset({"true", "yes", "on", "y"})
FALSE = frozenset({"false", "no", "off", "n"})


def is_true(value: str) -> bool:
    return value.strip().strip("'\"").lower() in TRUE


def is_false(value: str) -> bool:
    return value.strip().strip("'\"").lower() in FALSE
