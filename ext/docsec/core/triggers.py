"""Every rule trigger of a selection, looked for in one pass over a block.

A rule's triggers (see ``docs/development.md``, "Triggers") are lower-case
substrings one of which a block must contain for the rule to fire.  Searching
each rule's triggers separately costs one scan of the block per rule, about
sixty scans for a Python block; trying one trie-shaped pattern at every
position of the block costs about 90 ns a character.  :class:`TriggerIndex`
looks at the block's words instead.

A trigger made of word characters (ASCII letters, digits and ``_``) that is a
substring of the block lies inside one maximal run of word characters, one of
the block's *words* (:func:`words`: the block as UTF-8 with every other byte
made a blank, split at blanks; no byte of a non-ASCII character is an ASCII
letter).  So the rules a block triggers are the union, over its distinct
words, of the rules whose word triggers are substrings of that word.  The
index works that out once per distinct word and keeps it (most of a block's
words have been seen in other blocks), so a block costs a ``bytes.translate``,
a split, a set and a union of kept sets: about a quarter of the pattern's cost.

For a word, :meth:`TriggerIndex._rules_in` tries a trie-shaped pattern inside a
lookahead at each position: ``findall`` returns, for every position, the
longest key that starts there.  The characters pick a single path through the
trie, so every other key starting at that position is a prefix of the one
found, and each key stands for itself and the keys that are its prefixes.

A trigger with other characters (``index-url``, ``private key``) holds an
*anchor*, its longest run of word characters, which lies inside one of the
block's words wherever the trigger occurs.  Anchors are keys of the trie too:
a word holding one makes the index look for its trigger in the whole block
with ``in``.  A trigger without any word character (``://``) is looked for with
``in`` on every block.  Up to :data:`FEW` triggers are all looked for with ``in``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import AbstractSet, Callable, Iterable, Optional, Union

from ..languages.lazy import lazy_property
from ..model import Rule

Trie = dict[str, "Trie"]
FEW = 8  # up to this many triggers, looked for one by one
END = ""  # the key that marks the end of a trigger in the trie
WORD = re.compile(r"[A-Za-z0-9_]+")
# UTF-8 bytes -> themselves for word characters, a blank for every other byte.
WORD_BYTES = bytes(byte if chr(byte).isascii() and (chr(byte).isalnum() or byte == ord("_")) else ord(" ")
                   for byte in range(256))
MAX_WORDS = 50_000  # words remembered per index; past that the memory starts again
LONGEST_KEPT = 64  # longer words are looked at each time they come


@dataclass(frozen=True)
class Anchored:
    """A trigger that is not all word characters, looked for in the whole block when a word holds its anchor."""

    trigger: str


Found = frozenset[Union[str, Anchored]]  # rule ids, and triggers to look for in the block
NOTHING: Found = frozenset()


class _Words(dict[bytes, Found]):
    """What each word the index has seen stands for, filled in on first sight."""

    def __init__(self, compute: Callable[[bytes], Found]) -> None:
        super().__init__()
        self.compute = compute

    def __missing__(self, word: bytes) -> Found:
        found = self.compute(word)
        if len(word) <= LONGEST_KEPT:  # (a long word, a key or a joined text, is rarely seen twice)
            if len(self) >= MAX_WORDS:
                self.clear()
            self[word] = found
        return found


@dataclass(frozen=True)
class TriggerIndex:
    """The triggers of a set of rules, compiled for :meth:`triggered`."""

    # The trie of the word triggers and the anchors, tried at each position of a word.
    pattern: Optional[re.Pattern[bytes]]
    # A key found at some position of a word -> what it and the keys that are its prefixes stand for:
    # the ids of the rules they are triggers of, and the anchored triggers they are anchors of.
    rules_of: dict[bytes, Found]
    # Each trigger -> ids of the rules it belongs to.
    owners: dict[str, frozenset[str]] = field(default_factory=dict)
    # Triggers without a word character, looked for in every block.
    unanchored: tuple[str, ...] = ()
    # Every anchored trigger of the index.
    anchored: Found = NOTHING
    words: _Words = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", _Words(self._rules_in))  # frozen: set once here

    @classmethod
    def build(cls, rules: Iterable[Rule], joined: bool = False) -> "TriggerIndex":
        """The index of the rules' ``triggers``, or with ``joined`` of their ``joined_triggers``."""
        owners: dict[str, set[str]] = {}
        for rule in rules:
            for trigger in rule.joined_triggers if joined else rule.triggers:
                owners.setdefault(trigger, set()).add(rule.id)
        if not owners:
            return cls(None, {})
        stands_for: dict[str, set[Union[str, Anchored]]] = {}  # key -> what it stands for by itself
        unanchored = []
        for trigger, ids in owners.items():
            runs = WORD.findall(trigger)
            if runs == [trigger]:
                stands_for.setdefault(trigger, set()).update(ids)
            elif runs:
                stands_for.setdefault(max(runs, key=len), set()).add(Anchored(trigger))
            else:
                unanchored.append(trigger)
        rules_of = {
            key.encode("ascii"): frozenset(item for end in range(1, len(key) + 1) for item in stands_for.get(key[:end], ()))
            for key in stands_for
        }
        pattern = None
        if stands_for:
            # The character class first: at a position no key starts with, one test instead of the trie's root.
            first = "".join(sorted({re.escape(key[0]) for key in stands_for}))
            pattern = re.compile(f"(?=[{first}])(?=({trie_pattern(stands_for)}))".encode("ascii"))
        anchored = frozenset(item for items in stands_for.values() for item in items if isinstance(item, Anchored))
        return cls(pattern, rules_of, {trigger: frozenset(ids) for trigger, ids in owners.items()},
                   tuple(sorted(unanchored)), anchored)

    def triggered(self, text: str) -> set[str]:
        """Ids of the rules one of whose triggers is a substring of ``text``."""
        if len(self.owners) <= FEW:  # a handful of substring searches beat splitting the text into words
            found: set[str] = set()
            for trigger, ids in self.owners.items():
                if trigger in text:
                    found |= ids
            return found
        # (a word met twice adds its kept set twice: cheaper than making the words a set first)
        hits: set[Union[str, Anchored]] = set().union(*map(self.words.__getitem__, words(text)))
        anchored = hits & self.anchored
        if anchored:
            hits -= anchored
            for item in anchored:
                if item.trigger in text:  # type: ignore[union-attr]
                    hits |= self.owners[item.trigger]  # type: ignore[union-attr]
        for trigger in self.unanchored:
            if trigger in text:
                hits |= self.owners[trigger]
        return hits  # type: ignore[return-value]  # (rule ids only, now)

    def _rules_in(self, word: bytes) -> Found:
        """What a word stands for: the rules whose word triggers it holds, the anchors it holds."""
        keys = self.pattern.findall(word) if self.pattern is not None else ()
        if len(keys) == 1:
            return self.rules_of[keys[0]]
        return frozenset().union(*map(self.rules_of.__getitem__, keys)) if keys else NOTHING


def words(text: str) -> list[bytes]:
    """The maximal runs of word characters (ASCII letters, digits, ``_``) in ``text``, as bytes."""
    return text.encode("utf-8", "surrogatepass").translate(WORD_BYTES).split()


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
class NameIndex:
    """The name triggers of a set of rules: whole words of a block, found by one set intersection."""

    owners: dict[bytes, frozenset[str]]  # name (ASCII bytes, as :func:`words` gives them) -> rule ids

    @classmethod
    def build(cls, rules: Iterable[Rule]) -> "NameIndex":
        owners: dict[bytes, set[str]] = {}
        for rule in rules:
            for name in rule.name_triggers:
                owners.setdefault(name.encode("ascii"), set()).add(rule.id)
        return cls({name: frozenset(ids) for name, ids in owners.items()})

    def triggered(self, text: str) -> set[str]:
        """Ids of the rules one of whose names is a whole word of ``text``."""
        if not self.owners:
            return set()
        return set().union(*map(self.owners.__getitem__, self.owners.keys() & words(text)))


@dataclass(frozen=True)
class Triggers:
    """A selection's triggers: the plain, the joined and the name triggers, each in one index."""

    plain: TriggerIndex
    joined: TriggerIndex
    names: NameIndex = field(default_factory=lambda: NameIndex({}))

    @classmethod
    def build(cls, rules: Iterable[Rule]) -> "Triggers":
        rules = list(rules)
        return cls(TriggerIndex.build(rules), TriggerIndex.build(rules, joined=True), NameIndex.build(rules))


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

    def __init__(self, triggers: Triggers, text: Callable[[], Optional[str]], joined_text: Callable[[], str],
                 name_text: Optional[Callable[[], str]] = None):
        self._triggers, self._text, self._joined_text, self._name_text = triggers, text, joined_text, name_text

    @lazy_property
    def found(self) -> AbstractSet[str]:
        """Ids of the rules one of whose triggers or name triggers the block holds (every rule when
        its text is ``None``; every rule with name triggers when no ``name_text`` was given)."""
        text = self._text()
        if text is None:
            return Everything()
        found = self._triggers.plain.triggered(text)
        names = self._triggers.names
        if names.owners:
            if self._name_text is None:
                found.update(*names.owners.values())
            else:
                found |= names.triggered(self._name_text())
        return found

    @lazy_property
    def joined_found(self) -> set[str]:
        """Ids of the rules one of whose joined triggers the block holds."""
        return self._triggers.joined.triggered(self._joined_text())
