"""Map the language label of a code block to the kind of code it holds."""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from .template import construct_spans

PYTHON = frozenset({
    "python", "py", "python3", "py3", "python2", "py2", "sage", "numpy", "pyodide",
    "ipython", "ipython3", "ipython2", "ipy",
})
PYCON = frozenset({"pycon", "pycon3", "python-console", "doscon-python", "pytb-console", "ipythonconsole",
                   "ipython-console", "ipython3console"})
SHELL = frozenset({
    "bash", "sh", "shell", "zsh", "ksh", "fish", "shell-script", "shellscript",
    "bat", "batch", "cmd", "dosbatch", "make", "makefile",
    "bash-script", "csh", "tcsh", "dash", "ash", "nushell", "winbatch", "cmd.exe",
})
CONSOLE = frozenset({
    "console", "shell-session", "sh-session", "bash-session", "shellsession", "terminal",
    "doscon", "ps1con", "pwsh-session", "powershell-session",
    "zsh-session", "console-session", "bash-console", "shell-console", "prompt",
})
DOCKERFILE = frozenset({"dockerfile", "docker", "containerfile"})
YAML = frozenset({
    "yaml", "yml", "yaml+jinja", "helm", "docker-compose", "compose", "kubernetes", "k8s", "kustomize",
    # JSON is YAML 1.2: read with the YAML composer, and line by line as text too (a fragment, ``"key": value,``,
    # or a block with comments does not compose)
    "json", "jsonc", "json5", "json-object",
})
JSON = frozenset({"json", "jsonc", "json5", "json-object"})
# Languages read with tree-sitter grammars (the ``docsec[languages]`` extra), by Pygments' names.
JAVASCRIPT = frozenset({"javascript", "js", "jsx", "node", "nodejs", "mjs", "cjs", "ecmascript", "es6", "react"})
TYPESCRIPT = frozenset({"typescript", "ts", "mts", "cts"})
TSX = frozenset({"tsx"})
# (not ``psql`` or ``sqlite3``: Pygments' names for console sessions with prompts and output)
SQL = frozenset({"sql", "postgresql", "postgres", "mysql", "plpgsql", "tsql", "t-sql", "mssql", "plsql", "sqlite"})
JAVA = frozenset({"java"})
CSHARP = frozenset({"csharp", "cs", "c#"})
PHP = frozenset({"php", "php3", "php4", "php5", "php7", "php8", "html+php"})
GO = frozenset({"go", "golang"})
RUBY = frozenset({"ruby", "rb", "duby", "jruby"})
RUST = frozenset({"rust", "rs"})
HCL = frozenset({"hcl", "terraform", "tf", "tfvars", "opentofu", "hcl2"})
POWERSHELL = frozenset({"powershell", "ps1", "pwsh", "posh", "psm1", "ps"})
# Web server configuration (read by ``languages/webserver.py``), by Pygments' and highlight.js' names.
NGINX = frozenset({"nginx", "nginxconf", "nginx-conf"})
APACHE = frozenset({"apache", "apacheconf", "apache2", "htaccess", "httpd", "aconf"})
CADDY = frozenset({"caddyfile", "caddy"})
SYSTEMD = frozenset({"systemd", "systemd-unit", "unit", "service"})
# Django and Jinja templates (Pygments' names); ``js+django`` blocks are script from the start.
TEMPLATE = frozenset({
    "django", "htmldjango", "html+django", "html+jinja", "html+jinja2", "html+j2", "jinja", "jinja2", "j2",
    "xml+django", "xml+jinja", "html+django-jinja", "django-html", "jinja-html",
})
TEMPLATE_SCRIPT = frozenset({"js+django", "javascript+django", "js+jinja", "javascript+jinja"})
# Template labels that say the output is HTML (Django's templates are; ``jinja`` alone may render any text).
HTML_TEMPLATE = frozenset({"django", "htmldjango", "html+django", "html+jinja", "html+jinja2", "html+j2",
                           "html+django-jinja", "django-html", "jinja-html"})
# Pseudo-templates: HTML with placeholders of an engine (``<%= %>``, ``${...}``, ``$name``), read by the
# template view's ``pseudo`` dialect; JSP's ``<%= %>`` writes unescaped.
PSEUDO_TEMPLATE = frozenset({"erb", "html+erb", "rhtml", "eruby", "ejs", "html+ejs", "eex", "html+eex"})
JSP = frozenset({"jsp", "html+jsp", "jspx"})
PSEUDO_SYNTAX = re.compile(r"<%=|<\?=|\$\{[A-Za-z_][^{}\n]*\}|(?<![\w$\\])\$[A-Za-z_]\w*")
SCRIPT_ELEMENT = re.compile(r"<script\b", re.IGNORECASE)  # an HTML block whose scripts the JavaScript view reads
HTML_START = re.compile(r"^<(?:!DOCTYPE|html|head|body|div|span|p|a|form|input|script|img|ul|li|table|section|button|"
                        r"textarea|iframe|select|label|h[1-6])\b", re.IGNORECASE)
# Markup labels whose blocks are templates when they hold template syntax.
MARKUP = frozenset({"html", "htm", "xhtml", "xml", "html5"})
EXPRESSION_OR_TAG = re.compile(r"\{[{%]")  # what markup must hold, closed, to be read as a template
# Go templates (Hugo) and Handlebars/Mustache share ``{{ }}`` but escape by context or differently.
OTHER_TEMPLATES = re.compile(r"\{\{-?\s*(?:[.$#/>{!^]|(?:end|range|define|template|partial|with|else)\b)")
# Labels that carry no language, where docsec sniffs the content instead.
UNKNOWN = frozenset({"", "none", "guess", "code"})
# Labels that say "this is not code": only language-independent rules run, unless the content is
# unmistakably a console transcript, a Python session or a list of commands (see :func:`sniff_plain`).
PLAIN = frozenset({"text", "txt", "plain", "plaintext"})
# Program output: never sniffed, only language-independent rules (a secret printed is still published).
OUTPUT = frozenset({"output", "log"})
# Documents shown as source (a README in a README): not run, but a secret in one is still a secret.
DOCUMENT = frozenset({"rst", "restructuredtext", "md", "markdown", "myst"})
# Programming languages docsec reads with the language-independent rules only: their ``name = value``
# lines are code (``privateKey: existingPrivateKey`` names a variable), not settings.
OTHER_CODE = frozenset({
    "js", "javascript", "jsx", "mjs", "cjs", "ts", "typescript", "tsx", "java", "kotlin", "kt", "scala", "groovy",
    "c", "h", "cpp", "c++", "cc", "cs", "csharp", "c#", "go", "golang", "rust", "rs", "php", "ruby", "rb", "swift",
    "objective-c", "objc", "dart", "lua", "perl", "pl", "r", "julia", "haskell", "hs", "elixir", "erlang", "clojure",
    "vb", "vbnet", "fsharp", "f#", "zig", "nim", "ocaml", "matlab", "vue", "svelte", "coffeescript", "coffee",
})
# Labels whose content is never code a reader runs, nor a place for a secret: tracebacks, coloured output.
NOT_CODE = frozenset({"pytb", "py3tb", "myst-ansi", "ansi"})

KNOWN = frozenset().union(PYTHON, PYCON, SHELL, CONSOLE, DOCKERFILE, YAML, JAVASCRIPT, TYPESCRIPT, TSX, SQL, JAVA,
                          CSHARP, PHP, GO, RUBY, TEMPLATE, TEMPLATE_SCRIPT, MARKUP, UNKNOWN - {""}, PLAIN, OUTPUT,
                          DOCUMENT, OTHER_CODE, NOT_CODE)

PROMPT_LINE = re.compile(r"^\s*(?:\(\S+\)\s*)?(?:[\w.-]+@[\w.-]+(?::\S*)?\s*)?[$%#>]\s")
PYCON_LINE = re.compile(r"^\s*>>>(?:\s|$)")
IPYTHON_PROMPT = re.compile(r"^\s*In\s*\[\d*\]:(?:\s|$)")
# First words that make an unlabelled block a shell script: commands whose
# name is not also the start of a Python statement.
SHELL_START = re.compile(
    r"^(?:sudo|curl|wget|apt|apt-get|yum|dnf|apk|brew|pip|pip3|pipx|uv|conda|mamba|npm|npx|yarn|pnpm|docker|"
    r"podman|kubectl|helm|git|chmod|chown|mkdir|cd|export|source|ssh|scp|rsync|jupyter|flask|uvicorn|gunicorn|"
    r"celery|streamlit|make|cargo|go|gem|bundle|systemctl|service|openssl|gpg|tar|unzip|ln|cp|mv|rm|ls|cat|echo|"
    r"iex|irm|iwr|invoke-webrequest|invoke-restmethod|set-executionpolicy|python|python3|py|node|npx|twistd|voila|"
    r"dask|dask-scheduler|dask-worker|mlflow|tensorboard|redis-server|mongod|psql|mysql|ngrok|setx|set)"
    r"(?=\s|$)(?!\s*[=(.,\[:]|\s+(?:=|in|is|and|or|if)\s)"
)
POWERSHELL_ENV_LINE = re.compile(r"^\$env:\w+\s*=", re.IGNORECASE)  # PowerShell: $env:API_KEY = "..."
# First lines that only JavaScript or SQL can start with (Python parses none of them).
JAVASCRIPT_START = re.compile(
    r"^(?:(?:const|let|var)\s+[\w$]+\s*=\s*(?:require\(|await\s|new\s|async\s|\(|\{|\[|[\w$.]+\()"
    r"|(?:const|let|var)\s+\{[\w$,\s:]*\}\s*=\s*require\("
    r"|import\s+(?:[\w$]+|\*\s+as\s+[\w$]+|\{[\w$,\s]*\})\s+from\s+[\x27\x22]"
    r"|(?:export\s+)?(?:async\s+)?function\s*\*?\s*[\w$]*\s*\(.*\)\s*\{)"
)
SQL_START = re.compile(
    r"^(?:SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s"
    r"|CREATE\s+(?:OR\s+REPLACE\s+)?(?:TABLE|USER|ROLE|INDEX|UNIQUE\s+INDEX|DATABASE|VIEW|SCHEMA|EXTENSION)\s"
    r"|ALTER\s+(?:TABLE|USER|ROLE|DATABASE)\s|GRANT\s|REVOKE\s|DROP\s+(?:TABLE|USER|ROLE|DATABASE|INDEX)\s)"
)
# Configuration labels whose content tells which configuration it is (see :func:`sniff_config`).
CONFIG = frozenset({"conf", "config", "cfg", "ini", "cnf", "dosini"})
SYSTEMD_SECTION = re.compile(r"^\[(?:Unit|Service|Install|Socket|Timer|Mount|Path)\]$")
APACHE_START = re.compile(r"^<(?:VirtualHost|Directory|Location|IfModule|Files|FilesMatch|DirectoryMatch|Proxy)\b",
                          re.IGNORECASE)
NGINX_START = re.compile(r"^(?:(?:server|http|upstream|events|stream)\s*\{|location\s+[^{;]*\{"
                         r"|(?:listen|server_name|proxy_pass|ssl_protocols|ssl_ciphers|root|autoindex|add_header)\s[^;{]*;)")
NGINX_BLOCK = re.compile(r"^(?:server|http|events|stream|upstream\s+[\w.-]+|location\s+[^{;]*)\s*\{$")
# First lines that only Rust, HCL (Terraform) or PowerShell can start with.
RUST_START = re.compile(r"^(?:use\s+(?:std|crate|super|self|[a-z_]+)::|(?:pub\s+)?(?:async\s+)?fn\s+\w+\s*[<(]"
                        r"|let\s+(?:mut\s+)?\w+\s*(?::\s*[\w<>&\[\]]+\s*)?=\s*[\w&\"(\[]*.*;$|#\[derive\(|impl\b.*\{$)")
HCL_START = re.compile(r"^(?:(?:resource|data)\s+\"[\w-]+\"\s+\"[\w-]+\"\s*\{|(?:provider|variable|output|module)\s+"
                       r"\"[\w-]+\"\s*\{|terraform\s*\{|locals\s*\{)")
POWERSHELL_START = re.compile(r"^(?:\$[\w:]+\s*=\s*(?:\[|New-Object\b|Get-|Invoke-|\(|@\{|\$)|(?:Get|Set|New|Remove|Invoke|"
                              r"Import|Install|Add|Start|Stop|Write|ConvertTo|ConvertFrom|Test|Enable|Disable)-[A-Z]\w+\b)")
YAML_START = re.compile(r"^(?:apiVersion|kind|services|version|spec|metadata|volumes|containers):(?:\s|$)")


# Characters that show nothing: zero-width spaces and joiners, the word joiner, the byte order mark, the soft
# hyphen and other format characters a label may hide (``py\u200bthon``); NFKC keeps them.
INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]")
# Letters that look like the ASCII letters of a label in common fonts (Cyrillic, Greek, Armenian, Latin
# small capitals and IPA), each mapped to the letter it imitates; a label that reads as a known one once
# they are mapped is a look-alike.
LOOK_ALIKES = str.maketrans({
    "а": "a", "с": "c", "ԁ": "d", "е": "e", "һ": "h", "і": "i", "ј": "j", "ӏ": "l", "м": "m", "о": "o",
    "р": "p", "ԛ": "q", "ѕ": "s", "т": "t", "ս": "u", "ԝ": "w", "х": "x", "у": "y", "ɡ": "g", "ո": "n",
    "ν": "v", "ο": "o", "α": "a", "ρ": "p", "τ": "t", "ι": "i", "κ": "k", "υ": "u", "ε": "e", "η": "n",
    "ʏ": "y", "ɪ": "i", "ʜ": "h", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ᴛ": "t", "ʟ": "l", "ꜱ": "s", "ᴄ": "c",
    "ı": "i", "ℎ": "h", "ⅼ": "l",
})


def normalise_label(label: str | None) -> str:
    """The first word of a label, lower-cased; a label that is not ASCII is read in its NFKC form with its
    invisible characters dropped (``py\u200bthon`` is ``python``, fullwidth ``ｐｙｔｈｏｎ`` too) and, when
    that reads as a known label once look-alike letters are mapped (Cyrillic ``о`` in ``pythоn``), as
    that label."""
    text = (label or "").strip()
    if not text:
        return ""
    if not text.isascii():
        text = _as_known(text) or text
    return text.lower().split()[0] if text.strip() else ""


def code_cell_label(label: str | None) -> str:
    """The label a notebook code cell is read with: its kernel's language (``pygments_lexer``, the kernel's
    ``language``), except that a kernel said to speak plain text (``text``, ``none``, ...) runs code all the
    same: such a cell is unlabelled, and its content is sniffed."""
    name = normalise_label(label)
    return "" if name in PLAIN or name in UNKNOWN else (label or "")


def _as_known(label: str) -> Optional[str]:
    """The known label a non-ASCII ``label`` spells with invisible, compatibility or look-alike characters."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", label)).strip()
    words = text.lower().split()
    if not words:
        return None
    first = words[0]
    if first in KNOWN:
        return text
    alike = first.translate(LOOK_ALIKES)
    return alike + text[len(first):] if alike in KNOWN else None


def unusual_label(label: str | None) -> Optional[str]:
    """The known label a label spells with invisible, compatibility or look-alike characters (a highlighter
    or a reader's tool may not read it as that language, docsec does), or None for an ordinary label."""
    if not label or label.isascii():
        return None
    known = _as_known(label.strip())
    return known.lower().split()[0] if known else None


def language_kind(label: str | None, text: str = "") -> str:
    """Return ``python``, ``pycon``, ``shell``, ``console``, ``dockerfile``,
    ``yaml``, ``template``, ``template-script``, ``javascript``, ``typescript``,
    ``tsx``, ``sql``, ``java``, ``csharp``, ``php``, ``go``, ``ruby``, ``rust``, ``html`` (with scripts),
    ``hcl``, ``powershell``, ``nginx``, ``apache``, ``caddy``, ``systemd``, ``text``
    or ``skip`` for a block's label and content."""
    name = normalise_label(label)
    if name in TEMPLATE:
        return "template"
    if name in TEMPLATE_SCRIPT:
        return "template-script"
    if name in PSEUDO_TEMPLATE:
        return "pseudo-template"
    if name in JSP:
        return "jsp"
    if name in MARKUP:
        django_or_jinja = _has_template_syntax(text) and ("{%" in text or not OTHER_TEMPLATES.search(text))
        if django_or_jinja:
            return "template"
        if PSEUDO_SYNTAX.search(text):
            return "pseudo-template"
        return "html" if name != "xml" and SCRIPT_ELEMENT.search(text) else "text"
    for kind, names in (
        ("python", PYTHON), ("pycon", PYCON), ("shell", SHELL), ("console", CONSOLE),
        ("dockerfile", DOCKERFILE), ("yaml", YAML), ("javascript", JAVASCRIPT), ("typescript", TYPESCRIPT),
        ("tsx", TSX), ("sql", SQL), ("java", JAVA), ("csharp", CSHARP), ("php", PHP), ("go", GO), ("ruby", RUBY),
        ("rust", RUST), ("hcl", HCL), ("powershell", POWERSHELL), ("nginx", NGINX), ("apache", APACHE),
        ("caddy", CADDY), ("systemd", SYSTEMD),
    ):
        if name in names:
            if kind == "python" and _looks_like_pycon(text):
                return "pycon"
            return kind
    if name in NOT_CODE:
        return "skip"
    if name in CONFIG:
        return sniff_config(text)
    if name in PLAIN:
        return sniff_plain(text)
    if name in UNKNOWN or name.startswith("default"):
        return sniff(text)
    return "text"


def sniff_config(text: str) -> str:
    """The kind of a block labelled ``conf``, ``ini`` or ``cfg``: an nginx or Apache configuration, a
    systemd unit, or text (settings read line by line)."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        if SYSTEMD_SECTION.match(stripped):
            return "systemd"
        if APACHE_START.match(stripped):
            return "apache"
        if NGINX_START.match(stripped):
            return "nginx"
        return "text"
    return "text"
def _has_template_syntax(text: str) -> bool:
    """A closed ``{{ ... }}`` or ``{% ... %}``, looked for in linear time."""
    if "{" not in text:
        return False
    return next(construct_spans(text, EXPRESSION_OR_TAG), None) is not None


def _looks_like_pycon(text: str) -> bool:
    if ">>>" not in text:
        return False  # (a prompt line holds one)
    for line in text.splitlines():
        if line.strip():
            return bool(PYCON_LINE.match(line))
    return False


def sniff_plain(text: str) -> str:
    """The kind of a block labelled ``text``: a ``>>>`` or ``In [1]:`` session, a console transcript whose
    prompts start commands, or lines that each start with a command; else text.  Conservative: prose,
    output and directory trees stay text."""
    from .shell import PROMPT  # (the shell view's prompt forms: $, %, #, PS C:\>, C:\>, user@host:~$)

    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        return "text"
    first = lines[0]
    if PYCON_LINE.match(first) or first.lstrip().startswith("In [") and IPYTHON_PROMPT.match(first):
        return "pycon"
    for line in lines:
        prompt = PROMPT.match(line)
        command = line[prompt.end():].strip() if prompt else ""
        if prompt and (SHELL_START.match(command) or POWERSHELL_ENV_LINE.match(command)) \
                and not line.lstrip().startswith("# "):
            return "console"
    commands = [bool(SHELL_START.match(line.strip()) or POWERSHELL_ENV_LINE.match(line.strip())) for line in lines]
    if len(lines) <= 20 and any(commands) and all(c or line.lstrip().startswith("#") for c, line in zip(commands, lines)):
        return "shell"
    return "text"


def _is_json_document(text: str) -> bool:
    """The whole block is one JSON object or array (read with :mod:`json`: data, nothing run) that uses
    JSON's own literals, or holds nothing a Python dict would not (then Python reads it as well)."""
    if len(text) > 200_000 or not re.search(r"\b(?:true|false|null)\b", text):
        return False
    import json

    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return False
    return isinstance(value, (dict, list))


def sniff(text: str) -> str:
    """Guess the kind of an unlabelled block from its first meaningful line."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if PYCON_LINE.match(line):
            return "pycon"
        if PROMPT_LINE.match(line) and not stripped.startswith("# "):
            return "console"
        if re.match(r"^(FROM|RUN|ARG)\s", stripped):
            return "dockerfile"
        if stripped.startswith("#!") and re.search(r"\b(?:ba|z|k|da)?sh\b", stripped):
            return "shell"
        if SHELL_START.match(stripped) or POWERSHELL_ENV_LINE.match(stripped):
            return "shell"
        if YAML_START.match(stripped):
            return "yaml"
        if stripped[:1] in "{[" and _is_json_document(text):
            return "yaml"  # JSON (YAML 1.2), not a Python dict: ``true``/``null`` are its literals
        if JAVASCRIPT_START.match(stripped):
            return "javascript"
        if HCL_START.match(stripped):
            return "hcl"
        if RUST_START.match(stripped):
            return "rust"
        if POWERSHELL_START.match(stripped):
            return "powershell"
        if SYSTEMD_SECTION.match(stripped):
            return "systemd"
        if APACHE_START.match(stripped):
            return "apache"
        if NGINX_BLOCK.match(stripped):
            return "nginx"
        if SQL_START.match(stripped):
            return "sql"
        if HTML_START.match(stripped):
            if PSEUDO_SYNTAX.search(text):
                return "pseudo-template"
            return "html" if SCRIPT_ELEMENT.search(text) else "python-or-text"
        return "python-or-text"
    return "text"
