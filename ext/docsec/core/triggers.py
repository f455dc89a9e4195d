"""Every rule trigger of a selection, looked for in one pass over a block.

A rule's triggers (see ``docs/development.md``, "Triggers") are lower-case
substrings one of which a block must contain for the rule to fire.  Searching
each rule's triggers separately costs one scan of the block per rule, about
sixty scans for a Python block.  :class:`TriggerIndex` compiles the triggers of
every rule into one regular expression shaped like a trie and tries it, inside
a lookahead, at each position of the block: one ``findall`` returns, for every
position, the longest trigger that starts there.  The characters of the block
pick a single path through the trie, so every other trigger starting at that
position is a prefix of the one found; the index maps each trigger to the rules
of all its trigger prefixes, and the union over the positions is exactly the set
of rules one of whose triggers is a substring of the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import AbstractSet, Callable, Iterable, Optional

from ..languages.lazy import lazy_property
from ..model import Rule

Trie = dict[str, "Trie"]
FEW = 8  # up to this many triggers, looked for one by one
END = ""  # the key that marks the end of a trigger in the trie


@dataclass(frozen=True)
class TriggerIndex:
    """The triggers of a set of rules, compiled for :meth:`triggered`."""

    pattern: Optional[re.Pattern[str]]
    # A trigger found at some position -> ids of the rules it, or a trigger that is its prefix, belongs to.
    rules_of: dict[str, frozenset[str]]
    # Each trigger -> ids of the rules it belongs to, for a few triggers looked for one by one.
    owners: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, rules: Iterable[Rule], joined: bool = False) -> "TriggerIndex":
        """The index of the rules' ``triggers``, or with ``joined`` of their ``joined_triggers``."""
        owners: dict[str, set[str]] = {}
        for rule in rules:
            for trigger in rule.joined_triggers if joined else rule.triggers:
                owners.setdefault(trigger, set()).add(rule.id)
        if not owners:
            return cls(None, {})
        rules_of = {
            trigger: frozenset(rule_id for end in range(1, len(trigger) + 1)
                               for rule_id in owners.get(trigger[:end], ()))
            for trigger in owners
        }
        # The character class first: at a position no trigger starts with, one test instead of the trie's root.
        first = "".join(sorted({re.escape(trigger[0]) for trigger in owners}))
        return cls(re.compile(f"(?=[{first}])(?=({trie_pattern(owners)}))"), rules_of,
                   {trigger: frozenset(ids) for trigger, ids in owners.items()})

    def triggered(self, text: str) -> set[str]:
        """Ids of the rules one of whose triggers is a substring of ``text``."""
        found: set[str] = set()
        if len(self.owners) <= FEW:  # a handful of substring searches beat one pass of the pattern
            for trigger, ids in self.owners.items():
                if trigger in text:
                    found |= ids
        elif self.pattern is not None:
            for trigger in set(self.pattern.findall(text)):
                found |= self.rules_of[trigger]
        return found


def trie_pattern(words: Iterable[str]) -> str:
    """A regular expression that matches, at a position, the longest of ``words`` starting there."""
    trie: Trie = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[END] = {}
    return _alternatives(trie)


def _alternatives(node: Trie) -> str:
    branches = [re.escape(char) + _alternatives(child) for char, child in sorted(node.items()) if char != END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Greedy: the longer continuation is tried first, the word ending here is the fallback.
    return f"(?:{body})?" if END in node else body


@dataclass(frozen=True)
class Triggers:
    """A selection's triggers: the plain ones and the joined ones, each in one index."""

    plain: TriggerIndex
    joined: TriggerIndex

    @classmethod
    def build(cls, rules: Iterable[Rule]) -> "Triggers":
        rules = list(rules)
        return cls(TriggerIndex.build(rules), TriggerIndex.build(rules, joined=True))


class Everything(frozenset):  # type: ignore[type-arg]
    """The rules a block lets run when it spells characters by escapes: all of them."""

    def __contains__(self, item: object) -> bool:
        return True


class BlockTriggers:
    """Which rules one block's text lets run, looked for once and only when a rule asks.

    The engine tests ``rule.id in found`` for a rule with triggers, and when that
    fails ``rule.id in joined_found`` for one with joined triggers.  ``text`` and
    ``joined_text`` give :attr:`~docsec.languages.Views.trigger_text` and
    :attr:`~docsec.languages.Views.joined_trigger_text`.
    """

    def __init__(self, triggers: Triggers, text: Callable[[], Optional[str]], joined_text: Callable[[], str]):
        self._triggers, self._text, self._joined_text = triggers, text, joined_text

    @lazy_property
    def found(self) -> AbstractSet[str]:
        """Ids of the rules one of whose triggers the block holds (every rule when its text is ``None``)."""
        text = self._text()
        return Everything() if text is None else self._triggers.plain.triggered(text)

    @lazy_property
    def joined_found(self) -> set[str]:
        """Ids of the rules one of whose joined triggers the block holds."""
        return self._triggers.joined.triggered(self._joined_text())
