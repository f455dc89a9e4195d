"""Language adapters: turn a block's text into views that rules can query.

:func:`build_views` parses a block once per view kind (a Python block when a
rule first asks for its Python view: see :attr:`Views.python`).  A Python block also
yields a shell view of its ``!`` escapes; a Dockerfile yields a shell view of
its ``RUN`` commands, so shell rules see every command a reader would type.
A Django or Jinja template (``html+django``, ``jinja``, or ``html`` holding
template syntax) yields a template view of its expressions and tags.
JavaScript, TypeScript, JSX/TSX, SQL, Java, C#, PHP, Go, Ruby, Rust, HCL and
PowerShell blocks are parsed with tree-sitter grammars, nginx and Apache
configuration with nginx's and Apache's own readers (the ``docsec[languages]``
extra), when a rule first asks for their view; without the extra they are
reported "not analysed" (:attr:`Views.unanalysed_reason`).  A PowerShell block
also keeps the shell view of its commands.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from .code import CodeView, build_code_view
from .dockerfile import DockerfileView
from .javascript import JavaScriptView, build_javascript_view
from ._html_scripts import script_text
from .labels import HTML_TEMPLATE, JSON, MARKUP, OTHER_CODE, language_kind, normalise_label
from .lazy import lazy_property
from .python import PythonView, dedented, parsed_view, values_as_written, without_escapes
from .shell import PROMPT, ShellView, build_shell_view, script_lines
from .snippets import normalise_python
from .template import TemplateView
from .sql import SqlView, build_sql_view
from .text import TextView, trigger_form
from .treesitter import EXTRA, unavailable
from .yaml import YamlView
from .hcl import HclView, build_hcl_view
from .powershell import PowerShellView, build_powershell_view
from .systemd import SystemdView
from .webserver import WebServerView, build_webserver_view
from .webserver import unavailable as server_unavailable

__all__ = ["Views", "build_views", "language_kind", "letters_and_digits", "name_trigger_form"]

# A Python block has a shell view of its ``!`` escapes, or of its session when it has shell
# prompts and does not parse; a Dockerfile has one of its ``RUN`` commands.
PYTHON_KINDS = ("python", "shell", "text")
VIEW_KINDS_OF = {"python": PYTHON_KINDS, "pycon": PYTHON_KINDS, "python-or-text": PYTHON_KINDS,
                 "shell": ("python", "shell", "text"), "console": ("python", "shell", "text"), "dockerfile": ("shell", "dockerfile", "text"),
                 "yaml": ("shell", "yaml", "text"), "template": ("template", "text"), "template-script": ("template", "text"),
                 "pseudo-template": ("template", "text"), "jsp": ("template", "text"),
                 "javascript": ("javascript", "text"), "typescript": ("javascript", "text"),
                 "tsx": ("javascript", "text"), "sql": ("sql", "text"), "java": ("java", "text"),
                 "csharp": ("csharp", "text"), "php": ("php", "text"), "go": ("go", "text"), "ruby": ("ruby", "text"),
                 "rust": ("rust", "text"), "hcl": ("hcl", "text"), "powershell": ("python", "shell", "powershell", "text"),
                 "nginx": ("webserver", "text"), "apache": ("webserver", "text"), "caddy": ("webserver", "text"),
                 "systemd": ("systemd", "text"), "html": ("javascript", "text")}
# Block kinds read with a tree-sitter grammar -> the grammar (see ``languages/treesitter.py``).
TREE_SITTER_KINDS = {"javascript": "javascript", "typescript": "typescript", "tsx": "tsx", "sql": "sql",
                     "java": "java", "csharp": "csharp", "php": "php", "go": "go", "ruby": "ruby", "rust": "rust",
                     "hcl": "hcl", "powershell": "powershell", "html": "javascript"}  # (an HTML block's scripts)
def grammar_view(kind: str) -> str:
    """The view a block kind's grammar gives (TypeScript, TSX and HTML's scripts: the JavaScript view)."""
    grammar = TREE_SITTER_KINDS.get(kind, kind)
    return "javascript" if grammar in ("typescript", "tsx") else grammar


CODE_KINDS = ("java", "csharp", "php", "go", "ruby", "rust")  # read by :class:`~docsec.languages.code.CodeView`
# Web server configuration: the kind -> the server (see ``languages/webserver.py``).
WEB_SERVER_KINDS = ("nginx", "apache", "caddy")
PROMPT_NOT_COMMENT = re.compile(r"(?!\s*#)" + PROMPT.pattern)
PROMPT_CHARACTER = re.compile("[$❯➜λ#%>]")  # every prompt ends in one: the lines without one are not tried
NOT_LETTER_OR_DIGIT = re.compile(r"[^A-Za-z0-9]+")
ASCII_NOT_LETTER_OR_DIGIT = bytes(c for c in range(128) if not chr(c).isalnum())


@dataclass(frozen=True)
class PythonCode:
    """A Python block's code, waiting for the parse (see :attr:`Views.python`)."""

    source: str  # the block as the parser reads it: prompts and magics blanked
    column_offsets: dict[int, int]
    labelled: bool  # labelled Python: not analysed when it does not parse (unlabelled: read as text)
    embedded: bool = False  # ``python -c CODE`` in a shell block: code that does not parse is simply not read

    @lazy_property
    def values_as_written(self) -> bool:
        """:func:`~docsec.languages.python.values_as_written`, told before the parse."""
        return values_as_written(self.source)


@dataclass
class Views:
    """The views of one block.  A Python block is parsed when first asked for its Python view:
    a block that holds no trigger of a Python rule cannot have a Python finding, and is never
    parsed (see ``docs/development.md``, "Triggers")."""

    kind: str
    text: TextView
    shell: Optional[ShellView] = None
    dockerfile: Optional[DockerfileView] = None
    yaml: Optional[YamlView] = None
    template: Optional[TemplateView] = None
    analysed: bool = True  # False when the block's own language was parsed and did not parse
    python_code: Optional[PythonCode] = None
    # Why the block's own language could not be analysed at all (its grammar is not installed), or "".
    unanalysed_reason: str = ""
    # An HTML block's ``<script>`` elements, everything else blanked (lines and columns kept), for its
    # JavaScript view.
    script_text: Optional[str] = None

    @lazy_property
    def javascript(self) -> Optional[JavaScriptView]:
        """The JavaScript/TypeScript view, parsed on first use; ``None`` for other blocks."""
        grammar = TREE_SITTER_KINDS.get(self.kind)
        if grammar is None or grammar == "sql" or self.unanalysed_reason:
            return None
        view = build_javascript_view(self.script_text if self.script_text is not None else self.text.text, grammar)
        if view is None:
            self._not_analysed(grammar)
        return view

    @lazy_property
    def sql(self) -> Optional[SqlView]:
        """The SQL view, parsed on first use; ``None`` for other blocks."""
        if self.kind != "sql" or self.unanalysed_reason:
            return None
        view = build_sql_view(self.text.text)
        if view is None:
            self._not_analysed("sql")
        return view

    @lazy_property
    def java(self) -> Optional[CodeView]:
        """The Java view, parsed on first use; ``None`` for other blocks."""
        return self._code("java")

    @lazy_property
    def csharp(self) -> Optional[CodeView]:
        """The C# view, parsed on first use; ``None`` for other blocks."""
        return self._code("csharp")

    @lazy_property
    def php(self) -> Optional[CodeView]:
        """The PHP view, parsed on first use; ``None`` for other blocks."""
        return self._code("php")

    @lazy_property
    def go(self) -> Optional[CodeView]:
        """The Go view, parsed on first use; ``None`` for other blocks."""
        return self._code("go")

    @lazy_property
    def ruby(self) -> Optional[CodeView]:
        """The Ruby view, parsed on first use; ``None`` for other blocks."""
        return self._code("ruby")

    @lazy_property
    def rust(self) -> Optional[CodeView]:
        """The Rust view, parsed on first use; ``None`` for other blocks."""
        return self._code("rust")

    @lazy_property
    def hcl(self) -> Optional[HclView]:
        """The HCL (Terraform) view, parsed on first use; ``None`` for other blocks."""
        if self.kind != "hcl" or self.unanalysed_reason:
            return None
        view = build_hcl_view(self.text.text)
        if view is None:
            self._not_analysed("hcl")
        return view

    @lazy_property
    def powershell(self) -> Optional[PowerShellView]:
        """The PowerShell view, parsed on first use; ``None`` for other blocks (their shell view
        reads PowerShell's commands as it always did)."""
        if self.kind != "powershell" or self.unanalysed_reason:
            return None
        view = build_powershell_view(self.text.text)
        if view is None:
            self._not_analysed("powershell")
        return view

    @lazy_property
    def webserver(self) -> Optional[WebServerView]:
        """The nginx, Apache or Caddy view, read on first use; ``None`` for other blocks."""
        if self.kind not in WEB_SERVER_KINDS or self.unanalysed_reason:
            return None
        view = build_webserver_view(self.text.text, self.kind)
        if isinstance(view, str):
            self.analysed = False
            self.unanalysed_reason = view
            return None
        return view

    @lazy_property
    def systemd(self) -> Optional[SystemdView]:
        """The systemd unit view, read on first use; ``None`` for other blocks."""
        return SystemdView(self.text.text) if self.kind == "systemd" else None

    def _code(self, language: str) -> Optional[CodeView]:
        if self.kind != language or self.unanalysed_reason:
            return None
        view = build_code_view(self.text.text, language)
        if view is None:
            self._not_analysed(language)
        return view

    def _not_analysed(self, grammar: str) -> None:
        from .treesitter import load_language

        reason = load_language(grammar)
        self.analysed = False
        self.unanalysed_reason = f"{reason}; reinstall {EXTRA}" if isinstance(reason, str) else "it did not parse"

    @lazy_property
    def python(self) -> Optional[PythonView]:
        """The Python view, or ``None`` when the block is not Python or did not parse.  A block
        that did not parse is read as a console session when it has shell prompts."""
        code = self.python_code
        if code is None and self.kind in ("shell", "console", "powershell") and self.shell is not None:
            code = self.python_code = _embedded_python(self.shell, self.text.text)
        if code is None:
            return None
        python = parsed_view(code.source, code.column_offsets)
        if code.embedded:
            return python
        if python is not None and (code.labelled or _mostly_parsed(python, self.text.text)):
            return python
        if self.shell is None and _has_prompts(self.text.text):
            self.shell = build_shell_view(self.text.text, console=True)  # a transcript labelled or taken as Python
        else:
            self.analysed = not code.labelled
        return None

    @property
    def view_kinds(self) -> tuple[str, ...]:
        """The kinds of view a block of this kind may have, told without parsing it, in
        :data:`~docsec.rules.registry.VIEW_KINDS` order."""
        return VIEW_KINDS_OF.get(self.kind, ("text",))

    def get(self, kind: str) -> object:
        """The view of this kind, or ``None``.  A Python block with shell prompts is parsed
        before its shell view is given: one that does not parse is a console session."""
        if kind == "text":
            return self.text
        if kind == "shell" and self.shell is None and self.yaml is not None:
            if "yaml_shell" not in self.__dict__:  # CI steps' scripts: built on first use
                self.__dict__["yaml_shell"] = True
                lines = self.yaml.script_lines
                self.shell = ShellView(script_lines(lines)) if lines else None
        if (kind == "shell" and self.shell is None and self.python_code is not None and "python" not in self.__dict__
                and _has_prompts(self.text.text)):
            self.python  # (sets the shell view when the block does not parse)
        return getattr(self, kind, None)

    @lazy_property
    def trigger_text(self) -> Optional[str]:
        """The text rule triggers are looked for in (see :attr:`TextView.trigger_text`), or ``None``
        to run every rule.  A Python block adds the values of its string literals, so a trigger
        may also stand for a substring of a string value a check reads (``"ssl_cert_" "reqs"``),
        unless each value is written as it is in the block (:attr:`PythonCode.values_as_written`):
        then the block's text holds them already, and neither the parse nor the node index is needed."""
        text = self.text.trigger_text
        if text is None or self.python_code is None or self.python_code.values_as_written or self.python is None:
            return text
        return text + "\n" + trigger_form("\n".join(self.python.string_values))

    @lazy_property
    def name_trigger_text(self) -> str:
        """The text name triggers are looked for in, as whole words: the block lower-cased, and its
        NFKC form when it is not ASCII (Python reads identifiers that way).  Nothing is removed, so
        an identifier stays one word: a quote, a backslash or a line join never runs it into the
        next (``else\\`` and ``text()`` on the next line are two words)."""
        return name_trigger_form(self.text.text)

    @lazy_property
    def joined_trigger_text(self) -> str:
        """The text joined triggers are looked for in: the block, its NFKC form when it is not ASCII
        (Python reads identifiers that way) and each of a Python block's string values (unless they
        are written as they are), each lower-cased with every character but ASCII letters and digits
        removed first (``to_ken``, ``"TO-KEN"``: ``token``), one per line.  Values written as they
        are but for escapes (``"to\\nken"``) are read from the source without its escapes."""
        text = self.text.text
        pieces = [text] if text.isascii() else [text, unicodedata.normalize("NFKC", text)]
        code = self.python_code
        if code is not None:
            if code.values_as_written:
                unescaped = without_escapes(code.source)
                if unescaped is not None:  # "to\\nken" is the value "to", line break, "ken"
                    pieces.append(unescaped)
            elif self.python is not None:
                pieces.extend(self.python.string_values)
        return "\n".join(map(letters_and_digits, pieces))


def name_trigger_form(text: str) -> str:
    """``text`` as name triggers are looked for in it (see :attr:`Views.name_trigger_text`)."""
    if not text.isascii():
        text = text + "\n" + unicodedata.normalize("NFKC", text)
    return text.lower()


def letters_and_digits(text: str) -> str:
    """``text`` lower-cased, with every character but ASCII letters and digits removed first."""
    if text.isascii():  # bytes.translate deletes them in one pass
        return text.encode("ascii").translate(None, ASCII_NOT_LETTER_OR_DIGIT).decode("ascii").lower()
    return NOT_LETTER_OR_DIGIT.sub("", text).lower()


def build_views(text: str, label: Optional[str]) -> Views:
    kind = language_kind(label, text)
    # Settings are read from text blocks, and code gives its quoted literals: the settings rules read a
    # JavaScript, Java or Go block as they did before it had a view, and an SQL block as the text it was then.
    code_label = normalise_label(label) in OTHER_CODE
    # (configuration read by a view of its own is still text to the settings rules, as it was before)
    text_kind = ("code" if code_label and (kind == "text" or kind in TREE_SITTER_KINDS)
                 else "text" if kind in ("sql", "hcl", "systemd", "pseudo-template", "jsp", "html", *WEB_SERVER_KINDS)
                 or normalise_label(label) in JSON
                 else "shell" if kind == "powershell" else kind)
    views = Views(kind=kind, text=TextView(text, text_kind))
    if kind in ("python", "pycon", "python-or-text"):
        _add_python(views, text, console=kind == "pycon", labelled=kind != "python-or-text")
    elif kind in ("shell", "console", "powershell"):
        console = kind == "console" or _has_prompts(text)
        views.shell = build_shell_view(text, console=console)
    elif kind == "dockerfile":
        views.dockerfile = DockerfileView(text)
        views.shell = ShellView(views.dockerfile.shell_lines())
    elif kind == "yaml":
        views.yaml = YamlView(text)
    elif kind in ("template", "template-script"):
        name = normalise_label(label)
        views.template = TemplateView(text, start_in_script=kind == "template-script",
                                      html=name in HTML_TEMPLATE or (name in MARKUP and name != "xml"))
    elif kind == "html":
        views.script_text = script_text(text)
    elif kind in ("pseudo-template", "jsp"):
        views.template = TemplateView(text, dialect="jsp" if kind == "jsp" else "pseudo")
    if kind in TREE_SITTER_KINDS or kind in WEB_SERVER_KINDS:
        missing = unavailable(TREE_SITTER_KINDS[kind]) if kind in TREE_SITTER_KINDS else server_unavailable(kind)
        if missing:
            views.analysed = False
            views.unanalysed_reason = f"{missing}; install {EXTRA}"
    return views


def _add_python(views: Views, text: str, console: bool, labelled: bool) -> None:
    snippet = normalise_python(text, console=console)
    if snippet.shell:
        views.shell = ShellView(script_lines(snippet.shell))
    if snippet.cell_language == "python":
        source, offsets = dedented(snippet.python_text, snippet.column_offsets)
        views.python_code = PythonCode(source, offsets, labelled)


def _embedded_python(shell: ShellView, text: str) -> Optional[PythonCode]:
    """The ``python -c`` one-liners of a shell block as one source, each on its command's line."""
    snippets = shell.embedded_python
    if not snippets:
        return None
    block_lines = text.splitlines()
    lines = [""] * max(len(block_lines), 1)
    offsets: dict[int, int] = {}
    for number, code in snippets:
        code_lines = code.split("\n")
        if number + len(code_lines) - 1 > len(lines) or any(lines[number - 1 + i] for i in range(len(code_lines))):
            continue  # (a snippet that would run past the block or over another one is left out)
        for index, line in enumerate(code_lines):
            lines[number - 1 + index] = line
        if len(code_lines) == 1 and number <= len(block_lines):
            offsets[number] = max(block_lines[number - 1].find(code), 0)
    return PythonCode("\n".join(lines), offsets, labelled=False, embedded=True)


def _mostly_parsed(python: PythonView, text: str) -> bool:
    """An unlabelled block counts as Python when at most a third of its lines had to be set aside."""
    code_lines = sum(1 for line in text.splitlines() if line.strip())
    return python.dropped * 3 <= code_lines


def _has_prompts(text: str) -> bool:
    """Whether a line starts with a shell prompt (not a ``#`` comment)."""
    return any(map(PROMPT_NOT_COMMENT.match, filter(PROMPT_CHARACTER.search, text.splitlines())))
