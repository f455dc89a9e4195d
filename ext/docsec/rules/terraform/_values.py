"""What the Terraform rules share: addresses that mean "anyone", and reading lists and ports.
No rule lives here (the module starts with ``_``)."""

from __future__ import annotations

from typing import Any

from ...languages.hcl import COMPUTED, Block, HclView

ANYONE = frozenset({"0.0.0.0/0", "::/0", "*", "internet", "any", "0.0.0.0"})


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def attribute(view: HclView, block: Block, name: str) -> Any:
    """The value of one of the block's attributes as data, :data:`COMPUTED`, or ``None`` when absent."""
    found = block.attributes.get(name)
    return view.value(found.value) if found is not None else None


def is_computed(value: Any) -> bool:
    return value is COMPUTED
