"""The engine: pick the rules for a block, run them once per view, and
apply markers, inline suppressions and the configured selection."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from fnmatch import fnmatch
from typing import Callable, Iterable, Optional

from ..languages import Views, build_views, grammar_view, letters_and_digits, name_trigger_form
from ..languages.labels import unusual_label
from ..languages.text import TextView
from ..model import (
    BlockReport,
    CodeBlock,
    Confidence,
    Diagnostic,
    Finding,
    Hit,
    Marker,
    MarkerKind,
    Rule,
    Severity,
    Status,
)
from ..rules.registry import VIEW_KINDS, RegisteredRule
from .catalog import Catalog, RulePackError, load_catalog
from .config import Config, ConfigError
from .suppressions import Suppression, find_suppressions
from .triggers import BlockTriggers, Everything, Triggers

SUPPRESSION_WITHOUT_REASON = Rule(
    id="DSX001",
    symbol="suppression-without-reason",
    title="Inline suppression without a reason",
    severity=Severity.MEDIUM,
    confidence=Confidence.HIGH,
    cwe=None,
    languages=("text",),
    message="`docsec: ignore` needs a reason after `--`, e.g. `# docsec: ignore[DSP003] -- input is a constant`",
    use_instead="# docsec: ignore[RULE-ID] -- why this line is safe here",
    doc="An inline suppression must say why the line is safe; one without a reason suppresses nothing.",
)
UNUSED_SUPPRESSION = Rule(
    id="DSX002",
    symbol="unused-suppression",
    title="Inline suppression that suppresses nothing",
    severity=Severity.LOW,
    confidence=Confidence.HIGH,
    cwe=None,
    languages=("text",),
    message="`docsec: ignore` suppresses nothing on this line; remove it",
    use_instead="# docsec: ignore[RULE-ID] -- reason, only on a line where that rule reports something",
    doc="An inline suppression that names an unknown rule, a rule that reports nothing on its line, or "
        "that stands on a line where no rule reports anything, does nothing (like Ruff's RUF100).",
)
ENGINE_RULES = (SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION)
SECURE_NOTE = " (inside secure-example, `docsec: ignore` does not apply: a secure example must be clean)"


def with_custom_rules(catalog: Catalog, config: Config) -> Catalog:
    """The catalog plus the rules declared in ``custom_rules``."""
    if not config.custom_rules:
        return catalog
    from .custom_rules import CustomRuleError, registered

    try:
        extra = [registered(spec) for spec in config.custom_rules]
        return Catalog([*catalog, *extra])
    except (CustomRuleError, ValueError) as error:
        raise ConfigError("custom_rules", [spec.id for spec in config.custom_rules],
                          f"ids not used by another rule ({error})") from None


def marked_by_text(marker: Marker) -> str:
    """How a report names what marked a block: the marker kind, and for legacy markers what it was."""
    return f"{marker.kind.value} marker: {marker.source}" if marker.source else marker.kind.value


def _view_order(kind: str) -> tuple[int, str]:
    """Views in :data:`VIEW_KINDS` order (the language views first, the text view last)."""
    return (VIEW_KINDS.index(kind) if kind in VIEW_KINDS else len(VIEW_KINDS), kind)


def _matches(rule_id: str, selectors: Iterable[str]) -> bool:
    return any(rule_id.startswith(selector) for selector in selectors)


@dataclass(frozen=True)
class KindRules:
    """The rules of one view kind, arranged so a block's found triggers pick the ones to run."""

    rules: tuple[RegisteredRule, ...]
    position: dict[str, int]  # id -> position, for the rules with triggers
    joined: tuple[int, ...]  # positions of the rules with joined triggers
    always: tuple[int, ...]  # positions of the rules without triggers: they run on every block

    @classmethod
    def build(cls, rules: tuple[RegisteredRule, ...]) -> "KindRules":
        return cls(rules,
                   {r.rule.id: i for i, r in enumerate(rules) if r.rule.has_triggers},
                   tuple(i for i, r in enumerate(rules) if r.rule.joined_triggers),
                   tuple(i for i, r in enumerate(rules) if not r.rule.has_triggers))

    def to_run(self, triggers: BlockTriggers) -> tuple[RegisteredRule, ...] | list[RegisteredRule]:
        """The rules a block's triggers let run, in the selection's order: those without
        triggers, and those with a trigger or a joined trigger in the block."""
        found = triggers.found
        if type(found) is Everything:
            return self.rules
        rules, position = self.rules, self.position
        chosen = [position[rule_id] for rule_id in found if rule_id in position]
        for index in self.joined:
            rule_id = rules[index].rule.id
            if rule_id not in found and rule_id in triggers.joined_found:
                chosen.append(index)
        chosen.extend(self.always)
        if len(chosen) > 1:
            chosen.sort()
        return [rules[index] for index in chosen]


@dataclass(frozen=True)
class Selection:
    """Which rules run, derived once from the configuration."""

    by_view: dict[str, tuple[RegisteredRule, ...]]
    config: Config
    by_kind: dict[str, KindRules] = field(init=False, repr=False, compare=False)
    # View kinds (``Views.view_kinds``) -> the triggers of the rules that may run on them, built on first use.
    _triggers: dict[tuple[str, ...], Triggers] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_kind = {kind: KindRules.build(rules) for kind, rules in self.by_view.items()}
        object.__setattr__(self, "by_kind", by_kind)  # frozen: set once here
        object.__setattr__(self, "_triggers", {})

    def triggers_for(self, kinds: tuple[str, ...]) -> Triggers:
        """The triggers of the rules that may run on a block with views of these kinds: a text
        block is not searched for the triggers of Python rules."""
        triggers = self._triggers.get(kinds)
        if triggers is None:
            rules = [r.rule for kind in kinds for r in self.by_view.get(kind, ())]
            triggers = self._triggers[kinds] = Triggers.build(rules)
        return triggers

    @classmethod
    def build(cls, catalog: Catalog, config: Config) -> "Selection":
        chosen = [r for r in catalog if cls._enabled(r.rule, config)]
        # In a fixed order (the set's order changed with the hash seed), so when two views of a
        # block report the same rule on the same line, the same one is kept in every run.
        kinds = sorted({kind for r in chosen for kind in r.rule.languages}, key=_view_order)
        by_view = {kind: tuple(r for r in chosen if kind in r.rule.languages) for kind in kinds}
        return cls(by_view, config)

    @staticmethod
    def _enabled(rule: Rule, config: Config) -> bool:
        if config.select and not _matches(rule.id, config.select):
            return False
        if _matches(rule.id, config.ignore):
            return False
        if rule.severity < config.min_severity:
            return False
        return rule.profile == "default" or config.profile == "audit" or _matches(rule.id, config.select)


class Engine:
    """Scan code blocks with one configuration.  Holds no per-scan state."""

    def __init__(self, config: Optional[Config] = None, catalog: Optional[Catalog] = None,
                 ignore_path: Optional[Callable[[str], str]] = None):
        """``ignore_path`` turns a block's path into the path ``per_path_ignores`` globs are matched
        against (relative to the folder of the file that sets them); by default, the path itself."""
        self.config = config or Config()
        self.ignore_path = ignore_path
        if catalog is None:
            try:
                catalog = load_catalog(self.config.rule_packs)
            except RulePackError as error:
                raise ConfigError("rule_packs", list(self.config.rule_packs), str(error)) from None
        self.catalog = with_custom_rules(catalog, self.config)
        self.selection = Selection.build(self.catalog, self.config)

    def scan(self, block: CodeBlock) -> BlockReport:
        report = BlockReport(block)
        views = build_views(block.text, block.language)
        if not block.language.isascii():
            report.diagnostics.extend(_unusual_label(block))
        if views.kind == "skip":
            return report
        ignored = self._ignored_for(block.location.path) if self.config.per_path_ignores else ()
        hits = self._run_rules(views, self.selection, ignored)
        if hits and self.config.legacy_comments and block.marker.kind is MarkerKind.NONE and not block.secure:
            block = report.block = self._marked_by_comment(block)
        suppressions = find_suppressions(block.text)
        findings = report.findings
        for rule, hit in hits:
            findings.append(self._finding(block, rule, hit, suppressions, views.text.lines))
        if suppressions:
            findings.extend(self._reasonless_suppressions(block, suppressions))
            findings.extend(self._unused_suppressions(block, suppressions, hits, ignored))
        report.analysed = views.analysed
        unread = unread_python(views)
        if block.marker.kind is not MarkerKind.NONE or unread or not report.analysed:  # else no diagnostic applies
            report.diagnostics.extend(self._diagnostics(block, report, views, unread, suppressions, ignored))
        if len(findings) > 1:
            findings.sort(key=Finding.sort_key)
        return report

    def _marked_by_comment(self, block: CodeBlock) -> CodeBlock:
        """``block`` marked by a legacy phrase in one of its comments (``legacy_comments``), if one holds it."""
        marker = self.config.legacy.in_code(block.text, block.language)
        return replace(block, marker=marker) if marker is not None else block

    def scan_all(self, blocks: Iterable[CodeBlock]) -> list[BlockReport]:
        """One report per block; a block that comes again (the same code, language, place and marker: a file
        included a hundred times) is scanned once and its report given again."""
        scanned: dict[CodeBlock, BlockReport] = {}
        return [scanned[block] if block in scanned else scanned.setdefault(block, self.scan(block))
                for block in blocks]

    @cached_property
    def _every_rule(self) -> Selection:
        """All rules of every profile: used to judge whether a marker is still needed."""
        return Selection.build(self.catalog, Config(profile="audit", min_severity=Severity.INFO))

    def _run_rules(self, views: Views, selection: Selection, ignored: tuple[str, ...] = ()) -> list[tuple[Rule, Hit]]:
        seen: set[tuple[str, int]] = set()
        results: list[tuple[Rule, Hit]] = []
        kinds, by_kind = views.view_kinds, selection.by_kind
        triggers = BlockTriggers(selection.triggers_for(kinds), lambda: views.trigger_text,
                                 lambda: views.joined_trigger_text, lambda: views.name_trigger_text)
        for kind in kinds:
            group = by_kind.get(kind)
            if group is None:
                continue
            chosen = group.to_run(triggers)
            view = views.get(kind) if chosen else None  # (a Python block is parsed only for a rule that may fire)
            if view is None:
                continue
            for registered in chosen:
                rule = registered.rule
                if ignored and _matches(rule.id, ignored):
                    continue
                for hit in registered.check(view):
                    key = (rule.id, hit.line)
                    if key not in seen:
                        seen.add(key)
                        results.append((rule, hit))
        return results

    def _ignored_for(self, path: str) -> tuple[str, ...]:
        if not self.config.per_path_ignores:
            return ()
        posix = (self.ignore_path(path) if self.ignore_path is not None else path).replace("\\", "/")
        return tuple(
            selector
            for glob, selectors in self.config.per_path_ignores.items()
            if fnmatch(posix, glob) or fnmatch(posix, "*/" + glob)
            for selector in selectors
        )

    def _finding(self, block: CodeBlock, rule: Rule, hit: Hit, suppressions: dict[int, Suppression],
                 lines: list[str]) -> Finding:
        status, reason, marked_by = Status.UNMARKED, "", ""
        suppression = suppressions.get(hit.line)
        if block.secure:
            if suppression and suppression.reason and suppression.covers(rule.id, rule.symbol):
                hit = Hit(hit.line, hit.column, (hit.message or rule.message) + SECURE_NOTE, hit.snippet)
        elif suppression and suppression.reason and suppression.covers(rule.id, rule.symbol):
            status, reason = Status.SUPPRESSED, suppression.reason
        elif block.marked:
            status, reason, marked_by = Status.MARKED, block.marker.reason, marked_by_text(block.marker)
        return self._make(block, rule, hit, status, reason, lines, marked_by)

    def _make(self, block: CodeBlock, rule: Rule, hit: Hit, status: Status, reason: str,
              lines: list[str], marked_by: str = "") -> Finding:
        place = block.place(hit.line) if block.spans else None
        line = place.line if place is not None else block.location.line + hit.line - 1
        snippet = hit.snippet or (lines[hit.line - 1].strip() if 1 <= hit.line <= len(lines) else "")
        return Finding(
            rule_id=rule.id,
            symbol=rule.symbol,
            title=rule.title,
            severity=rule.severity,
            confidence=rule.confidence,
            cwe=rule.cwe,
            message=hit.message or rule.message,
            path=place.path if place is not None else block.location.path,
            line=line,
            column=hit.column,
            snippet=snippet,
            status=status,
            reason=reason,
            cell=place.cell if place is not None else block.location.cell,
            marked_by=marked_by,
        )

    def _reasonless_suppressions(self, block: CodeBlock, suppressions: dict[int, Suppression]) -> list[Finding]:
        rule = SUPPRESSION_WITHOUT_REASON
        if not suppressions or _matches(rule.id, self.config.ignore):
            return []
        return [
            self._make(block, rule, Hit(number), Status.UNMARKED, "", block.text.splitlines())
            for number, suppression in suppressions.items()
            if not suppression.reason
        ]

    def _unused_suppressions(self, block: CodeBlock, suppressions: dict[int, Suppression],
                             hits: list[tuple[Rule, Hit]], ignored: tuple[str, ...]) -> list[Finding]:
        """A finding for each suppression (with a reason) that does nothing: an unknown rule, a rule
        that reports nothing on its line, or a line where no rule reports anything.  Rules that do not
        run under this configuration are left alone: another configuration may run them."""
        rule = UNUSED_SUPPRESSION
        if _matches(rule.id, self.config.ignore):
            return []
        fired: dict[int, set[str]] = {}
        for hit_rule, hit in hits:
            fired.setdefault(hit.line, set()).update((hit_rule.id, hit_rule.symbol.upper()))
        found = []
        lines = block.text.splitlines()
        for number, suppression in suppressions.items():
            if not suppression.reason:
                continue  # DSX001 already
            here = fired.get(number, set())
            if not suppression.rule_ids:
                if not here:
                    found.append((number, "`docsec: ignore` stands on a line where no rule reports anything; "
                                          "remove it"))
                continue
            unknown, quiet = [], []
            for given in sorted(suppression.rule_ids):
                if given in here:
                    continue
                known = self._known_rule(given)
                if known is None:
                    unknown.append(given)
                elif self._runs(known, ignored):
                    quiet.append(given)
            if unknown:
                from .catalog import did_you_mean

                hint = did_you_mean(unknown[0], [*self.catalog.ids, *(r.id for r in ENGINE_RULES)])
                found.append((number, f"`docsec: ignore[{', '.join(unknown)}]` names no rule{hint}; it suppresses "
                                      "nothing: correct the id (`docsec rules` lists them) or remove it"))
            if quiet:
                found.append((number, f"`docsec: ignore[{', '.join(quiet)}]`: {' and '.join(quiet)} "
                                      f"report{'s' if len(quiet) == 1 else ''} nothing on this line; remove "
                                      f"{'it' if len(quiet) == 1 else 'them'} from the suppression"))
        return [self._make(block, rule, Hit(number, 1, message), Status.UNMARKED, "", lines)
                for number, message in found]

    def _known_rule(self, given: str) -> Optional[Rule]:
        """The rule a suppression names by id or (upper-cased) symbol, or None."""
        registered = self.catalog.get(given.lower())
        if registered is not None:
            return registered.rule
        return next((rule for rule in ENGINE_RULES if given in (rule.id, rule.symbol.upper())), None)

    @cached_property
    def _enabled_ids(self) -> frozenset[str]:
        return frozenset(r.rule.id for rules in self.selection.by_view.values() for r in rules)

    def _runs(self, rule: Rule, ignored: tuple[str, ...]) -> bool:
        """Whether ``rule`` runs under this configuration on a block of this path."""
        if rule in ENGINE_RULES:
            return True
        return rule.id in self._enabled_ids and not (ignored and _matches(rule.id, ignored))

    def _diagnostics(self, block: CodeBlock, report: BlockReport, views: Views, unread: dict[int, str],
                     suppressions: dict[int, Suppression], ignored: tuple[str, ...]) -> list[Diagnostic]:
        diagnostics = []
        location = block.location
        if (block.marked and block.marker.kind is not MarkerKind.LEGACY and not report.findings
                and not self._run_rules(views, self._every_rule)):
            diagnostics.append(Diagnostic(
                "marker-unused",
                "block is marked as an insecure example but docsec detects nothing insecure in it; "
                "remove the marker or check that the example shows what it should",
                location.path, location.line, Severity.LOW, location.cell,
            ))
        report.analysed = views.analysed  # (the run of every rule may have parsed the block)
        unread = unread or unread_python(views)
        kinds: tuple[str, ...] = ("python",)
        if not unread and views.unanalysed_reason:  # a language whose grammar is missing: nothing of it was read
            kinds = (grammar_view(views.kind),)  # (the views beside it, PowerShell's shell view, did run)
            read_as = views.script_text if views.script_text is not None else block.text  # (HTML: its scripts)
            unread = {number: line for number, line in enumerate(read_as.split("\n"), start=1) if line.strip()}
        hidden = self._hidden(unread, kinds, suppressions, ignored) if unread and not block.marked else None
        if hidden is not None and views.unanalysed_reason:
            diagnostics.append(self._grammar_missing(block, views.unanalysed_reason, hidden[1]))
        elif hidden is not None:
            diagnostics.append(self._not_analysed(block, unread, *hidden, guessed=views.kind == "python-or-text"))
        elif not report.analysed:
            what = f"{block.language or 'unlabelled'} block"
            ran = "the shell and language-independent rules" if views.kind == "powershell" else "language-independent rules"
            message = (f"{what} not analysed: {views.unanalysed_reason}; only {ran} ran"
                       if views.unanalysed_reason else
                       f"{what} did not parse; only language-independent rules ran (not fully analysed)")
            diagnostics.append(Diagnostic("not-analysed", message, location.path, location.line, Severity.INFO,
                                          location.cell))
        return diagnostics

    def _hidden(self, unread: dict[int, str], kinds: tuple[str, ...], suppressions: dict[int, Suppression],
                ignored: tuple[str, ...]) -> Optional[tuple[int, list[str], int]]:
        """The first line of ``unread`` where a finding of a rule on views of these ``kinds`` could hide (it
        holds a trigger of such a rule that runs, and no suppression covers that rule there), those rules, and
        how many such lines there are."""
        rules = [r.rule for kind in kinds for r in self.selection.by_view.get(kind, ())
                 if not (ignored and _matches(r.rule.id, ignored))]
        if not rules:
            return None
        triggers = self.selection.triggers_for(kinds)
        first: Optional[tuple[int, list[str]]] = None
        count = 0
        for number, text in sorted(unread.items()):
            found = triggered_rules(triggers, text, rules)
            suppression = suppressions.get(number)
            if suppression is not None and suppression.reason:
                found = [rule for rule in found if not suppression.covers(rule.id, rule.symbol)]
            if found:
                count += 1
                first = first or (number, [rule.id for rule in found])
        return (*first, count) if first is not None else None

    def _not_analysed(self, block: CodeBlock, unread: dict[int, str], number: int, rule_ids: list[str],
                      count: int, guessed: bool = False) -> Diagnostic:
        """Code docsec could not read that holds what a rule looks for: fails the gate unless configured not to.
        In a block without a language label read as Python because most of it parses (``guessed``), the
        lines set aside are more likely prose, output or prompts: a note, shown with ``--verbose``."""
        config = self.config
        fails = config.not_analysed == "fail" and config.fail_on != "never"
        severity = Severity.INFO if guessed else Severity.HIGH if fails else Severity.MEDIUM
        shown = ", ".join(rule_ids[:4]) + (f" and {len(rule_ids) - 4} more" if len(rule_ids) > 4 else "")
        text = " ".join(unread[number].split())
        text = text if len(text) <= 60 else text[:57] + "..."
        others = f" (and {count - 1} more line{'s' if count > 2 else ''} of this block)" if count > 1 else ""
        message = (f"`{text}` does not parse as {block.language or 'Python'}{others} and holds what {shown} "
                   f"look{'s' if len(rule_ids) == 1 else ''} for, so a finding could hide there; make it valid "
                   "Python (a placeholder such as <url> or $URL is read as a name), mark the block as an insecure "
                   "example, or set not_analysed = \"warn\"")
        location = block.location
        return Diagnostic("not-analysed", message, location.path, location.line + number - 1, severity,
                          location.cell)


    def _grammar_missing(self, block: CodeBlock, reason: str, rule_ids: list[str]) -> Diagnostic:
        """A block of a language whose grammar is missing, holding what one of its rules looks for."""
        config = self.config
        fails = config.not_analysed == "fail" and config.fail_on != "never"
        shown = ", ".join(rule_ids[:4]) + (f" and {len(rule_ids) - 4} more" if len(rule_ids) > 4 else "")
        message = (f"{block.language or 'unlabelled'} block not analysed: {reason}; it holds what {shown} "
                   f"look{'s' if len(rule_ids) == 1 else ''} for, so a finding could hide there (or mark the block "
                   "as an insecure example, or set not_analysed = \"warn\")")
        location = block.location
        return Diagnostic("not-analysed", message, location.path, location.line,
                          Severity.HIGH if fails else Severity.MEDIUM, location.cell)


def _unusual_label(block: CodeBlock) -> list[Diagnostic]:
    """A warning for a label that spells a known one with invisible or look-alike characters."""
    known = unusual_label(block.language)
    if known is None:
        return []
    odd = ", ".join(dict.fromkeys(f"U+{ord(c):04X} {unicodedata.name(c, 'unnamed')}" for c in block.language
                                  if not c.isascii()))
    location = block.location
    return [Diagnostic(
        "label-look-alike", f"the language label spells {known!r} with characters that are not what they look "
                            f"like ({odd}); docsec reads the block as {known}, a highlighter or a reader's tools "
                            "may not: write the label in plain ASCII",
        location.path, location.line, Severity.MEDIUM, location.cell)]


def unread_python(views: Views) -> dict[int, str]:
    """What of a Python block the parse did not read, by line: the lines it set aside, or every line when
    labelled Python did not parse at all.  Empty when the block was never parsed (no Python rule could fire)."""
    code = views.python_code
    if code is None or "python" not in views.__dict__:
        return {}
    python = views.python
    if python is not None:
        return python.unread
    if views.analysed:
        return {}  # read as a console session, or as text (unlabelled)
    return {number: line for number, line in enumerate(code.source.split("\n"), start=1) if line.strip()}


def triggered_rules(triggers: Triggers, text: str, rules: list[Rule]) -> list[Rule]:
    """The ``rules`` one of whose triggers ``text`` holds (every rule without triggers)."""
    view = TextView(text)
    found = BlockTriggers(triggers, lambda: view.trigger_text, lambda: letters_and_digits(text),
                          lambda: name_trigger_form(text))
    return [rule for rule in rules
            if not rule.has_triggers or rule.id in found.found or rule.id in found.joined_found]
