"""``docsec check --fix``: rewrite chosen blocks into docsec's own markers, in the file's own syntax.

* MyST: the construct goes inside ``:::{insecure-example}`` (a ``{code-cell}``
  gets the ``docsec-insecure`` tag instead), see :mod:`.markdown`;
* reStructuredText: inside ``.. insecure-example::``, re-indented, see :mod:`.rst`;
* notebooks: the code cell gets the ``docsec-insecure`` tag; Markdown cells are
  rewritten as MyST, see :mod:`.notebook`.

With ``guidance``, top-level paragraphs that state an RFC 2119 requirement
are lifted into ``security`` directives.

Every rewrite is checked before it is kept: read again, the file must give
the same code blocks in the same languages, the chosen ones marked by docsec
with the intended reason and every other block marked as before; docutils
must not complain more than before.  Otherwise the file is left alone and
:attr:`FileFix.problem` says why.  Nothing outside the rewritten lines
changes, line endings included.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from ..core.config import Config
from ..core.legacy import plain
from ..model import CodeBlock, MarkerKind
from ..sources import SUFFIXES, SourceResult, extract
from . import markdown as markdown_fix
from . import notebook as notebook_fix
from . import rst as rst_fix
from .lines import Edit, Unfixable, apply, newline_of, split_lines

MARKER_CLASS = "docsec-insecure"
DOCSEC_MARKERS = frozenset({MarkerKind.INSECURE, MarkerKind.CLASS, MarkerKind.CELL_TAG})


@dataclass(frozen=True)
class Choice:
    """A block to mark, and the ``:reason:`` to write (empty: none).

    ``legacy``: the reason is a legacy notice's, tidied before it is written (see :mod:`.reasons`).
    """

    block: CodeBlock
    reason: str = ""
    legacy: bool = False


@dataclass(frozen=True)
class FileFix:
    path: str
    before: str
    after: str
    marked: int = 0
    lifted: int = 0
    problem: str = ""
    skipped: tuple[str, ...] = ()  # "path:line: why" for blocks left for the author (see fix_cmd)

    @property
    def changed(self) -> bool:
        return self.after != self.before


def fix_text(path: Path, display: str, text: str, choices: list[Choice], config: Config,
             guidance: bool = False) -> FileFix:
    """The rewritten ``text`` of ``path``, or the original and a ``problem``."""
    kind = SUFFIXES.get(path.suffix.lower())
    try:
        if kind == "notebook":
            new, lifted, written = _fix_notebook(text, choices, guidance, config)
        elif kind in ("markdown", "rst"):
            blocks = extract(path, display, config, text).blocks
            new, lifted, written = _fix_lines(kind, path, text, choices, guidance, config, blocks)
        else:
            raise Unfixable(f"docsec does not rewrite {path.suffix!r} files")
        if new != text:
            _verify(path, display, text, new, written, config, kind)
    except Unfixable as problem:
        return FileFix(display, text, text, problem=f"cannot fix {display}: {problem}")
    return FileFix(display, text, new, len(choices), lifted)


def _fix_lines(kind: str, path: Path, text: str, choices: list[Choice], guidance: bool, config: Config,
               blocks: list[CodeBlock]) -> tuple[str, int, list[Choice]]:
    """The rewritten text, how many paragraphs were lifted, and the choices with the reasons written."""
    lines = split_lines(text)
    edits: list[Edit] = []
    written: list[Choice] = []
    moved: list[str] = []
    replaced: set[int] = set()
    for holder, group in _by_holder(kind, lines, choices, blocks).items():
        try:
            edits.append(_replace_admonition(kind, lines, holder))
        except Unfixable:
            continue  # the block is wrapped inside the admonition instead
        if kind == "rst":  # a generic admonition's title becomes the example's title, no longer a heading
            title = rst_fix.DIRECTIVE.match(lines[holder[0] - 1].rstrip("\r\n"))
            if title is not None and title.group("rest").strip():
                moved.append(plain(title.group("rest").strip()))
        written.extend(replace(choice, reason="") for choice in group)
        replaced.update(id(choice) for choice in group)
    for choice in choices:
        if id(choice) in replaced:
            continue
        edit, reason = _mark(kind, lines, choice, config.insecure_banner if choice.legacy else None)
        edits.append(edit)
        written.append(replace(choice, reason=reason))
        notice = choice.block.marker.notice
        if notice is not None and edit.start == notice[0]:  # a moved notice leaves the prose
            moved.append(prose_of_notice(kind, lines, notice, path))
    lifts = _lifts(kind, path, text, lines, edits) if guidance else []
    if not edits and not lifts:
        return text, 0, written
    new = apply(lines, [*edits, *lifts], newline_of(text))
    _check_prose(kind, path, text, new, moved)
    return new, len(lifts), written


def _by_holder(kind: str, lines: list[str], choices: list[Choice],
               blocks: list[CodeBlock]) -> dict[tuple[int, int], list[Choice]]:
    """The legacy admonitions that become the wrapper themselves, each with the chosen blocks inside:
    those where every code block inside is chosen (a clean one would be marked with them)."""
    groups: dict[tuple[int, int], list[Choice]] = {}
    for choice in choices:
        holder = choice.block.marker.holder
        if holder is None or choice.block.marker.kind is not MarkerKind.LEGACY or choice.block.origin is None:
            continue
        if kind == "rst" and not holder[1]:
            holder = (holder[0], rst_fix.admonition_end(lines, holder[0]))
        groups.setdefault(holder, []).append(choice)
    chosen = {_key(choice.block) for choice in choices}
    return {holder: group for holder, group in groups.items()
            if all(_key(block) in chosen for block in blocks
                   if block.origin is not None and holder[0] <= block.origin.start <= holder[1])}


def _replace_admonition(kind: str, lines: list[str], holder: tuple[int, int]) -> Edit:
    if kind == "markdown":
        return markdown_fix.replace_admonition(lines, holder)
    return rst_fix.replace_admonition(lines, holder)


def prose_of_notice(kind: str, lines: list[str], notice: tuple[int, int], path: Path) -> str:
    """A notice paragraph as :func:`prose` reads it (it moved, so it is no longer prose)."""
    text = "".join(lines[notice[0] - 1:notice[1]])
    found = prose(kind, text, path)
    return found[0] if found else plain(text)


def _lifts(kind: str, path: Path, text: str, lines: list[str], edits: list[Edit]) -> list[Edit]:
    """Guidance paragraphs to lift, leaving alone those a marking edit already rewrites."""
    if kind == "markdown":
        units = [unit for unit in markdown_fix.guidance_units(text)
                 if not any(edit.start <= unit.last and unit.first <= edit.end for edit in edits)]
        return markdown_fix.lift(lines, units)
    from ..sources.rst import top_level_paragraphs

    paragraphs = [(first, last, raw) for first, last, raw in top_level_paragraphs(text, path)
                  if not any(edit.start <= last and first <= edit.end for edit in edits)]
    return rst_fix.lift(lines, paragraphs)


def _check_prose(kind: str, path: Path, old: str, new: str, moved: list[str]) -> None:
    """The rewrite keeps every paragraph and heading, except the notices it moved into ``:reason:``."""
    expected = prose(kind, old, path)
    for notice in moved:
        if notice in expected:
            expected.remove(notice)
    if prose(kind, new, path) != expected:
        raise Unfixable("read back, the rewritten file's text would change outside the rewritten blocks "
                        "(a fence or an indentation would not close where it should); rewrite these blocks by hand")


def prose(kind: str, text: str, path: Path) -> list[str]:
    """Every paragraph and heading as plain text, in order, directive bodies included."""
    if kind == "markdown":
        return markdown_fix.prose(text)
    from ..sources.rst import paragraphs

    return [plain(shown) for _, _, _, shown in paragraphs(text, path)]


def _mark(kind: str, lines: list[str], choice: Choice, banner: Optional[str]) -> tuple[Edit, str]:
    if kind == "markdown":
        return markdown_fix.mark(lines, choice.block, choice.reason, MARKER_CLASS, banner)
    return rst_fix.mark(lines, choice.block, choice.reason, banner)


def _fix_notebook(text: str, choices: list[Choice], guidance: bool,
                  config: Config) -> tuple[str, int, list[Choice]]:
    notebook = notebook_fix.Notebook.load(text)
    by_cell: dict[int, list[Choice]] = {}
    for choice in choices:
        cell = choice.block.location.cell
        if cell is None:
            raise Unfixable("a block outside the notebook's cells cannot be rewritten here")
        by_cell.setdefault(cell, []).append(choice)
    lifted = 0
    written: list[Choice] = []
    for number, cell in enumerate(notebook.data["cells"], start=1):
        mine = by_cell.get(number, [])
        if cell.get("cell_type") == "code" and mine:
            notebook_fix.tag(notebook, number, MARKER_CLASS)
            written.extend(mine)
        elif cell.get("cell_type") == "markdown" and (mine or guidance):
            counts: list[int] = []

            def change(source: str, mine: list[Choice] = mine) -> str:
                cell_blocks = extract(Path("cell.md"), "cell.md", config, source).blocks
                new, count, done = _fix_lines("markdown", Path("cell.md"), source, mine, guidance, config,
                                              cell_blocks)
                counts.append(count)
                written.extend(done)
                return new

            notebook_fix.rewrite_markdown(notebook, number, change)
            lifted += sum(counts)
    return notebook.dumps(), lifted, written


def _verify(path: Path, display: str, old: str, new: str, choices: list[Choice], config: Config,
            kind: Optional[str]) -> None:
    """Raise :class:`Unfixable` unless ``new`` reads as ``old`` with exactly the intended changes."""
    before, after = extract(path, display, config, old), extract(path, display, config, new)
    if len(before.blocks) != len(after.blocks) or any(
        (a.text, a.language) != (b.text, b.language) for a, b in zip(before.blocks, after.blocks)
    ):
        raise Unfixable("read back, the rewritten file shows different code blocks; rewrite these blocks by hand")
    chosen = {_key(choice.block): choice for choice in choices}
    for old_block, new_block in zip(before.blocks, after.blocks):
        choice = chosen.get(_key(old_block))
        if choice is not None:
            _check_marked(new_block, choice)
        elif not _same_marking(old_block, new_block):
            raise Unfixable(f"the rewrite would change how the block at line {old_block.location.line} is marked; "
                            "rewrite these blocks by hand")
    _check_no_new_problems(before, after, path, old, new, kind)


def _key(block: CodeBlock) -> tuple:
    return (block.location.path, block.location.cell, block.location.line, block.text)


def _check_marked(block: CodeBlock, choice: Choice) -> None:
    if block.marker.kind is MarkerKind.CELL_TAG:
        return
    reason = " ".join(choice.reason.split())
    if block.marker.kind is not MarkerKind.INSECURE or block.marker.reason != reason or block.secure:
        raise Unfixable(f"read back, the block at line {block.location.line} is not marked as intended; "
                        "wrap it in insecure-example by hand")


def _same_marking(old: CodeBlock, new: CodeBlock) -> bool:
    if old.secure != new.secure:
        return False
    if old.marker.kind is MarkerKind.LEGACY:  # not chosen (nothing flagged): it may lose its notice's effect
        return new.marker.kind in (MarkerKind.LEGACY, MarkerKind.NONE)
    return old.marker == new.marker


def _check_no_new_problems(before: SourceResult, after: SourceResult, path: Path, old: str, new: str,
                           kind: Optional[str]) -> None:
    grown = Counter(d.code for d in after.diagnostics) - Counter(d.code for d in before.diagnostics)
    if grown:
        raise Unfixable(f"read back, the rewritten file has new problems ({', '.join(sorted(grown))})")
    if kind == "rst":
        from ..sources.rst import parse_problems

        if parse_problems(new, path) > parse_problems(old, path):
            raise Unfixable("docutils would report new problems in the rewritten file; rewrite these blocks by hand")
