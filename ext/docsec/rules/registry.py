"""Rule declaration: the :func:`rule` decorator and :class:`RegisteredRule`.

A rule module defines one check and decorates it with :func:`rule`; the
decorator validates the metadata and returns a :class:`RegisteredRule`.
Nothing is registered globally: :mod:`docsec.core.catalog` collects these
objects from the rule modules.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Optional

from ..model import Confidence, Hit, Rule, Severity

VIEW_KINDS = ("python", "shell", "dockerfile", "yaml", "template", "javascript", "sql", "java", "csharp", "php", "go",
              "ruby", "rust", "hcl", "powershell", "webserver", "systemd", "text")


@dataclass(frozen=True)
class RegisteredRule:
    rule: Rule
    check: Callable[..., Iterable[Hit]]
    module: str

    def __call__(self, view: object) -> Iterator[Hit]:
        yield from self.check(view)


def rule(
    *,
    id: str,
    symbol: str,
    title: str,
    severity: str,
    cwe: Optional[int],
    languages: tuple[str, ...],
    message: str,
    use_instead: str,
    confidence: str = "high",
    equivalent: str = "",
    profile: str = "default",
    triggers: tuple[str, ...] = (),
    joined_triggers: tuple[str, ...] = (),
    name_triggers: tuple[str, ...] = (),
) -> Callable[[Callable[..., Iterable[Hit]]], RegisteredRule]:
    """Declare a check as a rule.  The defining module's docstring is its page.

    ``triggers`` is a cheap, conservative prefilter: lower-case substrings of
    which a block must contain at least one for the check to find anything
    (``("pickle",)``).  The engine skips the check on a block that contains
    none of them, after lower-casing it and removing quotes, backslashes and
    backticks, so a trigger must hold for every spelling the views accept.
    ``joined_triggers`` (letters and digits) are looked for in the block with
    every other character removed, for checks that join the words of a name.
    ``name_triggers`` (identifiers) must each be a whole word of the block, for
    checks that compare a name exactly (a call's short name, a keyword name).
    """
    unknown = [kind for kind in languages if kind not in VIEW_KINDS]
    if unknown:
        raise ValueError(f"rule {id}: unknown language view(s) {unknown}; use {VIEW_KINDS}")

    def decorate(check: Callable[..., Iterable[Hit]]) -> RegisteredRule:
        module = inspect.getmodule(check)
        doc = inspect.cleandoc(module.__doc__ or "") if module else ""
        if not doc:
            raise ValueError(f"rule {id}: its module needs a docstring (the rule's page)")
        meta = Rule(
            id=id,
            symbol=symbol,
            title=title,
            severity=Severity.parse(severity),
            confidence=Confidence[confidence.upper()],
            cwe=cwe,
            languages=tuple(languages),
            message=message,
            use_instead=use_instead,
            equivalent=equivalent,
            profile=profile,
            doc=doc,
            triggers=tuple(triggers),
            joined_triggers=tuple(joined_triggers),
            name_triggers=tuple(name_triggers),
        )
        return RegisteredRule(meta, check, check.__module__)

    return decorate
