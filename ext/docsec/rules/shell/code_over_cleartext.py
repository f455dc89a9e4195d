"""## What it does
Finds code installed over protocols that neither encrypt nor authenticate
the server: ``pip install git+git://...``, ``git+http://...``, ``hg+http://``,
``svn+svn://``, ``svn+http://`` and ``bzr+http://`` sources, package archives
fetched by an ``http://`` URL (``pip install http://host/pkg-1.0.zip``), the
same sources on requirements-file lines (``-e svn+http://...#egg=pkg``,
``pkg @ hg+http://...``; also
through ``uv``, ``pipx``, ``poetry``, ``pipenv``), signing keys and repository definitions fetched over ``http://`` and trusted
(``curl http://.../Release.key | apt-key add -``, ``rpm --import http://...``,
``yum-config-manager --add-repo http://...``, a ``.repo`` file downloaded into
``/etc/yum.repos.d``), and npm, Yarn or pnpm registries
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
from typing import Iterator, Optional, Union

from ...languages.shell import Command, ShellView
from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

CLEARTEXT_URL = re.compile(r"^(?:(?:git|hg|svn|bzr)\+)?(git|http|svn|bzr)://(?:[^/\s@]*@)?([^/\s:@]+(?::\d+)?)(?:/|$)",
                           re.IGNORECASE)
# A package archive fetched by URL (not an index: pip ignores an http:// index it is not told to trust).
ARCHIVE = re.compile(r"\.(?:tar\.gz|tgz|tar\.bz2|tar\.xz|zip|whl)(?:[#?].*)?$", re.IGNORECASE)
# A requirements-file line with a VCS or archive source: ``-e svn+http://...#egg=x``, ``pkg @ hg+http://...``.
REQUIREMENT_SOURCE = re.compile(r"^\s*(?:(?:-e|--editable)\s+|[A-Za-z0-9][\w.\-\[\], ]*@\s*)?(?P<url>"
                                r"(?:(?:git|hg|svn|bzr)\+)?(?:git|http|svn|bzr)://\S+)\s*(?:#.*)?$", re.IGNORECASE)
LOCAL_HOSTS = re.compile(r"^(?:localhost|127(?:\.\d+){3}|\[::1\]|::1)(?::\d+)?$", re.IGNORECASE)
GIT_FETCHING = frozenset({"clone", "fetch", "pull", "submodule", "remote"})
PIP = re.compile(r"^(?:pip[0-9.]*|uv|pipx|poetry|pdm|pipenv)$")
PYTHON = re.compile(r"^(?:python[0-9.]*|py|pypy[0-9.]*)$")
VCS_URL = re.compile(r"^(?:git\+|svn\+|hg\+|bzr\+|git://|svn://|bzr://)", re.IGNORECASE)


@rule(
    id="DSS016",
    symbol="code-over-cleartext",
    title="Code installed over git:// or plain HTTP",
    severity="medium",
    cwe=494,
    languages=("shell", "text"),
    equivalent="none",
    message="fetches code over a protocol that does not authenticate the server; use https:// (or ssh)",
    use_instead="git clone https://github.com/org/repo.git; pip install git+https://...",
    triggers=("git://", "http://", "svn://"),  # (a registry, a key or a repository over http:// holds http://)
)
def check(shell: Union[ShellView, TextView]) -> Iterator[Hit]:
    if isinstance(shell, TextView):  # a requirements file: one source per line
        yield from _requirement_lines(shell)
        return
    for command in shell.all_commands:
        found = _cleartext_source(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` fetches code over a protocol that neither encrypts nor "
                      "authenticates the server, so anyone on the network path can serve their own; use https://")
        trusted = _trust_over_cleartext(command)
        if trusted:
            yield Hit(command.line, 1, f"`{trusted}` fetches a signing key or a repository definition over plain "
                      "HTTP and trusts it: whoever is on the network path supplies their own key or repository, "
                      "and then the packages; fetch it over https:// (and check the key's fingerprint)")
    for pipeline in shell.all_pipelines:
        stages = pipeline.stages
        for fetch, trust in zip(stages, stages[1:]):
            url = _cleartext_download(fetch)
            if url and (trust.program == "apt-key" and "add" in trust.words or
                        trust.program in ("gpg", "gpg2") and "--import" in trust.words or
                        trust.program == "tee" and any(REPOSITORY_FILE.search(w) for w in trust.words)):
                yield Hit(pipeline.line, 1, f"`{fetch.program} {url} | {trust.program} ...` trusts a key or repository "
                          "fetched over plain HTTP: whoever is on the network path supplies their own; use https:// "
                          "and check the key's fingerprint")


REGISTRY_TOOLS = frozenset({"npm", "yarn", "pnpm", "bun"})
# Where package managers read repositories and keys from: a file fetched into one of them is trusted.
REPOSITORY_FILE = re.compile(r"^/etc/(?:yum\.repos\.d|apt/sources\.list(?:\.d)?|apt/trusted\.gpg\.d|apt/keyrings"
                             r"|zypp/repos\.d|pki/rpm-gpg)/|^/usr/share/keyrings/")
DOWNLOADERS = frozenset({"curl", "wget"})


def _cleartext_download(command: Command) -> Optional[str]:
    if command.program not in DOWNLOADERS:
        return None
    for word in command.words[1:]:
        match = CLEARTEXT_URL.match(word)
        if match and match.group(1).lower() == "http" and not LOCAL_HOSTS.match(match.group(2)):
            return word
    return None


def _trust_over_cleartext(command: Command) -> Optional[str]:
    """``apt-key adv --fetch-keys http://...``, ``rpm --import http://...``, ``yum-config-manager --add-repo http://...``,
    ``wget http://.../x.repo -O /etc/yum.repos.d/x.repo``."""
    words, program = command.words, command.program
    urls = [w for w in words[1:] if (m := CLEARTEXT_URL.match(w.split("=", 1)[-1])) and m.group(1).lower() == "http"
            and not LOCAL_HOSTS.match(m.group(2))]
    if not urls:
        return None
    if program == "apt-key" and "--fetch-keys" in words or program == "rpm" and "--import" in words or \
            program in ("gpg", "gpg2") and "--fetch-keys" in words:
        return f"{program} ... {urls[0]}"
    if program in ("yum-config-manager", "dnf", "zypper") and ("--add-repo" in words or "addrepo" in words or
                                                                "ar" in words[1:2]) and not program == "zypper":
        return f"{program} --add-repo {urls[0]}"
    if program in DOWNLOADERS and any(REPOSITORY_FILE.search(w) for w in words[1:]):
        return f"{program} {urls[0]} -> {next(w for w in words[1:] if REPOSITORY_FILE.search(w))}"
    return None


def _cleartext_source(command: Command) -> Optional[str]:
    program, words = command.program, command.words
    if program in REGISTRY_TOOLS:  # ``npm config set registry http://...``, ``npm install --registry=http://...``
        for word in words[1:]:
            url = word.split("=", 1)[-1]
            match = CLEARTEXT_URL.match(url)
            if match and match.group(1).lower() == "http" and not LOCAL_HOSTS.match(match.group(2)) and (
                    "registry" in word or "registry" in words):
                return f"{program} ... registry {url}"
    fetching = PIP.match(program) and "install" in words[1:3] or PYTHON.match(program) and "pip" in words[1:3]
    if not fetching:
        return None
    for word in words[1:]:
        url = word.split("=", 1)[-1] if word.startswith("-") else word
        if " @ " in url or "@ " in url:  # a direct reference: ``"pkg @ hg+http://..."``
            url = url.split("@ ", 1)[1].strip()
        if not VCS_URL.match(url) and not (ARCHIVE.search(url) and not word.startswith("-")):
            continue  # pip's index URLs are DSS005's; its VCS sources and archive URLs are code fetched here
        match = CLEARTEXT_URL.match(url)
        if match and not LOCAL_HOSTS.match(match.group(2)):
            return f"{program} {command.subcommand or ''} {word}".replace("  ", " ")
    return None


def _requirement_lines(text: TextView) -> Iterator[Hit]:
    for number, line in enumerate(text.lines, start=1):
        match = REQUIREMENT_SOURCE.match(line)
        if not match:
            continue
        url = match.group("url")
        cleartext = CLEARTEXT_URL.match(url)
        if cleartext and not LOCAL_HOSTS.match(cleartext.group(2)) and (VCS_URL.match(url) or ARCHIVE.search(url)):
            yield Hit(number, 1, f"`{line.strip()[:80]}` fetches code over a protocol that neither encrypts nor "
                      "authenticates the server, so anyone on the network path can serve their own; use https://")
