"""The catalog: every rule docsec knows, built-in and from installed packs."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from importlib.machinery import PathFinder
from functools import lru_cache
from types import ModuleType
from typing import Iterable, Iterator, Optional

from ..rules.registry import RegisteredRule

BUILTIN_PACKAGES = (
    "docsec.rules.python",
    "docsec.rules.shell",
    "docsec.rules.jupyter",
    "docsec.rules.docker",
    "docsec.rules.k8s",
    "docsec.rules.secrets",
    "docsec.rules.templates",
)
ENTRY_POINT_GROUP = "docsec.rules"


class Catalog:
    """An immutable, ordered collection of rules keyed by id and symbol."""

    def __init__(self, rules: Iterable[RegisteredRule]):
        by_id: dict[str, RegisteredRule] = {}
        by_symbol: dict[str, str] = {}
        for registered in rules:
            meta = registered.rule
            if meta.id in by_id:
                other = by_id[meta.id].module
                raise ValueError(f"duplicate rule id {meta.id} in {registered.module} and {other}")
            if meta.symbol in by_symbol:
                raise ValueError(f"duplicate rule symbol {meta.symbol!r} ({meta.id}, {by_symbol[meta.symbol]})")
            by_id[meta.id] = registered
            by_symbol[meta.symbol] = meta.id
        self._rules = dict(sorted(by_id.items()))
        self._symbols = by_symbol

    def __iter__(self) -> Iterator[RegisteredRule]:
        return iter(self._rules.values())

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, rule_id: object) -> bool:
        return rule_id in self._rules

    def get(self, key: str) -> Optional[RegisteredRule]:
        """Look a rule up by id (``DSP001``) or symbol (``shell-true``)."""
        key = key.strip()
        rule_id = self._symbols.get(key, key.upper())
        return self._rules.get(rule_id)

    @property
    def ids(self) -> list[str]:
        return list(self._rules)


def rules_in_module(module: ModuleType) -> list[RegisteredRule]:
    return [value for value in vars(module).values() if isinstance(value, RegisteredRule)]


def _walk_package(package_name: str) -> Iterator[RegisteredRule]:
    package = importlib.import_module(package_name)
    for info in pkgutil.iter_modules(package.__path__, package_name + "."):
        if info.ispkg:
            continue
        yield from rules_in_module(importlib.import_module(info.name))


def _entry_point_rules() -> Iterator[RegisteredRule]:
    if not _may_declare_rule_packs():
        return
    from importlib.metadata import entry_points

    for entry in entry_points(group=ENTRY_POINT_GROUP):
        loaded = entry.load()
        if isinstance(loaded, ModuleType):
            yield from rules_in_module(loaded)
        elif isinstance(loaded, RegisteredRule):
            yield loaded
        else:
            yield from loaded


def _may_declare_rule_packs() -> bool:
    """Whether any installed distribution may declare a ``docsec.rules`` entry point.

    Importing :mod:`importlib.metadata` and asking it costs about 50 ms, most of a
    one-file ``docsec check``; reading the ``entry_points.txt`` files on
    ``sys.path`` costs a few.  Anything this look cannot judge (a zip or egg on
    the path, a custom distribution finder) answers "maybe", and the full lookup runs.
    """
    if any(hasattr(finder, "find_distributions") and finder is not PathFinder for finder in sys.meta_path):
        return True
    for entry in sys.path:
        folder = entry or "."
        if not os.path.isdir(folder) or folder.endswith(".egg"):
            if os.path.exists(folder):
                return True
            continue
        try:
            names = os.listdir(folder)
        except OSError:
            return True
        for name in names:
            if not name.lower().endswith((".dist-info", ".egg-info")):
                continue
            try:
                with open(os.path.join(folder, name, "entry_points.txt"), encoding="utf-8", errors="replace") as handle:
                    if ENTRY_POINT_GROUP in handle.read():
                        return True
            except (FileNotFoundError, NotADirectoryError):
                continue
            except OSError:
                return True
    return False


def unknown_rule_selectors(selectors: Iterable[str], ids: Iterable[str]) -> list[str]:
    """Those ``selectors`` (rule ids or id prefixes such as ``DSP``) that begin none of ``ids``."""
    known = list(ids)
    return [selector for selector in selectors if not any(rule_id.startswith(selector) for rule_id in known)]


def did_you_mean(given: str, names: Iterable[str]) -> str:
    """`` (did you mean DSP009, DSP019?)`` for the names close to ``given``, else ``""``."""
    import difflib

    close = difflib.get_close_matches(given, list(names), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(close)}?)" if close else ""


@lru_cache(maxsize=1)
def builtin_catalog() -> Catalog:
    """Every built-in rule.  Cached: the catalog never changes in a process."""
    return Catalog(r for name in BUILTIN_PACKAGES for r in _walk_package(name))


@lru_cache(maxsize=1)
def load_catalog() -> Catalog:
    """Built-in rules plus the packs installed under the ``docsec.rules`` entry point."""
    return Catalog([*builtin_catalog(), *_entry_point_rules()])
