"""Legacy markers as text judgements: phrases, notices, admonitions; and their configuration."""

from __future__ import annotations

import pytest

from docsec.core.config import Config, ConfigError
from docsec.core.engine import Engine
from docsec.core.legacy import LegacyMarkers, plain
from docsec.model import CodeBlock, Location, Marker, MarkerKind, Status

LEGACY = LegacyMarkers.of(["Danger"], ["insecure practice", "do not  use this code"])
NOTICE = "This is for demonstration of insecure practice only! DO NOT use this code in production or on any network!"


@pytest.mark.parametrize("text", [
    NOTICE,
    "This is **insecure\npractice**.",  # across a line break and bold markup
    "Shown as *Insecure Practice*: never copy it.",
    "`Do not use this code` in production.",
    "This is [insecure practice](https://example.com/why).",  # a Markdown link keeps its text
    "This is `insecure practice <https://example.com/why>`_.",  # an rST link too
    "Don\u2019t: do not use this code.",
])
def test_phrases_match_through_case_markup_and_line_breaks(text: str) -> None:
    assert LEGACY.phrase_in(text) is not None


@pytest.mark.parametrize("text", [
    "This practice is insecure.",  # the words, not the phrase
    "Use this code in production.",
    "insecure_practice()",  # an identifier is not the phrase
    "",
])
def test_other_text_does_not_match(text: str) -> None:
    assert LEGACY.phrase_in(text) is None


def test_a_whole_notice_paragraph_becomes_the_reason_and_may_move() -> None:
    marker = LEGACY.before(NOTICE, "paragraph", (3, 4))
    assert marker == Marker(MarkerKind.LEGACY, NOTICE, 'phrase "insecure practice" in the paragraph before the block',
                            (3, 4))


def test_only_the_sentences_holding_a_phrase_become_the_reason() -> None:
    marker = LEGACY.before("Install the client first. Then, as **insecure practice**, turn checks off.",
                           "paragraph", (3, 3))
    assert marker is not None
    assert marker.reason == "Then, as insecure practice, turn checks off."
    assert marker.notice is None  # the paragraph says more than the notice: it stays where it is


def test_a_heading_marks_but_never_moves() -> None:
    marker = LEGACY.before("Insecure practice", "heading", (5, 5))
    assert marker is not None and marker.notice is None
    assert marker.source == 'phrase "insecure practice" in the heading before the block'


def test_admonitions_by_type_or_by_phrase() -> None:
    listed = LEGACY.admonition(["danger"], "Careful.", "inside")
    assert listed == Marker(MarkerKind.LEGACY, "", "'danger' admonition around the block")
    generic = LEGACY.admonition(["admonition", "DANGER"], "Careful. Never in production.", "after")
    assert generic is not None and generic.source == "'danger' admonition before the block, a notice about it"
    assert generic.reason == "Never in production."
    by_phrase = LEGACY.admonition(["note"], "Heads up. This is insecure practice.", "inside")
    assert by_phrase is not None and by_phrase.reason == "This is insecure practice."
    assert LEGACY.admonition(["note", "warning"], "Heads up.", "inside") is None


def test_no_configuration_marks_nothing() -> None:
    empty = LegacyMarkers.of([], [])
    assert not empty
    assert empty.before(NOTICE) is None
    assert empty.admonition(["danger"], NOTICE, "inside") is None


def test_plain_strips_markup_but_keeps_identifiers() -> None:
    assert plain("**DO  NOT**\n`use` _this_ verify_ssl") == "DO NOT use this verify_ssl"


def test_configuration_keeps_phrases_whole() -> None:
    config = Config.from_mapping({"legacy_phrases": "do not use this code", "legacy_admonitions": "danger, caution"})
    assert config.legacy_phrases == ("do not use this code",)
    assert config.legacy == LegacyMarkers.of(["danger", "caution"], ["do not use this code"])
    with pytest.raises(ConfigError, match="legacy_phrases = .* expected a list of phrases"):
        Config.from_mapping({"legacy_phrases": ["ok", 3]}, source="pyproject.toml")
    with pytest.raises(ConfigError, match="legacy_phrases"):
        Config.from_mapping({"legacy_phrases": ["  "]})


def _block(marker: Marker, text: str = "requests.get(url, verify=False)\n") -> CodeBlock:
    return CodeBlock(text, "python", Location("page.md", 4), marker)


def test_findings_in_a_legacy_marked_block_say_which_marker() -> None:
    marker = LEGACY.before(NOTICE, "paragraph")
    assert marker is not None
    [finding] = Engine().scan(_block(marker)).findings
    assert finding.status is Status.MARKED
    assert finding.reason == NOTICE
    assert finding.marked_by == 'legacy marker: phrase "insecure practice" in the paragraph before the block'


def test_a_clean_block_under_a_legacy_marker_is_not_reported_as_a_useless_marker() -> None:
    legacy = LEGACY.admonition(["danger"], "", "inside")
    assert legacy is not None
    assert Engine().scan(_block(legacy, "print('hello')\n")).diagnostics == []
    docsec_marker = Engine().scan(_block(Marker(MarkerKind.INSECURE), "print('hello')\n"))
    assert [d.code for d in docsec_marker.diagnostics] == ["marker-unused"]


@pytest.mark.parametrize("text, found", [
    ("A bad example:", "bad"),
    ("A badge on the page.", None),  # whole words only
    ("It is baddish.", None),
    ("Bad: never do this", "bad"),
    ("DON'T", "don't"),
    ("Don\u2019t do this", "don't"),
])
def test_phrases_match_whole_words_only(text: str, found: str | None) -> None:
    assert LegacyMarkers.of([], ["bad", "don't"]).phrase_in(text) == found


COMMENTS = LegacyMarkers.of([], [], ["dangerous", "vulnerable", "don't"])


@pytest.mark.parametrize("text, language, line, reason", [
    ("# DANGEROUS: Never do this\nimport os\nos.system(cmd)\n", "python", 1, "DANGEROUS: Never do this"),
    ('"""Vulnerable XML parser - DO NOT USE"""\nimport xml.etree.ElementTree as ET\n', "python", 1,
     "Vulnerable XML parser - DO NOT USE"),
    ("import os\nos.system(cmd)  # this is vulnerable\n", "python", 2, "this is vulnerable"),
    (">>> # DON'T\n>>> pickle.loads(data)\n", "pycon", 1, "DON'T"),
    ("def broken(:\n    # VULNERABLE PATTERN\n", "python", 2, "VULNERABLE PATTERN"),  # a fragment
    ("# Don't\ncurl -k https://example.com\n", "bash", 1, "Don't"),
    ("curl -k https://example.com  # dangerous: no verification\n", "console", 1, "dangerous: no verification"),
    ("// vulnerable\nfetch(url)\n", "javascript", 1, "vulnerable"),
])
def test_a_comment_of_the_block_marks_it(text: str, language: str, line: int, reason: str) -> None:
    marker = COMMENTS.in_code(text, language)
    assert marker is not None and marker.kind is MarkerKind.LEGACY
    assert (marker.reason, marker.source) == (reason, f'phrase "{marker.source.split(chr(34))[1]}" in a comment of '
                                                      f"the block (line {line})")


@pytest.mark.parametrize("text, language", [
    ('print("dangerous")\n', "python"),  # a string is no comment
    ("x = 1\n'''Vulnerable'''\n", "python"),  # only the docstring that opens the block
    ('echo "# dangerous"\n', "bash"),  # quoted
    ("# dangerous\nfetch(url)\n", "javascript"),  # not a comment in JavaScript
])
def test_text_that_is_no_comment_of_the_block_does_not_mark_it(text: str, language: str) -> None:
    assert COMMENTS.in_code(text, language) is None


def test_the_engine_marks_a_flagged_block_by_its_comment_and_only_with_legacy_comments_set() -> None:
    text = "# DANGEROUS: Never do this\nimport os\nos.system(cmd)\n"
    block = CodeBlock(text, "python", Location("page.md", 10))
    [finding] = Engine(Config(legacy_comments=("dangerous",))).scan(block).findings
    assert (finding.status, finding.reason) == (Status.MARKED, "DANGEROUS: Never do this")
    assert finding.marked_by == 'legacy marker: phrase "dangerous" in a comment of the block (line 1)'
    [finding] = Engine(Config(legacy_phrases=("dangerous",))).scan(block).findings
    assert finding.status is Status.UNMARKED  # phrases before a block are not read in its comments
    secure = CodeBlock(text, "python", Location("page.md", 10), secure=True)
    [finding] = Engine(Config(legacy_comments=("dangerous",))).scan(secure).findings
    assert finding.status is Status.UNMARKED
