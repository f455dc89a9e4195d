"""The ``security`` directive in rst and MyST: level, keyword highlighting, warnings."""

from __future__ import annotations

import subprocess
import sys

import pytest
from docsec.core import rfc2119
from docsec_sphinx_helpers import line_of

RST = """\
Guide
=====

.. security:: Bind locally
   :id: bind-local

   Development servers MUST bind to ``127.0.0.1``; you must not rely on a firewall.
"""
MYST_BACKTICK = """\
# Guide

```{security} Bind locally
:id: bind-local

Development servers MUST bind to `127.0.0.1`; you must not rely on a firewall.
```
"""
MYST_COLON = MYST_BACKTICK.replace("```{security}", ":::{security}").replace("```\n", ":::\n")

BADGE = '<span class="docsec-level docsec-level-must">MUST</span> Bind locally</p>'
KEYWORD = '<strong class="docsec-kw docsec-kw-must">MUST</strong> bind to'


@pytest.mark.parametrize("name,page", [("index.rst", RST), ("index.md", MYST_BACKTICK), ("index.md", MYST_COLON)])
def test_security_html_is_the_same_in_rst_and_myst(build, name, page):
    built = build({name: page})
    html = built.html("index")
    assert '<div class="docsec-security docsec-must admonition" id="docsec-bind-local">' in html
    assert BADGE in html
    assert KEYWORD in html
    assert "you must not rely" in html  # lower case is prose (RFC 8174)
    assert "docsec" not in built.warnings


def _level_page(body: str, options: str = "") -> str:
    return f"# Guide\n\n```{{security}} Item\n{options}\n{body}\n```\n"


@pytest.mark.parametrize("body,level", [
    ("Clients MUST NOT disable TLS verification.", "must-not"),
    ("You SHOULD pin versions; it is NOT RECOMMENDED to use latest.", "should-not"),
    ("You SHOULD pin versions.", "should"),
    ("Tokens MAY be cached. Keys MUST be rotated.", "must"),
    ("Rotate keys. You MUST NOT log them and MUST hash them.", "must-not"),
    ("Logging is OPTIONAL.", "may"),
])
def test_level_inferred_from_capitalised_keywords(build, body, level):
    built = build({"index.md": _level_page(body)})
    assert f'class="docsec-security docsec-{level} admonition"' in built.html("index")
    assert "security-level" not in built.warnings


def test_lowercase_keywords_do_not_count_and_no_level_warns(build):
    page = _level_page("You must validate input and should log failures.")
    built = build({"index.md": page})
    assert (f"index.md:{line_of(page, '{security}')}: WARNING: security: no :level: and no RFC 2119 keyword"
            in built.warnings)
    assert '<div class="docsec-security admonition">' in built.html("index")


@pytest.mark.parametrize("given,level", [("MUST NOT", "must-not"), ("must_not", "must-not"), ("Should", "should")])
def test_level_option_accepts_spellings(build, given, level):
    built = build({"index.md": _level_page("Prose without keywords.", f":level: {given}")})
    assert f'class="docsec-security docsec-{level} admonition"' in built.html("index")
    assert "docsec" not in built.warnings


def test_declared_level_disagreeing_with_body_warns(build):
    page = _level_page("Servers MUST bind to localhost.", ":level: should")
    built = build({"index.md": page})
    assert (f"index.md:{line_of(page, '{security}')}: WARNING: security: declared level SHOULD but the body "
            "uses MUST (strongest: MUST)") in built.warnings
    assert 'class="docsec-security docsec-should admonition"' in built.html("index")


def test_bad_level_value_warns_and_infers(build):
    page = _level_page("Servers MUST bind to localhost.", ":level: urgent")
    built = build({"index.md": page})
    assert (f"index.md:{line_of(page, '{security}')}: WARNING: security: :level: unknown level 'urgent'; "
            "use one of: may, should, should-not, must, must-not") in built.warnings
    assert 'class="docsec-security docsec-must admonition"' in built.html("index")


def test_duplicate_id_across_documents_warns(build):
    other = "Other\n=====\n\n.. security:: Again\n   :id: bind-local\n\n   You MAY do this.\n"
    built = build({"index.rst": RST + "\n.. toctree::\n\n   other\n", "other.rst": other})
    assert (f"other.rst:{line_of(other, '.. security::')}: WARNING: security: duplicate :id: 'bind-local', "
            f"first used at index.rst:{line_of(RST, '.. security::')}") in built.warnings


def test_keywords_in_code_and_links_are_not_wrapped(build):
    page = _level_page("See [MUST docs](https://example.org) and `MAY`; you SHOULD read them.")
    html = build({"index.md": page}).html("index")
    assert '<strong class="docsec-kw docsec-kw-should">SHOULD</strong>' in html
    assert "docsec-kw-must" not in html and "docsec-kw-may" not in html
    assert 'class="docsec-security docsec-should admonition"' in html


def test_rfc2119_module_is_pure():
    code = ("import sys, docsec.core.rfc2119; "
            "print(sorted(k for k in sys.modules if k.split('.')[0] in ('sphinx', 'docutils')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_rfc2119_levels_and_ranking():
    assert rfc2119.parse_level("MUST NOT") == "must-not"
    assert [k.level for k in rfc2119.find_keywords("MUST NOT, SHALL, NOT RECOMMENDED, MAYBE, must")] == \
        ["must-not", "must", "should-not"]
    assert rfc2119.strongest(["may", "should", "must"]) == "must"
    assert rfc2119.strongest(["must", "must-not"]) == "must-not"
    assert rfc2119.disagreement("must", ["must", "must-not"]) is None
    assert rfc2119.disagreement("may", []) is None
    with pytest.raises(ValueError, match="use one of: may, should"):
        rfc2119.parse_level("urgent")
