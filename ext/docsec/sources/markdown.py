"""MyST Markdown → code blocks, without Sphinx.

markdown-it-py is configured with the block syntax myst-parser always reads
(CommonMark, tables, front matter, MyST blocks, footnotes) plus the block
extensions the project's dialect enables (:mod:`docsec.core.dialect`:
``colon_fence``, ``attrs_block``, ``deflist``, ``substitution``,
``dollarmath``, ``amsmath``, ``fieldlist``; without a documentation tool,
colon fences, attribute blocks and definition lists), so ``:::`` is a
directive only where the page shows one.  Only the block level is parsed;
inline markup cannot hold code blocks.  Directive names are looked up in
lower case, as docutils looks them up.

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
* ``include``: the file's text as MyST where the directive is, its blocks
  located in the file; ``:literal:`` / ``:code:`` make one block.
* ``raw`` with the ``html`` format, and HTML blocks: the text of each
  ``<pre>`` (:mod:`._html`).
* a block ``{{ key }}`` (``substitution``): the value, read where the
  reference is and reported at its line.
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
from ..core.dialect import DEFAULT, EVERY_BLOCK_EXTENSION, Dialect
from ..core.legacy import ADMONITIONS, NO_LEGACY, LegacyMarkers
from ..model import CodeBlock, Diagnostic, Location, Marker, MarkerKind, Origin, Severity, Span
from . import SourceResult
from ._directives import code_language
from ._text import Context, block_marker, collapsed, make_block, markdown_lines, read_text

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
MAX_INCLUDE_DEPTH = 16  # includes of includes (docutils refuses circular ones)
# Directives nested deeper are not read: Sphinx itself fails on a page nested more than about 130
# deep (RecursionError), so a deeper page cannot pass a build either; the gate fails closed on it.
MAX_DEPTH = 160
# Every nested directive is parsed again, as myst-parser does; a page may cost at most this many times
# its own length (plus a megabyte) in parsing, so pathological nesting stays bounded.
WORK_FACTOR = 64
DOUBLE_QUOTED_ESCAPE = re.compile(r"\\(.)")
ESCAPES = {"n": "\n", "t": "\t", "0": "\0"}
COMMENT = re.compile(r"\s#")
# Tokens that are not siblings of a block (Sphinx makes targets and comments of them).
TRANSPARENT = frozenset({"inline", "myst_target", "myst_line_comment", "myst_block_break"})
HIDDEN_CELL_TAGS = frozenset({"remove-input", "remove_input", "remove-cell", "remove_cell"})
LIST_CLOSE = frozenset({"bullet_list_close", "ordered_list_close"})


@functools.lru_cache(maxsize=16)
def parser(syntax: str = "myst", extensions: frozenset[str] = EVERY_BLOCK_EXTENSION) -> MarkdownIt:
    """The block-level parser of a dialect (built once per dialect; read-only afterwards).

    ``syntax`` is ``myst`` (myst-parser's always-on syntax plus the block ``extensions`` enabled),
    ``commonmark`` or ``gfm`` (``myst_commonmark_only`` / ``myst_gfm_only``, and MyST-NB's raw
    Markdown cells).
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    if syntax == "gfm":
        md.enable("table")
    elif syntax == "myst":
        from markdown_it.rules_block import make_fence_rule
        from mdit_py_plugins.front_matter import front_matter_plugin
        from mdit_py_plugins.myst_blocks import myst_block_plugin
        from mdit_py_plugins.footnote import footnote_plugin

        md.enable("table").use(front_matter_plugin).use(myst_block_plugin)
        md.use(footnote_plugin, inline=False, move_to_end=False, always_match_refs=True)
        if "dollarmath" in extensions:
            from mdit_py_plugins.dollarmath import dollarmath_plugin

            md.use(dollarmath_plugin)
        if "colon_fence" in extensions:
            colon_fence = make_fence_rule(markers=(":",), token_type="colon_fence", exact_match=False)
            md.block.ruler.before("fence", "colon_fence", colon_fence,
                                  {"alt": ["paragraph", "reference", "blockquote", "list", "footnote_def"]})
        if "amsmath" in extensions:
            from mdit_py_plugins.amsmath import amsmath_plugin

            md.use(amsmath_plugin)
        if "deflist" in extensions:
            from mdit_py_plugins.deflist import deflist_plugin

            md.use(deflist_plugin)
        if "fieldlist" in extensions:
            from mdit_py_plugins.field_list import fieldlist_plugin

            md.use(fieldlist_plugin)
        if "substitution" in extensions:
            from mdit_py_plugins.substitution import substitution_plugin

            md.use(substitution_plugin)
        if "attrs_block" in extensions:
            from mdit_py_plugins.attrs import attrs_block_plugin

            md.use(attrs_block_plugin)
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
    dialect: Dialect = DEFAULT
    syntax: str = "myst"  # "commonmark" / "gfm" for CommonMark-only text (no directives)
    substitutions: dict[str, str] = field(default_factory=dict)  # the dialect's, then the front matter's
    budget: int = 0  # characters left to parse (see WORK_FACTOR); 0: not set yet
    included: tuple[str, ...] = ()  # the files being included around what is read (no circular include)
    page_display: str = ""  # the page's display path: includes resolve from the page, as in Sphinx
    substituting: tuple[str, ...] = ()  # the substitutions being read (a circular one shows nothing)
    too_deep: bool = False  # a diagnostic was given for nesting: one per page

    # -- walking --------------------------------------------------------------

    def walk(self, text: str, first_line: int, context: Context, top: bool = False,
             tokens: Optional[list[Token]] = None) -> None:
        """Read ``text`` whose first line is the 0-based file line ``first_line``."""
        if self.budget == 0:
            self.budget = WORK_FACTOR * len(text) + 1_000_000
        self.budget -= len(text)
        if self.depth > MAX_DEPTH or self.budget < 0:
            if not self.too_deep:
                self.too_deep = True
                why = (f"directives are nested more than {MAX_DEPTH} deep here (Sphinx cannot build such a page "
                       "either)" if self.depth > MAX_DEPTH else
                       "directives are nested so deeply here that reading them would take too long")
                self.diagnostics.append(Diagnostic(
                    "nesting-too-deep", f"{why}; code further inside is not scanned, so the page fails the gate. "
                    "Close the fences (a longer fence for the outer directive)",
                    self.display_path, first_line + 1 + self.line_offset, Severity.HIGH, self.cell))
            return
        self.depth += 1
        try:
            if tokens is None:
                tokens = parse(text, self.syntax, self.dialect.myst_extensions)
            self._walk(tokens, first_line, context.after(None), top)
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
            elif token.type == "html_block":
                self.html(token.content, line, here)
            elif token.type == "substitution_block":
                self.substitution(token.content, line, here)
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
        if self.syntax == "myst" and name.startswith("{") and name.endswith("}"):
            origin = self.span("fence-directive", token, line)
            with self.inside_fence(token.markup[:1]):
                return self.directive(self.split(name[1:-1], argument, token.content, line, origin), line, context)
        if self.syntax == "myst" and name in self.dialect.fence_directives:  # ``myst_fence_as_directive``
            origin = self.span("fence-directive", token, line)
            directive = self.split(name, argument, token.content, line, origin)
            directive.options.update({key: str(value) for key, value in (token.attrs or {}).items()})
            with self.inside_fence(token.markup[:1]):
                return self.directive(directive, line, context)
        self.add(token.content, name or self.highlight, line + 2, context, _classes(token),
                 origin=self.span("fence", token, line))
        return None

    def html(self, content: str, line: int, context: Context) -> None:
        """The ``<pre>`` elements of an HTML block (0-based ``line``): code a reader sees."""
        from ._html import pre_blocks

        for pre in pre_blocks(content):
            self.add_exact(pre.text, pre.language or self.highlight, line + pre.line + 1, context)

    def substitution(self, content: str, line: int, context: Context) -> None:
        """A block ``{{ key }}`` (0-based ``line``): the key's value, read as MyST where the reference is."""
        key = content.strip()
        if key not in self.substitutions:
            if not key.isidentifier():
                self.diagnostics.append(Diagnostic(
                    "substitution-expression", f"{{{{ {key[:80]} }}}} is a Jinja expression, which docsec does not "
                    "evaluate, so the code it may show is not scanned; give the value a key of its own and write "
                    "{{ key }}", self.display_path, line + 1 + self.line_offset, Severity.HIGH, self.cell))
            return  # an unknown name: myst-parser shows an error, no code
        if key in self.substituting:  # myst-parser refuses a circular reference and shows nothing
            return
        value = self.substitutions[key]
        before = len(self.blocks)
        here = Location(self.display_path, line + 1 + self.line_offset, self.cell)
        self.substituting = (*self.substituting, key)
        try:
            self.walk(value, line, context)
        finally:
            self.substituting = self.substituting[:-1]
        for index in range(before, len(self.blocks)):  # the value is written elsewhere: report at the reference
            block = self.blocks[index]
            if block.location.path == self.display_path and not block.spans:
                self.blocks[index] = replace(block, location=here, spans=collapsed(block.text, here))

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
            path: Optional[str] = None, origin: Optional[Origin] = None, spans: tuple[Span, ...] = ()) -> None:
        """A block whose code starts at 1-based file ``line``."""
        if marker is None:
            marker = block_marker(context, classes, self.marker_classes, text)
        if path is not None:  # an included file: located there, not in this document
            self.blocks.append(make_block(text, language, path, [], line, marker, context.secure, spans=spans))
            return
        self.blocks.append(make_block(text, language, self.display_path, self.lines, line, marker,
                                      context.secure, self.cell, self.line_offset, origin))

    def add_exact(self, text: str, language: str, line: int, context: Context,
                  classes: list[str] | tuple[str, ...] = ()) -> None:
        """A block whose code starts exactly at 1-based file ``line`` (text inside other markup, like HTML)."""
        marker = block_marker(context, classes, self.marker_classes)
        self.blocks.append(CodeBlock(text, language, Location(self.display_path, line + self.line_offset, self.cell),
                                     marker, context.secure))

    # -- directives -----------------------------------------------------------

    def split(self, name: str, argument: str, content: str, line: int,
              origin: Optional[Origin] = None) -> Directive:
        """Options and body of a directive fence opened on 0-based ``line`` (myst-parser's rules)."""
        name = name.strip().lower()  # docutils looks directives up in lower case
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
        elif d.name == "include":
            self.include(d, line, context)
        elif d.name == "raw":
            self.raw(d, body_text, line, context)
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
        tokens = parse(body_text, self.syntax, self.dialect.myst_extensions)
        prose = " ".join([d.argument, *_prose(tokens)])
        inside = self.legacy.admonition(names, prose, "inside")
        blocks = len(self.blocks)
        if inside is not None and d.origin is not None and self.cell is None:
            inside = replace(inside, holder=(d.origin.start, d.origin.end))
        self.walk(body_text, d.body_line, context.within_legacy(inside), tokens=tokens)
        return self.legacy.admonition(names, prose, "after", holds_code=len(self.blocks) > blocks)

    def code_cell(self, d: Directive, body_text: str, language: str, context: Context) -> None:
        tags = _tags(d.options.get("tags"))
        if tags & HIDDEN_CELL_TAGS:
            return
        marker = (context.marker if context.marker.kind is not MarkerKind.NONE
                  else Marker(MarkerKind.CELL_TAG) if tags & self.marker_classes else None)
        from ..languages.labels import code_cell_label  # (not at import: the languages package loads PyYAML)

        self.add(body_text, code_cell_label(self.notebook_language or language or "python"), d.body_line + 1, context,
                 marker=marker, origin=replace(d.origin, construct="code-cell") if d.origin else None)

    def literalinclude(self, d: Directive, line: int, context: Context) -> None:
        from ._include import IncludeError, file_language, include_diagnostic, invalid_options, read_include, spans

        options = {key: str(value) if value is not None else "" for key, value in d.options.items()}
        for key in invalid_options(d.options):  # myst-parser drops a bad option (with a warning) and goes on
            if key not in ("lang",) or self.dialect.tool != "mystmd":
                options.pop(key, None)
        try:
            included = read_include(self.path, self.page_display or self.display_path, d.argument, options,
                                    self.dialect.include_extras)
        except IncludeError as error:
            self.diagnostics.append(include_diagnostic(error, self.display_path, line + 1 + self.line_offset,
                                                       self.cell))
            return
        if self.dialect.tool == "mystmd":  # mystmd: :lang: (or :language:), else the file's extension
            language = (options.get("lang") or options.get("language") or "").strip() or file_language(
                included.display_path, "mystmd")
        else:
            language = options.get("language", "").strip() or included.language or self.highlight
        self.add(included.text, language, included.line, context, _option_classes(d.options),
                 path=included.display_path,
                 spans=spans(included, self.display_path, line + 1 + self.line_offset, self.cell))

    def include(self, d: Directive, line: int, context: Context) -> None:
        """``{include}``: the file's text as MyST where the directive is, located in the file; with
        ``:literal:`` a literal block, with ``:code:`` a code block (myst-parser's include)."""
        from ._include import IncludeError, file_language, include_diagnostic, read_included_text

        mystmd = self.dialect.tool == "mystmd"
        named = next((str(d.options[key]).strip() for key in ("lang", "language", "code")
                      if mystmd and key in d.options and d.options[key]), "")
        literal = "literal" in d.options or bool(named)
        try:
            found = read_included_text(self.path, self.page_display or self.display_path, d.argument, d.options,
                                       myst=True)
        except IncludeError as error:
            self.diagnostics.append(include_diagnostic(error, self.display_path, line + 1 + self.line_offset,
                                                       self.cell))
            return
        if literal or "code" in d.options:
            if mystmd:  # mystmd: :lang: (:language:, :code:), else the file's extension
                language = named or file_language(found.display_path, "mystmd")
            elif "code" in d.options:
                language = str(d.options.get("code") or "").strip() or self.highlight
            else:  # myst-parser's literal block of the file: Sphinx names it by the file's suffix
                language = file_language(found.display_path) or self.highlight
            self.add(found.text, language, found.first_line + 1, context, _option_classes(d.options),
                     path=found.display_path)
            return
        key = str(found.path)
        if key in self.included or len(self.included) >= MAX_INCLUDE_DEPTH:
            self.diagnostics.append(Diagnostic(
                "include-circular", f"include {d.argument.strip()!r} includes itself (through "
                f"{' > '.join(self.included) or 'this page'}); Sphinx stops there too",
                self.display_path, line + 1 + self.line_offset, Severity.MEDIUM, self.cell))
            return
        saved = (self.path, self.display_path, self.lines, self.cell, self.line_offset, self.included)
        self.display_path = found.display_path
        self.lines = [""] * found.first_line + markdown_lines(found.text)
        self.cell, self.line_offset, self.included = None, 0, (*self.included, key)
        try:
            self.walk(found.text, found.first_line, context)
        finally:
            self.path, self.display_path, self.lines, self.cell, self.line_offset, self.included = saved

    def raw(self, d: Directive, body_text: str, line: int, context: Context) -> None:
        """``{raw} html``: the ``<pre>`` elements of its HTML (Sphinx shows them; mystmd shows none)."""
        formats = d.argument.lower().split()
        if not self.dialect.raw_directive or "html" not in formats:
            return
        if "file" in d.options or "url" in d.options:
            self.diagnostics.append(Diagnostic(
                "raw-source", "a raw directive that reads a :file: or :url: shows content docsec does not read; "
                "put the HTML in the page", self.display_path, line + 1 + self.line_offset, Severity.HIGH,
                self.cell))
            return
        self.html(body_text, d.body_line, context)

    def eval_rst(self, d: Directive, body_text: str, context: Context) -> None:
        from . import rst

        result = rst.read_rst(body_text, self.path, self.display_path, self.marker_classes, self.lines,
                              first_line=d.body_line, context=context, highlight=self.highlight,
                              cell=self.cell, line_offset=self.line_offset,
                              directive_languages=self.directive_languages, legacy=self.legacy,
                              dialect=self.dialect)
        self.blocks.extend(result.blocks)
        self.diagnostics.extend(result.diagnostics)
        self.highlight = result.highlight

    def front_matter(self, text: str) -> None:
        substitutions = "substitution" in self.dialect.myst_extensions and "substitutions" in text
        if "kernelspec" not in text and "language_info" not in text and not substitutions:
            return
        data = _yaml(text)
        metadata = data.get("jupyter", data) if isinstance(data.get("jupyter"), dict) else data
        self.notebook_language = notebook_language(metadata)
        if substitutions:  # myst-parser: ``myst: substitutions:`` (or the older top-level key) beats conf.py's
            myst = data.get("myst")
            found = myst.get("substitutions") if isinstance(myst, dict) else None
            if found is None:
                found = data.get("substitutions")
            if isinstance(found, dict):
                self.substitutions.update((str(key), str(value)) for key, value in found.items())


def parse(text: str, syntax: str = "myst", extensions: frozenset[str] = EVERY_BLOCK_EXTENSION) -> list[Token]:
    return parser(syntax, extensions).parse(text + "\n")


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
                  cell: Optional[int] = None, walker: Optional[Walker] = None, dialect: Dialect = DEFAULT,
                  syntax: str = "myst") -> Walker:
    """Read Markdown ``text`` (a file, or one notebook cell with ``cell``) into a walker's blocks.

    Pass the previous cell's ``walker`` to carry ``{highlight}`` across cells.  ``syntax`` is
    ``commonmark`` or ``gfm`` for text read without MyST's syntax.
    """
    lines = markdown_lines(text)
    if walker is None:
        walker = Walker(path, display_path, config.marker_class_set(), lines, cell,
                        highlight=dialect.highlight_language,
                        directive_languages=dict(config.directive_languages), legacy=config.legacy,
                        dialect=dialect, substitutions=dialect.substitution_map, page_display=display_path)
    else:
        walker.lines, walker.cell = lines, cell
    walker.syntax = syntax if syntax != "myst" else dialect.syntax
    walker.budget = 0
    with deep_enough():
        walker.walk(text, 0, Context(), top=cell is None)
    return walker


@contextmanager
def deep_enough() -> Iterator[None]:
    """Room on Python's stack for directives nested ``MAX_DEPTH`` deep (a few frames each)."""
    import sys

    needed = MAX_DEPTH * 12 + 1000
    before = sys.getrecursionlimit()
    if before < needed:
        sys.setrecursionlimit(needed)
    try:
        yield
    finally:
        if before < needed:
            sys.setrecursionlimit(before)


def extract(path: Path, display_path: str, config: Config, text: Optional[str] = None,
            dialect: Dialect = DEFAULT) -> SourceResult:
    decoded = read_text(path, display_path, text)
    result = SourceResult(display_path, diagnostics=list(decoded.diagnostics))
    if decoded.text is None:
        return result
    try:
        walker = read_markdown(decoded.text, path, display_path, config, dialect=dialect)
    except Exception as error:  # noqa: BLE001 - a parser bug must not stop a whole run
        result.diagnostics.append(Diagnostic(
            "parse-error", f"could not parse {display_path} as MyST Markdown ({error.__class__.__name__}: {error}); "
            "please report this with the file", display_path, 1, Severity.MEDIUM))
        return result
    result.blocks.extend(walker.blocks)
    result.diagnostics.extend(walker.diagnostics)
    return result
