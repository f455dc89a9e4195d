"""The RFC 2119 classification in Python against the shared vectors (the mystmd plugin runs the same file).

Each vector is a paragraph or sentence written as security guides and RFCs
write them, labelled with the level docsec must give it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docsec.core import rfc2119

VECTORS = json.loads((Path(__file__).parents[1] / "vectors" / "rfc2119_vectors.json").read_text(encoding="utf-8"))


def test_there_are_a_few_hundred_vectors_of_every_kind() -> None:
    vectors = VECTORS["vectors"]
    assert len(vectors) >= 250
    assert {vector["level"] for vector in vectors} == {*rfc2119.LEVELS, None}
    groups = {vector["group"] for vector in vectors}
    assert any("boilerplate" in group for group in groups) and any("quoted" in group for group in groups)


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda vector: vector["text"][:60])
def test_python_gives_each_vector_its_level(vector: dict) -> None:
    assert rfc2119.level_of(vector["text"]) == vector["level"]


def test_a_prohibition_outranks_its_positive_form_whichever_comes_first() -> None:
    assert rfc2119.level_of("It MUST log and MUST NOT crash.") == "must-not"
    assert rfc2119.level_of("It MUST NOT crash and MUST log.") == "must-not"


def test_the_boilerplate_sentence_gives_no_requirement_but_its_neighbours_do() -> None:
    text = ('The key words "MUST" and "MAY" are to be interpreted as described in RFC 2119. '
            "Servers SHOULD log.")
    assert rfc2119.requirement_sentences(text) == [("Servers SHOULD log.", "should")]
    assert [k.text for k in rfc2119.find_keywords(text)] == ["SHOULD"]
