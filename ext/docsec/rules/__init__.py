"""Rules, one small module each, grouped by family (python, shell, ...).

Each module's docstring is the rule's documentation page; its examples live
in ``examples/<RULE-ID>/`` beside it.
"""
