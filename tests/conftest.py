pytest_plugins = ("sphinx.testing.fixtures",)


import pytest


@pytest.fixture(autouse=True)
def _sphinx_source_suffix_default():
    """Sphinx merges the suffixes extensions register into ``source_suffix``'s default dict, which every
    app of the process shares: after a myst-parser build, a MyST-NB build finds ``.md`` mapped to a parser
    it does not have.  Each test starts from Sphinx's own default."""
    try:
        from sphinx.config import Config
    except ImportError:  # pragma: no cover - the core tests run without Sphinx too
        yield
        return
    default = Config.config_values["source_suffix"].default
    saved = dict(default)
    yield
    default.clear()
    default.update(saved)


def _mystmd_fixtures():
    """``myst_bin`` for the tests outside tests/mystmd that build with mystmd (parity, fuzzing)."""
    import importlib.util
    import sys
    from pathlib import Path

    folder = Path(__file__).parent / "mystmd"
    if str(folder) not in sys.path:
        sys.path.append(str(folder))  # myst_projects, which that conftest imports
    spec = importlib.util.spec_from_file_location("mystmd_fixtures", folder / "conftest.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


myst_bin = _mystmd_fixtures().myst_bin
