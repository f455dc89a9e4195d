"""## What it does
Finds ``python -m http.server`` run without ``--bind`` (``-b``) to a
loopback address, and ``--bind 0.0.0.0`` / ``::``.

## Why is this bad?
``http.server`` listens on every interface by default and serves the whole
current directory, including dotfiles, keys and ``.git``, to anyone on the
network.  The Python documentation says it is not recommended for
production: it implements only basic security checks.

## Example
```console
$ python3 -m http.server 8000
```

## Use instead
```console
$ python3 -m http.server 8000 --bind 127.0.0.1 --directory ./public
```

## References
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
- [CWE-200: Exposure of Sensitive Information](https://cwe.mitre.org/data/definitions/200.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

PYTHON = re.compile(r"^(python[0-9.]*|py|pypy[0-9.]*|uv|pipx)$")
LOOPBACK = re.compile(r"^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$")


@rule(
    id="DSS003",
    symbol="http-server-public",
    title="python -m http.server listening on all interfaces",
    severity="medium",
    cwe=1327,
    languages=("shell",),
    message="`python -m http.server` listens on all interfaces and serves the current directory; add --bind 127.0.0.1",
    use_instead="python3 -m http.server --bind 127.0.0.1",
    # the module words _runs_http_server looks for
    triggers=("http.server", "simplehttpserver"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.commands:
        if _runs_http_server(command):
            bind = command.flag_value("--bind", "-b")
            if bind is None:
                yield Hit(command.line, 1, "`python -m http.server` without --bind listens on all interfaces and "
                          "serves the current directory; add --bind 127.0.0.1")
            elif not LOOPBACK.match(bind):
                yield Hit(command.line, 1, f"`python -m http.server --bind {bind}` is reachable from the network; "
                          "use --bind 127.0.0.1")


def _runs_http_server(command: Command) -> bool:
    words = command.words
    if not PYTHON.match(command.program):
        return False
    for index, word in enumerate(words[:-1]):
        if word == "-m" and words[index + 1] in ("http.server", "SimpleHTTPServer"):
            return True
    return any(word.startswith("-mhttp.server") for word in words)
