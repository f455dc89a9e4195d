"""Locate (or install) the real mystmd CLI for the end-to-end tests.

``MYST_BIN`` names a ``myst`` executable to use.  Otherwise the tests use
``<repo>/.cache/mystmd/node_modules/.bin/myst``, installing mystmd there
with npm on first use (``DOCSEC_NO_NPM=1`` forbids that).  Without node,
npm or a working install, the end-to-end tests are skipped with the reason;
the unit tests of the Python side need none of it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from myst_projects import MYSTMD_VERSION

REPO = Path(__file__).resolve().parents[2]
CACHE = REPO / ".cache" / "mystmd"


def _find_or_install_myst() -> "tuple[str | None, str]":
    explicit = os.environ.get("MYST_BIN")
    if explicit:
        return (explicit, "") if Path(explicit).is_file() else (None, f"MYST_BIN={explicit} does not exist")
    if shutil.which("node") is None:
        return None, "node is not installed: mystmd end-to-end tests need it"
    binary = CACHE / "node_modules" / ".bin" / "myst"
    if binary.is_file():
        return str(binary), ""
    if os.environ.get("DOCSEC_NO_NPM"):
        return None, (f"no mystmd in {CACHE} and DOCSEC_NO_NPM is set; set MYST_BIN or run "
                      f"`npm install --prefix .cache/mystmd mystmd@{MYSTMD_VERSION}`")
    npm = shutil.which("npm")
    if npm is None:
        return None, "npm is not installed: cannot install mystmd for the end-to-end tests"
    CACHE.mkdir(parents=True, exist_ok=True)
    try:
        result = subprocess.run([npm, "install", "--prefix", str(CACHE), f"mystmd@{MYSTMD_VERSION}",
                                 "--no-audit", "--no-fund"], capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as error:
        return None, f"npm install mystmd@{MYSTMD_VERSION} failed: {error}"
    if result.returncode != 0 or not binary.is_file():
        return None, f"npm install mystmd@{MYSTMD_VERSION} failed: {result.stderr.strip()[-500:]}"
    return str(binary), ""


@pytest.fixture(scope="session")
def myst_bin() -> str:
    binary, reason = _find_or_install_myst()
    if binary is None:
        pytest.skip(reason)
    return binary


@pytest.fixture(scope="session")
def node_bin() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    return node
