pytest_plugins = ("sphinx.testing.fixtures",)
