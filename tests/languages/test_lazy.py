"""The views' computed-once attributes."""

from __future__ import annotations

from dataclasses import dataclass

from docsec.languages.lazy import lazy_property


@dataclass(frozen=True)
class Counted:
    calls: list

    @lazy_property
    def value(self) -> int:
        """The documented value."""
        self.calls.append(1)
        return len(self.calls) * 10


def test_computed_on_first_use_then_read_from_the_instance() -> None:
    item = Counted([])
    assert item.calls == []
    assert item.value == 10 and item.value == 10
    assert item.calls == [1] and vars(item)["value"] == 10
    assert Counted([]).value == 10  # each instance its own


def test_class_access_gives_the_descriptor_with_its_doc() -> None:
    assert isinstance(Counted.value, lazy_property)
    assert Counted.value.__doc__ == "The documented value."
