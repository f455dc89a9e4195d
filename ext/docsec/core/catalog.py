"""The catalog: every rule docsec knows, built-in and from the rule packs the configuration names."""

from __future__ import annotations

import importlib
import pkgutil
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
    "docsec.rules.settings",
    "docsec.rules.javascript",
    "docsec.rules.sql",
    "docsec.rules.code",
    "docsec.rules.terraform",
    "docsec.rules.powershell",
    "docsec.rules.webserver",
    "docsec.rules.systemd",
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


class RulePackError(ValueError):
    """A configured rule pack is not installed, or does not hold rules."""


def _pack_rules(names: tuple[str, ...]) -> Iterator[RegisteredRule]:
    """The rules of the ``docsec.rules`` entry points the configuration names, and of no other.

    An installed distribution's entry point is imported only when its name is
    listed: a package in the checked repository that declares one (an
    ``*.egg-info`` committed by a pull request) is never loaded by accident.
    """
    from importlib.metadata import entry_points

    installed = {entry.name: entry for entry in entry_points(group=ENTRY_POINT_GROUP)}
    for name in names:
        entry = installed.get(name)
        if entry is None:
            known = ", ".join(sorted(installed)) or "none"
            raise RulePackError(f"rule pack {name!r} is not installed (no {ENTRY_POINT_GROUP!r} entry point of "
                                f"that name; installed: {known}){did_you_mean(name, installed)}")
        try:
            loaded = entry.load()
        except Exception as error:  # noqa: BLE001 - a broken pack is a configuration problem, not a crash
            raise RulePackError(f"rule pack {name!r} ({entry.value}) failed to load: "
                                f"{type(error).__name__}: {error}") from None
        if isinstance(loaded, ModuleType):
            found = rules_in_module(loaded)
        elif isinstance(loaded, RegisteredRule):
            found = [loaded]
        else:
            found = list(loaded)
        if not found or not all(isinstance(rule, RegisteredRule) for rule in found):
            raise RulePackError(f"rule pack {name!r} ({entry.value}) holds no docsec rules")
        yield from found


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


@lru_cache(maxsize=8)
def load_catalog(packs: tuple[str, ...] = ()) -> Catalog:
    """Built-in rules plus the rule packs named by ``rule_packs`` (entry points of ``docsec.rules``).

    Raises :class:`RulePackError` when a named pack is missing or holds no rules.
    """
    if not packs:
        return builtin_catalog()
    return Catalog([*builtin_catalog(), *_pack_rules(tuple(packs))])
