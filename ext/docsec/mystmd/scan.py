"""The Python half of the mystmd plugin: a page's code blocks in, findings out.

``docsec.mjs`` collects the ``code`` nodes of one page and sends a request::

    {"id": 7, "protocol": 1, "path": "/abs/docs/index.md",
     "blocks": [{"lang": "python", "value": "...", "line": 5, "anchor": "fence",
                 "class": "docsec-insecure", "tags": [], "example": "insecure",
                 "reason": "shows the risk", "cell": null}]}

With ``"report_blocks": true`` the reply also lists every block as docsec
read it (``blocks``: path, line, cell, language, marked), for ``DOCSEC_MYST_BLOCKS``.

Configuration: the page's project is the nearest folder above it holding a
``myst.yml``; its settings are the ``docsec:`` mapping of that myst.yml over
``[tool.docsec]`` of the nearest pyproject.toml above it, key by key, as
``docsec check`` and the Sphinx extension merge theirs (see
:mod:`docsec.core.projects`).  Both files are re-read when they change
(``myst start`` keeps one scanner for a whole session).

Legacy markers, and lines the plugin cannot give (code made by directives or
by raw HTML): the Python side reads the page's source file with ``docsec
check``'s own reader, in mystmd's dialect, and takes each block's legacy
marker and line from the block of that reading with the same code.

``anchor`` says what ``line`` is (see :class:`LineResolver`): ``exact`` (the
block's first code line), ``fence`` (the code node's own position),
``ancestor`` or ``before`` (a hint: the enclosing directive's line, or the
last line seen before the block; the code is then looked for in the source
file with :func:`docsec.core.locate.first_code_line`) or ``cell`` (a line
within 1-based notebook cell ``cell``).  Code that ``{include}`` or
``{literalinclude}`` brought in carries ``source``, the included file: its
lines are looked for, and reported, in that file.  ``example`` is ``"insecure"`` or ``"secure"`` when the
block sits inside an ``insecure-example`` / ``secure-example`` directive; ``code_cell`` is true for a
notebook code cell (read as unlabelled when its kernel is said to speak plain text).

The response names every finding with the index of its block, its absolute
line (``null`` when it cannot be known) and whether it fails the build::

    {"id": 7, "findings": [{"block": 0, "rule_id": "DSP014", "line": 7, "fatal": true, ...}],
     "diagnostics": [...], "banner": "Insecure example: ...", "error": null}

Nothing from the page is executed: blocks are parsed by the engine's
language adapters and the source file is only read as text.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from dataclasses import replace

from ..core.config import Config, ConfigError, read_pyproject
from ..core.dialect import DEFAULT, Dialect
from ..core.engine import Engine
from ..core.locate import first_code_line
from ..core.paths import Patterns, RelativeTo
from ..core.projects import Tool, configure, find_tool_file, read_tool
from ..escaping import printable
from ..languages.labels import code_cell_label
from ..model import CodeBlock, Location, Marker, MarkerKind, NO_MARKER, Severity, Status
from ..sources._include import IncludeRoots
from ..report.results import is_error

PROTOCOL = 1


@dataclass(frozen=True)
class Settings:
    """The configuration a page's project is scanned with, and the files it came from."""

    config: Config
    stamps: tuple[tuple[str, Optional[float]], ...]  # (file, mtime) of myst.yml and pyproject.toml
    tool: Tool
    bases: dict[str, Path]
    engine: Engine
    pyproject: Optional[Path] = None
    searched: Optional[Path] = None  # where the pyproject.toml was looked for (a new one may appear)

    def current(self) -> bool:
        if not all(_mtime(Path(name)) == stamp for name, stamp in self.stamps):
            return False
        return self.searched is None or _nearest_pyproject(self.searched) == self.pyproject


class Scanner:
    """Answers requests for one project directory; reusable across pages.

    Each project's engine is built once and rebuilt when its myst.yml or pyproject.toml changes
    (``myst start`` keeps one scanner for a whole session), so the cost per page is only the scan.
    """

    def __init__(self, root: Optional[Path] = None):
        self.root = (root or Path.cwd()).resolve()
        self._settings: dict[Optional[Path], Settings] = {}

    def settings(self, page: Optional[str] = None) -> Settings:
        """The settings of the project ``page`` belongs to (the root's when there is no page)."""
        folder = Path(page).parent if page else self.root
        file = find_tool_file(folder if folder.is_absolute() else self.root / folder, ("myst.yml",))
        current = self._settings.get(file)
        if current is not None and current.current():
            return current
        tool = read_tool(file) if file is not None else Tool("", self.root)
        searched = tool.root if file is not None else self.root
        table, pyproject = read_pyproject(searched)
        shown = replace(tool, file=Path(_display_path(str(file), self.root))) if file is not None else tool
        configured = configure(shown, table, pyproject, str(pyproject) if pyproject else "")
        engine = Engine(configured.config, ignore_path=RelativeTo(self.root, configured.bases["per_path_ignores"]))
        stamps = tuple((str(name), _mtime(name)) for name in (file, pyproject) if name is not None)
        settings = Settings(configured.config, stamps, tool, dict(configured.bases), engine, pyproject, searched)
        self._settings[file] = settings
        return settings

    def engine(self) -> Engine:
        return self.settings().engine

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        """Scan one page; configuration problems come back as ``error``, never raise."""
        reply: dict[str, Any] = {"id": request.get("id"), "protocol": PROTOCOL, "findings": [],
                                 "diagnostics": [], "banner": None, "error": None}
        try:
            settings = self.settings(str(request.get("path") or "") or None)
        except ConfigError as error:
            reply["error"] = printable(str(error))
            return reply
        engine = settings.engine
        reply["banner"] = engine.config.insecure_banner
        if request.get("protocol", PROTOCOL) != PROTOCOL:
            reply["error"] = (f"docsec: this docsec.mjs speaks protocol {request.get('protocol')!r}, the installed "
                              f"docsec {PROTOCOL}; run `docsec myst-plugin install` again")
            return reply
        try:
            page = Page.from_request(request, self.root)
        except (TypeError, ValueError, KeyError) as error:
            reply["error"] = f"docsec: malformed request from docsec.mjs: {error}"
            return reply
        if page.path and settings.config.exclude and Patterns(
                settings.config.exclude, settings.bases["exclude"]).excluded(Path(page.path), is_dir=False):
            return reply  # ``exclude``: the page is not checked, as docsec check skips it
        shown: Optional[list[dict[str, Any]]] = [] if request.get("report_blocks") else None
        findings, diagnostics = scan_page(engine, page, settings.tool.dialect, shown)
        reply["findings"], reply["diagnostics"] = findings, diagnostics
        if shown is not None:
            reply["blocks"] = shown
        reply.update(presentation(engine.config, page))
        return reply


@dataclass(frozen=True)
class Page:
    path: str  # as given: the absolute path myst reports against
    display: str  # relative to the project root, for per-path ignores
    blocks: list[dict[str, Any]]
    root: Path

    @classmethod
    def from_request(cls, request: dict[str, Any], root: Path) -> "Page":
        path = str(request.get("path") or "")
        blocks = request.get("blocks") or []
        if not isinstance(blocks, list) or not all(isinstance(b, dict) for b in blocks):
            raise ValueError("`blocks` must be a list of objects")
        return cls(path, _display_path(path, root), blocks, root)


def scan_page(engine: Engine, page: Page, dialect: Dialect = DEFAULT,
              shown: Optional[list[dict[str, Any]]] = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    config = engine.config
    resolvers: dict[str, LineResolver] = {}
    reading = PageReading(page, config, dialect)
    findings: list[dict[str, Any]] = []
    diagnostics: list[dict[str, Any]] = []
    for index, raw in enumerate(page.blocks):
        source = str(raw.get("source") or "")
        path, display = (source, _display_path(source, page.root)) if source else (page.path, page.display)
        resolver = resolvers.setdefault(path, LineResolver(path, page.root))
        block, known = to_code_block(raw, display, config, resolver)
        if not source and (config.legacy or not known or block.location.cell is not None):
            block, known = reading.complete(block, known, raw)
        if shown is not None:
            shown.append({"path": block.location.path, "line": block.location.line if known else None,
                          "cell": block.location.cell, "language": block.language, "marked": block.marked})
        report = engine.scan(block)
        included = {"source": display} if source else {}
        for finding in report.findings:
            if finding.status is not Status.UNMARKED:
                continue
            offset = finding.line - block.location.line + 1
            findings.append({
                "block": index,
                "rule_id": finding.rule_id,
                "symbol": finding.symbol,
                "title": finding.title,
                "severity": finding.severity.label,
                "cwe": finding.cwe,
                "message": printable(finding.message),
                "line": finding.line if known else None,
                "column": finding.column,
                "cell": block.location.cell,
                "block_line": offset,
                "snippet": finding.snippet,
                "fatal": fails_build(config, finding.severity),
                **included,
            })
        for diagnostic in report.diagnostics:
            diagnostics.append({
                "block": index,
                "code": diagnostic.code,
                "message": printable(diagnostic.message),
                "severity": diagnostic.severity.label,
                "fatal": config.fail_on != "never" and is_error(diagnostic),
                "line": diagnostic.line if known else None,
                "cell": diagnostic.cell,
                **included,
            })
    return findings, diagnostics


class PageReading:
    """The page's source read with ``docsec check``'s reader (once, when needed): the legacy markers and
    the lines the plugin cannot give come from the block of that reading with the same code."""

    def __init__(self, page: Page, config: Config, dialect: Dialect):
        self.page, self.config, self.dialect = page, config, dialect
        self._blocks: Optional[list[CodeBlock]] = None

    def blocks(self) -> list[CodeBlock]:
        if self._blocks is None:
            self._blocks = []
            path = Path(self.page.path)
            real = Path(os.path.realpath(path))
            if self.page.path and IncludeRoots(self.page.root, self.page.root).contains(real) and real.is_file():
                from ..sources import extract

                try:
                    self._blocks = extract(path, self.page.display, self.config, dialect=self.dialect).blocks
                except Exception:  # noqa: BLE001 - the reading only refines what the plugin sent
                    self._blocks = []
        return self._blocks

    def complete(self, block: CodeBlock, known: bool, raw: dict[str, Any]) -> tuple[CodeBlock, bool]:
        """``block`` with the legacy marker, and the line (and notebook cell: mystmd drops a first cell that
        holds only the title, so the plugin's count can be one short) of the same code in the reading."""
        wanted = block.text.rstrip("\n")
        cell = block.location.cell
        same = [found for found in self.blocks() if found.text.rstrip("\n") == wanted
                and found.location.path == block.location.path and (found.location.cell is None) == (cell is None)]
        if not same:
            return block, known
        match = min(same, key=lambda found: (abs((found.location.cell or 0) - (cell or 0)),
                                             abs(found.location.line - block.location.line)))
        if cell is not None and match.location.cell != cell:
            block = replace(block, location=Location(block.location.path, block.location.line, match.location.cell))
        if not known:
            block = replace(block, location=match.location, spans=match.spans)
            known = True
        if block.marker.kind is MarkerKind.NONE and match.marker.kind is MarkerKind.LEGACY:
            block = replace(block, marker=match.marker)
        return block, known


def presentation(config: Config, page: Page) -> dict[str, Any]:
    """How the plugin shows the page's code: ``shown`` (block index -> the code without its ``docsec: ignore``
    comments, with ``hide_suppressions``) and ``badges`` (the blocks a class or a cell tag marks, outside an
    insecure-example: they get the "Insecure example" badge, as in Sphinx)."""
    from ..core.suppressions import without_suppressions
    from ..languages.labels import DOCUMENT, language_kind, normalise_label

    shown: dict[str, str] = {}
    badges: list[int] = []
    marker_classes = config.marker_class_set()
    for index, raw in enumerate(page.blocks):
        value = str(raw.get("value") or "")
        label = str(raw.get("lang") or "")
        if (config.hide_suppressions and "docsec" in value and normalise_label(label) not in DOCUMENT
                and language_kind(label, value) != "skip"):
            hidden = without_suppressions(value)
            if hidden != value:
                shown[str(index)] = hidden
        classes = set(str(raw.get("class") or "").split())
        tags = {str(tag) for tag in raw.get("tags") or ()}
        if raw.get("example") is None and ((classes | tags) & marker_classes):
            badges.append(index)
    return {"shown": shown, "badges": badges}


def fails_build(config: Config, severity: Severity) -> bool:
    return config.fail_on != "never" and severity >= config.min_severity


def to_code_block(raw: dict[str, Any], path: str, config: Config, resolver: "LineResolver") -> tuple[CodeBlock, bool]:
    """Build the engine's block; the flag says whether its line is a real file line."""
    value = str(raw.get("value") or "")
    classes = set(str(raw.get("class") or "").split())
    tags = {str(tag) for tag in raw.get("tags") or ()}
    example = raw.get("example")
    cell = raw.get("cell")
    cell = int(cell) if cell is not None else None
    line, known = resolver.resolve(raw.get("line"), raw.get("anchor"), value, cell)
    secure = example == "secure" or "docsec-secure" in classes
    marker_classes = config.marker_class_set()
    if example == "insecure":
        marker = Marker(MarkerKind.INSECURE, str(raw.get("reason") or ""))
    elif classes & marker_classes:
        marker = Marker(MarkerKind.CLASS)
    elif tags & marker_classes:
        marker = Marker(MarkerKind.CELL_TAG)
    else:
        marker = NO_MARKER
    language = str(raw.get("lang") or "")
    if raw.get("code_cell"):  # a notebook code cell: a kernel said to speak text runs code all the same
        language = code_cell_label(language)
    return CodeBlock(value, language, Location(path, line, cell), marker, secure), known


class LineResolver:
    """Turn the plugin's line anchors into the block's first file line.

    ``anchor`` says what ``line`` is (see ``collectCode`` in docsec.mjs):
    ``cell``: already the line within notebook cell ``cell``;
    ``fence``: the code node's own line, the code starts there or just after;
    ``ancestor`` / ``before``: an enclosing directive's line, or the last
    line seen before the block.  The source file is read once per page, only
    when needed, and the code's first line is looked for from the anchor; a
    block that cannot be found is reported against the file without a line
    rather than against a wrong one.
    """

    def __init__(self, path: str, root: Optional[Path] = None):
        self.path = path
        self.root = root  # only files inside it are read (a page's include may name any path)
        self._lines: Optional[list[str]] = None

    def resolve(self, line: Any, anchor: Any, value: str, cell: Optional[int]) -> tuple[int, bool]:
        if cell is not None or anchor in ("cell", "exact"):  # (a cell's code from raw HTML has no line)
            return (line, True) if isinstance(line, int) and line > 0 else (1, False)
        if not isinstance(line, int) or line <= 0:
            return 1, False
        found = self.find(line, value)
        if found is not None:
            return found, True
        if anchor == "fence":
            return line + 1, True
        return 1, False

    def find(self, hint: int, value: str) -> Optional[int]:
        lines = self.source_lines()
        first = next((text.strip() for text in value.split("\n") if text.strip()), "")
        if not lines or not first:
            return None
        found = first_code_line(lines, hint, value)
        leading = next(i for i, text in enumerate(value.split("\n")) if text.strip())
        index = found - 1 + leading
        if 0 <= index < len(lines) and lines[index].strip().endswith(first):
            return found
        return None

    def source_lines(self) -> list[str]:
        if self._lines is None:
            from ..sources._include import IncludeError, IncludeRoots, read_regular_file

            try:
                if self.path.endswith(".ipynb"):
                    raise OSError("notebook lines are counted per cell")
                real = Path(os.path.realpath(self.path))
                if self.root is not None and not IncludeRoots(self.root, self.root).contains(real):
                    raise OSError("outside the project")
                self._lines = read_regular_file(real).decode("utf-8").splitlines()
            except (OSError, UnicodeDecodeError, IncludeError):
                self._lines = []
        return self._lines


def _display_path(path: str, root: Path) -> str:
    if not path:
        return "<page>"
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return path.replace(os.sep, "/")


def _nearest_pyproject(folder: Path) -> Optional[Path]:
    for candidate in [folder, *folder.resolve().parents]:
        if (candidate / "pyproject.toml").is_file():
            return candidate / "pyproject.toml"
    return None


def _mtime(path: Optional[Path]) -> Optional[float]:
    try:
        return path.stat().st_mtime if path else None
    except OSError:
        return None


def scan_json(text: str, scanner: Optional[Scanner] = None) -> str:
    """One request as JSON text in, one reply as JSON text out."""
    scanner = scanner or Scanner()
    try:
        request = json.loads(text)
    except json.JSONDecodeError as error:
        return json.dumps({"id": None, "protocol": PROTOCOL, "findings": [], "diagnostics": [], "banner": None,
                           "error": f"docsec: request is not JSON: {error}"})
    if not isinstance(request, dict):
        return json.dumps({"id": None, "protocol": PROTOCOL, "findings": [], "diagnostics": [], "banner": None,
                           "error": "docsec: request must be a JSON object"})
    try:
        reply = scanner.answer(request)
    except Exception as error:  # a bug in a rule must fail the page, not stop the server
        reply = {"id": request.get("id"), "protocol": PROTOCOL, "findings": [], "diagnostics": [], "banner": None,
                 "error": f"docsec failed while scanning this page ({type(error).__name__}: {error}); "
                          "please report it with the page's code blocks"}
    return json.dumps(reply)


def serve(lines: Iterable[str], write: Any, scanner: Optional[Scanner] = None) -> None:
    """The long-lived mode: one JSON request per line in, one reply per line out."""
    scanner = scanner or Scanner()
    for line in lines:
        if not line.strip():
            continue
        write(scan_json(line, scanner) + "\n")
