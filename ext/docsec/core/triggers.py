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
from dataclasses import dataclass
from typing import Iterable, Optional

from ..model import Rule

Trie = dict[str, "Trie"]
END = ""  # the key that marks the end of a trigger in the trie


@dataclass(frozen=True)
class TriggerIndex:
    """The triggers of a set of rules, compiled for :meth:`triggered`."""

    pattern: Optional[re.Pattern[str]]
    # A trigger found at some position -> ids of the rules it, or a trigger that is its prefix, belongs to.
    rules_of: dict[str, frozenset[str]]

    @classmethod
    def build(cls, rules: Iterable[Rule]) -> "TriggerIndex":
        owners: dict[str, set[str]] = {}
        for rule in rules:
            for trigger in rule.triggers:
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
        return cls(re.compile(f"(?=[{first}])(?=({trie_pattern(owners)}))"), rules_of)

    def triggered(self, text: str) -> set[str]:
        """Ids of the rules one of whose triggers is a substring of ``text``."""
        found: set[str] = set()
        if self.pattern is not None:
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
