"""nginx, Apache and Caddy blocks read as directives in their blocks; Caddy's reader checked by a round trip
and a fuzz test, since no parser of the Caddyfile exists on PyPI to compare it with."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from docsec.languages import build_views
from docsec.languages.webserver import WebServerView, build_webserver_view, caddy_tokens

pytest.importorskip("crossplane", reason="docsec[languages] is not installed")
pytest.importorskip("apacheconfig", reason="docsec[languages] is not installed")


def rows(text: str, label: str) -> list[tuple[int, str, tuple[str, ...], tuple[str, ...]]]:
    view = build_views(text, label).get("webserver")
    assert isinstance(view, WebServerView)
    return [(d.line, d.name, d.args, tuple(p.name for p in d.parents)) for d in view.directives]


def test_nginx_blocks_quotes_and_comments() -> None:
    text = ('server {\n    listen 443 ssl;  # TLS\n    add_header X-Frame-Options "SAME ORIGIN";\n'
            '    location /admin {\n        proxy_pass http://127.0.0.1:8080;\n    }\n}\n')
    assert rows(text, "nginx") == [
        (1, "server", (), ()), (2, "listen", ("443", "ssl"), ("server",)),
        (3, "add_header", ("X-Frame-Options", "SAME ORIGIN"), ("server",)),
        (4, "location", ("/admin",), ("server",)), (5, "proxy_pass", ("http://127.0.0.1:8080",), ("server", "location")),
    ]


def test_nginx_fragments_an_unclosed_block_and_a_stray_brace() -> None:
    assert rows("ssl_protocols TLSv1.2;\nautoindex on;", "nginx") == [
        (1, "ssl_protocols", ("TLSv1.2",), ()), (2, "autoindex", ("on",), ())]
    assert rows("server {\n  listen 80;\n", "nginx") == [(1, "server", (), ()), (2, "listen", ("80",), ("server",))]
    assert rows("}\nlisten 80;\n", "nginx") == [(2, "listen", ("80",), ())]


def test_apache_sections_continuations_and_quoted_arguments() -> None:
    text = ('<VirtualHost *:443>\n    SSLProtocol all \\\n        -SSLv3\n'
            '    Header always set X "a b"\n    <Directory /var/www>\n        Options +Indexes\n'
            '    </Directory>\n</VirtualHost>\nListen 80\n')
    assert rows(text, "apacheconf") == [
        (1, "VirtualHost", ("*:443",), ()), (2, "SSLProtocol", ("all", "-SSLv3"), ("VirtualHost",)),
        (4, "Header", ("always", "set", "X", "a b"), ("VirtualHost",)),
        (5, "Directory", ("/var/www",), ("VirtualHost",)), (6, "Options", ("+Indexes",), ("VirtualHost", "Directory")),
        (9, "Listen", ("80",), ()),
    ]


def test_caddy_sites_blocks_quotes_and_continuations() -> None:
    text = ('example.com {\n\troot * /srv  # files\n\theader X "a b"\n\ttls {\n\t\tprotocols tls1.2 tls1.3\n\t}\n'
            '\treverse_proxy localhost:8080 \\\n\t\tlocalhost:8081\n}\n')
    assert rows(text, "caddyfile") == [
        (1, "example.com", (), ()), (2, "root", ("*", "/srv"), ("example.com",)),
        (3, "header", ("X", "a b"), ("example.com",)), (4, "tls", (), ("example.com",)),
        (5, "protocols", ("tls1.2", "tls1.3"), ("example.com", "tls")),
        (7, "reverse_proxy", ("localhost:8080", "localhost:8081"), ("example.com",)),
    ]


def test_apache_sections_without_arguments() -> None:
    assert rows("<IfModule>\n  Listen 80\n</IfModule>\n", "apache") == [
        (1, "IfModule", (), ()), (2, "Listen", ("80",), ("IfModule",))]


def test_a_reader_that_fails_makes_the_block_not_analysed() -> None:
    reason = build_webserver_view('"\n', "apache")
    assert isinstance(reason, str) and reason.startswith("the Apache reader failed (ApacheConfigError")
    views = build_views('"\n', "apache")
    assert views.get("webserver") is None and not views.analysed


WORD = st.text(alphabet=st.sampled_from("abcxyz019._:/*-@"), min_size=1, max_size=8).filter(
    lambda w: not w.startswith("#"))
QUOTED = st.text(alphabet=st.sampled_from("ab {}#;\t"), max_size=6)


@st.composite
def caddyfile(draw, depth: int = 0):
    """(text, expected directives as (name, args, depth)) of a generated Caddyfile."""
    lines, expected = [], []
    for _ in range(draw(st.integers(1, 4))):
        name = draw(WORD)
        args = draw(st.lists(st.one_of(WORD.map(lambda w: (w, w)), QUOTED.map(lambda q: (f'"{q}"', q))), max_size=3))
        written = " ".join([name, *(w for w, _ in args)])
        expected.append((name, tuple(v for _, v in args), depth))
        if depth < 2 and draw(st.booleans()):
            inner_text, inner = draw(caddyfile(depth + 1))
            lines.append("\t" * depth + written + " {")
            lines.append(inner_text)
            lines.append("\t" * depth + "}")
            expected.extend(inner)
        else:
            comment = "  # note" if draw(st.booleans()) else ""
            lines.append("\t" * depth + written + comment)
    return "\n".join(lines), expected


@settings(max_examples=200, deadline=None)
@given(caddyfile())
def test_caddy_reader_round_trip(generated) -> None:
    text, expected = generated
    view = build_webserver_view(text, "caddy")
    assert isinstance(view, WebServerView)
    assert [(d.name, d.args, len(d.parents)) for d in view.directives] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('ab {}"`#\\\n\t;'), max_size=60))
def test_caddy_reader_never_fails_and_keeps_lines_in_the_block(text: str) -> None:
    tokens = list(caddy_tokens(text))
    assert all(1 <= line <= text.count("\n") + 1 for _, line, _ in tokens)
    view = build_webserver_view(text, "caddy")
    assert isinstance(view, WebServerView)
    assert all(1 <= d.line <= text.count("\n") + 1 for d in view.directives if d.name != "{")
