"""The documentation project a page belongs to, and the one configuration it is checked with.

A page belongs to the nearest folder at or above it that holds a ``conf.py``
(a Sphinx project) or a ``myst.yml`` (a mystmd project); ``conf.py`` wins
when a folder holds both.  Its configuration is, key by key, the first of:

1. the command line (``docsec check`` only);
2. the documentation tool's own file: ``docsec_<name>`` in conf.py, or the
   ``docsec:`` mapping of myst.yml;
3. ``[tool.docsec]`` of the nearest pyproject.toml above the project's
   folder;
4. docsec's defaults.

The Sphinx extension, ``docsec check`` and the mystmd plugin all follow this
order, so a site has one configuration whichever front end reads it.
conf.py is read without running it (:mod:`.conf_py`), myst.yml with
PyYAML's safe loader, aliases refused.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Optional

from .conf_py import ConfPy, read_conf_py
from .config import Config, ConfigError, UnknownSetting, read_pyproject
from .dialect import DEFAULT, Dialect, Problem, mystmd_dialect, sphinx_dialect
from .files import read_regular_file

TOOL_FILES = ("conf.py", "myst.yml")
PATH_SETTINGS = ("exclude", "per_path_ignores")  # written relative to the folder of the file that sets them


@dataclass(frozen=True)
class Tool:
    """A documentation project: its tool's file, what docsec read from it, and what it could not."""

    kind: str  # "sphinx", "mystmd" or "" (no project found)
    root: Path  # the folder of conf.py / myst.yml (for no project: the folder asked about)
    file: Optional[Path] = None
    dialect: Dialect = DEFAULT
    settings: Mapping[str, Any] = field(default_factory=dict)  # docsec settings, keys without a prefix
    lines: Mapping[str, int] = field(default_factory=dict)  # where each docsec setting is written
    exclude: tuple[str, ...] = ()  # the tool's own exclusions (Sphinx globs, or mystmd's project.exclude)
    problems: tuple[Problem, ...] = ()
    unread_suffixes: tuple[tuple[str, str], ...] = ()

    def where(self, key: str) -> str:
        """``conf.py:12`` (the file's path as given) for a docsec setting of the tool file."""
        line = self.lines.get(key)
        return f"{self.file}:{line}" if self.file is not None and line else str(self.file or "")

    def setting_name(self, key: str) -> str:
        """How the setting ``key`` is spelt in the tool's file."""
        return f"docsec_{key}" if self.kind == "sphinx" else f"docsec.{key}" if self.kind == "mystmd" else key


def find_tool_file(folder: Path, names: tuple[str, ...] = TOOL_FILES) -> Optional[Path]:
    """The conf.py or myst.yml (``names``) of the nearest folder at or above ``folder`` that holds one."""
    folder = folder.absolute()
    for candidate in (folder, *folder.parents):
        for name in names:
            path = candidate / name
            if path.is_file():
                return path
    return None


def tool_of(folder: Path) -> Tool:
    """The project ``folder`` belongs to (``kind == ""`` when it belongs to none)."""
    file = find_tool_file(folder)
    return read_tool(file) if file is not None else Tool("", folder.absolute())


def read_tool(file: Path) -> Tool:
    if file.name == "conf.py":
        return sphinx_tool(file, read_conf_py(file))
    return mystmd_tool(file)


def sphinx_tool(file: Path, conf: ConfPy) -> Tool:
    read = sphinx_dialect(conf)
    settings: dict[str, Any] = {}
    lines: dict[str, int] = {}
    problems = list(read.problems)
    for key, setting in conf.docsec_settings().items():
        lines[key] = setting.line
        if setting.literal:
            settings[key] = setting.value
        else:
            problems.append(Problem(setting.line, f"docsec_{key} is not a literal: {setting.problem}; docsec reads "
                                                  "conf.py without running it, so set it as a literal in conf.py, "
                                                  "or in [tool.docsec] of pyproject.toml", True, f"docsec_{key}"))
    return Tool("sphinx", file.parent.absolute(), file, read.dialect, settings, lines, read.exclude_patterns,
                tuple(problems), read.unread_suffixes)


def mystmd_tool(file: Path) -> Tool:
    problems: list[Problem] = []
    settings: dict[str, Any] = {}
    lines: dict[str, int] = {}
    exclude: list[str] = []
    try:
        data, key_lines = _read_yaml(file)
    except ValueError as error:
        problems.append(Problem(getattr(error, "line", 1), f"{error}; docsec cannot read its settings", True))
        data, key_lines = {}, {}
    table = data.get("docsec") if isinstance(data, dict) else None
    if table is not None and not isinstance(table, dict):
        problems.append(Problem(key_lines.get(("docsec",), 1), "`docsec:` must be a mapping of settings, e.g. "
                                                                "`docsec: {ignore: [DSP003]}`", True))
    elif table:
        for key, value in table.items():
            settings[str(key)] = value
            lines[str(key)] = key_lines.get(("docsec", str(key)), key_lines.get(("docsec",), 1))
    project = data.get("project") if isinstance(data, dict) else None
    patterns = project.get("exclude") if isinstance(project, dict) else None
    if isinstance(patterns, str):
        patterns = [patterns]
    if isinstance(patterns, list):
        exclude.extend(str(pattern) for pattern in patterns)
    return Tool("mystmd", file.parent.absolute(), file, mystmd_dialect(), settings, lines, tuple(exclude),
                tuple(problems))


def _read_yaml(file: Path) -> tuple[Any, dict[tuple[str, ...], int]]:
    """The document and the 1-based line of each key of the first two levels; aliases refused."""
    import yaml

    try:
        text = read_regular_file(file, 1024 * 1024).decode("utf-8-sig")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as error:
        raise ValueError(f"cannot read it ({error})") from None
    except yaml.YAMLError as error:
        problem = ValueError(f"it is not valid YAML ({getattr(error, 'problem', None) or error})")
        mark = getattr(error, "problem_mark", None)
        problem.line = mark.line + 1 if mark is not None else 1  # type: ignore[attr-defined]
        raise problem from None
    if node is None:
        return {}, {}
    if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader)):
        raise ValueError("it uses YAML aliases (*name), which docsec does not expand")
    lines: dict[tuple[str, ...], int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            name = str(key.value)
            lines[(name,)] = key.start_mark.line + 1
            if isinstance(value, yaml.MappingNode):
                for inner, _ in value.value:
                    lines[(name, str(inner.value))] = inner.start_mark.line + 1
    return yaml.safe_load(text), lines


class UnreadableSetting(ConfigError):
    """A docsec setting of conf.py that is not a literal."""

    def __init__(self, key: str, source: str, message: str):
        super().__init__(key, None, "a literal", source)
        self.args = (f"{source}: {message}",)


@dataclass(frozen=True)
class Configured:
    """A project's merged configuration and the folder each path setting is relative to."""

    config: Config
    pyproject: Optional[Path]
    bases: Mapping[str, Path]  # "exclude" / "per_path_ignores" -> the folder they are relative to


def configure(tool: Tool, table: Optional[Mapping[str, Any]] = None, pyproject: Optional[Path] = None,
              source: str = "") -> Configured:
    """[tool.docsec] (``table``; found above the project when None) overridden by the tool's settings.

    Raises :class:`ConfigError` naming the file (and line, for the tool's file) of the first bad key.
    """
    if table is None:
        table, pyproject = read_pyproject(tool.root)
        source = str(pyproject) if pyproject else ""
    config = Config.from_mapping(table, source=source or "[tool.docsec]")
    for problem in tool.problems:
        if problem.setting:
            raise UnreadableSetting(problem.setting, f"{tool.file}:{problem.line}", problem.message)
    try:
        config = Config.from_mapping(dict(tool.settings), base=config)
    except UnknownSetting as error:
        raise UnknownSetting(error.name, error.value, error.known, tool.where(error.name),
                             tool.setting_name("")) from None
    except ConfigError as error:
        key = error.key.split("[", 1)[0]
        raise ConfigError(tool.setting_name(error.key), error.value, error.expected, tool.where(key)) from None
    root = pyproject.parent if pyproject is not None else tool.root
    bases = {key: (tool.root if key in tool.settings else root) for key in PATH_SETTINGS}
    return Configured(config, pyproject, bases)


def replace_config(configured: Configured, config: Config) -> Configured:
    return dataclasses.replace(configured, config=config)
