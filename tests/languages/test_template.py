"""The template view: expressions, tags and the HTML context of each."""

from __future__ import annotations

import pytest

from docsec.languages import build_views, language_kind
from docsec.languages.template import TemplateView, split_filters

PAGE = """{% extends "base.html" %}
<div class={{ css }} title="{{ title|default:"a|b" }}">{{ body|safe }}</div>
<a href="/x?q={{ q }}" onclick="go('{{ name }}')">x</a>
<script>var u = "{{ user }}";</script>
<script type="text/x-template"><p>{{ client }}</p></script>
{% verbatim %}<p>{{ vue }}</p>{% endverbatim %}
{% autoescape off %}<p>{{ raw }}</p>{% endautoescape %}
<!-- {{ hidden }} --><ul{{ attrs|xmlattr }}></ul>
"""


def test_each_expression_knows_where_it_is_rendered() -> None:
    view = TemplateView(PAGE)
    found = {e.variable: (e.line, e.context, e.attribute, e.quote, e.before, e.autoescape) for e in view.expressions}
    assert found == {
        "css": (2, "attribute", "class", "", "", True),
        "title": (2, "attribute", "title", '"', "", True),
        "body": (2, "text", "", "", "", True),
        "q": (3, "attribute", "href", '"', "/x?q=", True),
        "name": (3, "attribute", "onclick", '"', "go('", True),
        "user": (4, "script", "", "", "", True),
        "client": (5, "client-template", "", "", "", True),
        "raw": (7, "text", "", "", "", False),
        "hidden": (8, "comment", "", "", "", True),
        "attrs": (8, "tag", "", "", "", True),
    }
    assert [t.name for t in view.tags] == ["extends", "verbatim", "endverbatim", "autoescape", "endautoescape"]


def test_filters_are_split_outside_quotes_and_calls() -> None:
    assert split_filters('x|default:"a|b"|safe') == ["x", 'default:"a|b"', "safe"]
    assert split_filters("f(a | b) | e") == ["f(a | b) ", " e"]


def test_columns_are_one_based() -> None:
    view = TemplateView("<p>\n  {{ x }}</p>")
    assert (view.expressions[0].line, view.expressions[0].column) == (2, 3)


def test_labels() -> None:
    assert language_kind("html+django") == "template"
    assert language_kind("jinja") == "template"
    assert language_kind("js+django") == "template-script"
    assert language_kind("html", "<p>{{ name }}</p>") == "template"
    assert language_kind("html", "<p>plain</p>") == "text"
    assert language_kind("html", "<h1>{{ .Title }}</h1>{{ range .Pages }}{{ end }}") == "text"  # Go / Hugo
    assert language_kind("html", "{{#each items}}<li>{{this}}</li>{{/each}}") == "text"  # Handlebars


def test_unterminated_and_odd_input_never_fails() -> None:
    for text in ("{{", "{% if", "<a href='{{ x }}", "<script>{{ x }}", "<<<>>>{{}}{%%}", "<a b=c d='e>"):
        build_views(text, "html+django")
    assert build_views("<script>{{ x }}", "jinja").template.expressions[0].context == "script"


def test_pseudo_template_placeholders_get_the_same_html_contexts() -> None:
    from docsec.languages import build_views

    text = ('<div>$varUnsafe</div>\n<input value=${userInput}>\n<a href="<%= params[:next] %>">x</a>\n'
            "<script>var x = '$name';</script>\n<p><%== body %></p>\n<% if admin %><b>hi</b><% end %>\n")
    view = build_views(text, "html").get("template")
    assert view is not None and view.dialect == "pseudo"
    assert [(e.line, e.written, e.context, e.attribute, e.quote, e.raw) for e in view.expressions] == [
        (1, "$varUnsafe", "text", "", "", False), (2, "${userInput}", "attribute", "value", "", False),
        (3, "<%= params[:next] %>", "attribute", "href", '"', False), (4, "$name", "script", "", "", False),
        (5, "<%== body %>", "text", "", "", True)]
    assert [tag.name for tag in view.tags] == ["if", "end"]


@pytest.mark.parametrize("label, text, kind", [
    ("html", "<div>$varUnsafe</div>\n", "pseudo-template"),
    ("html", "<p>{{ name }}</p>\n", "template"),  # (Django and Jinja as before)
    ("html", "<p>Price: 5 $</p>\n", "text"),
    ("erb", "<p><%= user.name %></p>\n", "pseudo-template"),
    ("jsp", "<p><%= name %></p>\n", "jsp"),
    (None, "<div class=${cls}>x</div>\n", "pseudo-template"),
])
def test_pseudo_template_labels(label, text: str, kind: str) -> None:
    from docsec.languages.labels import language_kind

    assert language_kind(label, text) == kind
