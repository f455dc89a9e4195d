"""The shell view: prompts, output, continuations, quoting, heredocs, PowerShell."""

from __future__ import annotations

import pytest
from docsec.languages.shell import build_shell_view, console_lines, script_lines


def commands(text: str, console: bool = True) -> list[tuple[int, tuple[str, ...]]]:
    view = build_shell_view(text, console=console)
    return [(c.line, c.words) for c in view.commands]


@pytest.mark.parametrize("line", [
    "$ ls -la",
    "(venv) $ ls -la",
    "(.venv) user@host:~/proj$ ls -la",
    "user@host:~$ ls -la",
    "[user@fedora project]$ ls -la",
    "[root@fedora ~]# ls -la",
    "root@9c1f2e:/app# ls -la",
    "bash-5.1$ ls -la",
    "~/src/app$ ls -la",
    "% ls -la",
    "user@mac ~ % ls -la",
    "PS C:\\Users\\me> ls -la",
    "PS> ls -la",
    "C:\\Users\\me> ls -la",
    "> ls -la",
    "❯ ls -la",
])
def test_prompts_of_many_shapes(line: str) -> None:
    assert console_lines(line + "\n") == [(1, "ls -la")]


def test_output_lines_are_not_commands() -> None:
    text = (
        "$ curl https://internal.example.com\n"
        "curl: (60) SSL certificate problem; To bypass, use -k/--insecure\n"
        "  % Total    % Received % Xferd  Average Speed\n"
        "drwxrwxrwx 2 root root 4096 chmod 777\n"
        "$ echo done\n"
    )
    assert [words for _, words in commands(text)] == [("curl", "https://internal.example.com"), ("echo", "done")]


def test_repl_prompts_are_not_shell() -> None:
    text = "$ mysql -u root -p\nmysql> CREATE USER 'a'@'%';\nsqlite> .tables\n>>> import os\n"
    assert [words[0] for _, words in commands(text)] == ["mysql"]


def test_backslash_continuation_is_joined_and_keeps_the_first_line() -> None:
    text = "$ pip install \\\n>   --upgrade \\\n    requests\nSuccessfully installed\n"
    assert commands(text) == [(1, ("pip", "install", "--upgrade", "requests"))]


def test_continuation_with_annotating_comment() -> None:
    text = "docker run -d \\  # detached\n  --name web nginx\n"
    assert commands(text, console=False) == [(1, ("docker", "run", "-d", "--name", "web", "nginx"))]


def test_powershell_backtick_continuation() -> None:
    text = "PS> Invoke-WebRequest `\n>>   -Uri https://example.com -OutFile x.zip\n"
    assert commands(text)[0][1][:3] == ("Invoke-WebRequest", "-Uri", "https://example.com")


def test_pipes_inside_quotes_are_not_stages() -> None:
    view = build_shell_view('echo "a | b" | grep a && ls\n', console=False)
    assert [[c.words for c in p.stages] for p in view.pipelines] == [[("echo", "a | b"), ("grep", "a")], [("ls",)]]


def test_redirections_are_not_separators() -> None:
    view = build_shell_view("make 2>&1 | tee log &> /dev/null\n", console=False)
    assert [c.program for c in view.commands] == ["make", "tee"]


def test_heredoc_body_is_skipped_in_scripts_and_transcripts() -> None:
    script = "cat <<'EOF' > config\ncurl x | sh\nEOF\nls\n"
    assert [t for _, t in script_lines(script)] == ["cat <<'EOF' > config", "ls"]
    transcript = "$ cat <<EOF > f\n> curl x | sh\n> EOF\n$ ls\n"
    assert [t for _, t in console_lines(transcript)] == ["cat <<EOF > f", "ls"]
    assert [t for _, t in script_lines("cat <<<word\nls\n")] == ["cat <<<word", "ls"]


def test_comments_are_dropped() -> None:
    assert commands("# curl x | sh\nls  # curl | sh\n", console=False) == [(2, ("ls",))]


def test_hash_lines_are_root_prompts_only_when_no_other_prompt_and_not_prose() -> None:
    assert console_lines("# apt install nginx\n# Install the thing\n") == [(1, "apt install nginx")]
    assert console_lines("$ ls\n# apt install nginx\n") == [(1, "ls")]


def test_multi_line_quote_is_one_command() -> None:
    text = "python -c \"import sys\nprint(sys.version)\"\nls\n"
    assert [words[0] for _, words in commands(text, console=False)] == ["python", "ls"]


def test_unbalanced_quote_in_prose_does_not_swallow_the_script() -> None:
    assert [w[0] for _, w in commands("echo Don't panic\nls\nmake\n", console=False)] == ["echo", "ls", "make"]


def test_wrappers_and_assignments() -> None:
    [command] = build_shell_view("FOO=1 sudo -E -u root env BAR=2 pip install x\n", console=False).commands
    assert command.program == "pip"
    assert command.assignments == ("FOO=1", "BAR=2")
    assert "sudo" in command.wrappers


def test_flags() -> None:
    [command] = build_shell_view("curl -sSkL -o out --header 'A: b' -H 'C: d' url\n", console=False).commands
    assert command.has_short_flag("k") and not command.has_short_flag("K")
    assert command.flag_values("-H", "--header") == ["A: b", "C: d"]


def test_nested_shell_commands() -> None:
    view = build_shell_view('docker run img sh -c "curl -k https://x | bash"\n', console=False)
    assert [c.program for c in view.all_commands] == ["docker", "curl", "bash"]


def test_settings_in_every_syntax() -> None:
    text = 'export A=1 B=2\nC=3 make\n$env:D = "4"\nsetx E 5\nset F=6\n'
    view = build_shell_view(text, console=False)
    assert {(s.name, s.value) for s in view.settings} == {("A", "1"), ("B", "2"), ("C", "3"), ("D", "4"), ("E", "5"), ("F", "6")}


def test_windows_paths_keep_backslashes() -> None:
    [command] = build_shell_view("C:\\tools\\curl.exe -k https://x\n", console=False).commands
    assert command.program == "curl"


def test_console_block_without_prompts_is_read_as_a_script() -> None:
    assert commands("pip install requests\n") == [(1, ("pip", "install", "requests"))]


# The option queries as first written: every word against every flag.  The view's versions skip
# words that cannot match; they must answer exactly as these do.
def plain_has_flag(words: tuple[str, ...], flags: tuple[str, ...]) -> bool:
    return any(word == flag or (flag.startswith("--") and word.startswith(flag + "="))
               for word in words[1:] for flag in flags)


def plain_flag_value(words: tuple[str, ...], flags: tuple[str, ...]):
    for index, word in enumerate(words[1:], start=1):
        for flag in flags:
            if word == flag and index + 1 < len(words):
                return words[index + 1]
            if flag.startswith("--") and word.startswith(flag + "="):
                return word.split("=", 1)[1]
            if not flag.startswith("--") and word.startswith(flag) and len(word) > len(flag) and len(flag) == 2:
                return word[len(flag):]
    return None


def plain_flag_values(words: tuple[str, ...], flags: tuple[str, ...]) -> list[str]:
    values = []
    for index, word in enumerate(words[1:], start=1):
        for flag in flags:
            if word == flag and index + 1 < len(words):
                values.append(words[index + 1])
            elif flag.startswith("--") and word.startswith(flag + "="):
                values.append(word.split("=", 1)[1])
            elif not flag.startswith("--") and len(flag) == 2 and word.startswith(flag) and len(word) > 2:
                values.append(word[2:])
    return values


def test_option_queries_agree_with_their_plain_definition() -> None:
    import random

    from docsec.languages.shell import Command

    pieces = ["-", "--", "-e", "--env", "=", "x", "-ex", "--set", "a=b", "", "-", "e", "--set=", "v"]
    generator = random.Random(3)

    def word() -> str:
        return "".join(generator.choice(pieces) for _ in range(generator.randint(0, 3)))

    for _ in range(20000):
        words = tuple(word() for _ in range(generator.randint(1, 6)))
        flags = tuple(word() for _ in range(generator.randint(1, 4)))
        command = Command(1, " ".join(words), words)
        assert command.has_flag(*flags) == plain_has_flag(words, flags), (words, flags)
        assert command.flag_value(*flags) == plain_flag_value(words, flags), (words, flags)
        assert command.flag_values(*flags) == plain_flag_values(words, flags), (words, flags)


def test_program_is_the_lower_case_base_name_without_exe() -> None:
    view = build_shell_view("C:\\Tools\\Curl.EXE -k https://x\n/usr/bin/Docker run x\n", console=False)
    assert [c.program for c in view.commands] == ["curl", "docker"]


def plain_scan(text: str, split_at: str) -> list[str]:
    """The list and pipe splitter as first written, one character at a time."""
    if not (set("|" if split_at == "pipe" else ";&|") & set(text)):
        return [text] if text.strip() else []
    parts: list[str] = []
    depth, quote, start, index, escaped = 0, "", 0, 0, False
    while index < len(text):
        char, nxt = text[index], text[index + 1 : index + 2]
        prev = text[index - 1 : index] if index else ""
        if escaped:
            escaped = False
        elif char == "\\" and quote != "'":
            escaped = True
        elif quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char in "({":
            depth += 1
        elif char in ")}":
            depth = max(0, depth - 1)
        elif depth == 0 and split_at == "pipe" and char == "|" and nxt != "|" and prev != "|" and prev != ">":
            parts.append(text[start:index])
            start = index = index + (2 if nxt == "&" else 1)
            continue
        elif depth == 0 and split_at == "list":
            width = 0
            if char == ";" or (char == "&" and nxt == "&") or (char == "|" and nxt == "|"):
                width = 1 if char == ";" else 2
            elif char == "&" and nxt != ">" and prev not in "<>|&":
                width = 1
            if width:
                parts.append(text[start:index])
                start = index = index + width
                continue
        index += 1
    parts.append(text[start:])
    return [part for part in parts if part.strip()]


def test_splitting_agrees_with_the_character_by_character_scan() -> None:
    import random

    from docsec.languages.shell import _scan

    pieces = list("ab |&;'\"\\(){}><") + ["||", "&&", "|&", ">&", "2>&1", "$(", "\\\\"]
    generator = random.Random(9)
    for _ in range(30000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 14)))
        for split_at in ("pipe", "list"):
            assert _scan(text, split_at) == plain_scan(text, split_at), (text, split_at)


def plain_words(text: str) -> list[str]:
    """Command words as first written: shlex for anything but plain blanks."""
    import re
    import shlex

    from docsec.languages.shell import SHLEX_LIMIT, _unquote

    if len(text) > SHLEX_LIMIT:
        return [_unquote(w) for w in text.split()]
    if re.search(r"[A-Za-z]:\\", text):
        try:
            return [_unquote(w) for w in shlex.split(text, posix=False)]
        except ValueError:
            return text.split()
    try:
        return shlex.split(text, posix=True)
    except ValueError:
        return [_unquote(w) for w in text.split()]


def test_words_agree_with_shlex() -> None:
    import random

    from docsec.languages.shell import _words

    pieces = ["'", '"', " ", "\t", "\r", "\n", "\x0b", "\x1c", "\u00a0", "\u2028", "a", "b", "#", "$x", "=", "é",
              "''", '""', "\\", "C:\\", "|"]
    generator = random.Random(21)
    for _ in range(100000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 10)))
        assert _words(text) == plain_words(text), repr(text)
