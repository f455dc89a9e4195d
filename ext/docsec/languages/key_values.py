"""Settings: values given to named keys, read alike in every language.

A setting is a value given to a named key: a Python keyword argument, dict
entry or attribute assignment (``verify=False``, ``{"verify": False}``,
``cnopts.hostkeys = None``, ``app.config["WTF_CSRF_ENABLED"] = False``), a YAML
mapping entry or list item, a line of an INI, TOML, ``.env``, ``.npmrc`` or
properties file (or of a ``text`` block written that way), an environment
variable a shell sets, or a ``--name=value`` option.  Rules that judge a
setting by its name (TLS verification off, a secret written in, pickle
accepted, CSRF off) read them through :func:`settings_of`, so one table of
names and values covers every language; each view reads its own syntax with
its own parser (``ast``, the YAML composer, the shell reader).  Text blocks
hold no grammar, so their ``key = value`` and ``key: value`` lines are read
line by line, with ``[section]`` headers as context.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import Any, Iterator, Optional

from .credentials import words


class _NotLiteral:
    def __repr__(self) -> str:
        return "NOT_LITERAL"


NOT_LITERAL: Any = _NotLiteral()  # a value that is not a literal (a name, a call, an expression)
TRUE_WORDS = frozenset({"true", "yes", "on", "1", "y"})
FALSE_WORDS = frozenset({"false", "no", "off", "0", "n"})
NONE_WORDS = frozenset({"null", "none", "~", "nil"})
TEXT_SETTING = re.compile(  # ``key = value``, ``key: value``, ``"key": "value",`` (JSON), ``export KEY=value``
    r"^\s*(?:export\s+|set\s+|setx\s+)?[\"']?([A-Za-z_@][\w.\-@/]*(?:\[[^\]\n]*\])?)[\"']?\s*(=|:)\s*(.*?)\s*$")
SECTION = re.compile(r"^\s*\[([^\]\n]+)\]\s*$")
OPTION = re.compile(r"^--?([A-Za-z][\w.\-]*)=(.*)$", re.DOTALL)
LONG_OPTION = re.compile(r"^--[A-Za-z][\w.\-]*$")


@dataclass(frozen=True)
class KeyValue:
    key: str  # as written: ``verify_ssl``, ``rejectUnauthorized``, ``http.sslVerify``, ``WTF_CSRF_ENABLED``
    value: Any  # True, False, None, a number or a string for literals; NOT_LITERAL otherwise
    written: str  # the value as written, for messages
    line: int
    column: int = 1
    context: tuple[str, ...] = ()  # around it: the call it is passed to, the mapping path, the file section
    form: str = ""  # keyword, mapping, attribute, assignment, item, config, environment, option

    @property
    def normal(self) -> str:
        """The key's last part in lower-case letters and digits: ``ssl_verify``, ``sslVerify`` → ``sslverify``."""
        return normal_name(self.key)

    @property
    def words(self) -> list[str]:
        return words(self.key)


def normal_name(name: str) -> str:
    last = re.split(r"[.\[\]'\"/]+", name.strip(".[]'\"/"))[-1] if name else ""
    return re.sub(r"[^a-z0-9]", "", last.lower())


# Unquoted text that is not one literal: a call (``models.IntegerField()``), a dotted name
# (``settings.DB_PASSWORD``), a variable or command substitution (``$DB_PASSWORD``, ``$(cat f)``).
NOT_A_LITERAL = re.compile(r"^(?:[A-Za-z_][\w.]*\(.*\)|[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+|\$\{?\w+\}?|\$\(.*\)"
                           r"|\{.*\}|\[.*\])$")  # (and inline tables and arrays: ``{ env = "GH_TOKEN" }``)


def text_value(text: str) -> Any:
    """A literal written in a config file or YAML: booleans, null, numbers, else the unquoted string;
    NOT_LITERAL for unquoted code (a call, a dotted name, a variable)."""
    stripped = text.strip()
    if len(stripped) >= 2 and stripped[0] == stripped[-1] and stripped[0] in "'\"":
        return stripped[1:-1]
    if NOT_A_LITERAL.match(stripped):
        return NOT_LITERAL
    lower = stripped.lower()
    if lower in TRUE_WORDS:
        return True
    if lower in FALSE_WORDS:
        return False
    if lower in NONE_WORDS:
        return None
    try:
        return int(stripped)
    except ValueError:
        return stripped


def settings_of(view: object) -> list[KeyValue]:
    """The settings of a view of any kind (an empty list for a kind that holds none)."""
    cached = getattr(view, "__dict__", {}).get("_key_values")
    if cached is not None:
        return cached
    from .python import PythonView
    from .shell import ShellView
    from .text import TextView
    from .yaml import YamlView

    if isinstance(view, PythonView):
        found = list(_python(view))
    elif type(view).__name__ == "JavaScriptView":  # (not imported here: the grammar is an optional extra)
        found = list(_javascript(view))
    elif isinstance(view, YamlView):
        found = list(_yaml(view))
    elif isinstance(view, ShellView):
        found = list(_shell(view))
    elif isinstance(view, TextView) and view.kind == "text":
        found = list(_text(view.lines))
    elif isinstance(view, TextView) and view.kind == "code":  # code docsec has no view for: quoted literals only
        found = [setting for setting in _text(view.lines) if setting.written.strip()[:1] in ("'", '"')]
    else:
        found = []
    if hasattr(view, "__dict__"):
        view.__dict__["_key_values"] = found  # (frozen views: lazy_property writes __dict__ the same way)
    return found


# -- Python --------------------------------------------------------------------------------------------

def python_value(view: Any, node: Optional[ast.AST]) -> tuple[Any, str]:
    """(value, as written) of an expression: a literal's value, else NOT_LITERAL and its dotted name or text."""
    if isinstance(node, ast.Constant) and not isinstance(node.value, bytes):
        return node.value, repr(node.value)
    if isinstance(node, ast.Constant) and isinstance(node.value, bytes):
        return node.value.decode("latin-1"), repr(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and isinstance(node.operand.value, (int, float)):
        return -node.operand.value, f"-{node.operand.value}"
    if node is None:
        return NOT_LITERAL, ""
    name = view.qualname(node) if isinstance(node, (ast.Name, ast.Attribute)) else None
    return NOT_LITERAL, name or view.text_of(node)


# Calls that set one option named by a constant: ``curl.setopt(pycurl.SSL_VERIFYPEER, 0)``,
# ``ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)``.
SETTERS = frozenset({"setopt", "set_option", "setOption", "setopt_string"})
# A libpq connection string: ``"host=db.example.com dbname=app sslmode=disable"``.
DSN = re.compile(r"^\s*(?:\w+\s*=\s*(?:'[^']*'|\S+)\s+)+\w+\s*=\s*(?:'[^']*'|\S+)\s*$")
DSN_PAIR = re.compile(r"(\w+)\s*=\s*('[^']*'|\S+)")
DSN_KEYS = frozenset({"host", "hostaddr", "dbname", "port", "user", "sslmode"})


def _python(view: Any) -> Iterator[KeyValue]:
    for call in view.calls:
        if call.short in SETTERS and len(call.node.args) == 2 and isinstance(call.node.args[0], (ast.Name, ast.Attribute)):
            option, given = call.node.args
            value, written = python_value(view, given)
            key = option.attr if isinstance(option, ast.Attribute) else option.id  # type: ignore[union-attr]
            yield KeyValue(key, value, written, given.lineno, view.column(given), (call.name,), "setter")
        for keyword in call.node.keywords:
            if keyword.arg:
                value, written = python_value(view, keyword.value)
                yield KeyValue(keyword.arg, value, written, keyword.value.lineno, view.column(keyword.value),
                               (call.name,), "keyword")
    for node in view.nodes_of(ast.Constant):
        text = node.value  # type: ignore[attr-defined]
        if isinstance(text, str) and "://" in text and "?" in text:  # "postgresql://db/app?sslmode=disable"
            for setting in url_query_settings(text):
                yield KeyValue(setting.key, setting.value, setting.written, node.lineno + setting.line - 1,
                               view.column(node), setting.context, "query")
        if isinstance(text, str) and "=" in text and len(text) < 400 and DSN.match(text):
            pairs = DSN_PAIR.findall(text)
            if {key.lower() for key, _ in pairs} & DSN_KEYS:
                for key, raw in pairs:
                    yield KeyValue(key, text_value(raw), raw, node.lineno, view.column(node), (), "dsn")
    for node in view.nodes_of(ast.Dict):
        for key, item in zip(node.keys, node.values):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                value, written = python_value(view, item)
                yield KeyValue(key.value, value, written, item.lineno, view.column(item), (), "mapping")
                if isinstance(item, (ast.List, ast.Tuple, ast.Set)):
                    yield from _python_items(view, key.value, item)
    for node in view.nodes_of(ast.Assign, ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if node.value is None:
            continue
        for target in targets:
            name = _target(view, target)
            if name is None:
                continue
            key, context, form = name
            value, written = python_value(view, node.value)
            yield KeyValue(key, value, written, node.value.lineno, view.column(node.value), context, form)
            if isinstance(node.value, (ast.List, ast.Tuple, ast.Set)):
                yield from _python_items(view, key, node.value)


def _python_items(view: Any, key: str, node: ast.AST) -> Iterator[KeyValue]:
    for element in getattr(node, "elts", []):
        value, written = python_value(view, element)
        yield KeyValue(key, value, written, getattr(element, "lineno", 1), view.column(element), (), "item")


def _target(view: Any, target: ast.AST) -> Optional[tuple[str, tuple[str, ...], str]]:
    if isinstance(target, ast.Name):
        return target.id, (), "assignment"
    if isinstance(target, ast.Attribute):
        owner = view.qualname(target.value) or ""
        return target.attr, (owner,) if owner else (), "attribute"
    if isinstance(target, ast.Subscript) and isinstance(target.slice, ast.Constant) \
            and isinstance(target.slice.value, str):
        owner = view.qualname(target.value) or ""
        return target.slice.value, (owner,) if owner else (), "mapping"
    return None


# -- JavaScript and TypeScript ----------------------------------------------------------------------------

JS_SETTERS = frozenset({"set", "enable", "disable"})  # Express's ``app.set("trust proxy", true)``, ``app.enable(...)``


def javascript_value(view: Any, node: Any) -> tuple[Any, str]:
    """(value, as written) of a JavaScript expression: a literal's value, else NOT_LITERAL and its text."""
    from .javascript import _unwrapped

    node = _unwrapped(node)
    written = view.text_of(node, 120)
    text = view.string_value(node)
    if text is not None:
        return text, written
    if node.type in ("true", "false"):
        return node.type == "true", written
    if node.type in ("null", "undefined"):
        return None, written
    if node.type == "number":
        try:
            return int(written, 0) if written.isdigit() or written.lower().startswith(("0x", "0o", "0b")) \
                else float(written), written
        except ValueError:
            return NOT_LITERAL, written
    return NOT_LITERAL, written


def _javascript(view: Any) -> Iterator[KeyValue]:
    """Object properties (``{ rejectUnauthorized: false }``), member and variable assignments
    (``app.proxy = true``, ``process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0"``) and Express's setters
    (``app.set("trust proxy", true)``, ``app.enable("trust proxy")``), read from the tree-sitter tree."""
    for key, value, pair in view.properties:
        if key:
            literal, written = javascript_value(view, value)
            yield KeyValue(key, literal, written, view.line(value), view.column(value), _js_path(view, pair),
                           "mapping")
    for name, values in view.assignments.items():
        owner, _, key = name.rpartition(".")
        form = "environment" if owner == "process.env" else "attribute" if owner else "assignment"
        for value in values:
            if value.type == "augmented_assignment_expression":
                continue
            literal, written = javascript_value(view, value)
            yield KeyValue(key, literal, written, view.line(value), view.column(value), (owner,) if owner else (),
                           form)
    for call in view.calls:
        if call.short not in JS_SETTERS or not call.arguments:
            continue
        key = view.string_value(call.arguments[0])
        if not key:
            continue
        if call.short == "set" and len(call.arguments) == 2:
            literal, written = javascript_value(view, call.arguments[1])
        else:
            literal, written = call.short == "enable", "true" if call.short == "enable" else "false"
        yield KeyValue(key, literal, written, view.line(call.node), view.column(call.node), (call.written,), "setter")


def _js_path(view: Any, pair: Any) -> tuple[str, ...]:
    """What an object property sits in, outermost first: the keys of the objects around it, the variable it
    is assigned to or the call it is passed to (``("https.Agent",)``, ``("config", "ssl")``), and the
    object's own place, so that two objects of one block are never one mapping."""
    path: list[str] = []
    node = pair.parent
    own = f"@{node.start_byte}" if node is not None else ""
    while node is not None and len(path) < 8:
        parent = node.parent
        if parent is None:
            break
        if parent.type == "pair":
            key = parent.child_by_field_name("key")
            path.append(view.tree.text(key).strip("'\"") if key is not None else "")
        elif parent.type == "variable_declarator":
            name = parent.child_by_field_name("name")
            path.append(view.tree.text(name) if name is not None else "")
            break
        elif parent.type == "arguments" and parent.parent is not None:
            callee = parent.parent.child_by_field_name("function") or parent.parent.child_by_field_name("constructor")
            path.append(view.text_of(callee, 60) if callee is not None else "")
            break
        node = parent
    return (*reversed(path), own)


# -- YAML, shell and text --------------------------------------------------------------------------------

def _yaml(view: Any) -> Iterator[KeyValue]:
    for entry in view.entries:
        if entry.key == "-":
            if len(entry.path) >= 2:
                yield KeyValue(entry.path[-2], text_value(entry.value), entry.value, entry.line, 1,
                               entry.path[:-2], "item")
        elif entry.is_scalar:
            yield KeyValue(entry.key, text_value(entry.value), entry.value, entry.line, 1, entry.path[:-1], "mapping")


def _shell(view: Any) -> Iterator[KeyValue]:
    for setting in view.settings:
        yield KeyValue(setting.name, text_value(setting.value), setting.value, setting.line, 1, (), "environment")
    for command in view.all_commands:
        words = command.words
        for index, word in enumerate(words[1:], start=1):
            match = OPTION.match(word)
            if match:
                yield KeyValue(match.group(1), text_value(match.group(2)), match.group(2), command.line, 1,
                               (command.program,), "option")
            elif LONG_OPTION.match(word) and index + 1 < len(words) and not words[index + 1].startswith("-"):
                value = words[index + 1]  # ``--name value``: the next word, when it is not an option
                yield KeyValue(word.lstrip("-"), text_value(value), value, command.line, 1, (command.program,),
                               "option")


def _text(lines: list[str]) -> Iterator[KeyValue]:
    section: tuple[str, ...] = ()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith(("#", ";", "//")):
            continue
        header = SECTION.match(line)
        if header:
            section = (header.group(1).strip(),)
            continue
        match = TEXT_SETTING.match(line)
        if match and not match.group(3).startswith(("=", "/")):  # not ``a == b``, not a URL's ``//``
            raw = re.sub(r"(?:^|\s+)[#;](?:\s.*)?$", "", match.group(3))  # a trailing comment (or only one)
            raw = raw.rstrip(",")  # (a JSON line's separator)
            yield KeyValue(match.group(1), text_value(raw), raw, number, 1, section, "config")


URL_WITH_QUERY = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s'\"<>`?]*\?[^\s'\"<>`]+", re.IGNORECASE)


def url_query_settings(text: str) -> list[KeyValue]:
    """The query parameters of the URLs written in ``text`` (``winrm://host?no_verify_ssl=true``,
    ``postgresql://db/app?sslmode=disable``), read with :func:`urllib.parse.parse_qsl`, in any block."""
    if "://" not in text or "?" not in text:
        return []
    from urllib.parse import parse_qsl, urlsplit

    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "://" not in line:
            continue
        for match in URL_WITH_QUERY.finditer(line):
            try:
                query = urlsplit(match.group(0)).query
            except ValueError:
                continue
            for key, value in parse_qsl(query, keep_blank_values=True):
                found.append(KeyValue(key, text_value(value), value, number, match.start() + 1,
                                      (match.group(0).split("?", 1)[0],), "query"))
    return found
