"""MyST Markdown → code blocks, without Sphinx.

markdown-it-py is configured with the block syntax myst-parser enables
(CommonMark, tables, front matter, MyST blocks, footnotes, definition lists,
``attrs_block``) plus colon fences, which docsec always reads: a page that
does not enable ``colon_fence`` shows ``:::`` blocks as text, and code in them
is reported anyway.  Only the block level is parsed; inline markup cannot
hold code blocks.

Directives are read the way myst-parser reads them: an option block of
``:key: value`` lines or a ``---`` YAML block, then the body (a first blank
line is dropped).  Their bodies are parsed again as MyST with absolute line
numbers, so code inside admonitions, tabs, cards and unknown directives is
found too.  What each directive gives:

* ``code-block`` / ``code`` / ``sourcecode``: one block, language from the
  argument, else the current ``{highlight}`` (``default``); ``:class:``
  marker classes mark it.
* ``doctest`` / ``testcode`` / ``testoutput`` (``sphinx.ext.doctest``):
  ``pycon`` / ``python`` / ``none``; ``testsetup``, ``testcleanup`` and
  ``:hide:`` are not shown by Sphinx and are skipped.
* ``code-cell`` (MyST-NB text notebooks): the notebook's language from the
  front matter (``language_info``, then ``kernelspec.language``), else the
  argument, else ``python``; a marker class in ``tags`` marks it;
  ``remove-input`` / ``remove-cell`` cells are not shown and are skipped.
* ``literalinclude``: the included file, located there (see :mod:`._include`);
  without ``:language:``, the language of the file's suffix, else the highlight.
* ``insecure-example`` / ``secure-example``: the body, with every block inside
  marked (``:reason:``) or secure.
* ``eval-rst``: the body as reStructuredText (:mod:`.rst`).
* directives of other extensions whose content is code (Django's
  ``console``, sphinx-tabs' ``code-tab``, sphinx-prompt's ``prompt``,
  ``ipython``, ``jupyter-execute``, ...) and the project's own from the
  ``directive_languages`` setting: the body as one block in their language
  (see :mod:`._directives`).
* ``parsed-literal``: the body as one block (Sphinx gives it the highlight
  language).
* bodies that are not Markdown (``toctree``, ``math``, ``raw``, ``mermaid``,
  ``graphviz``, ``csv-table``, ...) are skipped; every other directive's body
  is parsed as MyST.
"""

from __future__ import annotations

import functools
import re
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from textwrap import dedent
from typing import TYPE_CHECKING, Any, Iterator, Optional

from ..core.config import Config
from ..core.legacy import ADMONITIONS, NO_LEGACY, LegacyMarkers
from ..model import CodeBlock, Diagnostic, Marker, MarkerKind, Origin, Severity
from . import SourceResult
from ._directives import code_language
from ._text import Context, block_marker, make_block, markdown_lines, read_text

if TYPE_CHECKING:  # pragma: no cover
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode"})
DOCTEST_LANGUAGES = {"doctest": "pycon", "testcode": "python", "testoutput": "none"}
HIDDEN_DIRECTIVES = frozenset({"testsetup", "testcleanup"})
# Directives whose body is not Markdown: never parsed for code.
NON_MARKDOWN_BODIES = frozenset({
    "toctree", "math", "raw", "mermaid", "graphviz", "graph", "digraph", "csv-table",
    "plantuml", "uml", "tabularcolumns", "productionlist", "bibliography", "index",
    "highlight", "include", "image", "embed", "glue", "glue:any", "glue:figure", "glue:math",
})
# Directives without arguments: text on the opening line is the first body line.
NO_ARGUMENT = frozenset({
    "note", "warning", "tip", "important", "hint", "caution", "danger", "error", "attention",
    "seealso", "todo", "sidebar-free", "topic-free",
})
# Deeper directive nesting is not read (keeps pathological input linear).
MAX_DEPTH = 30
DOUBLE_QUOTED_ESCAPE = re.compile(r"\\(.)")
ESCAPES = {"n": "\n", "t": "\t", "0": "\0"}
COMMENT = re.compile(r"\s#")
# Tokens that are not siblings of a block (Sphinx makes targets and comments of them).
TRANSPARENT = frozenset({"inline", "myst_target", "myst_line_comment", "myst_block_break"})
HIDDEN_CELL_TAGS = frozenset({"remove-input", "remove_input", "remove-cell", "remove_cell"})
LIST_CLOSE = frozenset({"bullet_list_close", "ordered_list_close"})


@functools.lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    """The block-level MyST parser (built once; read-only afterwards)."""
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import make_fence_rule
    from mdit_py_plugins.attrs import attrs_block_plugin
    from mdit_py_plugins.deflist import deflist_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin
    from mdit_py_plugins.myst_blocks import myst_block_plugin

    md = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(myst_block_plugin)
        .use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
        .use(deflist_plugin)
        .use(attrs_block_plugin)
    )
    colon_fence = make_fence_rule(markers=(":",), token_type="colon_fence", exact_match=False)
    md.block.ruler.before("fence", "colon_fence", colon_fence,
                          {"alt": ["paragraph", "reference", "blockquote", "list", "footnote_def"]})
    md.disable("inline")  # code blocks are block-level; skipping inline parsing keeps big files fast
    return md


@dataclass
class Directive:
    """A directive fence split the way myst-parser splits it."""

    name: str
    argument: str
    options: dict[str, Any]
    body: list[str]
    body_line: int  # 0-based file line of the first body line
    option_text: str = ""  # the raw option block (for YAML options)
    origin: Optional[Origin] = None  # the whole fence, for ``--fix``


@dataclass
class Walker:
    """One document (or notebook cell) being read; ``highlight`` follows the document order."""

    path: Path
    display_path: str
    marker_classes: frozenset[str]
    lines: list[str]
    cell: Optional[int] = None
    line_offset: int = 0  # added to every location (0 for files; cells are located within the cell)
    highlight: str = "default"
    notebook_language: Optional[str] = None
    blocks: list[CodeBlock] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    depth: int = 0
    directive_languages: dict[str, str] = field(default_factory=dict)
    legacy: LegacyMarkers = NO_LEGACY
    fences: str = ""  # the fence characters of the directives open around what is being read
    trailing: Optional[Marker] = None  # the legacy marker the last top-level element gives what follows

    # -- walking --------------------------------------------------------------

    def walk(self, text: str, first_line: int, context: Context, top: bool = False,
             tokens: Optional[list[Token]] = None) -> None:
        """Read ``text`` whose first line is the 0-based file line ``first_line``."""
        if self.depth > MAX_DEPTH:
            self.diagnostics.append(Diagnostic(
                "nesting-too-deep", f"directives are nested more than {MAX_DEPTH} deep here; "
                "code further inside is not scanned. Close the fences (a longer fence for the outer directive)",
                self.display_path, first_line + 1 + self.line_offset, Severity.MEDIUM, self.cell))
            return
        self.depth += 1
        try:
            self._walk(tokens if tokens is not None else parse(text), first_line, context.after(None), top)
        finally:
            self.depth -= 1

    def _walk(self, tokens: list[Token], first_line: int, context: Context, top: bool) -> None:
        # Per nesting level: the legacy marker the last finished element gives a block right after it.
        after: dict[int, Optional[Marker]] = {}
        last_item: dict[int, Optional[Marker]] = {}  # per list level: what its last finished item ends with
        prose: set[int] = set()  # levels whose last finished element is a paragraph or heading (a list's lead-in)
        legacy = self.legacy
        for index, token in enumerate(tokens):
            if token.nesting:
                if legacy and token.type == "list_item_close":
                    last_item[token.level - 1] = after.get(token.level + 1)
                _forget_deeper(after, token.level)
                if token.nesting < 0:
                    if not legacy:
                        after[token.level] = None
                    elif token.type in LIST_CLOSE:  # a list is looked through: its last item, else its lead-in
                        lead_in = after.get(token.level) if token.level in prose else None
                        after[token.level] = legacy.after_list(last_item.pop(token.level, None), lead_in)
                        prose.discard(token.level)
                    else:
                        after[token.level] = self.closed(tokens, index, first_line)
                        if token.type in ("paragraph_close", "heading_close"):
                            prose.add(token.level)
                        else:
                            prose.discard(token.level)
                continue
            if token.map is None or token.type in TRANSPARENT:
                continue
            line = first_line + token.map[0]
            here = context.after(after.get(token.level)) if legacy else context
            given: Optional[Marker] = None
            if token.type == "fence":
                given = self.fence(token, line, here)
            elif token.type == "colon_fence":
                given = self.colon_fence(token, line, here)
            elif token.type == "code_block":
                self.add(token.content, "none", line + 1, here, _classes(token),
                         origin=self.span("indented", token, line))
            elif token.type == "front_matter" and top:
                self.front_matter(token.content)
            after[token.level] = given
            prose.discard(token.level)
        if self.depth == 1:
            self.trailing = after.get(0)

    def closed(self, tokens: list[Token], index: int, first_line: int) -> Optional[Marker]:
        """The legacy marker of a paragraph or heading that ends at ``tokens[index]``."""
        token = tokens[index]
        if token.type not in ("paragraph_close", "heading_close") or index < 2 or tokens[index - 1].type != "inline":
            return None
        opening = tokens[index - 2]
        lines = (first_line + opening.map[0] + 1, first_line + opening.map[1]) if opening.map else None
        return self.legacy.before(tokens[index - 1].content, token.type.partition("_")[0], lines)

    def fence(self, token: Token, line: int, context: Context) -> Optional[Marker]:
        name, argument = _info(token)
        if name.startswith("{") and name.endswith("}"):
            origin = self.span("fence-directive", token, line)
            with self.inside_fence(token.markup[:1]):
                return self.directive(self.split(name[1:-1], argument, token.content, line, origin), line, context)
        self.add(token.content, name or self.highlight, line + 2, context, _classes(token),
                 origin=self.span("fence", token, line))
        return None

    def colon_fence(self, token: Token, line: int, context: Context) -> Optional[Marker]:
        name, argument = _info(token)
        origin = self.span("colon-directive", token, line)
        with self.inside_fence(":"):
            if name.startswith("{") and name.endswith("}"):
                return self.directive(self.split(name[1:-1], argument, token.content, line, origin), line, context)
            self.walk(token.content, line + 1, context)  # a plain ``:::name`` div: its content is Markdown
            return None

    @contextmanager
    def inside_fence(self, character: str) -> Iterator[None]:
        outer = self.fences
        self.fences = outer if character in outer else outer + character
        try:
            yield
        finally:
            self.fences = outer

    def span(self, construct: str, token: Token, line: int) -> Optional[Origin]:
        """The token's lines, 1-based and inclusive, in file coordinates (``line`` is its 0-based start)."""
        if token.map is None:
            return None
        return Origin(construct, line + 1, line + token.map[1] - token.map[0], self.fences)

    def add(self, text: str, language: str, line: int, context: Context,
            classes: list[str] | tuple[str, ...] = (), marker: Optional[Marker] = None,
            path: Optional[str] = None, origin: Optional[Origin] = None) -> None:
        """A block whose code starts at 1-based file ``line``."""
        if marker is None:
            marker = block_marker(context, classes, self.marker_classes)
        if path is not None:  # an included file: located there, not in this document
            self.blocks.append(make_block(text, language, path, [], line, marker, context.secure))
            return
        self.blocks.append(make_block(text, language, self.display_path, self.lines, line, marker,
                                      context.secure, self.cell, self.line_offset, origin))

    # -- directives -----------------------------------------------------------

    def split(self, name: str, argument: str, content: str, line: int,
              origin: Optional[Origin] = None) -> Directive:
        """Options and body of a directive fence opened on 0-based ``line`` (myst-parser's rules)."""
        options: dict[str, Any] = {}
        option_text = ""
        offset = 0
        if content.startswith("---"):
            content_lines = content.splitlines()[1:]
            for index, content_line in enumerate(content_lines):
                if content_line.startswith("---"):
                    option_text = dedent("\n".join(content_lines[:index]))
                    remainder = content_line.lstrip("-")
                    remainder = remainder.removeprefix(" ")
                    rest = content_lines[index + 1:]
                    body = [remainder, *rest] if remainder else rest
                    offset = index + 1 if remainder else index + 2
                    break
            else:
                option_text = dedent("\n".join(content_lines))
                body, offset = [], len(content.splitlines())
            options = _yaml_options(option_text)
        elif content.lstrip().startswith(":"):
            body = content.splitlines()
            option_lines = []
            while body and _is_option_line(body[0]):
                option_lines.append(body.pop(0).lstrip()[1:])
            offset = len(option_lines)
            option_text = "\n".join(option_lines)
            options = _colon_options(option_lines)
        else:
            body = content.splitlines()
        if name in NO_ARGUMENT and argument:
            body.insert(0, argument)
            offset -= 1
            argument = ""
        if body and not body[0].strip():
            body = body[1:]
            offset += 1
        return Directive(name, argument, options, body, line + 1 + offset, option_text, origin)

    def directive(self, d: Directive, line: int, context: Context) -> Optional[Marker]:
        """Read one directive; return the legacy marker it gives a block right after it."""
        body_text = "\n".join(d.body)
        language = d.argument.split()[0] if d.argument.split() else ""
        if d.name == "highlight":
            self.highlight = language or self.highlight
        elif d.name in CODE_DIRECTIVES and d.name not in self.directive_languages:
            text = _dedent(body_text, d.options) if "dedent" in d.options else body_text
            self.add(text, language or self.highlight, d.body_line + 1, context, _option_classes(d.options),
                     origin=d.origin)
        elif d.name in DOCTEST_LANGUAGES:
            if "hide" not in d.options:
                self.add(body_text, DOCTEST_LANGUAGES[d.name], d.body_line + 1, context, origin=d.origin)
        elif d.name == "parsed-literal":
            self.add(body_text, self.highlight, d.body_line + 1, context, _option_classes(d.options),
                     origin=d.origin)
        elif d.name == "code-cell":
            self.code_cell(d, body_text, language, context)
        elif d.name == "literalinclude":
            self.literalinclude(d, line, context)
        elif d.name == "eval-rst":
            self.eval_rst(d, body_text, context)
        elif code_language(d.name, d.argument, d.options, self.directive_languages) is not None:
            shown = code_language(d.name, d.argument, d.options, self.directive_languages)
            if shown and body_text.strip():
                self.add(body_text, shown, d.body_line + 1, context, _option_classes(d.options), origin=d.origin)
        elif d.name in ("insecure-example", "secure-example"):
            reason = str(d.options.get("reason", "") or "").strip()
            self.walk(body_text, d.body_line, context.inside(d.name, reason))
        elif d.name in HIDDEN_DIRECTIVES or d.name in NON_MARKDOWN_BODIES:
            return None
        elif d.name in ADMONITIONS and self.legacy:
            return self.admonition(d, body_text, context)
        else:
            self.walk(body_text, d.body_line, context)
        return None

    def admonition(self, d: Directive, body_text: str, context: Context) -> Optional[Marker]:
        """An admonition may be a legacy marker for the blocks inside it and the one after it."""
        names = [d.name, *_option_classes(d.options)]
        tokens = parse(body_text)
        prose = " ".join([d.argument, *_prose(tokens)])
        inside = self.legacy.admonition(names, prose, "inside")
        if inside is not None and d.origin is not None and self.cell is None:
            inside = replace(inside, holder=(d.origin.start, d.origin.end))
        self.walk(body_text, d.body_line, context.within_legacy(inside), tokens=tokens)
        return self.legacy.admonition(names, prose, "after")

    def code_cell(self, d: Directive, body_text: str, language: str, context: Context) -> None:
        tags = _tags(d.options.get("tags"))
        if tags & HIDDEN_CELL_TAGS:
            return
        marker = (context.marker if context.marker.kind is not MarkerKind.NONE
                  else Marker(MarkerKind.CELL_TAG) if tags & self.marker_classes else None)
        self.add(body_text, self.notebook_language or language or "python", d.body_line + 1, context,
                 marker=marker, origin=replace(d.origin, construct="code-cell") if d.origin else None)

    def literalinclude(self, d: Directive, line: int, context: Context) -> None:
        from ._include import IncludeError, include_diagnostic, read_include

        options = {key: str(value) if value is not None else "" for key, value in d.options.items()}
        try:
            included = read_include(self.path, self.display_path, d.argument, options)
        except IncludeError as error:
            self.diagnostics.append(include_diagnostic(error, self.display_path, line + 1 + self.line_offset,
                                                       self.cell))
            return
        language = options.get("language", "").strip() or included.language or self.highlight
        self.add(included.text, language, included.line, context, _option_classes(d.options),
                 path=included.display_path)

    def eval_rst(self, d: Directive, body_text: str, context: Context) -> None:
        from . import rst

        result = rst.read_rst(body_text, self.path, self.display_path, self.marker_classes, self.lines,
                              first_line=d.body_line, context=context, highlight=self.highlight,
                              cell=self.cell, line_offset=self.line_offset,
                              directive_languages=self.directive_languages, legacy=self.legacy)
        self.blocks.extend(result.blocks)
        self.diagnostics.extend(result.diagnostics)
        self.highlight = result.highlight

    def front_matter(self, text: str) -> None:
        if "kernelspec" not in text and "language_info" not in text:
            return
        data = _yaml(text)
        metadata = data.get("jupyter", data) if isinstance(data.get("jupyter"), dict) else data
        self.notebook_language = notebook_language(metadata)


def parse(text: str) -> list[Token]:
    return parser().parse(text + "\n")


def _forget_deeper(after: dict[int, Optional[Marker]], level: int) -> None:
    for deeper in [key for key in after if key > level]:
        del after[deeper]


def _prose(tokens: list[Token]) -> list[str]:
    """The text of the paragraphs and headings among ``tokens`` (not code, not nested directives)."""
    return [token.content for index, token in enumerate(tokens)
            if token.type == "inline" and index and tokens[index - 1].type in ("paragraph_open", "heading_open")]


def notebook_language(metadata: Any) -> Optional[str]:
    """The code language of a notebook as MyST-NB picks its lexer."""
    if not isinstance(metadata, dict):
        return None
    info = metadata.get("language_info")
    kernel = metadata.get("kernelspec")
    info = info if isinstance(info, dict) else {}
    kernel = kernel if isinstance(kernel, dict) else {}
    for value in (info.get("pygments_lexer"), info.get("name"), kernel.get("language")):
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _info(token: Token) -> tuple[str, str]:
    """The first word of a fence's info string and the rest (myst-parser's split)."""
    parts = (token.info or "").strip().split(maxsplit=1)
    return (parts[0] if parts else ""), (parts[1] if len(parts) > 1 else "")


def _is_option_line(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith(":") and not stripped.startswith(":::")


def _colon_options(lines: list[str]) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for line in lines:
        key, _, value = line.partition(":")
        options[key.strip()] = option_value(value)
    return options


def option_value(text: str) -> str:
    """An option value as myst-parser reads it: quoted strings unescaped, `` #`` starts a comment."""
    value = text.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return DOUBLE_QUOTED_ESCAPE.sub(lambda m: ESCAPES.get(m.group(1), m.group(1)), value[1:-1])
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return COMMENT.split(value, 1)[0].rstrip()


def _yaml(text: str) -> dict[str, Any]:
    """A YAML mapping without aliases: nine nested ``*a`` make a value whose ``str()`` never ends."""
    try:
        import yaml

        if any(isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=yaml.SafeLoader)):
            return {}
        data = yaml.safe_load(text)
    except Exception:  # noqa: BLE001 - any YAML problem means "no options"
        return {}
    return data if isinstance(data, dict) else {}


def _yaml_options(text: str) -> dict[str, Any]:
    return _yaml(text) if text.strip() else {}


def _tags(value: Any) -> frozenset[str]:
    if isinstance(value, (list, tuple)):
        return frozenset(str(tag).strip() for tag in value)
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            data = _yaml("tags: " + text).get("tags")
            if isinstance(data, list):
                return frozenset(str(tag).strip() for tag in data)
            text = text.strip("[]")
        return frozenset(part.strip().strip("'\"") for part in text.replace(",", " ").split() if part.strip())
    return frozenset()


def _option_classes(options: dict[str, Any]) -> list[str]:
    value = options.get("class")
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value]
    return str(value or "").split()


def _classes(token: Token) -> list[str]:
    value = token.attrs.get("class") if token.attrs else None
    return str(value).split() if value else []


def _dedent(text: str, options: dict[str, Any]) -> str:
    from ._include import dedent_text

    value = options.get("dedent")
    return dedent_text(text, "" if value is None else str(value))


def read_markdown(text: str, path: Path, display_path: str, config: Config, *,
                  cell: Optional[int] = None, walker: Optional[Walker] = None) -> Walker:
    """Read Markdown ``text`` (a file, or one notebook cell with ``cell``) into a walker's blocks.

    Pass the previous cell's ``walker`` to carry ``{highlight}`` across cells.
    """
    lines = markdown_lines(text)
    if walker is None:
        walker = Walker(path, display_path, config.marker_class_set(), lines, cell,
                        directive_languages=dict(config.directive_languages), legacy=config.legacy)
    else:
        walker.lines, walker.cell = lines, cell
    walker.walk(text, 0, Context(), top=cell is None)
    return walker


def extract(path: Path, display_path: str, config: Config, text: Optional[str] = None) -> SourceResult:
    decoded = read_text(path, display_path, text)
    result = SourceResult(display_path, diagnostics=list(decoded.diagnostics))
    if decoded.text is None:
        return result
    try:
        walker = read_markdown(decoded.text, path, display_path, config)
    except Exception as error:  # noqa: BLE001 - a parser bug must not stop a whole run
        result.diagnostics.append(Diagnostic(
            "parse-error", f"could not parse {display_path} as MyST Markdown ({error.__class__.__name__}: {error}); "
            "please report this with the file", display_path, 1, Severity.MEDIUM))
        return result
    result.blocks.extend(walker.blocks)
    result.diagnostics.extend(walker.diagnostics)
    return result
