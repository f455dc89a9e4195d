"""docsec's one configuration model.

``[tool.docsec]`` in pyproject.toml, ``docsec_<name>`` values in Sphinx's
conf.py and the ``docsec:`` mapping of mystmd's myst.yml load into the same
validated :class:`Config` (in the order :mod:`.projects` describes).  Each
field carries its help text and validator, and the docs' configuration table
is generated from these fields.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, Callable, Mapping, Optional

from ..model import Severity
from .legacy import LegacyMarkers

DEFAULT_BANNER = (
    "Insecure example: for demonstration only. "
    "Do not use in production or on any network."
)
RULE_SELECTOR = re.compile(r"^[A-Z]{2,}[A-Z0-9]*$")


class ConfigError(ValueError):
    """A configuration value is wrong; the message says where and what to write."""

    def __init__(self, key: str, value: Any, expected: str, source: str = ""):
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{key} = {value!r} is invalid: expected {expected}")
        self.key, self.value, self.expected, self.source = key, value, expected, source


class UnknownSetting(ConfigError):
    """A key that names no setting: the message suggests the closest ones."""

    def __init__(self, key: str, value: Any, known: list[str], source: str = "", prefix: str = ""):
        close = suggestion(key.replace("-", "_"), known, prefix)
        expected = f"a known setting{close}" if close else "a known setting: " + ", ".join(known)
        super().__init__(prefix + key, value, expected, source)
        self.name, self.known = key, known


def suggestion(given: str, names: Any, prefix: str = "") -> str:
    """`` (did you mean ignore?)`` for the names close to ``given``, else ``""``; ``prefix`` is shown before each."""
    import difflib

    close = difflib.get_close_matches(given.lower(), list(names), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(prefix + name for name in close)}?)" if close else ""


class TomlError(ConfigError):
    """The configuration file is not TOML at all."""

    def __init__(self, path: Path, error: Exception):
        super().__init__("[tool.docsec]", str(path), f"valid TOML ({error})", str(path))
        self.args = (f"{path}: not valid TOML ({error}); fix the syntax there",)


def _choice(*allowed: str) -> Callable[[str, Any], Any]:
    def validate(key: str, value: Any) -> Any:
        text = str(value).strip().lower()
        if text not in allowed:
            raise ConfigError(key, value, "one of " + ", ".join(repr(a) for a in allowed))
        return text
    return validate


def _severity(key: str, value: Any) -> Severity:
    try:
        return Severity.parse(value)
    except ValueError:
        raise ConfigError(key, value, "one of " + ", ".join(s.label for s in Severity)) from None


def _string_list(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in re.split(r"[,\s]+", value) if part]
    if not isinstance(value, (list, tuple, set)) or not all(isinstance(v, str) for v in value):
        raise ConfigError(key, value, "a list of strings")
    return tuple(v.strip() for v in value)


def _rule_selectors(key: str, value: Any) -> tuple[str, ...]:
    selectors = _string_list(key, value)
    for selector in selectors:
        if not RULE_SELECTOR.match(selector.upper()):
            raise ConfigError(key, selector, "rule ids or prefixes such as 'DSP001' or 'DSS'")
    return tuple(selector.upper() for selector in selectors)


def _text(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(key, value, "a string")
    return value


def _bool(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "on", "1"):
        return True
    if text in ("false", "no", "off", "0"):
        return False
    raise ConfigError(key, value, "true or false")


def _phrases(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(key, value, 'a list of phrases, e.g. ["insecure practice", "do not use this code"]')
    return tuple(" ".join(v.split()) for v in value)


def _string_map(key: str, value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ConfigError(key, value, "a mapping of strings to strings")
    return {k: v for k, v in value.items()}


def _directive_languages(key: str, value: Any) -> dict[str, str]:
    mapping = _string_map(key, value)
    for name, language in mapping.items():
        if not re.match(r"^[\w:.+-]+$", name.strip()) or not language.strip():
            raise ConfigError(f"{key}[{name!r}]", language, "a directive name mapped to a language label, "
                              "e.g. {\"console\": \"console\", \"sql-example\": \"sql\"}")
    return {name.strip().lower(): language.strip() for name, language in mapping.items()}


def _ignores_by_path(key: str, value: Any) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, Mapping):
        raise ConfigError(key, value, "a mapping of path globs to lists of rule ids")
    return {str(glob): _rule_selectors(f"{key}[{glob!r}]", ids) for glob, ids in value.items()}


def _custom_rules(key: str, value: Any) -> tuple:
    from .custom_rules import CustomRuleError, parse_spec

    if isinstance(value, Mapping):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise ConfigError(key, value, "a list of rule tables (id, title, message, and a call or a pattern)")
    try:
        return tuple(parse_spec(index, table) for index, table in enumerate(value))
    except CustomRuleError as error:
        raise ConfigError(key, value, str(error)) from None


def _pack_names(key: str, value: Any) -> tuple[str, ...]:
    names = _string_list(key, value)
    for name in names:
        if not re.match(r"^[\w.-]+$", name):
            raise ConfigError(key, name, "entry point names of installed rule packs, e.g. ['acme']")
    return names


def setting(default: Any, validate: Callable[[str, Any], Any], help: str) -> Any:
    factory = (lambda: default) if not isinstance(default, (dict, list)) else (lambda: type(default)(default))
    return field(default_factory=factory, metadata={"validate": validate, "help": help})


@dataclass(frozen=True)
class Config:
    fail_on: str = setting("unmarked", _choice("unmarked", "never"),
                           "When to fail the build: on any unmarked finding at or above "
                           "``min_severity`` (``unmarked``), or ``never`` (report only).")
    min_severity: Severity = setting(Severity.LOW, _severity,
                                     "Rules below this severity do not run, so their findings neither show nor fail "
                                     "(``info``, ``low``, ``medium``, ``high``, ``critical``).")
    select: tuple[str, ...] = setting((), _rule_selectors,
                                      "Only run these rule ids or prefixes (empty: every rule of the profile).")
    ignore: tuple[str, ...] = setting((), _rule_selectors, "Never run these rule ids or prefixes.")
    profile: str = setting("default", _choice("default", "audit"),
                           "``audit`` adds Bandit-style checks that are noisy in documentation.")
    exclude: tuple[str, ...] = setting((), _string_list,
                                       "``.gitignore``-style patterns of pages no front end checks, relative to "
                                       "the folder of the file that sets them.")
    per_path_ignores: dict[str, tuple[str, ...]] = setting({}, _ignores_by_path,
                                                           "Rule ids to ignore in files matching a glob, relative "
                                                           "to the folder of the file that sets it (a glob "
                                                           "without a folder matches in any folder), e.g. "
                                                           "``{\"tutorials/legacy/*\" = [\"DSP014\"]}``.")
    marker_classes: tuple[str, ...] = setting((), _string_list,
                                              "Extra CSS classes that mark a code block as a deliberate "
                                              "insecure example, besides ``docsec-insecure``.")
    insecure_banner: str = setting(DEFAULT_BANNER, _text,
                                   "The danger banner shown above every ``insecure-example``.")
    guidance: dict[str, str] = setting({}, _string_map,
                                       "Map rule ids to the ``:id:`` of the ``security`` item they violate; "
                                       "warnings and banners then link to that guidance.")
    highlight_keywords: bool = setting(False, _bool,
                                       "Also mark RFC 2119 keywords (MUST, SHOULD NOT, ...) in ordinary paragraphs "
                                       "outside ``security`` items, as inside them; never inside code, literals "
                                       "or links.")

    hide_suppressions: bool = setting(True, _bool,
                                      "Sphinx and the mystmd plugin: leave inline ``docsec: ignore`` comments out "
                                      "of the code shown to readers (the build still reads them).  Readers copy "
                                      "code; the comment is for the gate, not for their programs.")

    legacy_admonitions: tuple[str, ...] = setting((), _string_list,
                                                  "Admonition types that already mark insecure examples on this "
                                                  "site (e.g. ``[\"danger\"]``): a code block inside one counts "
                                                  "as marked, and so does the block right after one in the same "
                                                  "section when the admonition is a notice about it (no code of "
                                                  "its own; it points at the block, warns against using it or "
                                                  "names something it uses).  Reported as marked by that legacy "
                                                  "marker.  For migrating; ``docsec check --fix`` turns them into "
                                                  "docsec markers.")
    legacy_phrases: tuple[str, ...] = setting((), _phrases,
                                              "Phrases that already mark insecure examples (e.g. "
                                              "``[\"insecure practice\", \"do not use this code\"]``), matched "
                                              "case-insensitively as whole words where the sentence does not "
                                              "turn them around (\"to avoid insecure practice\" is no notice): a "
                                              "paragraph or heading holding one marks the code block right after "
                                              "it (a list between them, or a last list item holding one, too); an "
                                              "admonition holding one marks the blocks inside and right after it.")
    legacy_comments: tuple[str, ...] = setting((), _phrases,
                                               "Phrases that mark a flagged code block when one of its own "
                                               "comments holds them (e.g. ``[\"dangerous\", \"vulnerable\", "
                                               "\"don't\"]`` for ``# DANGEROUS: Never do this``), matched "
                                               "case-insensitively as whole words; a docstring that opens the "
                                               "block counts as a comment.")
    not_analysed: str = setting("fail", _choice("fail", "warn"),
                                "Python code a block holds that docsec cannot parse (a line it sets aside, a block "
                                "that does not parse at all) and that holds what a rule looks for could hide a "
                                "finding: ``fail`` makes it an error that fails the gate (``docsec check`` exits 2, "
                                "the Sphinx and mystmd builds fail), ``warn`` only warns.  Code that holds no "
                                "rule's trigger, and marked examples, never fail.")
    prose_guidance: bool = setting(False, _bool,
                                   "Sphinx: sentences of ordinary paragraphs with an RFC 2119 keyword in capitals "
                                   "(MUST, SHOULD NOT, ...) become guidance items too, listed by "
                                   "``security-requirements`` and exported to ``docsec.json``.")

    background_scan: bool = setting(True, _bool,
                                    "Sphinx: scan each document's code blocks in a worker process while Sphinx "
                                    "goes on reading (on Linux, with more than one CPU, when the build is not "
                                    "reading in parallel already), so the scan adds almost no time to the build.  The "
                                    "worker runs at a lower priority than the build; turn this off to scan in "
                                    "Sphinx's own process.")

    directive_languages: dict[str, str] = setting({}, _directive_languages,
                                                  "For ``docsec check``: directives of the project's own Sphinx "
                                                  "extensions whose content is code, mapped to its language, e.g. "
                                                  "``{\"sql-example\" = \"sql\"}``; their content is scanned as "
                                                  "one block.  Sphinx builds scan what the directives produce.")

    custom_rules: tuple = setting((), _custom_rules,
                                  "Project-specific rules declared as data: each has ``id``, ``title``, "
                                  "``message``, ``severity`` and either ``call`` (a Python call name, with an "
                                  "optional ``keyword`` table of literal values) or ``pattern`` (a regular "
                                  "expression searched in each line, or each shell command with ``languages = "
                                  "[\"shell\"]``).")

    rule_packs: tuple[str, ...] = setting((), _pack_names,
                                          "Third-party rule packs to load, by the name of their ``docsec.rules`` "
                                          "entry point (e.g. ``[\"acme\"]``).  A pack that is installed but not "
                                          "named here is never imported.")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], source: str = "", base: Optional["Config"] = None) -> "Config":
        """Validate ``values`` (keys without the ``docsec_`` prefix) over ``base``."""
        known = {f.name: f for f in dataclasses.fields(cls)}
        changes: dict[str, Any] = {}
        for raw_key, value in values.items():
            key = raw_key.replace("-", "_")
            if key not in known:
                raise UnknownSetting(raw_key, value, sorted(known), source)
            try:
                changes[key] = known[key].metadata["validate"](raw_key, value)
            except ConfigError as error:
                raise ConfigError(error.key, error.value, error.expected, source) from None
        return dataclasses.replace(base or cls(), **changes)

    def marker_class_set(self) -> frozenset[str]:
        return frozenset(("docsec-insecure", *self.marker_classes))

    @cached_property  # frozen dataclass: cached_property writes __dict__ directly
    def legacy(self) -> LegacyMarkers:
        """The legacy admonitions and phrases, normalised once."""
        return LegacyMarkers.of(self.legacy_admonitions, self.legacy_phrases, self.legacy_comments)


def settings_help() -> list[tuple[str, str, str]]:
    """(name, default, help) for every setting, for the docs' table."""
    rows = []
    for item in dataclasses.fields(Config):
        default = item.default_factory()  # type: ignore[misc,operator]
        if isinstance(default, Severity):
            default = default.label
        rows.append((item.name, repr(default), item.metadata["help"]))
    return rows


def read_pyproject(start: Path) -> tuple[dict[str, Any], Optional[Path]]:
    """Find the nearest pyproject.toml at or above ``start``; return its ``[tool.docsec]``."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    directory = start if start.is_dir() else start.parent
    for candidate in [directory, *directory.resolve().parents]:
        path = candidate / "pyproject.toml"
        if path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise TomlError(path, error) from None
            return docsec_table(data, str(path)), path
    return {}, None


def docsec_table(data: Mapping[str, Any], source: str) -> dict[str, Any]:
    """``[tool.docsec]`` of a parsed TOML document, ``{}`` when there is none."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError("tool", tool, "a table, e.g. [tool.docsec] on its own line", source)
    table = tool.get("docsec", {})
    if not isinstance(table, dict):
        raise ConfigError("tool.docsec", table, "a table, e.g. [tool.docsec] on its own line", source)
    return table
