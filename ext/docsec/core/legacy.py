"""Legacy markers: how a site marked its insecure examples before docsec.

Opt-in through two settings, both empty by default:

* ``legacy_admonitions``: admonition types (``danger``, ``warning``, ...);
  a code block inside such an admonition, or immediately after one in the
  same section, is marked.  A generic ``admonition`` counts when one of its
  classes is listed.
* ``legacy_phrases``: phrases (``"insecure practice"``, ``"do not use this
  code"``); a paragraph or heading that contains one marks the code block that
  immediately follows it, and an admonition whose prose contains one marks the
  blocks inside it and the block right after it.

Phrases match case-insensitively, across line breaks and inline markup
(``**DO NOT** use this code`` contains "do not use this code").  The
sentences that hold a phrase become the marker's reason.  This module only
judges text; each source reader decides what "inside" and "immediately
after" mean in its own tree, the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
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
SPACE = re.compile(r"\s+")


def plain(text: str) -> str:
    """Text without inline markup characters, with straight quotes and single spaces."""
    text = LINKS.sub(lambda match: next(group for group in match.groups() if group is not None), text)
    return SPACE.sub(" ", MARKUP.sub("", text.translate(QUOTES))).strip()


def _normal(text: str) -> str:
    return plain(text).lower()


@dataclass(frozen=True)
class LegacyMarkers:
    """The configured admonition types and phrases (normalised)."""

    admonitions: frozenset[str] = frozenset()
    phrases: tuple[str, ...] = ()

    @classmethod
    def of(cls, admonitions: Iterable[str], phrases: Iterable[str]) -> "LegacyMarkers":
        return cls(frozenset(name.strip().lower() for name in admonitions if name.strip()),
                   tuple(dict.fromkeys(_normal(phrase) for phrase in phrases if phrase.strip())))

    def __bool__(self) -> bool:
        return bool(self.admonitions or self.phrases)

    def phrase_in(self, text: str) -> Optional[str]:
        """The first configured phrase ``text`` contains, or None."""
        if not self.phrases:
            return None
        normal = _normal(text)
        return next((phrase for phrase in self.phrases if phrase in normal), None)

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
