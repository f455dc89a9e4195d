"""Baselines: accept today's findings so that only new ones fail.

A baseline records each accepted finding by a fingerprint built from its
rule id, file path (relative to the project root, so the baseline holds
wherever the check runs from) and the normalised text of the offending line, plus an
occurrence index among identical (rule, path, line text) findings.  The line
*number* is not part of it, so edits elsewhere in a file keep the baseline
valid; changing the offending line itself makes the finding new again.

Each entry also shows its rule, path and line text (and its occurrence when
it is not the first), so that a reviewer reading the baseline's diff sees what
it accepts; an entry whose fingerprint is not the fingerprint of what it shows
is rejected, so the fields a reviewer reads cannot say one thing while the
fingerprint accepts another.

Pure functions and records only: reading and writing files is the caller's
business (the ``docsec check`` CLI).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Sequence

from ..model import Finding

FORMAT_VERSION = 1
_WHITESPACE = re.compile(r"\s+")


class BaselineError(ValueError):
    """A baseline file cannot be used; the message says why."""


# An entry written before entries named their occurrence may be any of the first few.
UNSTATED_OCCURRENCES = 16


@dataclass(frozen=True)
class BaselineEntry:
    fingerprint: str
    rule: str
    path: str
    snippet: str
    occurrence: int = 0

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {"fingerprint": self.fingerprint, "rule": self.rule, "path": self.path,
                                   "snippet": self.snippet}
        if self.occurrence:
            data["occurrence"] = self.occurrence
        return data


def normalise(line: str) -> str:
    """The offending line with runs of whitespace collapsed and the ends trimmed."""
    return _WHITESPACE.sub(" ", line).strip()


def fingerprint(rule_id: str, path: str, line: str, occurrence: int = 0) -> str:
    """sha256 over rule id, posix path, normalised line text and occurrence index."""
    parts = (rule_id, path.replace("\\", "/"), normalise(line), str(occurrence))
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


PathOf = Callable[[str], str]


def _posix(path: str, path_of: Optional[PathOf]) -> str:
    return (path_of(path) if path_of is not None else path).replace("\\", "/")


def fingerprints(findings: Sequence[Finding], path_of: Optional[PathOf] = None) -> list[str]:
    """One fingerprint per finding, in the same order.

    ``findings`` should be in file order: the n-th finding with the same rule,
    path and normalised line gets occurrence index n.  ``path_of`` turns a
    finding's path into the one recorded (relative to the project root).
    """
    return [print_ for print_, _ in fingerprinted(findings, path_of)]


def fingerprinted(findings: Sequence[Finding], path_of: Optional[PathOf] = None) -> list[tuple[str, int]]:
    """(fingerprint, occurrence index) per finding, in the same order (see :func:`fingerprints`)."""
    seen: dict[tuple[str, str, str], int] = {}
    result = []
    for finding in findings:
        key = (finding.rule_id, _posix(finding.path, path_of), normalise(finding.snippet))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        result.append((fingerprint(*key, occurrence), occurrence))
    return result


@dataclass(frozen=True)
class Baseline:
    entries: tuple[BaselineEntry, ...] = ()

    @classmethod
    def of(cls, findings: Iterable[tuple[Finding, str, int]], path_of: Optional[PathOf] = None) -> "Baseline":
        """A baseline accepting ``(finding, fingerprint, occurrence)`` triples, sorted for stable diffs."""
        entries = {
            fp: BaselineEntry(fp, finding.rule_id, _posix(finding.path, path_of), normalise(finding.snippet),
                              occurrence)
            for finding, fp, occurrence in findings
        }
        return cls(tuple(sorted(entries.values(),
                                key=lambda e: (e.path, e.rule, e.snippet, e.occurrence, e.fingerprint))))

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.entries)

    def stale(self, current: Iterable[str]) -> list[BaselineEntry]:
        """Entries whose fingerprint is not among ``current``."""
        present = set(current)
        return [entry for entry in self.entries if entry.fingerprint not in present]

    def dumps(self) -> str:
        data = {"version": FORMAT_VERSION, "entries": [entry.as_json() for entry in self.entries]}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def loads(cls, text: str) -> "Baseline":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise BaselineError(f"is not valid JSON ({error})") from None
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise BaselineError(f"is not a docsec baseline: expected an object with \"version\": {FORMAT_VERSION}")
        entries = data.get("entries")
        if not isinstance(entries, list):
            raise BaselineError("has no \"entries\" list")
        return cls(tuple(_entry(number, item) for number, item in enumerate(entries)))


def _entry(number: int, item: Any) -> BaselineEntry:
    fields = ("fingerprint", "rule", "path", "snippet")
    if not isinstance(item, dict) or not all(isinstance(item.get(name), str) for name in fields):
        raise BaselineError(f"entry {number} must be an object with string fields {', '.join(fields)}")
    if not re.fullmatch(r"[0-9a-f]{64}", item["fingerprint"]):
        raise BaselineError(f"entry {number}: fingerprint {item['fingerprint']!r} is not a sha256 hex digest")
    stated = item.get("occurrence")
    if stated is not None and (type(stated) is not int or stated < 1):
        raise BaselineError(f"entry {number}: occurrence {stated!r} is not a whole number from 1 (leave it out for 0)")
    entry = BaselineEntry(item["fingerprint"], item["rule"], item["path"], item["snippet"], stated or 0)
    candidates = [entry.occurrence] if stated is not None else range(UNSTATED_OCCURRENCES)
    for occurrence in candidates:
        try:
            shown = fingerprint(entry.rule, entry.path, entry.snippet, occurrence)
        except UnicodeEncodeError:
            break
        if shown == entry.fingerprint:
            return BaselineEntry(entry.fingerprint, entry.rule, entry.path, entry.snippet, occurrence)
    raise BaselineError(
        f"entry {number} ({entry.rule} in {entry.path!r}: {entry.snippet[:60]!r}): its fingerprint is not that of "
        "the rule, path and snippet it shows, so it would accept a finding the baseline does not show; rewrite "
        "the baseline with --write-baseline and review its diff")
