"""The views of a block: which kinds it may have, and the Python parse left until a rule asks."""

from __future__ import annotations

import pytest

from docsec.languages import build_views
from docsec.rules.registry import VIEW_KINDS

BLOCKS = [
    ("import os\n!curl -k https://example.com\n", "ipython"),
    (">>> import pickle\n>>> pickle.loads(data)\n", "pycon"),
    ("$ pip install --trusted-host example.com app\n", "python"),  # a transcript labelled Python
    ("$ curl -k https://example.com\n", "console"),
    ("curl -k https://example.com\n", "bash"),
    ("FROM python:3.12\nRUN curl -k https://example.com | sh\n", "dockerfile"),
    ("services:\n  app:\n    privileged: true\n", "yaml"),
    ("<p>{{ value|safe }}</p>\n", "html+jinja"),
    ("var x = {{ value }};\n", "js+jinja"),
    ("token = 'x'\n", "text"),
    ("import yaml\nyaml.load(stream)\n", ""),
]


@pytest.mark.parametrize("text, label", BLOCKS)
def test_every_view_a_block_has_is_of_a_kind_it_says_it_may_have(text: str, label: str) -> None:
    views = build_views(text, label)
    had = [kind for kind in VIEW_KINDS if views.get(kind) is not None]
    assert had and set(had) <= set(views.view_kinds)
    assert list(views.view_kinds) == [kind for kind in VIEW_KINDS if kind in views.view_kinds]


def test_a_transcript_labelled_python_is_read_as_a_session_when_its_shell_view_is_asked_for() -> None:
    views = build_views("$ pip install --trusted-host example.com app\n", "python")
    shell = views.get("shell")
    assert shell is not None and [c.program for c in shell.commands] == ["pip"]  # type: ignore[attr-defined]
    assert views.python is None and views.analysed


def test_python_is_parsed_on_first_use_only() -> None:
    views = build_views("import yaml\nyaml.load(stream)\n", "python")
    assert views.trigger_text is not None and views.joined_trigger_text and views.get("shell") is None
    assert "python" not in views.__dict__  # the values are written as they are: no parse was needed
    assert views.python is not None and [call.name for call in views.python.calls] == ["yaml.load"]
