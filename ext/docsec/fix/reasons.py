"""What ``--fix`` writes into ``:reason:``, and the blocks it will not wrap whole.

A legacy notice often says what docsec's banner already says ("for
demonstration only", "do not use in production", "Vulnerable code",
"DANGEROUS: Never do this"): those sentences are left
out, and so is a trailing colon (the notice led into the code; the reason
stands under a banner).  A notice that moves keeps its inline markup.

A block that shows both the insecure and the secure version ("# Bad" ...
"# Good") cannot be wrapped whole without branding the secure half as
insecure: :func:`mixed` finds it, so ``--fix`` asks the author to split it.
"""

from __future__ import annotations

import re
from typing import Optional

from ..core.legacy import SECURE_HEADING, plain
from ..languages.comments import comments
from ..model import CodeBlock, Finding

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
COLON_IN_EMPHASIS = re.compile(r":\s*([*_]+)$")
WORD = re.compile(r"[a-z0-9']+")
# Words that say nothing on their own: a sentence repeats the banner when most of the rest is in it.
FILLER = frozenset({
    "a", "an", "the", "this", "that", "these", "it", "its", "is", "are", "be", "of", "in", "on", "or", "and",
    "to", "for", "as", "at", "by", "only", "any", "all", "just", "purposes", "purpose",
})
# Words that only say "this is insecure", which is what the banner says ("Vulnerable code", "DANGEROUS: Never do
# this", "Avoid"): a notice made of them adds nothing under the banner.
ALARM = frozenset({
    "insecure", "unsafe", "vulnerable", "vulnerability", "dangerous", "danger", "bad", "wrong", "avoid", "never",
    "don't", "do", "not", "use", "example", "code", "pattern", "highly", "very", "classic", "warning",
})
REPEATS = 0.6  # the share of a sentence's words the banner must hold for the sentence to repeat it


def _words(text: str) -> list[str]:
    return [word for word in WORD.findall(plain(text).lower()) if word not in FILLER]


def repeats(sentence: str, banner: str) -> bool:
    """Whether ``sentence`` says little the banner does not already say."""
    words = _words(sentence)
    said = set(_words(banner)) | ALARM
    return bool(words) and sum(word in said for word in words) >= REPEATS * len(words)


def tidy(reason: str, banner: str) -> str:
    """``reason`` on one line, without the sentences the banner already says and without a trailing colon."""
    sentences = [sentence for sentence in SENTENCE_END.split(" ".join(reason.split())) if sentence]
    kept = [sentence for sentence in sentences if not repeats(sentence, banner)]
    text = COLON_IN_EMPHASIS.sub(r"\1", " ".join(kept).rstrip())  # "**Dangerous:**" -> "**Dangerous**"
    return text.rstrip(":").rstrip()


def mixed(block: CodeBlock, findings: list[Finding]) -> Optional[str]:
    """Why ``block`` must be split before it is marked, or None.

    The block is cut into sections at whole-line comments that follow a blank
    line; it holds both versions when a section has a finding and another,
    headed by a comment that names it the secure one ("# Good", "# SAFE: ...",
    "# ✅"), has code and none.
    """
    lines = block.text.split("\n")
    starts = {1: ""}
    for comment in comments(block.text, block.language):
        if comment.whole_line and (comment.line == 1 or not lines[comment.line - 2].strip()):
            starts[comment.line] = comment.text
    found = {finding.line - block.location.line + 1 for finding in findings}
    bounds = sorted(starts)
    sections = [(start, end, starts[start]) for start, end in zip(bounds, [*bounds[1:], len(lines) + 1])]
    commented = {comment.line for comment in comments(block.text, block.language) if comment.whole_line}
    flagged = min(found, default=None)
    for start, end, heading in sections:
        code = any(lines[number - 1].strip() and number not in commented for number in range(start, end))
        if heading and SECURE_HEADING.search(heading) and code and not any(start <= line < end for line in found):
            if flagged is None:
                return None
            first = block.location.line
            return (f"the block shows insecure code (line {first + flagged - 1}) and a secure version "
                    f"(line {first + start - 1}, '{heading[:40]}'); split it into two blocks, so only the insecure "
                    "one is marked, then run --fix again")
    return None
