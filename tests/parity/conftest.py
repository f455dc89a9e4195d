"""The mystmd fixtures (``myst_bin``), for the parity tests that build with mystmd too."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

MYSTMD_TESTS = Path(__file__).parents[1] / "mystmd"
sys.path.insert(0, str(MYSTMD_TESTS))  # myst_projects, which the mystmd conftest imports
_spec = importlib.util.spec_from_file_location("mystmd_fixtures", MYSTMD_TESTS / "conftest.py")
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)

myst_bin = _fixtures.myst_bin
