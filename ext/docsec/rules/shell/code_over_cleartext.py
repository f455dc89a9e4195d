"""## What it does
Finds code installed over protocols that neither encrypt nor authenticate
the server: ``pip install git+git://...`` and ``git+http://...`` (also
through ``uv``, ``pipx``, ``poetry``, ``pipenv``), and npm, Yarn or pnpm registries
over ``http://`` (``npm config set registry http://registry.npmjs.org/``).
A ``git clone git://...`` of public source to read or contribute is left
alone: reviewers of real documentation do not count it.  Local and loopback URLs are left alone; package
indexes over HTTP are DSS005's.

## Why is this bad?
Whoever sits on the network path (a café Wi-Fi, a compromised router)
answers in the server's place and serves code of their choosing, which the
reader then builds, installs and runs.  ``git://`` has no authentication at
all, and GitHub stopped serving it in 2022: the line is also out of date.

## Example
```console
$ pip install git+git://github.com/pydata/patsy.git
$ npm config set registry http://registry.npmjs.org/
```

## Use instead
```console
$ pip install git+https://github.com/pydata/patsy.git
$ npm config set registry https://registry.npmjs.org/
```

## References
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [GitHub: improving Git protocol security](https://github.blog/2021-09-01-improving-git-protocol-security-github/)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

CLEARTEXT_URL = re.compile(r"^(?:git\+)?(git|http|svn)://([^/\s:@]+(?::\d+)?)(?:/|$)", re.IGNORECASE)
LOCAL_HOSTS = re.compile(r"^(?:localhost|127(?:\.\d+){3}|\[::1\]|::1)(?::\d+)?$", re.IGNORECASE)
GIT_FETCHING = frozenset({"clone", "fetch", "pull", "submodule", "remote"})
PIP = re.compile(r"^(?:pip[0-9.]*|uv|pipx|poetry|pdm|pipenv)$")
VCS_URL = re.compile(r"^(?:git\+|svn\+|hg\+|bzr\+|git://)", re.IGNORECASE)


@rule(
    id="DSS016",
    symbol="code-over-cleartext",
    title="Code installed over git:// or plain HTTP",
    severity="medium",
    cwe=494,
    languages=("shell",),
    equivalent="none",
    message="fetches code over a protocol that does not authenticate the server; use https:// (or ssh)",
    use_instead="git clone https://github.com/org/repo.git; pip install git+https://...",
    triggers=("git://", "http://", "svn://"),  # (a registry over http:// holds http://)
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        found = _cleartext_source(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` fetches code over a protocol that neither encrypts nor "
                      "authenticates the server, so anyone on the network path can serve their own; use https://")


REGISTRY_TOOLS = frozenset({"npm", "yarn", "pnpm", "bun"})


def _cleartext_source(command: Command) -> Optional[str]:
    program, words = command.program, command.words
    if program in REGISTRY_TOOLS:  # ``npm config set registry http://...``, ``npm install --registry=http://...``
        for word in words[1:]:
            url = word.split("=", 1)[-1]
            match = CLEARTEXT_URL.match(url)
            if match and match.group(1).lower() == "http" and not LOCAL_HOSTS.match(match.group(2)) and (
                    "registry" in word or "registry" in words):
                return f"{program} ... registry {url}"
    fetching = PIP.match(program) and "install" in words[1:3] or program == "python" and "pip" in words[1:3]
    if not fetching:
        return None
    for word in words[1:]:
        url = word.split("=", 1)[-1] if word.startswith("-") else word
        if not VCS_URL.match(url):
            continue  # pip's index URLs are DSS005's; only its VCS sources are code fetched here
        match = CLEARTEXT_URL.match(url)
        if match and not LOCAL_HOSTS.match(match.group(2)):
            return f"{program} {command.subcommand or ''} {word}".replace("  ", " ")
    return None
