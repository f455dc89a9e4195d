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
