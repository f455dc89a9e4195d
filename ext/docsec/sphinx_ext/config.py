"""conf.py settings: one ``docsec_<field>`` per :class:`docsec.core.config.Config` field.

Every field is registered with the default ``None`` ("not set here"); the
effective configuration is ``[tool.docsec]`` from the nearest pyproject.toml
above the conf.py directory, overridden by the conf.py values that are set.
A bad value is reported once, naming the key, the value and what is allowed,
and that key falls back to its default; the build then fails at its end, as
``docsec check`` exits 2 on a configuration error.  The validated :class:`Config` and
the one :class:`Engine` of the build live on a :class:`Runtime` attached to
the application (never pickled with the environment, never module-level).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from ..core.config import Config, ConfigError, read_pyproject
from ..escaping import printable

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from ..core.dialect import Dialect
    from ..core.engine import Engine
    from sphinx.config import Config as SphinxConfig

logger = logging.getLogger(__name__)
PREFIX = "docsec_"


class Runtime:
    """What one build scans with: the validated config and its engine.

    The engine is built on first use: when the scan runs in a worker process,
    the worker builds it and the build itself never pays for loading the rules.
    """

    def __init__(self, config: Config, pyproject: Path | None = None, engine: Engine | None = None,
                 errors: int = 0, bases: dict[str, Path] | None = None, srcdir: Path | None = None):
        self.config, self.pyproject, self._engine = config, pyproject, engine
        self.errors = errors  # configuration errors reported at config-inited: they fail the build
        # The folders ``exclude`` and ``per_path_ignores`` are relative to (the file that sets them).
        self.bases = bases or {}
        self.srcdir = srcdir
        if self._engine is not None:
            self._engine.ignore_path = self.ignore_path()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from ..core.engine import Engine

            self._engine = Engine(self.config, ignore_path=self.ignore_path())
        return self._engine

    def ignore_path(self) -> Any:
        """Block paths (relative to the source folder) as paths relative to ``per_path_ignores``' folder."""
        base = self.bases.get("per_path_ignores")
        if base is None or self.srcdir is None:
            return None
        from ..core.paths import RelativeTo

        return RelativeTo(self.srcdir, base)

    def excluded(self, path: str) -> bool:
        """Whether the document at ``path`` (absolute) matches ``exclude`` (``.gitignore`` syntax, relative to
        the folder of the file that sets it, as ``docsec check`` reads it)."""
        if not self.config.exclude:
            return False
        from ..core.paths import Patterns

        base = self.bases.get("exclude") or self.srcdir or Path(path).parent
        return Patterns(self.config.exclude, base).excluded(Path(path), is_dir=False)


def register(app: Sphinx) -> None:
    """Add ``docsec_<name>`` for every Config field; changing one re-reads all documents."""
    for item in dataclasses.fields(Config):
        app.add_config_value(PREFIX + item.name, None, "env")


def runtime(app: Sphinx) -> Runtime:
    state = getattr(app, "_docsec_runtime", None)
    if state is None:  # config-inited did not run (docsec added late): build it now
        state = app._docsec_runtime = build_runtime(app, app.config)  # type: ignore[attr-defined]
    return state


def on_config_inited(app: Sphinx, sphinx_config: SphinxConfig) -> None:
    app._docsec_runtime = build_runtime(app, sphinx_config)  # type: ignore[attr-defined]


class Errors:
    """Configuration errors of one build: each logged once, and counted so the build fails."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: str, location: str | None = None) -> None:
        self.count += 1
        logger.error(printable(message), type="docsec", subtype="config",
                     location=printable(location) if location else None)


def build_runtime(app: Sphinx, sphinx_config: SphinxConfig) -> Runtime:
    confdir = Path(str(app.confdir))
    config = Config()
    pyproject: Path | None = None
    error_at = Errors()
    try:
        table, pyproject = read_pyproject(confdir)
    except ConfigError as error:
        error_at(f"docsec: {error}; ignoring [tool.docsec]")
        table = {}
    where = str(pyproject) if pyproject else "pyproject.toml"
    config = _apply(config, table, lambda key: f"[tool.docsec] {key}", where, None, error_at)
    conf_values = {
        item.name: getattr(sphinx_config, PREFIX + item.name, None) for item in dataclasses.fields(Config)
    }
    conf_py = confdir / "conf.py"
    config = _apply(
        config,
        {key: value for key, value in conf_values.items() if value is not None},
        lambda key: PREFIX + key,
        "conf.py",
        conf_py,
        error_at,
    )
    _unknown_settings(sphinx_config, conf_py, error_at)
    engine = None
    from_conf = {key for key, value in conf_values.items() if value is not None}
    if config.rule_packs:  # a missing pack is reported now, not when the first block is scanned
        engine, config = _without_missing_packs(config, conf_py if "rule_packs" in from_conf else None, error_at)
    if config.custom_rules:  # a bad rule table is reported now, not when the first block is scanned
        engine, config = _with_valid_custom_rules(config, conf_py, error_at)
    if config.select or config.ignore or config.per_path_ignores:
        engine = engine or _engine(config)
        known = _without_unknown_rules(config, engine, from_conf, conf_py, pyproject, error_at)
        if known is not config:
            config, engine = known, _engine(known)
    root = pyproject.parent if pyproject is not None else confdir
    bases = {key: confdir if conf_values.get(key) is not None else root for key in ("exclude", "per_path_ignores")}
    return Runtime(config, pyproject, engine, error_at.count, bases, Path(str(app.srcdir)))


def _unknown_settings(sphinx_config: SphinxConfig, conf_py: Path, error_at: Errors) -> None:
    """A ``docsec_*`` name in conf.py that is no setting is a mistyped one: an error, with the closest names."""
    from ..core.config import suggestion

    known = [item.name for item in dataclasses.fields(Config)]
    for name in sorted(getattr(sphinx_config, "_raw_config", {})):
        if name.startswith(PREFIX) and name[len(PREFIX):] not in known:
            error_at(f"docsec: {name} in conf.py is not a docsec setting{suggestion(name[len(PREFIX):], known, PREFIX)}; "
                     "the settings are listed under Configuration in docsec's documentation",
                     _location(conf_py, name))


def _engine(config: Config) -> Engine:
    from ..core.engine import Engine

    return Engine(config)


def _without_missing_packs(config: Config, conf_py: Path | None, error_at: Errors) -> tuple[Engine, Config]:
    try:
        return _engine(config), config
    except ConfigError as error:
        error_at(f"docsec: {error.expected}; running without rule packs",
                 _location(conf_py, PREFIX + "rule_packs") if conf_py else None)
        config = dataclasses.replace(config, rule_packs=())
        return _engine(config), config


def _with_valid_custom_rules(config: Config, conf_py: Path, error_at: Errors) -> tuple[Engine, Config]:
    try:
        return _engine(config), config
    except ConfigError as error:
        error_at(f"docsec: {error}; ignoring the custom rules", _location(conf_py, PREFIX + "custom_rules"))
        config = dataclasses.replace(config, custom_rules=())
        return _engine(config), config


def _without_unknown_rules(config: Config, engine: Engine, from_conf: set[str], conf_py: Path,
                           pyproject: Path | None, error_at: Errors) -> Config:
    """Report the rule selectors that name no rule, once per setting, and drop them.

    Dropped rather than kept, so a mistyped ``select`` never selects nothing.
    """
    from ..core.catalog import did_you_mean, unknown_rule_selectors
    from ..core.engine import ENGINE_RULES

    ids = [*engine.catalog.ids, *(rule.id for rule in ENGINE_RULES)]
    changes: dict[str, Any] = {}
    for key in ("select", "ignore", "per_path_ignores"):
        value = getattr(config, key)
        groups = list(value.values()) if isinstance(value, dict) else [value]
        unknown = sorted({selector for group in groups for selector in unknown_rule_selectors(group, ids)})
        if not unknown:
            continue
        in_conf = key in from_conf
        names = ", ".join(f"{selector!r}{did_you_mean(selector, ids)}" for selector in unknown)
        setting = PREFIX + key if in_conf else f"[tool.docsec] {key}"
        them = "it" if len(unknown) == 1 else "them"
        where = "conf.py" if in_conf else (pyproject or "pyproject.toml")
        error_at(f"docsec: {setting} names no rule: {names}; write rule ids or prefixes that `docsec rules` lists; "
                 f"ignoring {them} ({where})",
                 _location(conf_py, PREFIX + key) if in_conf else _location(pyproject, key))
        if isinstance(value, dict):
            changes[key] = {glob: tuple(s for s in group if s not in unknown) for glob, group in value.items()}
        else:
            changes[key] = tuple(selector for selector in value if selector not in unknown)
    return dataclasses.replace(config, **changes) if changes else config


def _apply(config: Config, values: Mapping[str, Any], shown: Any, source: str, path: Path | None,
           error_at: Errors) -> Config:
    """Apply ``values`` one key at a time, so one bad key costs only itself (but fails the build)."""
    for key, value in values.items():
        try:
            config = Config.from_mapping({key: value}, base=config)
        except ConfigError as error:
            default = getattr(Config(), key.replace("-", "_"), None)
            fallback = f"; using the default {_shown_default(default)!r}" if default is not None else ""
            error_at(f"docsec: {shown(error.key)} = {error.value!r} is invalid: expected {error.expected}{fallback} "
                     f"({source})", _location(path, PREFIX + key))
    return config


def _shown_default(value: Any) -> Any:
    return getattr(value, "label", value)


def _location(path: Path | None, name: str) -> str | None:
    """``conf.py:LINE`` where ``name`` is assigned, when it can be found."""
    if path is None or not path.is_file():
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^\s*{re.escape(name)}\s*[:=]")
    for number, line in enumerate(lines, start=1):
        if pattern.match(line):
            return f"{path}:{number}"
    return None


def dialect_of(app: Sphinx) -> Dialect:
    """How this build reads pages (for the lines ``docsec check``'s reader gives, see :mod:`.blocks`)."""
    from ..core.dialect import SPHINX_SETTINGS, sphinx_dialect_of

    values = {name: getattr(app.config, name, None) for name in SPHINX_SETTINGS}
    return sphinx_dialect_of(values, Path(str(app.confdir)) / "conf.py")


def fingerprint(config: Config) -> str:
    """Changes whenever findings could change (pyproject edits included)."""
    return repr(config)
