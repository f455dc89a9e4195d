"""The views' computed-once attributes."""

from __future__ import annotations

from typing import Any, Callable, Generic, Optional, TypeVar, overload

T = TypeVar("T")


class lazy_property(Generic[T]):
    """An attribute computed on first use, then stored on the instance, where later reads
    find it without calling anything.

    Like :class:`functools.cached_property`, but without the lock Python 3.8 to 3.11 take
    on every first access: a Python block's views compute a dozen such attributes, and the
    lock cost more than some of them.  Each view is built and read by one thread.  Works on
    frozen dataclasses, as it writes the instance's ``__dict__`` directly.
    """

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, instance: None, owner: Optional[type] = None) -> "lazy_property[T]": ...

    @overload
    def __get__(self, instance: object, owner: Optional[type] = None) -> T: ...

    def __get__(self, instance: Optional[object], owner: Optional[type] = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value
