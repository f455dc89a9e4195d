"""The scanning core never loads Sphinx or docutils."""

from __future__ import annotations

import subprocess
import sys

import pytest

from docsec.core.catalog import Catalog, builtin_catalog
from docsec.rules.registry import rule

PROBE = """
import sys
import docsec.core.engine, docsec.core.catalog, docsec.core.config
from docsec.core.engine import Engine
from docsec.model import CodeBlock, Location
Engine().scan(CodeBlock("import os\\nos.system(cmd)", "python", Location("x.md", 1)))
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("sphinx", "docutils", "myst_parser"))
print(",".join(loaded))
"""


def test_core_imports_neither_sphinx_nor_docutils() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_catalog_rejects_duplicate_ids() -> None:
    first = next(iter(builtin_catalog()))
    with pytest.raises(ValueError, match="duplicate rule id"):
        Catalog([first, first])


@pytest.mark.parametrize("bad_id", ["DSP14", "dsp014", "XYZ", "DSP0145"])
def test_rule_decorator_rejects_malformed_ids(bad_id: str) -> None:
    with pytest.raises(ValueError, match="malformed rule id"):
        rule(id=bad_id, symbol="x", title="t", severity="low", cwe=None, languages=("python",),
             message="m", use_instead="u")(lambda view: iter(()))


def test_rule_decorator_rejects_unknown_views() -> None:
    with pytest.raises(ValueError, match="unknown language view"):
        rule(id="DSP999", symbol="x", title="t", severity="low", cwe=None, languages=("cobol",),
             message="m", use_instead="u")


def test_catalog_looks_rules_up_by_id_and_symbol() -> None:
    catalog = builtin_catalog()
    assert catalog.get("dsp014").rule.symbol == "bind-all-interfaces"
    assert catalog.get("bind-all-interfaces").rule.id == "DSP014"
    assert catalog.get("nope") is None
