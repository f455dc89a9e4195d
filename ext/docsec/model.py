"""The data model every layer shares: severities, rules, blocks, findings.

Records here carry validation only, no behaviour, so that language adapters,
rules, the engine and the front ends can all depend on them.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Optional


class Severity(enum.IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3
    CRITICAL = 4

    @classmethod
    def parse(cls, value: "str | Severity") -> "Severity":
        if isinstance(value, Severity):
            return value
        try:
            return cls[str(value).strip().upper()]
        except KeyError:
            allowed = ", ".join(s.name.lower() for s in cls)
            raise ValueError(f"unknown severity {value!r}; use one of: {allowed}") from None

    @property
    def label(self) -> str:
        return self.name.lower()


class Confidence(enum.IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @property
    def label(self) -> str:
        return self.name.lower()


RULE_ID = re.compile(r"^[A-Z]{2,10}\d{3}$")
SYMBOL = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
PROFILES = ("default", "audit")
# Characters the engine removes from a block before it looks for triggers.
TRIGGER_FORBIDDEN = frozenset("\\'\"`\n\r\t")  # (a tab: a value may spell one as \\t)
JOINED_TRIGGER = re.compile(r"^[a-z0-9]+$")
NAME_TRIGGER = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Rule:
    """What a rule is: its identity and metadata.  The check lives beside it."""

    id: str
    symbol: str
    title: str
    severity: Severity
    confidence: Confidence
    cwe: Optional[int]
    languages: tuple[str, ...]
    message: str
    use_instead: str
    equivalent: str = ""
    profile: str = "default"
    doc: str = ""
    # Lower-case substrings one of which every block the rule can fire on contains
    # (see docs/development.md, "Triggers"); empty: the rule runs on every block.
    triggers: tuple[str, ...] = ()
    # Lower-case letters and digits looked for in the block with every other character
    # removed (``to_ken`` holds ``token``), for checks that join a name's words themselves.
    # A rule with both kinds runs when either finds one.
    joined_triggers: tuple[str, ...] = ()
    # Lower-case identifiers one of which must be a whole word of the block (a maximal run of
    # ASCII letters, digits and ``_``), for checks that match a name exactly: ``text`` for a call
    # whose short name is ``text`` runs on ``sa.text(q)``, not on ``context``.
    name_triggers: tuple[str, ...] = ()
    # Whether the engine may skip the rule on a block that holds none of its triggers (derived).
    has_triggers: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not RULE_ID.match(self.id):
            raise ValueError(f"malformed rule id {self.id!r}: expected e.g. DSP001")
        if not SYMBOL.match(self.symbol):
            raise ValueError(f"rule {self.id}: symbol {self.symbol!r} must be kebab-case")
        if self.profile not in PROFILES:
            raise ValueError(f"rule {self.id}: profile must be one of {PROFILES}")
        if not self.languages:
            raise ValueError(f"rule {self.id}: names no language")
        if not self.title or not self.use_instead:
            raise ValueError(f"rule {self.id}: title and use_instead are required")
        for trigger in self.triggers:
            if (not trigger or trigger != trigger.lower() or trigger != trigger.strip()
                    or any(c in trigger for c in TRIGGER_FORBIDDEN)):
                raise ValueError(f"rule {self.id}: trigger {trigger!r} must be lower-case text without "
                                 "surrounding blanks, line breaks, tabs, quotes, backslashes or backticks")
        for trigger in self.joined_triggers:
            if not JOINED_TRIGGER.match(trigger):
                raise ValueError(f"rule {self.id}: joined trigger {trigger!r} must be lower-case letters and digits")
        for trigger in self.name_triggers:
            if not NAME_TRIGGER.match(trigger):
                raise ValueError(f"rule {self.id}: name trigger {trigger!r} must be lower-case letters, digits and _")
        has_triggers = bool(self.triggers or self.joined_triggers or self.name_triggers)
        object.__setattr__(self, "has_triggers", has_triggers)  # frozen: set once here


    @property
    def family(self) -> str:
        return self.id[:3]


@dataclass(frozen=True)
class Hit:
    """What a check yields: a line inside the normalised block and a message.

    ``line`` is 1-based and relative to the block's text as given to the
    engine; ``message`` may be empty to use the rule's default message.
    """

    line: int
    column: int = 1
    message: str = ""
    snippet: str = ""


@dataclass(frozen=True)
class Location:
    """Where a block's first line of code sits in its source file."""

    path: str
    line: int
    cell: Optional[int] = None  # 1-based notebook cell number


class MarkerKind(str, enum.Enum):
    NONE = "none"
    INSECURE = "insecure-example"  # the directive wrapper
    CLASS = "class"  # :class: docsec-insecure or an extra marker class
    CELL_TAG = "cell-tag"  # notebook cell tag
    LEGACY = "legacy"


@dataclass(frozen=True)
class Marker:
    kind: MarkerKind
    reason: str = ""
    # Legacy markers only: what marked the block (e.g. "'danger' admonition"), and the
    # 1-based first and last line of a paragraph before the block that is nothing but
    # the legacy notice (``docsec check --fix`` moves it into ``:reason:``).
    source: str = ""
    notice: Optional[tuple[int, int]] = None
    # An admonition before a block that neither holds a phrase nor points at the block: the words of its
    # prose, one of which the block's code must use for the marker to apply (see docsec.core.legacy).
    about: frozenset[str] = frozenset()
    # Legacy markers from an admonition around the block: the 1-based first and last line of that
    # admonition in the file (last 0: not known), so ``--fix`` may turn it into the wrapper.
    holder: Optional[tuple[int, int]] = None


NO_MARKER = Marker(MarkerKind.NONE)


@dataclass(frozen=True)
class Origin:
    """The source construct that holds a block, for tools that rewrite it (``--fix``).

    ``construct`` names the syntax (``fence``, ``colon-directive``,
    ``fence-directive``, ``indented``, ``code-cell``, ``rst-directive``,
    ``rst-literal``, ``rst-doctest``, ``notebook-cell``); ``start`` and ``end``
    are its 1-based first and last lines in the file (in the cell for notebook
    Markdown cells).  ``notebook-cell`` uses neither.
    """

    construct: str
    start: int = 0
    end: int = 0
    # MyST: the fence characters (``:``, `````, ``~``) of the directives around the construct,
    # whose closing lines a rewrite must not repeat
    enclosing_fences: str = ""


@dataclass(frozen=True)
class Span:
    """Lines of a block's text that are not written where the block is: a ``literalinclude``'s
    ``:prepend:`` and ``:append:`` (written in the page, not in the included file) or a MyST
    substitution's value.  A finding on them is reported at ``location``, the line of the page
    that brings them in; the block's other lines count on from the block's own location."""

    first: int  # 1-based lines of the block's text, inclusive
    last: int
    location: Location


@dataclass(frozen=True)
class CodeBlock:
    """One code example as a front end found it."""

    text: str
    language: str
    location: Location
    marker: Marker = NO_MARKER
    secure: bool = False  # inside ``secure-example``: findings always count
    origin: Optional[Origin] = field(default=None, compare=False)  # known to ``docsec check`` only
    spans: tuple[Span, ...] = ()  # lines written elsewhere (see Span)

    @property
    def marked(self) -> bool:
        return self.marker.kind is not MarkerKind.NONE and not self.secure

    def place(self, line: int) -> Location:
        """Where the block's 1-based ``line`` is written."""
        location = self.location
        before = 0
        for span in self.spans:
            if span.first <= line <= span.last:
                return span.location
            if span.last < line:
                before += span.last - span.first + 1
        return Location(location.path, location.line + line - 1 - before, location.cell)


class Status(str, enum.Enum):
    UNMARKED = "unmarked"  # fails the gate
    MARKED = "marked"  # inside a deliberate insecure example
    SUPPRESSED = "suppressed"  # inline ``# docsec: ignore[...] -- reason``


@dataclass(frozen=True)
class Finding:
    rule_id: str
    symbol: str
    title: str
    severity: Severity
    confidence: Confidence
    cwe: Optional[int]
    message: str
    path: str
    line: int
    column: int
    snippet: str
    status: Status = Status.UNMARKED
    reason: str = ""
    cell: Optional[int] = None
    cell_line: Optional[int] = None
    marked_by: str = ""  # marked findings: "insecure-example", "class", "cell-tag" or "legacy marker: <what>"

    @property
    def fails(self) -> bool:
        return self.status is Status.UNMARKED

    def sort_key(self) -> tuple:
        """File order; in a notebook, cell by cell."""
        return (self.path, self.cell or 0, self.line, self.column, self.rule_id)


@dataclass(frozen=True)
class Diagnostic:
    """A problem with the input or its markers, not with the code it shows."""

    code: str  # e.g. "marker-unused", "suppression-without-reason"
    message: str
    path: str
    line: int
    severity: Severity = Severity.LOW
    cell: Optional[int] = None


@dataclass
class BlockReport:
    block: CodeBlock
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    analysed: bool = True


Check = Callable[..., Iterable[Hit]]
HitIterator = Iterator[Hit]
