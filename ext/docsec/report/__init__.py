"""Report formats for a finished scan: text, JSON, SARIF and GitHub annotations.

Each format is one module with a ``render(result, options) -> str`` function
over a :class:`~docsec.report.results.RunResult`; none of them prints or
touches files.  :data:`FORMATS` maps a format name to its module so that a
run imports only the format it writes.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

TOOL_NAME = "docsec"
INFORMATION_URI = "https://github.com/docsec/docsec"
RULE_DOCS_URL = "https://docsec.readthedocs.io/en/latest/rules/{id}.html"

FORMATS = {"text": ".text", "json": ".json_report", "sarif": ".sarif", "github": ".github"}


def renderer(name: str) -> Callable[..., str]:
    """The ``render`` function of the format called ``name``."""
    module = import_module(FORMATS[name], __name__)
    return module.render  # type: ignore[no-any-return]


def rule_url(rule_id: str) -> str:
    return RULE_DOCS_URL.format(id=rule_id)
