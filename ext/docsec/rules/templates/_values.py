"""What the template rules know about values and filters."""

from __future__ import annotations

import re

from ...languages.template import CLIENT_TEMPLATE, COMMENT, Expression

# Filters that escape or encode a value for the context they are written for.
ESCAPING = frozenset({
    "escape", "e", "force_escape", "forceescape", "escapeseq", "escapejs", "tojson", "json_script", "urlencode", "iriencode",
    "bleach", "bleach_clean", "bleach_linkify", "sanitize", "sanitize_html", "clean", "clean_html", "striptags",
})
# Filters whose output holds no markup or quotes (numbers, dates, booleans, slugs).
PLAIN_OUTPUT = frozenset({
    "int", "float", "length", "count", "wordcount", "floatformat", "filesizeformat", "intcomma", "intword",
    "date", "time", "timesince", "timeuntil", "naturaltime", "naturalday", "yesno", "pluralize", "abs", "round",
    "sum", "slugify", "add_class", "ordinal", "unlocalize", "localize",
})
# Names of values that are numbers or flags (``item.pk``, ``forloop.counter``, ``loop.index``).
NUMERIC_NAME = re.compile(
    r"(?:^|[._])(?:id|pk|count|counter0?|index0?|revcounter0?|revindex0?|length|width|height|size|total|"
    r"page_number|number|num_pages|year|month|day|first|last|is_\w+|has_\w+)$", re.IGNORECASE)
LITERAL = re.compile(r"""^(?:"[^"]*"|'[^']*'|-?\d+(?:\.\d+)?|True|False|None|true|false|none)$""")
# Values the application makes itself: CSRF tokens, generated URLs, settings constants.
GENERATED = re.compile(r"csrf|^block\.super$|^(?:url_for|url|static|reverse|get_flashed_messages)\s*\(|^[A-Z][A-Z0-9_]*$")


def ignored(expression: Expression) -> bool:
    """Inside an HTML comment or a client-side template: the server does not render it as code."""
    return expression.context in (COMMENT, CLIENT_TEMPLATE)


def is_literal(expression: Expression) -> bool:
    return bool(LITERAL.match(expression.variable.strip()))


def plain_value(expression: Expression) -> bool:
    """A literal, a number or flag, or a value the application generates."""
    variable = expression.variable.strip()
    return (is_literal(expression) or bool(NUMERIC_NAME.search(variable)) or bool(GENERATED.search(variable))
            or any(name in PLAIN_OUTPUT for name in expression.filters))


def escaped(expression: Expression, before: str = "") -> bool:
    """A filter escapes the value (before the ``before`` filter, when given)."""
    filters = expression.filters
    if before and before in filters:
        filters = filters[:filters.index(before)]
    return any(name in ESCAPING for name in filters)
