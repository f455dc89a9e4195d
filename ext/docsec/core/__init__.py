"""The scanning core: data model, rule registry, engine and configuration.

Nothing in this package imports Sphinx or docutils.
"""
