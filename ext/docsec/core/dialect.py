"""How a documentation tool reads pages: which files are pages, and which syntax they hold.

``docsec check`` has to read the blocks the site shows, and what a page shows
depends on the tool that builds it and on that tool's configuration: with
``colon_fence`` off, ``:::{insecure-example}`` is text on the page, not a
marker; with ``source_suffix = {".txt": "markdown"}`` a ``.txt`` page is
Markdown; a ``{{ snippet }}`` line shows code only where the ``substitution``
extension is on.  A :class:`Dialect` holds those facts for one project:

* ``tool = "sphinx"``: built from ``conf.py`` (read statically, see
  :mod:`.conf_py`) by :func:`sphinx_dialect`;
* ``tool = "mystmd"``: mystmd's fixed syntax (colon fences always, no block
  attributes, no substitutions, ``{raw}`` not shown, a notebook's raw cells
  shown as code, links to folders not followed), by :func:`mystmd_dialect`;
* ``tool = ""``: no documentation tool found: every syntax docsec knows is
  read (:data:`DEFAULT`).

The sources layer reads a page with its project's dialect; nothing here
imports a parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from .conf_py import ConfPy, Setting

# What docsec reads without a documentation tool: suffix -> reader.
DEFAULT_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".md", "markdown"), (".markdown", "markdown"), (".rst", "rst"), (".txt", "rst"), (".ipynb", "notebook"))
# MyST block syntax docsec reads when no tool says otherwise (myst-parser's defaults are always on).
EVERY_BLOCK_EXTENSION = frozenset({"colon_fence", "attrs_block", "deflist"})
# Sphinx parser names (``source_suffix`` values) and what docsec reads them with.
RST_PARSERS = frozenset({"restructuredtext", "rst", "restructured_text", "resttext"})
MARKDOWN_PARSERS = frozenset({"markdown", "myst", "myst-nb", "mystnb", "commonmark", "recommonmark", "md"})
NOTEBOOK_PARSERS = frozenset({"jupyter_notebook", "ipynb", "notebook"})
# Extensions docsec knows to add source suffixes, as Sphinx does when it loads them.
EXTENSION_SUFFIXES: dict[str, tuple[tuple[str, str], ...]] = {
    "myst_parser": ((".md", "markdown"),),
    "myst_nb": ((".md", "myst-nb"), (".ipynb", "myst-nb")),
    "recommonmark": ((".md", "markdown"),),
    "m2r": ((".md", "markdown"),),
    "m2r2": ((".md", "markdown"),),
    "sphinx_mdinclude": ((".md", "markdown"),),
    "nbsphinx": ((".ipynb", "jupyter_notebook"),),
}
MYST_EXTENSIONS = frozenset({"myst_parser", "myst_nb"})


@dataclass(frozen=True)
class Dialect:
    """The facts of one project that decide which blocks its pages show."""

    tool: str = ""  # "sphinx", "mystmd" or "" (none found)
    syntax: str = "myst"  # "myst", or "commonmark" / "gfm" (``myst_commonmark_only`` / ``myst_gfm_only``)
    suffixes: tuple[tuple[str, str], ...] = DEFAULT_SUFFIXES  # suffix -> "markdown" | "rst" | "notebook"
    # MyST syntax extensions that change the block structure (colon_fence, attrs_block, deflist,
    # substitution, ...); myst-parser's always-on syntax is always read.
    myst_extensions: frozenset[str] = EVERY_BLOCK_EXTENSION
    highlight_language: str = "default"  # the language of blocks that name none
    substitutions: tuple[tuple[str, str], ...] = ()  # ``myst_substitutions`` (as text)
    raw_markdown_cells: str = "myst"  # how a notebook's raw text/markdown cell is shown: "", "myst", "commonmark", "gfm"
    raw_text_lexer: str = "myst-ansi"  # the language of a raw text/plain cell (MyST-NB's ``nb_render_text_lexer``)
    raw_directive: bool = True  # ``{raw} html`` / ``.. raw:: html`` shows its HTML (mystmd shows none)
    include_extras: bool = True  # literalinclude's :prepend: / :append: (mystmd ignores them)
    fence_directives: frozenset[str] = frozenset()  # ``myst_fence_as_directive``
    raw_cells_as_code: bool = False  # mystmd shows a notebook's raw cell as a code block (no language)
    follow_links: bool = True  # symbolic links to folders are walked (Sphinx follows them, mystmd does not)

    @property
    def suffix_map(self) -> dict[str, str]:
        return dict(self.suffixes)

    def reader_for(self, suffix: str) -> Optional[str]:
        """``markdown``, ``rst`` or ``notebook`` for a page with this suffix; None when it is no page."""
        return self.reader_for_name(suffix)

    def reader_for_name(self, name: str) -> Optional[str]:
        """The reader of a file named ``name``: the first suffix it ends with, as Sphinx picks one (exact case
        for Sphinx, any case for the others)."""
        if self.tool != "sphinx":
            name = name.lower()
        return next((reader for suffix, reader in self.suffixes if name.endswith(suffix)), None)

    @property
    def substitution_map(self) -> dict[str, str]:
        return dict(self.substitutions) if "substitution" in self.myst_extensions else {}


DEFAULT = Dialect()


@dataclass(frozen=True)
class Problem:
    """Something about a tool's configuration that docsec cannot follow; ``error`` fails the gate."""

    line: int
    message: str
    error: bool = False
    setting: str = ""  # a docsec setting that could not be read (a configuration error)


@dataclass
class SphinxSettings:
    """The Sphinx settings docsec reads, with what could not be read."""

    dialect: Dialect
    exclude_patterns: tuple[str, ...] = ()  # Sphinx's own glob syntax, relative to the source folder
    problems: list[Problem] = field(default_factory=list)
    unread_suffixes: tuple[tuple[str, str], ...] = ()  # suffix -> parser docsec cannot read


# Settings whose unreadable value leaves docsec unable to tell which blocks a page shows: an error.
# The others fall back to reading more (every suffix, no exclusion) and get a warning.
DECIDING = frozenset({"highlight_language", "myst_enable_extensions", "myst_substitutions",
                      "myst_fence_as_directive", "nb_render_markdown_format", "nb_render_text_lexer",
                      "myst_commonmark_only", "myst_gfm_only"})


def sphinx_dialect(conf: ConfPy) -> SphinxSettings:
    """The dialect of a Sphinx project, from its conf.py read statically."""
    problems: list[Problem] = [Problem(line, f"{message}; docsec check may read other blocks than Sphinx")
                               for line, message in conf.problems]

    def literal(name: str, default: Any, kinds: tuple[type, ...], shape: str) -> Any:
        setting = conf.get(name)
        if setting is None:
            return default
        if not setting.literal:
            problems.append(_not_literal(setting, name in DECIDING))
            return None
        if not isinstance(setting.value, kinds):
            problems.append(Problem(setting.line, f"{name} = {setting.value!r} is not {shape}; docsec check "
                                                  "reads it as Sphinx's default", name in DECIDING))
            return default
        return setting.value

    extensions = literal("extensions", [], (list, tuple), "a list of module names")
    extensions_known = extensions is not None
    names = {str(name) for name in extensions or ()}
    suffixes, unread = _source_suffixes(literal("source_suffix", None, (str, list, tuple, dict),
                                                "a string, list or dict"), conf, names, extensions_known)
    myst = bool(names & MYST_EXTENSIONS) or not extensions_known
    enabled = literal("myst_enable_extensions", [], (list, tuple, set), "a list of extension names")
    highlight = literal("highlight_language", "default", (str,), "a string")
    substitutions = literal("myst_substitutions", {}, (dict,), "a dict")
    fence_directives = literal("myst_fence_as_directive", [], (list, tuple, set), "a list of directive names")
    markdown_format = literal("nb_render_markdown_format", "commonmark", (str,), "a string")
    commonmark_only = literal("myst_commonmark_only", False, (bool,), "true or false")
    gfm_only = literal("myst_gfm_only", False, (bool,), "true or false")
    text_lexer = literal("nb_render_text_lexer", "myst-ansi", (str,), "a string")
    excluded: list[str] = []
    for name in ("exclude_patterns", "templates_path", "html_static_path", "html_extra_path"):
        value = literal(name, [], (list, tuple), "a list of paths")
        excluded.extend(str(item) for item in value or ())
    # Unknown values of deciding settings were reported as errors: read with Sphinx's defaults.
    dialect = Dialect(
        tool="sphinx",
        syntax="commonmark" if commonmark_only else "gfm" if gfm_only else "myst",
        suffixes=suffixes,
        myst_extensions=frozenset(str(name) for name in enabled or ()) if myst else frozenset(),
        highlight_language=highlight if highlight is not None else "default",
        substitutions=tuple((str(key), str(value)) for key, value in (substitutions or {}).items()),
        raw_markdown_cells=(markdown_format or "commonmark") if "myst_nb" in names else "",
        raw_text_lexer=text_lexer or "myst-ansi",
        fence_directives=frozenset(str(name) for name in fence_directives or ()),
    )
    return SphinxSettings(dialect, tuple(excluded), problems, unread)


SPHINX_SETTINGS = ("extensions", "source_suffix", "myst_enable_extensions", "highlight_language", "myst_substitutions",
                   "myst_fence_as_directive", "myst_commonmark_only", "myst_gfm_only", "nb_render_markdown_format",
                   "nb_render_text_lexer", "exclude_patterns", "templates_path", "html_static_path",
                   "html_extra_path")


def sphinx_dialect_of(values: Mapping[str, Any], path: Any = None) -> Dialect:
    """The dialect of a running Sphinx build, from its real configuration values (the Sphinx front end)."""
    from pathlib import Path

    settings = {name: Setting(name, 0, values[name]) for name in SPHINX_SETTINGS
                if name in values and values[name] is not None}
    return sphinx_dialect(ConfPy(Path(path or "conf.py"), settings)).dialect


FALLBACKS = {
    "extensions": "docsec check reads the pages of every Markdown and notebook extension it knows",
    "source_suffix": "docsec check reads every page suffix it knows",
}


def _not_literal(setting: Setting, error: bool) -> Problem:
    if error:
        consequence = "docsec check cannot tell which blocks Sphinx shows, so the check fails"
    else:
        consequence = FALLBACKS.get(setting.name, "docsec check excludes nothing by it")
    return Problem(setting.line, f"{setting.name} is not a literal: {setting.problem}; {consequence}. Set it as a "
                                 "literal (a string, list or dict written out in conf.py)", error)


def _source_suffixes(value: Any, conf: ConfPy, extensions: set[str], extensions_known: bool
                     ) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(suffix -> reader, suffix -> parser docsec cannot read) as Sphinx would register them."""
    parsers: dict[str, str] = {}
    if value is None and conf.get("source_suffix") is not None:  # not literal: read every suffix docsec knows
        return DEFAULT_SUFFIXES, ()
    if isinstance(value, str):
        parsers[value] = "restructuredtext"
    elif isinstance(value, (list, tuple)):
        parsers.update((str(suffix), "restructuredtext") for suffix in value)
    elif isinstance(value, dict):
        parsers.update((str(suffix), str(parser)) for suffix, parser in value.items())
    else:
        parsers[".rst"] = "restructuredtext"
    for extension in sorted(extensions) if extensions_known else sorted(EXTENSION_SUFFIXES):
        for suffix, parser in EXTENSION_SUFFIXES.get(extension, ()):
            if extension == "myst_nb" or suffix not in parsers:  # MyST-NB overrides .md
                parsers[suffix] = parser
    readable: list[tuple[str, str]] = []
    unread: list[tuple[str, str]] = []
    for suffix, parser in parsers.items():  # Sphinx matches suffixes in their case
        reader = _reader(suffix, parser)
        (readable if reader else unread).append((suffix, reader or parser))
    return tuple(readable), tuple(unread)


def _reader(suffix: str, parser: str) -> Optional[str]:
    name = parser.strip().lower()
    if suffix.lower() == ".ipynb" and (name in NOTEBOOK_PARSERS or name in ("myst-nb", "mystnb")):
        return "notebook"
    if name in MARKDOWN_PARSERS:
        return "markdown"
    if name in RST_PARSERS:
        return "rst"
    return None


def mystmd_dialect() -> Dialect:
    """mystmd's syntax: fixed, whatever myst.yml says."""
    return Dialect(
        tool="mystmd",
        suffixes=((".md", "markdown"), (".ipynb", "notebook")),
        myst_extensions=frozenset({"colon_fence", "deflist"}),
        highlight_language="",
        raw_markdown_cells="",
        raw_directive=False,
        include_extras=False,
        raw_cells_as_code=True,
        follow_links=False,
    )


def docsec_table_of_myst_yml(data: Mapping[str, Any]) -> Any:
    """The ``docsec:`` mapping at the top of a parsed myst.yml (None when there is none)."""
    return data.get("docsec") if isinstance(data, Mapping) else None
