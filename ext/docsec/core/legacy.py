"""Legacy markers: how a site marked its insecure examples before docsec.

Opt-in through two settings, both empty by default:

* ``legacy_admonitions``: admonition types (``danger``, ``warning``, ...);
  a code block inside such an admonition, or immediately after one in the
  same section, is marked.  A generic ``admonition`` counts when one of its
  classes is listed.
* ``legacy_phrases``: phrases (``"insecure practice"``, ``"do not use this
  code"``); a paragraph or heading that contains one marks the code block that
  immediately follows it, and an admonition whose prose contains one marks the
  blocks inside it and the block right after it.  A list between the two
  is looked through: the last item of a list right before the block, or the
  paragraph or heading that leads into that list, marks the block too.
* ``legacy_comments``: phrases (``"dangerous"``, ``"vulnerable"``,
  ``"don't"``) that mark a flagged block when one of its own comments holds
  one (``# DANGEROUS: Never do this``, a docstring that opens with
  "Vulnerable code - DO NOT USE").  The engine judges these, for every front end alike.

Phrases match case-insensitively, as whole words, across line breaks and
inline markup (``**DO NOT** use this code`` contains "do not use this
code"; "bad" is not found in "badge").  The sentences that hold a phrase
become the marker's reason.  This module only judges text; each source
reader decides what "inside" and "immediately after" mean in its own tree,
the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Iterable, Optional

from ..model import Marker, MarkerKind

# Admonitions as docutils, Sphinx and MyST name them; docsec's own directives are not legacy markers.
ADMONITIONS = frozenset({
    "admonition", "attention", "caution", "danger", "error", "hint", "important", "note", "tip",
    "warning", "seealso", "todo",
})
# Links and roles keep their text: Markdown ``[text](url)``, rST ```text <url>`_`` and ``:role:`text```.
LINKS = re.compile(r"\[([^\]]*)\]\([^)]*\)|`([^`<]*?)\s*<[^>`]*>`_{1,2}|:[\w:.+-]+:`([^`]*)`")
MARKUP = re.compile(r"[*`\\]+|(?<!\w)_+|_+(?!\w)")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
BEFORE_THE_BLOCK = re.compile(r" in the (?:paragraph|heading|list item) before the block$")
SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text without inline markup characters, with straight quotes and single spaces."""
    text = LINKS.sub(lambda match: next(group for group in match.groups() if group is not None), text)
    return SPACE.sub(" ", MARKUP.sub("", text.translate(QUOTES))).strip()


def _normal(text: str) -> str:
    return plain(text).lower()


# A comment that heads the secure version of an example: "# Good", "# SAFE: ...", "# ✅ Valid".
SECURE_HEADING = re.compile(r"^[\W_]*(?:good|safe|safer|safely|secure|correct|better|fixed|right|recommended)\b|"
                            r"^[^\w]*[\u2705\u2714\u2713]", re.IGNORECASE)


def _phrase_pattern(phrases: Iterable[str]) -> Optional[re.Pattern[str]]:
    """One pattern finding any phrase as whole words (no letter or digit right before or after it)."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(phrase) for phrase in ordered) + r")(?!\w)")


@dataclass(frozen=True)
class LegacyMarkers:
    """The configured admonition types and phrases (normalised)."""

    admonitions: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()
    comments: tuple[str, ...] = ()  # phrases that mark a block from a comment inside it

    @classmethod
    def of(cls, admonitions: Iterable[str], phrases: Iterable[str], comments: Iterable[str] = ()) -> "LegacyMarkers":
        return cls(frozenset(name.strip().lower() for name in admonitions if name.strip()),
                   tuple(dict.fromkeys(_normal(phrase) for phrase in phrases if phrase.strip())),
                   tuple(dict.fromkeys(_normal(phrase) for phrase in comments if phrase.strip())))

    def __bool__(self) -> bool:
        return bool(self.admonitions or self.phrases or self.comments)

    @cached_property
    def _phrases(self) -> Optional[re.Pattern[str]]:
        return _phrase_pattern(self.phrases)

    @cached_property
    def _comment_phrases(self) -> Optional[re.Pattern[str]]:
        return _phrase_pattern(self.comments)

    def phrase_in(self, text: str) -> Optional[str]:
        """The first configured phrase ``text`` contains (as whole words), or None."""
        pattern = self._phrases
        if pattern is None:
            return None
        match = pattern.search(_normal(text))
        return match.group() if match else None

    def in_code(self, text: str, language: str) -> Optional[Marker]:
        """The marker a comment of code block ``text`` gives it (the first comment holding a phrase)."""
        pattern = self._comment_phrases
        if pattern is None:
            return None
        from ..languages.comments import comments

        for comment in comments(text, language):
            match = pattern.search(_normal(comment.text))
            if match:
                return Marker(MarkerKind.LEGACY, plain(comment.text),
                              f'phrase "{match.group()}" in a comment of the block (line {comment.line})')
        return None

    def after_list(self, item: Optional[Marker], lead_in: Optional[Marker]) -> Optional[Marker]:
        """The marker a list right before a block gives it: its last item's, else that of the paragraph or
        heading that leads into the list.  Neither moves (the list stands between)."""
        if item is not None:
            return replace(item, notice=None, source=BEFORE_THE_BLOCK.sub(" in the list item before the block",
                                                                        item.source))
        if lead_in is not None:
            return replace(lead_in, notice=None, source=lead_in.source.replace(
                " before the block", " before the list before the block"))
        return None

    def notice(self, text: str) -> tuple[str, bool]:
        """The sentences of ``text`` that hold a phrase, and whether they are all of it."""
        sentences = [s for s in SENTENCE_END.split(plain(text)) if s]
        held = [s for s in sentences if self.phrase_in(s)]
        return " ".join(held), bool(held) and len(held) == len(sentences)

    def before(self, text: str, what: str = "paragraph",
               lines: Optional[tuple[int, int]] = None) -> Optional[Marker]:
        """The marker a paragraph or heading ``text`` right before a block gives it.

        ``lines`` (first and last line of the paragraph) are kept only when the
        paragraph is nothing but the notice, so ``--fix`` may move it.
        """
        phrase = self.phrase_in(text)
        if phrase is None:
            return None
        reason, whole = self.notice(text)
        return Marker(MarkerKind.LEGACY, reason, f'phrase "{phrase}" in the {what} before the block',
                      lines if whole and what == "paragraph" else None)

    def admonition(self, names: Iterable[str], prose: str, where: str) -> Optional[Marker]:
        """The marker an admonition gives the blocks ``where`` it (``inside``/``after``).

        ``names`` are the admonition's type and classes; ``prose`` its title and
        paragraphs (not its code).
        """
        names = [name.lower() for name in names]
        listed = next((name for name in names if name in self.admonitions), None)
        phrase = self.phrase_in(prose)
        if listed is None and phrase is None:
            return None
        kind = listed or (names[0] if names else "admonition")
        reason = self.notice(prose)[0] if phrase else ""
        what = f"'{kind}' admonition" + (f' saying "{phrase}"' if listed is None else "")
        return Marker(MarkerKind.LEGACY, reason, f"{what} {'around' if where == 'inside' else 'before'} the block")


NO_LEGACY = LegacyMarkers()
