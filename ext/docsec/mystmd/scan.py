"""The Python half of the mystmd plugin: a page's code blocks in, findings out.

``docsec.mjs`` collects the ``code`` nodes of one page and sends a request::

    {"id": 7, "protocol": 1, "path": "/abs/docs/index.md",
     "blocks": [{"lang": "python", "value": "...", "line": 5, "anchor": "fence",
                 "class": "docsec-insecure", "tags": [], "example": "insecure",
                 "reason": "shows the risk", "cell": null}]}

``anchor`` says what ``line`` is (see :class:`LineResolver`): ``exact`` (the
block's first code line), ``fence`` (the code node's own position),
``ancestor`` or ``before`` (a hint: the enclosing directive's line, or the
last line seen before the block; the code is then looked for in the source
file with :func:`docsec.core.locate.first_code_line`) or ``cell`` (a line
within 1-based notebook cell ``cell``).  Code that ``{include}`` or
``{literalinclude}`` brought in carries ``source``, the included file: its
lines are looked for, and reported, in that file.  ``example`` is ``"insecure"`` or ``"secure"`` when the
block sits inside an ``insecure-example`` / ``secure-example`` directive.

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

from ..core.config import Config, ConfigError, read_pyproject
from ..core.engine import Engine
from ..core.locate import first_code_line
from ..escaping import printable
from ..model import CodeBlock, Location, Marker, MarkerKind, NO_MARKER, Severity, Status

PROTOCOL = 1


@dataclass(frozen=True)
class Settings:
    """The configuration a scan runs with, and where it came from."""

    config: Config
    source: Optional[Path]
    stamp: Optional[float]


class Scanner:
    """Answers requests for one project directory; reusable across pages.

    The engine is built once.  ``[tool.docsec]`` is re-read when the nearest
    pyproject.toml changes (``myst start`` keeps one scanner for a whole
    session), so the cost per page is only the scan itself.
    """

    def __init__(self, root: Optional[Path] = None):
        self.root = (root or Path.cwd()).resolve()
        self._settings: Optional[Settings] = None
        self._engine: Optional[Engine] = None

    def settings(self) -> Settings:
        current = self._settings
        if current is not None and current.source is not None and _mtime(current.source) == current.stamp:
            return current
        if current is not None and current.source is None and _nearest_pyproject(self.root) is None:
            return current
        table, source = read_pyproject(self.root)
        config = Config.from_mapping(table, source=str(source) if source else "")
        self._settings = Settings(config, source, _mtime(source) if source else None)
        self._engine = None
        return self._settings

    def engine(self) -> Engine:
        config = self.settings().config
        if self._engine is None:
            self._engine = Engine(config)
        return self._engine

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        """Scan one page; configuration problems come back as ``error``, never raise."""
        reply: dict[str, Any] = {"id": request.get("id"), "protocol": PROTOCOL, "findings": [],
                                 "diagnostics": [], "banner": None, "error": None}
        try:
            engine = self.engine()
        except ConfigError as error:
            reply["error"] = str(error)
            return reply
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
        findings, diagnostics = scan_page(engine, page)
        reply["findings"], reply["diagnostics"] = findings, diagnostics
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


def scan_page(engine: Engine, page: Page) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    config = engine.config
    resolvers: dict[str, LineResolver] = {}
    findings: list[dict[str, Any]] = []
    diagnostics: list[dict[str, Any]] = []
    for index, raw in enumerate(page.blocks):
        source = str(raw.get("source") or "")
        path, display = (source, _display_path(source, page.root)) if source else (page.path, page.display)
        resolver = resolvers.setdefault(path, LineResolver(path, page.root))
        block, known = to_code_block(raw, display, config, resolver)
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
                "line": diagnostic.line if known else None,
                "cell": diagnostic.cell,
                **included,
            })
    return findings, diagnostics


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
        if cell is not None or anchor in ("cell", "exact"):
            return (line, True) if isinstance(line, int) and line > 0 else (1, cell is not None)
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


def _nearest_pyproject(root: Path) -> Optional[Path]:
    for candidate in [root, *root.parents]:
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
