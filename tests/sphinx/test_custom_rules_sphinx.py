"""Rules declared in conf.py run in the Sphinx build like built-in ones."""

from __future__ import annotations

from docsec_sphinx_helpers import CONF

CUSTOM = CONF + """
docsec_custom_rules = [{"id": "ACME001", "title": "ACME client with TLS off", "call": "acme.client.connect",
                        "keyword": {"insecure": True}, "message": "skips certificate checks"}]
"""
PAGE = "# Guide\n\n```python\nacme.client.connect(host, insecure=True)\nacme.client.connect(host)\n```\n"


def test_declared_rule_fails_the_build_at_its_line(build) -> None:
    built = build({"index.md": PAGE}, buildername="dummy", conf=CUSTOM)
    assert built.statuscode == 1
    assert "index.md:4: WARNING: ACME001" in built.warnings


def test_bad_declaration_is_one_clear_error(build) -> None:
    conf = CONF + 'docsec_custom_rules = [{"id": "ACME001", "title": "t", "message": "m"}]\n'
    built = build({"index.md": PAGE}, buildername="dummy", conf=conf)
    assert built.warnings.count("docsec_custom_rules") == 1
    assert "exactly one of `call`" in built.warnings
    assert "Traceback" not in built.warnings


def test_declared_rule_that_reuses_a_builtin_id_is_reported_not_crashing(build) -> None:
    conf = CONF + ('docsec_custom_rules = [{"id": "DSP014", "title": "t", "message": "m", '
                   '"call": "acme.client.connect"}]\n')
    built = build({"index.md": PAGE}, buildername="dummy", conf=conf)
    assert "ignoring the custom rules" in built.warnings and "duplicate rule id DSP014" in built.warnings
    assert built.statuscode == 1  # a configuration error fails the build, as `docsec check` exits 2
    assert "docsec: 1 configuration error (reported above)" in built.warnings
