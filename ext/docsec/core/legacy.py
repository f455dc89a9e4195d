"""Legacy markers: how a site marked its insecure examples before docsec.

Opt-in through two settings, both empty by default:

* ``legacy_admonitions``: admonition types (``danger``, ``warning``, ...);
  a code block inside such an admonition is marked, and so is the block
  immediately after one in the same section when the admonition is a notice
  about that block: it holds no code of its own, and it holds a phrase, or
  points at what follows ("the following code", "below", "this example", a
  sentence ending in a colon), or warns against using it ("never in
  production", "do not copy", "insecure"), or names something the code uses
  (``curl`` in "The same mistake with curl.").  A generic ``admonition``
  counts when one of its classes is listed.
* ``legacy_phrases``: phrases (``"insecure practice"``, ``"do not use this
  code"``); a paragraph or heading that contains one marks the code block that
  immediately follows it, and an admonition whose prose contains one marks the
  blocks inside it and (when it holds no code of its own) the block right
  after it.  A list between the two is looked through: the last item of a
  list right before the block, or the paragraph or heading that leads into
  that list, marks the block too.
* ``legacy_comments``: phrases (``"dangerous"``, ``"vulnerable"``,
  ``"don't"``) that mark a flagged block when one of its own comments holds
  one (``# DANGEROUS: Never do this``, a docstring that opens with
  "Vulnerable code - DO NOT USE").  The engine judges these, for every front end alike.

Phrases match case-insensitively, as whole words, across line breaks and
inline markup (``**DO NOT** use this code`` contains "do not use this
code"; "bad" is not found in "badge"), and only where the clause does not
turn them around: "To avoid any insecure practice, always call the API like
this:" is advice against the practice, not a notice that the code shows it
(a negation before the phrase in its clause: avoid, never, not, without,
instead of, ...).  The sentences that hold a phrase, or make an admonition a
notice about the block, become the marker's reason, which ``--show-marked``
prints with what matched.  This module only judges text; each source reader
decides what "inside" and "immediately after" mean in its own tree, the same
way.
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
# Where a clause starts: a phrase is judged against the words before it back to here.
CLAUSE_START = re.compile(r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|however|although|though|whereas)\b")
# Words that turn a phrase after them around ("to avoid insecure practice", "never ... do not use this code").
NEGATION = re.compile(
    r"\b(?:avoid\w*|never|not|no|without|prevent\w*|instead\s+of|rather\s+than|against|free\s+of"
    r"|\w+n't|stop\w*|eliminat\w*|protect\w*|guard\w*|unlike)\b")
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{2,}")
COMMON_WORDS = frozenset("""
the and for not but are was were has have had this that these those with from into onto over under about
you your yours they them their its our any all each every some such only also just than then there here
what when where which who whom why how can could will would shall should must may might does did done
use used using uses code example examples snippet sample same mistake careful caution warning danger note
never always don doesn isn aren won not yes true false none null new old one two get set put run see
""".split())
# An admonition that is a notice about the code after it: it points at it ("the following code", "below", a
# sentence ending in a colon) or warns against using what it shows ("never in production", "do not copy",
# "insecure", "for demonstration only").
ABOUT_CODE = re.compile(
    r"\b(?:the\s+following|following\s+(?:code|example|snippet|command|block|lines?)|below|as\s+follows"
    r"|(?:this|these|next)\s+(?:code|example|examples|snippet|snippets|command|commands|block|sample|script"
    r"|configuration|lines?)"
    r"|(?:do\s+not|don't|never|must\s+not)\s+(?:use|run|copy|paste|deploy|do\s+this|try)"
    r"|production|demonstrat\w*|demo|insecure\w*|unsafe|dangerous|vulnerab\w*|(?:development|testing)\s+only)\b"
    r"|:\s*$")


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
        """The first configured phrase ``text`` holds as a notice (as whole words, not turned around in its
        clause), or None."""
        pattern = self._phrases
        if pattern is None:
            return None
        normal = _normal(text)
        return next((match.group() for match in pattern.finditer(normal) if _stated_at(match.start(), normal)),
                    None)

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

    def admonition(self, names: Iterable[str], prose: str, where: str, holds_code: bool = False) -> Optional[Marker]:
        """The marker an admonition gives the blocks ``where`` it (``inside``/``after``).

        ``names`` are the admonition's type and classes; ``prose`` its title and
        paragraphs (not its code).  An admonition that ``holds_code`` is about that
        code and marks nothing after it; one that does marks the block after it
        when it holds a phrase or, for a listed type, points at the block.
        """
        if where != "inside" and holds_code:
            return None
        names = [name.lower() for name in names]
        listed = next((name for name in names if name in self.admonitions), None)
        phrase = self.phrase_in(prose)
        if listed is None and phrase is None:
            return None
        kind = listed or (names[0] if names else "admonition")
        reason = self.notice(prose)[0] if phrase else ""
        what = f"'{kind}' admonition" + (f' saying "{phrase}"' if listed is None else "")
        if where == "inside":
            return Marker(MarkerKind.LEGACY, reason, f"{what} around the block")
        if phrase is None:
            notice = _about_code(prose)
            if notice is not None:
                return Marker(MarkerKind.LEGACY, notice, f"{what} before the block, a notice about it")
            about = content_words(plain(prose))
            # Applies only to a block whose code names one of its words (see about_the_code); else it is a
            # warning about something else ("Deleting a project cannot be undone.").
            return Marker(MarkerKind.LEGACY, plain(prose), f"{what} before the block", about=about) if about else None
        return Marker(MarkerKind.LEGACY, reason, f"{what} before the block")


def about_the_code(marker: Optional[Marker], code: str) -> Optional[Marker]:
    """``marker`` as it applies to a block of ``code``: an admonition before the block that neither holds a
    phrase nor points at it applies when the code names one of its words (``curl`` in "The same mistake
    with curl."), and then says which; every other marker applies as it is."""
    if marker is None or not marker.about:
        return marker
    named = sorted(marker.about & content_words(code))
    if not named:
        return None
    sentence = next((s for s in SENTENCE_END.split(marker.reason) if named[0] in content_words(s)), marker.reason)
    return Marker(MarkerKind.LEGACY, sentence, f"{marker.source}, naming `{named[0]}` of the code", marker.notice)


def content_words(text: str) -> frozenset[str]:
    """The words of ``text`` (three letters or more, lower-case) but the common ones of English prose and of
    notices, which any code may hold too."""
    return frozenset(word for word in map(str.lower, WORD.findall(text)) if word not in COMMON_WORDS)


def _stated_at(start: int, normal: str) -> bool:
    """Whether the phrase found at ``start`` of ``normal`` (plain, lower-case text) has no negation before it in
    its clause (looked for in the 400 characters before it, so many phrases in a long text cost linear work)."""
    before = normal[max(0, start - 400):start]
    clause = before[max((m.end() for m in CLAUSE_START.finditer(before)), default=0):]
    sentence = SENTENCE_END.split(clause)[-1]
    return not NEGATION.search(sentence)


def _about_code(prose: str) -> Optional[str]:
    """The sentence of an admonition's prose that makes it a notice about the code after it, or None."""
    for sentence in SENTENCE_END.split(plain(prose)):
        if ABOUT_CODE.search(sentence.lower()):
            return sentence
    return None


NO_LEGACY = LegacyMarkers()
