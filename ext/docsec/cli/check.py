"""``docsec check``: configuration, walk, scan, baseline, report, exit code.

The walk (:mod:`.walk`) finds the pages the way each documentation
project's own tool finds them, and each project is checked with its own
configuration (:mod:`docsec.core.projects`: the command line, then conf.py's
``docsec_*`` or myst.yml's ``docsec:``, then ``[tool.docsec]``) and read in
its own dialect (:mod:`docsec.core.dialect`: the syntax its tool enables).
Each file is handed to :func:`docsec.sources.extract` (which reads it and
reports unreadable, binary, non-UTF-8 or malformed input as diagnostics) and
its blocks to its project's :class:`~docsec.core.engine.Engine`.  A problem
with one file becomes an error diagnostic for that file and the scan goes
on: the run reports every finding it could make and then exits 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import os
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, Sequence, TextIO

from ..core.baseline import Baseline, BaselineError, fingerprinted
from ..core.config import Config, ConfigError, docsec_table, read_pyproject
from ..core.dialect import DEFAULT, Dialect
from ..core.paths import Patterns, RelativeTo
from ..core.projects import Configured, Tool, configure
from ..model import BlockReport, CodeBlock, Diagnostic, Finding, Severity, Status
from ..report.results import Reported, ReportOptions, RunResult, sort_key
from .walk import Projects, Target, Walk, collect, display_path

MAX_LINE_CHARS = 1_000_000  # a longer line is generated or minified content, not documentation
NOTEBOOK_SUFFIXES = (".ipynb",)


class UsageError(Exception):
    """Bad options, configuration or baseline: reported as one line, exit code 2."""


@dataclass(frozen=True)
class FileScan:
    path: str
    blocks: int
    findings: tuple[Finding, ...]
    diagnostics: tuple[Diagnostic, ...]
    fails: bool = True  # its project's fail_on is "unmarked"
    marked_blocks: int = 0  # blocks marked as insecure examples whose findings are marked (not findings)


if TYPE_CHECKING:
    from ..core.engine import Engine


# -- configuration -----------------------------------------------------------

@dataclass
class Project:
    """One documentation project of the run: where its settings come from, and its engine."""

    tool: Tool
    configured: Configured
    sources: dict[str, str] = field(default_factory=dict)  # setting -> where it is written (for messages)
    engine: Optional["Engine"] = None

    @property
    def config(self) -> Config:
        return self.configured.config

    @property
    def dialect(self) -> Dialect:
        return self.tool.dialect


class Settings:
    """The configuration of every project the walk meets, each built once.

    ``--config`` replaces the pyproject.toml found above each project; command-line options
    override everything (see :mod:`docsec.core.projects` for the order).
    """

    def __init__(self, args: argparse.Namespace, cwd: Path):
        self.args, self.cwd = args, cwd
        self.given: Optional[tuple[dict[str, Any], str, Path]] = None
        if getattr(args, "config", None):
            path = Path(args.config)
            table = _read_table(path if path.is_absolute() else cwd / path)
            self.given = (table, display_path(path, cwd), (cwd / path).parent)
        self._projects: dict[Optional[Path], Project] = {}

    def project(self, tool: Tool) -> Project:
        known = self._projects.get(tool.file)
        if known is not None:
            return known
        if self.given is not None:
            table, source, root = self.given
            pyproject: Optional[Path] = root / "pyproject.toml"
        elif tool.kind:
            table, pyproject = read_pyproject(tool.root)
            source = display_path(pyproject, self.cwd) if pyproject else "pyproject.toml"
        else:
            table, pyproject = read_pyproject(self.cwd)
            source = display_path(pyproject, self.cwd) if pyproject else "pyproject.toml"
        shown = replace(tool, file=Path(display_path(tool.file, self.cwd))) if tool.file is not None else tool
        configured = configure(shown, table, pyproject, source)
        if self.given is not None or not tool.kind:
            root = self.given[2] if self.given is not None else (pyproject.parent if pyproject else self.cwd)
            bases = {key: (tool.root if key in tool.settings else root) for key in configured.bases}
            configured = replace(configured, bases=bases)
        sources = {key: (shown.where(key) if key in tool.settings else source) for key in
                   ("select", "ignore", "per_path_ignores", "exclude")}
        config = apply_options(configured.config, self.args)
        for key in ("select", "ignore", "per_path_ignores"):
            check_selectors(config, sources[key], keys=(key,))
        project = Project(tool, replace(configured, config=config), sources)
        self._projects[tool.file] = project
        return project

    def excludes(self, tool: Tool) -> tuple[Patterns, str]:
        project = self.project(tool)
        configured = project.configured
        return Patterns(configured.config.exclude, configured.bases["exclude"]), project.sources["exclude"]


def load_config(config_path: Optional[str], cwd: Path) -> tuple[Config, Path]:
    """The ``[tool.docsec]`` configuration and the folder its paths are relative to."""
    if config_path:
        path = Path(config_path)
        table = _read_table(path if path.is_absolute() else cwd / path)
        source, root = display_path(path, cwd), (cwd / path).parent
    else:
        table, found = read_pyproject(cwd)
        source = display_path(found, cwd) if found else "pyproject.toml"
        root = found.parent if found else cwd
    config = Config.from_mapping(table, source=source)
    check_selectors(config, source)
    return config, root


def _read_table(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"cannot read configuration {path}: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: not valid TOML ({error})") from None
    return docsec_table(data, str(path))


def apply_options(config: Config, args: argparse.Namespace) -> Config:
    """Command-line options override the file's values (``--select`` replaces ``select``)."""
    overrides: dict[str, Any] = {}
    for option in ("select", "ignore"):
        value = getattr(args, option)
        if value is not None:
            overrides[option] = resolve_selectors(value, f"--{option}", config)
    for option in ("min_severity", "profile", "fail_on"):
        value = getattr(args, option)
        if value is not None:
            overrides[option] = value
    return Config.from_mapping(overrides, source="command line", base=config) if overrides else config


def resolve_selectors(values: Sequence[str], option: str, config: Optional[Config] = None) -> list[str]:
    """Split comma lists, turn symbols into ids, and reject what names no rule."""
    rules = [*rules_of(config), *(config.custom_rules if config is not None else ())]
    by_symbol = {rule.symbol: rule.id for rule in rules}
    selectors = []
    for value in values:
        for part in value.replace(",", " ").split():
            selector = by_symbol.get(part.lower(), part.upper())
            _check_selector(selector, part, option, [rule.id for rule in rules], list(by_symbol))
            selectors.append(selector)
    return selectors


def check_selectors(config: Config, source: str, keys: Sequence[str] = ("select", "ignore", "per_path_ignores")
                    ) -> None:
    ids = [rule.id for rule in rules_of(config)] + [spec.id for spec in config.custom_rules]  # declared rules too
    for key in ("select", "ignore"):
        if key in keys:
            for selector in getattr(config, key):
                _check_selector(selector, selector, f"{source}: {key}", ids, [])
    if "per_path_ignores" in keys:
        for glob, selectors in config.per_path_ignores.items():
            for selector in selectors:
                _check_selector(selector, selector, f"{source}: per_path_ignores[{glob!r}]", ids, [])


def rules_of(config: Optional[Config]) -> list:
    """The built-in rules and those of the rule packs ``config`` names."""
    from ..core.catalog import RulePackError
    from ..report.results import known_rules

    packs = config.rule_packs if config is not None else ()
    try:
        return known_rules(packs)
    except RulePackError as error:
        raise UsageError(f"rule_packs: {error}") from None


def _check_selector(selector: str, given: str, where: str, ids: list[str], symbols: list[str]) -> None:
    from ..core.catalog import did_you_mean, unknown_rule_selectors

    if unknown_rule_selectors([selector], ids):
        raise UsageError(f"{where}: unknown rule id or prefix {given!r}{did_you_mean(given, ids + symbols)}; "
                         "run `docsec rules` to list them")


# -- scanning ----------------------------------------------------------------

def precheck(target: Target) -> Optional[Diagnostic]:
    """Refuse what no documentation source looks like: a line of a million characters.

    Reading, decoding and binary detection are the sources layer's (shared
    with the Sphinx extension); this guard only keeps a generated or minified
    file from being parsed as prose.  Files smaller than the limit cannot
    hold such a line and are not read here.
    """
    if target.path.suffix.lower() in NOTEBOOK_SUFFIXES:
        return None
    try:
        if target.path.stat().st_size <= MAX_LINE_CHARS:
            return None
        data = target.path.read_bytes()
    except OSError:
        return None  # the source reader reports it
    if b"\0" in data[:8192]:
        return None  # binary: the source reader reports it
    start = 0
    for number, end in enumerate(_line_ends(data), start=1):
        if end - start > MAX_LINE_CHARS and len(data[start:end].decode("utf-8", "replace")) > MAX_LINE_CHARS:
            return Diagnostic("line-too-long", f"line {number} is {end - start} bytes long; docsec reads lines up to "
                                               f"{MAX_LINE_CHARS} characters (generated or minified content?)",
                              target.display, number, Severity.HIGH)
        start = end + 1
    return None


def _line_ends(data: bytes) -> Iterator[int]:
    position = data.find(b"\n")
    while position >= 0:
        yield position
        position = data.find(b"\n", position + 1)
    yield len(data)


def scan_target(target: Target, engine: "Engine", dialect: Dialect = DEFAULT) -> FileScan:
    """Read, extract and scan one file.  Never raises: problems become diagnostics."""
    from ..sources import extract

    config = engine.config
    fails = config.fail_on != "never"
    if target.reader.startswith("unreadable:"):
        parser = target.reader.split(":", 1)[1]
        return FileScan(target.display, 0, (), (Diagnostic(
            "unreadable-page", f"the documentation tool reads this page with the {parser!r} parser, which docsec "
            "cannot read, so its code is not checked; exclude it there, or map its suffix to a parser docsec "
            "reads (restructuredtext, markdown, myst-nb)", target.display, 1, Severity.HIGH),), fails)
    problem = precheck(target)
    if problem is not None:
        return FileScan(target.display, 0, (), (problem,), fails)
    try:
        source = extract(target.path, target.display, config, reader=target.reader, dialect=dialect)
    except Exception as crash:  # noqa: BLE001 - a bug in a source reader must not hide the other files
        return FileScan(target.display, 0, (), (Diagnostic(
            "source-error", f"could not extract code blocks: {type(crash).__name__}: {crash}",
            target.display, 1, Severity.HIGH),))
    findings: list[Finding] = []
    diagnostics = list(source.diagnostics)
    scanned: dict[CodeBlock, BlockReport] = {}  # a block shown again (a file included many times): one scan
    marked = 0
    for block in source.blocks:
        report = scanned.get(block)
        if report is None:
            try:
                report = scanned[block] = engine.scan(block)
            except Exception as crash:  # noqa: BLE001 - nor a bug in a rule
                diagnostics.append(Diagnostic(
                    "engine-error", f"scanning this block failed: {type(crash).__name__}: {crash}",
                    target.display, block.location.line, Severity.HIGH, block.location.cell))
                continue
        findings.extend(report.findings)
        diagnostics.extend(report.diagnostics)
        marked += any(finding.status is Status.MARKED for finding in report.findings)
    findings.sort(key=sort_key)
    return FileScan(target.display, len(source.blocks), tuple(findings), tuple(diagnostics), fails, marked)


# One engine per project per worker process: inherited from the parent where processes are
# forked (Linux), else built by the pool's initializer; never one per file.
_worker_projects: dict[int, tuple["Engine", Dialect]] = {}
# Below this many files a pool costs more than it saves.
PARALLEL_FROM = 16


def _start_worker(projects: Optional[dict[int, tuple[Config, Dialect, Any]]]) -> None:
    from ..core.engine import Engine

    global _worker_projects
    if projects is not None:
        _worker_projects = {index: (Engine(config, ignore_path=ignore), dialect)
                            for index, (config, dialect, ignore) in projects.items()}


def _scan_in_worker(target: Target) -> FileScan:
    engine, dialect = _worker_projects[target.project]
    return scan_target(target, engine, dialect)


def default_jobs(files: int) -> int:
    """``--jobs`` when not given: one process per CPU for trees worth it, else one."""
    return (os.cpu_count() or 1) if files >= PARALLEL_FROM else 1


def scan_targets(targets: Sequence[Target], engines: "Engine | dict[int, tuple[Engine, Dialect]]",
                 jobs: int = 1) -> list[FileScan]:
    """Scan every target with its project's engine, in a process pool when ``jobs > 1``; results keep the
    targets' order.  ``engines`` maps a project index to (engine, dialect); one engine serves every target."""
    projects = engines if isinstance(engines, dict) else {target.project: (engines, DEFAULT) for target in targets}
    if jobs > 1 and len(targets) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _worker_projects
        forking = "fork" in multiprocessing.get_all_start_methods() and sys.platform.startswith("linux")
        _worker_projects = projects if forking else {}
        context = multiprocessing.get_context("fork" if forking else None)
        workers = min(jobs, len(targets))
        shipped = None if forking else {index: (engine.config, dialect, engine.ignore_path)
                                         for index, (engine, dialect) in projects.items()}
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                                     initargs=(shipped,)) as pool:
                chunk = max(1, len(targets) // (workers * 4))
                return list(pool.map(_scan_in_worker, targets, chunksize=chunk))
        finally:
            _worker_projects = {}
    return [scan_target(target, *projects[target.project]) for target in targets]


def build_result(scans: Iterable[FileScan], config: Config, baseline: Optional[Baseline] = None,
                 path_of: Optional[Callable[[str], str]] = None) -> RunResult:
    """Fingerprint every finding (its path made relative to the project root by ``path_of``), apply the
    baseline and count."""
    result = RunResult(fail_on=config.fail_on)
    accepted = baseline.fingerprints if baseline is not None else frozenset()
    current = []
    seen: set[Finding] = set()  # a file included by several pages is one finding, not one per page
    for scan in scans:
        result.files += 1
        result.blocks += scan.blocks
        result.marked_blocks += scan.marked_blocks
        result.diagnostics.extend(scan.diagnostics)
        if not scan.fails:
            result.not_failing.add(scan.path)
        for finding, (fingerprint, occurrence) in zip(scan.findings, fingerprinted(scan.findings, path_of)):
            if finding in seen:
                continue
            seen.add(finding)
            reported = Reported(finding, fingerprint, baselined=finding.fails and fingerprint in accepted,
                                occurrence=occurrence)
            result.findings.append(reported)
            if finding.fails:
                current.append(fingerprint)
    if baseline is not None:
        result.baseline_entries = len(baseline.entries)
        result.stale = baseline.stale(current)
    return result


# -- the command -------------------------------------------------------------

def run(args: argparse.Namespace, stdout: TextIO, stderr: TextIO, stdin: Optional[TextIO] = None) -> int:
    cwd = Path.cwd()
    try:
        settings = Settings(args, cwd)
        baseline = _load_baseline(args.baseline) if args.baseline else None
        root = project_root(args, cwd)
        walk = collect(args.paths or ["."], cwd, settings.excludes, Projects(cwd), project=root)
        projects = {index: settings.project(walk.projects[index]) for index in sorted(
            {0} | {target.project for target in walk.targets})}
        engines = {index: (_engine(project, cwd), project.dialect) for index, project in projects.items()}
    except ConfigError as error:
        raise UsageError(str(error)) from None
    fix_failed = False
    if args.fix or args.diff:
        from . import fix_cmd

        code = fix_cmd.run(args, lambda target: engines[target.project][0], walk.targets, stdout, stderr,
                           stdin or sys.stdin, root)
        if args.diff:
            return code
        fix_failed = code == 2  # the files that could be rewritten were; the check below shows what remains
    elif args.mark or args.interactive or args.guidance:
        raise UsageError("--mark, --interactive and --guidance go with --fix or --diff")
    jobs = (default_jobs(len(walk.targets)) if args.jobs is None
            else args.jobs if args.jobs > 0 else (os.cpu_count() or 1))
    used = [projects[index] for index in sorted({target.project for target in walk.targets})] or [projects[0]]
    failing = next((project.config for project in used if project.config.fail_on != "never"), used[0].config)
    path_of = baseline_paths(root, cwd)
    result = build_result(scan_targets(walk.targets, engines, jobs), failing, baseline, path_of)
    result.diagnostics.extend(Diagnostic("missing-path", "no such file or directory", path, 1, Severity.HIGH)
                              for path in walk.missing)
    result.diagnostics.extend(Diagnostic("excluded-path", "named on the command line but matched by `exclude`; "
                                         "not scanned", path, 1, Severity.INFO) for path in walk.excluded)
    result.diagnostics.extend(_project_diagnostics(walk, projects.keys(), cwd))
    result.diagnostics.extend(walk.problems)
    result.skipped = [(item.path, item.reason) for item in walk.skipped]
    if args.write_baseline:
        result = _write_baseline(result, args.write_baseline, stderr, root, path_of)

    to_file = bool(args.output)
    options = ReportOptions(
        show_marked=args.show_marked, verbose=args.verbose, quiet=args.quiet,
        color=args.format == "text" and not to_file and _colour_wanted(stdout),
    )
    from ..report import renderer

    rendered = renderer(args.format)(result, options)
    if to_file:
        _write(args.output, rendered, root)
    else:
        stdout.write(rendered)
    if (to_file or args.format in ("json", "sarif")) and not args.quiet:
        _echo_to_stderr(result, stderr)
    return 2 if fix_failed else result.exit_code


def _engine(project: Project, cwd: Path) -> "Engine":
    from ..core.engine import Engine

    return Engine(project.config, ignore_path=RelativeTo(cwd, project.configured.bases["per_path_ignores"]))


def _project_diagnostics(walk: Walk, used: Iterable[int], cwd: Path) -> list[Diagnostic]:
    """What docsec could not follow in the configuration of the projects whose pages it read."""
    found = []
    for index in used:
        tool = walk.projects[index]
        if tool.file is None:
            continue
        shown = display_path(tool.file, cwd)
        for problem in sorted(tool.problems, key=lambda problem: problem.line):
            if problem.setting:  # a docsec setting: a configuration error, raised before the walk
                continue
            found.append(Diagnostic("tool-config", problem.message, shown, problem.line,
                                    Severity.HIGH if problem.error else Severity.MEDIUM))
    return found


def _colour_wanted(stream: TextIO) -> bool:
    return not os.environ.get("NO_COLOR") and hasattr(stream, "isatty") and stream.isatty()


def _echo_to_stderr(result: RunResult, stderr: TextIO) -> None:
    """When the report is a document or goes to a file, errors and the summary still reach the log."""
    from ..report.text import diagnostic_line, summary_lines

    lines = [diagnostic_line(diagnostic) for diagnostic in result.errors] + summary_lines(result)
    stderr.writelines(line + "\n" for line in lines)


def _load_baseline(path: str) -> Baseline:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UsageError(f"baseline {path} does not exist; create it with --write-baseline {path}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"cannot read baseline {path}: {error}") from None
    try:
        return Baseline.loads(text)
    except BaselineError as error:
        raise UsageError(f"baseline {path} {error}") from None


def project_root(args: argparse.Namespace, cwd: Path) -> Path:
    """The project's folder: baseline paths are relative to it, and nothing is read through a link or written
    outside it.  ``--root``, else the folder of ``--config``, else the nearest pyproject.toml's at or above the
    working directory (or the first path checked), else the working directory."""
    if getattr(args, "root", None):
        return (cwd / args.root).resolve()
    if getattr(args, "config", None):
        return (cwd / args.config).resolve().parent
    starts = []
    for start in [cwd, *(cwd / path for path in (getattr(args, "paths", None) or [])[:1])]:
        start = start.resolve()
        starts.append(start if start.is_dir() else start.parent)
    for folder in starts:
        found = next((parent for parent in [folder, *folder.parents] if (parent / "pyproject.toml").is_file()), None)
        if found is not None:
            return found
    return cwd.resolve()


def baseline_paths(root: Path, cwd: Path) -> Callable[[str], str]:
    """A display path (relative to ``cwd``) made relative to ``root``, in posix form."""
    def relative(path: str) -> str:
        absolute = os.path.normpath(os.path.join(cwd, path))
        try:
            shown = os.path.relpath(absolute, root)
        except ValueError:  # another drive
            return path
        return path if shown.startswith("..") else Path(shown).as_posix()
    return relative


def _write(path: str, text: str, root: Path, what: str = "") -> None:
    """Write a report or a baseline the user named: never through a link, never into a pipe or a device."""
    from ..writing import UnsafeWrite, write_file

    try:
        write_file(path, text.encode("utf-8"), root=root)
    except UnsafeWrite as refused:
        raise UsageError(f"{what}{refused}") from None
    except OSError as error:
        raise UsageError(f"cannot write {what}{path}: {error.strerror or error}") from None


def _write_baseline(result: RunResult, path: str, stderr: TextIO, root: Path,
                    path_of: Optional[Callable[[str], str]] = None) -> RunResult:
    """Record every unmarked finding; from now on they are baselined, the gate passes on them."""
    baseline = Baseline.of(((r.finding, r.fingerprint, r.occurrence) for r in result.findings if r.finding.fails),
                           path_of)
    _write(path, baseline.dumps(), root, "baseline ")
    count = len(baseline.entries)
    stderr.write(f"docsec: wrote {count} baseline {'entry' if count == 1 else 'entries'} to {path}\n")
    findings = [replace(r, baselined=r.finding.fails) for r in result.findings]
    return replace(result, findings=findings, baseline_entries=len(baseline.entries), stale=[])
