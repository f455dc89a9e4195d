"""The shell view of a block: commands with their words, pipelines and lines.

Console transcripts are reduced to the commands the reader types: prompts
are removed (``$``, ``(venv) $``, ``user@host:~$``, ``[user@host dir]$``,
``%``, ``#`` for root, ``PS C:\\>``, ``C:\\>``), output lines dropped, heredoc
bodies skipped, and backslash (or PowerShell backtick) continuations and
unclosed quotes joined.  Each command line is split, outside quotes and
substitutions, into lists (``;``, ``&&``, ``||``, ``&``) and pipeline stages
(``|``); each stage into argument words with :mod:`shlex`, falling back to
whitespace when quoting is unbalanced.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

from .lazy import lazy_property

PROMPT = re.compile(
    r"^\s*(?:\([\w.\-@:/ ]{1,64}\)\s*)?"  # (venv), (.venv), (base)
    r"(?:"
    r"(?:\[[^\]\n]{1,80}\]|[\w.\-]{1,64}@[\w.\-]{1,64}(?::[^\s$#%>]{0,120})?(?:\s+[^\s$#%>]{1,120})?|~[^\s$#]{0,120}"
    r"|(?=[\w.\-/]{0,120}[A-Za-z])[\w.\-/]{1,120})?"
    r"\s*(?:[$❯➜λ]|#(?=\s))"  # user@host:~$, [root@host ~]#, ~/dir$, bash-5.1$, $
    r"|[\w.\-]{1,64}@[\w.\-]{1,64}(?:\s+[^\s%]{1,120})?\s*%|%"  # zsh: host%, user@host ~ %, %
    r"|PS(?: [^>\n]*)?>|>{1,2}"  # PowerShell: PS C:\>, PS>, bare >
    r"|[A-Za-z]:\\[^>\n]*>"  # cmd.exe: C:\Users\me>
    r")\s"
)
PATH_SEPARATOR = re.compile(r"[/\\]")
SHORT_FLAGS = re.compile(r"^-[A-Za-z]*$")  # -k, -sSkL
ENDS_WITH_OPERATOR = re.compile(r"(?:\|\||&&|\|)\s*$")
CONTINUATION_PROMPT = re.compile(r"^\s*>>?\s")
SEPARATORS = re.compile(r"\s*(?:&&|\|\||;|&(?!>))\s*")
WRAPPERS = frozenset({
    "sudo", "env", "exec", "time", "nohup", "command", "doas", "nice", "builtin", "stdbuf", "ionice",
    "if", "then", "else", "elif", "while", "until", "do", "!", "{", "(",
})
WRAPPER_OPTIONS_WITH_VALUE = frozenset({"-u", "-g", "-n", "-C", "-D", "-p", "-r", "-t", "-U", "-h", "-c", "-o", "-e"})
ASSIGNMENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*=")
QUOTE_LOOKAHEAD = 15
MAX_JOINED_LINES = 200  # continuation lines joined into one command, at most
HEREDOC = re.compile(r"(?<!<)<<(?!<)-?\s*(['\"]?)([\w.\-]+)\1")
# A ``# text`` line of a transcript that reads as prose, not a root prompt.
PROSE_AFTER_HASH = re.compile(
    r"^\s*#\s+(?:[A-Z][a-z']|(?:the|this|that|these|then|now|next|first|note|see|for|on|in|to|if|and|or|a|an|we|you|"
    r"your|it|create|check|optional|optionally|use|set|add|download|start|run|install|e\.g\.|i\.e\.|todo|fixme|"
    r"step|as|with|without|from|replace|change|edit|update|verify|do|don't|never|always|only|must|should)\b)"
    r"|^\s*#.*[a-z]:\s*$"
)
REPL_PROMPT = re.compile(r"^\s*(?:mysql|mariadb|sqlite|redis[\w.:\-]*|mongo|irb[^>]*|\w+=[#>]|In \[\d*\]:)\s*>")


@dataclass(frozen=True)
class Command:
    """One simple command: ``words[0]`` is the program (after ``sudo``/``env``)."""

    line: int
    text: str
    words: tuple[str, ...]
    assignments: tuple[str, ...] = ()
    wrappers: tuple[str, ...] = ()

    @lazy_property  # frozen dataclass: lazy_property writes __dict__ directly
    def program(self) -> str:
        if not self.words:
            return ""
        name = _base_name(self.words[0]).lower()
        return name[:-4] if name.endswith(".exe") else name

    @property
    def arguments(self) -> tuple[str, ...]:
        return self.words[1:]

    @property
    def subcommand(self) -> str:
        """The first argument that is not an option (``install`` in ``pip -q install x``)."""
        for word in self.words[1:]:
            if not word.startswith("-"):
                return word
        return ""

    def has_flag(self, *flags: str) -> bool:
        wanted = set(flags)
        for word in self.words[1:]:
            if word not in wanted and "=" not in word:
                continue  # (it can only be a flag, or start with a flag and "=")
            for flag in flags:
                if word == flag or (flag.startswith("--") and word.startswith(flag + "=")):
                    return True
        return False

    def has_short_flag(self, letter: str) -> bool:
        """True for ``-k`` and for ``-k`` combined with other letters, as in ``-sSkL``."""
        return any(SHORT_FLAGS.match(w) and letter in w[1:] for w in self.words[1:])

    def flag_value(self, *flags: str) -> Optional[str]:
        words = self.words
        wanted = set(flags)
        for index, word in enumerate(words[1:], start=1):
            if word not in wanted and word[:2] not in wanted and "=" not in word:
                continue  # (it can only be a flag, a two-letter flag with its value, or start with a flag and "=")
            for flag in flags:
                if word == flag and index + 1 < len(words):
                    return words[index + 1]
                if flag.startswith("--") and word.startswith(flag + "="):
                    return word.split("=", 1)[1]
                if not flag.startswith("--") and word.startswith(flag) and len(word) > len(flag) and len(flag) == 2:
                    return word[len(flag):]
        return None

    def flag_values(self, *flags: str) -> list[str]:
        """Every value given to any of ``flags`` (``-o A -o B`` → ``[A, B]``)."""
        values = []
        words = self.words
        wanted = set(flags)
        for index, word in enumerate(words[1:], start=1):
            if word not in wanted and word[:2] not in wanted and "=" not in word:
                continue  # (it can only be a flag, a two-letter flag with its value, or start with a flag and "=")
            for flag in flags:
                if word == flag and index + 1 < len(words):
                    values.append(words[index + 1])
                elif flag.startswith("--") and word.startswith(flag + "="):
                    values.append(word.split("=", 1)[1])
                elif not flag.startswith("--") and len(flag) == 2 and word.startswith(flag) and len(word) > 2:
                    values.append(word[2:])
        return values

    def environment(self) -> dict[str, str]:
        """``VAR=value`` prefixes (including ``env VAR=value``) as a mapping."""
        return dict(a.split("=", 1) for a in self.assignments)


@dataclass(frozen=True)
class Pipeline:
    line: int
    text: str
    stages: tuple[Command, ...]


@dataclass(frozen=True)
class Setting:
    """An environment variable set by a command line: ``export NAME=value``, ``NAME=value cmd``,
    ``set NAME=value`` (cmd.exe), ``setx NAME value`` or ``$env:NAME = "value"`` (PowerShell)."""

    line: int
    name: str
    value: str


@dataclass
class ShellView:
    """Logical command lines of a shell block, each with its block line number."""

    logical_lines: list[tuple[int, str]]

    @lazy_property
    def pipelines(self) -> list[Pipeline]:
        found = []
        for number, text in self.logical_lines:
            for part in split_lists(_strip_comment(text)):
                stages = tuple(c for c in (_command(number, s) for s in _split_pipes(part)) if c)
                if stages:
                    found.append(Pipeline(number, part.strip(), stages))
        return found

    @lazy_property
    def commands(self) -> list[Command]:
        return [stage for pipeline in self.pipelines for stage in pipeline.stages]

    def commands_named(self, *programs: str) -> Iterator[Command]:
        wanted = set(programs)
        return (c for c in self.commands if c.program in wanted)

    @property
    def lines(self) -> list[tuple[int, str]]:
        return self.logical_lines

    @lazy_property
    def all_pipelines(self) -> list[Pipeline]:
        """Pipelines, plus those inside ``sh -c "..."`` / ``powershell -Command "..."`` arguments."""
        found: list[Pipeline] = []
        _nested_pipelines(self.pipelines, found, depth=0)
        return found

    @lazy_property
    def all_commands(self) -> list[Command]:
        return [stage for pipeline in self.all_pipelines for stage in pipeline.stages]

    @lazy_property
    def settings(self) -> list[Setting]:
        """Environment variables the block sets, in every syntax the view knows."""
        found: list[Setting] = []
        for command in self.all_commands:
            for assignment in command.assignments:
                name, value = assignment.split("=", 1)
                found.append(Setting(command.line, name, value))
            program = command.program
            if program in SETTING_PROGRAMS:
                for word in command.words[1:]:
                    if ASSIGNMENT.match(word):
                        name, value = word.split("=", 1)
                        found.append(Setting(command.line, name, value))
            elif program == "setx" and len(command.words) >= 3:
                found.append(Setting(command.line, command.words[1], command.words[2]))
            if program == "set" and len(command.words) >= 4 and FISH_EXPORT.match(command.words[1]):
                found.append(Setting(command.line, command.words[2], command.words[3]))  # fish: set -gx NAME value
        for number, text in self.code_lines:
            for match in POWERSHELL_ENV.finditer(text):
                found.append(Setting(number, match.group(1), match.group(3)))
        return found

    @lazy_property
    def embedded_python(self) -> list[tuple[int, str]]:
        """The code of ``python -c CODE`` commands (``python3``, ``py``, ``pypy3``), at their line: a
        one-liner in a shell block is Python the rules read."""
        found = []
        for command in self.all_commands:
            if PYTHON_PROGRAM.match(command.program):
                code = command.flag_value("-c")
                if code and code.strip():
                    found.append((command.line, code))
        return found

    @lazy_property
    def code_lines(self) -> list[tuple[int, str]]:
        """Logical lines without their trailing comments."""
        return [(number, _strip_comment(text)) for number, text in self.logical_lines]


SPLIT_CHARACTERS = {"pipe": frozenset("|"), "list": frozenset(";&|")}
SCAN_EVENTS = re.compile(r"[\\'\"(){}|;&]")  # the characters _scan reacts to
# Text without quotes, backslashes or blanks other than space, tab, CR and LF: shlex.split()
# and str.split() give the same words.
PLAIN_WORDS = re.compile(r"[^'\"\\\x0b\x0c\x1c-\x1f\x80-\U0010ffff]*\Z")
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ash", "ksh", "su", "powershell", "pwsh", "cmd", "fish", "busybox"})
COMMAND_OPTION = re.compile(r"^(?:-[a-zA-Z]*c|-Command|-command|/[cC]|-EncodedCommand)$")
SETTING_PROGRAMS = frozenset({"export", "declare", "typeset", "local", "readonly", "set", "setenv"})
PYTHON_PROGRAM = re.compile(r"^(?:python(?:\d(?:\.\d+)?)?|py|pypy3?)(?:\.exe)?$")
FISH_EXPORT = re.compile(r"^-[gUlx]*x[gUlx]*$")  # fish's ``set -x``, ``set -gx``, ``set -Ux``
POWERSHELL_ENV = re.compile(r"\$env:([A-Za-z_]\w*)\s*=\s*(['\"]?)([^'\"]*)\2", re.IGNORECASE)


def _nested_pipelines(pipelines: list[Pipeline], found: list[Pipeline], depth: int) -> None:
    for pipeline in pipelines:
        found.append(pipeline)
        if depth >= 3:
            continue
        for command in pipeline.stages:
            words = command.words
            shell_seen = command.program in SHELLS
            for index, word in enumerate(words[:-1]):
                if index and _base_name(word).lower() in SHELLS:
                    shell_seen = True
                elif shell_seen and COMMAND_OPTION.match(word) and word != "-EncodedCommand":
                    inner = ShellView([(command.line, words[index + 1])]).pipelines
                    _nested_pipelines(inner, found, depth + 1)
                    break


def _base_name(word: str) -> str:
    """What follows the last ``/`` or ``\\`` (the program name in ``/bin/sh``)."""
    return PATH_SEPARATOR.split(word)[-1] if "/" in word or "\\" in word else word


def _strip_comment(text: str) -> str:
    """Drop a trailing ``# comment`` that is outside quotes."""
    if "#" not in text:
        return text
    quote = ""
    escaped = False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or text[index - 1] in " \t;"):
            return text[:index]
    return text


def _scan(text: str, split_at: str) -> list[str]:
    """Split ``text`` at top-level ``|`` (pipes) or list operators, outside quotes and ``$( )``.

    Only the characters in :data:`SCAN_EVENTS` change the scanner's state, so it
    visits those and steps over the rest."""
    if not (SPLIT_CHARACTERS[split_at] & set(text)):  # nothing to split at: the text is one part
        return [text] if text.strip() else []
    parts: list[str] = []
    depth, quote, start, resume = 0, "", 0, 0  # characters before ``resume`` are escaped or split off
    for event in SCAN_EVENTS.finditer(text):
        index = event.start()
        if index < resume:
            continue
        char = text[index]
        if char == "\\" and quote != "'":
            resume = index + 2  # the next character is escaped
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "({":
            depth += 1
        elif char in ")}":
            depth = max(0, depth - 1)
        elif depth == 0:
            width = _split_width(text, index, char, split_at)
            if width:
                parts.append(text[start:index])
                start = resume = index + width
    parts.append(text[start:])
    return [part for part in parts if part.strip()]


def _split_width(text: str, index: int, char: str, split_at: str) -> int:
    """How many characters the operator at ``index`` takes when the text splits there, else 0."""
    nxt = text[index + 1 : index + 2]
    prev = text[index - 1 : index] if index else ""
    if split_at == "pipe":
        if char == "|" and nxt != "|" and prev != "|" and prev != ">":
            return 2 if nxt == "&" else 1  # ``|&`` pipes stderr too
        return 0
    if char == ";" or (char == "&" and nxt == "&") or (char == "|" and nxt == "|"):
        return 1 if char == ";" else 2
    if char == "&" and nxt != ">" and prev not in "<>|&":
        return 1
    return 0


def split_lists(text: str) -> list[str]:
    """Split a command line at ``;``, ``&&``, ``||`` and background ``&`` outside quotes."""
    return _scan(text, "list")


def _split_pipes(text: str) -> list[str]:
    return _scan(text, "pipe")


# shlex builds each token by string concatenation, which turns quadratic on one
# huge token; no real command line is this long, so longer ones split at blanks.
SHLEX_LIMIT = 20_000
# Without backslashes, shlex.split() (POSIX) reads a word as a run of characters other than
# its blanks (space, tab, CR, LF) and quoted stretches (to the next same quote, blanks
# included), and drops the quotes; a quote without its mate raises.  A quote without its mate
# is the only thing QUOTED_WORD matches alone.
QUOTED_WORD = re.compile(r"""(?:[^ \t\r\n'"]+|'[^']*'|"[^"]*")+|['"]""")
QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")


def _words(text: str) -> list[str]:
    if PLAIN_WORDS.match(text):  # nothing shlex would treat specially: it splits at blanks only
        return text.split()
    if len(text) > SHLEX_LIMIT:
        return [_unquote(w) for w in text.split()]
    if "\\" not in text:  # quotes but no escapes: shlex's words without shlex
        words = QUOTED_WORD.findall(text)
        if "'" in words or '"' in words:  # a quote without its mate: shlex gives up, as below
            return [_unquote(w) for w in text.split()]
        return [QUOTED.sub(r"\1\2", word) if "'" in word or '"' in word else word for word in words]
    if re.search(r"[A-Za-z]:\\", text):  # Windows paths: keep backslashes
        try:
            return [_unquote(w) for w in shlex.split(text, posix=False)]
        except ValueError:
            return text.split()
    try:
        return shlex.split(text, posix=True)
    except ValueError:
        return [_unquote(w) for w in text.split()]


def _unquote(word: str) -> str:
    if len(word) >= 2 and word[0] == word[-1] and word[0] in "'\"":
        return word[1:-1]
    return word


def _command(line: int, text: str) -> Optional[Command]:
    words = _words(text.strip())
    assignments: list[str] = []
    wrappers: list[str] = []
    while words:
        if ASSIGNMENT.match(words[0]):
            assignments.append(words.pop(0))
        elif words[0].rsplit("/", 1)[-1] in WRAPPERS:
            wrapper = words.pop(0).rsplit("/", 1)[-1]
            wrappers.append(wrapper)
            while words and (words[0].startswith("-") or ASSIGNMENT.match(words[0])):
                option = words.pop(0)
                if ASSIGNMENT.match(option):
                    assignments.append(option)
                elif option in WRAPPER_OPTIONS_WITH_VALUE and wrapper in ("sudo", "env", "nice", "doas", "ionice") and words:
                    words.pop(0)
        else:
            break
    if not words and not assignments:
        return None
    return Command(line, text.strip(), tuple(words), tuple(assignments), tuple(wrappers))


def console_lines(text: str) -> list[tuple[int, str]]:
    """Commands typed at a prompt, with continuation lines joined.

    Lines without a prompt are output and dropped.  ``# text`` lines are root
    prompts only in transcripts that show no other prompt and when the text
    does not read as prose.  Heredoc bodies are skipped.
    """
    lines = text.splitlines()
    other_prompt = any(_prompt(line) and not line.lstrip().startswith("#") for line in lines)
    numbered: list[tuple[int, str]] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = _prompt(line)
        if not match or (line.lstrip().startswith("#") and (other_prompt or PROSE_AFTER_HASH.match(line))):
            index += 1
            continue
        start = index
        command = line[match.end():]
        while index + 1 < len(lines) and index - start < MAX_JOINED_LINES:
            stripped = command.rstrip()
            head = _continued(command)
            if head is not None:
                index += 1
                command = head + " " + _strip_continuation_prompt(lines[index])
            elif _ends_with_operator(stripped):
                index += 1
                command = stripped + " " + _strip_continuation_prompt(lines[index])
            elif _unclosed_quote(command):
                end = _quote_closes(command, [_strip_continuation_prompt(x) for x in lines[index + 1 : index + 1 + QUOTE_LOOKAHEAD]])
                if end is None:
                    break
                command = "\n".join([command] + [_strip_continuation_prompt(x) for x in lines[index + 1 : index + 1 + end]])
                index += end
            else:
                break
        index += 1
        heredoc = HEREDOC.search(_strip_comment(command)) if "<<" in command else None
        if heredoc:
            while index < len(lines) and _strip_continuation_prompt(lines[index]).strip() != heredoc.group(2):
                index += 1
            index += 1
        if command.strip():
            numbered.append((start + 1, command))
    return numbered


def _prompt(line: str) -> Optional[re.Match]:
    if REPL_PROMPT.match(line):
        return None
    match = PROMPT.match(line)
    if match and line[:1].isspace() and match.group(0).strip() == "%":
        return None  # "  % Total  % Received": curl's progress header
    return match


def _ends_with_operator(text: str) -> bool:
    return bool(ENDS_WITH_OPERATOR.search(text)) and not _unclosed_quote(text)


def _unclosed_quote(text: str) -> bool:
    if "'" not in text and '"' not in text:
        return False
    quote, escaped = "", False
    for char in _strip_comment(text):
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
    return bool(quote)


def _continued(line: str) -> Optional[str]:
    """The line without its continuation mark when it continues on the next line, else None.

    A backslash (or PowerShell backtick) at the end continues the line, also
    when documentation annotates it with a trailing ``# comment``.
    """
    for text in (line.rstrip(), _strip_comment(line).rstrip()):
        if text.endswith("\\") and not text.endswith("\\\\"):
            return text[:-1]
        if text.endswith(" `") or (text.endswith("`") and text.count("`") % 2 == 1):
            return text[:-1]
    return None


def _quote_closes(first: str, following: list[str]) -> Optional[int]:
    """How many of the ``following`` lines close the quote ``first`` opens, or None."""
    text = first
    for count, line in enumerate(following, start=1):
        text = text + "\n" + line
        if not _unclosed_quote(text):
            return count
    return None


def _strip_continuation_prompt(line: str) -> str:
    return CONTINUATION_PROMPT.sub("", line).strip()


def script_lines(text: str | Iterable[tuple[int, str]]) -> list[tuple[int, str]]:
    """Every line of a script, continuations joined, comments and heredoc bodies dropped."""
    numbered = list(enumerate(text.splitlines(), start=1)) if isinstance(text, str) else list(text)
    joined: list[tuple[int, str]] = []
    heredoc_end: Optional[str] = None
    pending: Optional[tuple[int, str]] = None
    skip_until = -1
    joined_count = 0
    for position, (number, line) in enumerate(numbered):
        if position <= skip_until:
            continue
        if heredoc_end is not None:
            if line.strip() == heredoc_end:
                heredoc_end = None
            continue
        if pending is not None:
            start, so_far = pending
            line_text = so_far + " " + line.strip()
            number = start
            joined_count += 1
            if joined_count >= MAX_JOINED_LINES:  # a runaway continuation: end the command here
                joined.append((number, line_text.strip()))
                pending, joined_count = None, 0
                continue
        else:
            joined_count = 0
            line_text = line
        stripped = line_text.rstrip()
        head = _continued(line_text)
        if head is not None:
            pending = (number, head)
            continue
        if _ends_with_operator(stripped) and not stripped.lstrip().startswith("#"):
            pending = (number, stripped)
            continue
        if _unclosed_quote(line_text):
            ahead = [text for _, text in numbered[position + 1 : position + 1 + QUOTE_LOOKAHEAD]]
            end = _quote_closes(line_text, ahead)
            if end is not None:
                skip_until = position + end
                line_text = "\n".join([line_text] + ahead[:end])
        pending = None
        if line_text.strip().startswith("#") or not line_text.strip():
            continue
        heredoc = HEREDOC.search(_strip_comment(line_text)) if "<<" in line_text else None
        if heredoc:
            heredoc_end = heredoc.group(2)
        joined.append((number, line_text.strip()))
    if pending is not None:
        joined.append((pending[0], pending[1].strip()))
    return joined


def build_shell_view(text: str, console: bool) -> ShellView:
    if console:
        lines = console_lines(text)
        if lines or any(_prompt(line) for line in text.splitlines()):
            return ShellView(lines)
        # A "console" block without a single prompt: its lines are the commands.
    return ShellView(script_lines(text))
