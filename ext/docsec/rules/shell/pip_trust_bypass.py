"""## What it does
Finds pip (also ``python -m pip``, ``uv pip``, ``uv``) told to skip the
checks that protect downloads: ``--trusted-host`` (which also turns off TLS
verification for that host), ``--index-url``/``-i``, ``--extra-index-url``
or ``--find-links``/``-f`` with a cleartext ``http://`` URL, ``uv
--allow-insecure-host``, ``pip config set global.trusted-host``, and the
variables ``PIP_TRUSTED_HOST``, ``PIP_INDEX_URL=http://...``.  It reads
``pip.conf``/``requirements.txt`` lines too (``trusted-host = ...``,
``--trusted-host ...``, ``--index-url http://...``).  Loopback hosts
(``localhost``, ``127.0.0.1``, a local devpi) are left alone.

## Why is this bad?
Packages are code that runs at install time.  Over cleartext HTTP, or with
certificate checks off, anyone on the network path can serve a different
package; the reader's machine runs it.

## Example
```console
$ pip install --trusted-host pypi.example.com -i http://pypi.example.com/simple mypkg
```

## Use instead
```console
$ pip install --index-url https://pypi.example.com/simple --cert corp-ca.pem mypkg
```

Pin hashes with ``--require-hashes`` where you can.

## References
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [pip: --trusted-host](https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-trusted-host)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional, Union

from ...languages.shell import Command, ShellView
from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

PIP = re.compile(r"^pip[0-9.]*$")
PYTHON = re.compile(r"^(?:python[0-9.]*|py|pypy[0-9.]*)$")
LOOPBACK = re.compile(r"^(?:https?://)?(?:[^@/]*@)?(?:localhost|127\.\d+\.\d+\.\d+|\[?::1\]?|0\.0\.0\.0)(?:[:/]|$)", re.I)
CLEARTEXT = re.compile(r"^http://", re.IGNORECASE)
URL_FLAGS = ("--index-url", "-i", "--extra-index-url", "--find-links", "-f", "--index", "--default-index")
CONFIG_TRUSTED_HOST = re.compile(r"^(?:global|install)\.trusted-host$")  # pip config set KEY VALUE
CONFIG_INDEX_URL = re.compile(r"^(?:global|install)\.(?:extra-)?index-url$")
CONFIG_LINE = re.compile(
    r"^\s*(?:--)?(?P<key>trusted[-_]host|(?:extra[-_])?index[-_]url|find[-_]links)\s*(?:=\s*|\s+)(?P<value>\S+)",
    re.IGNORECASE,
)


@rule(
    id="DSS005",
    symbol="pip-trust-bypass",
    title="pip told to trust a host or fetch packages over cleartext HTTP",
    severity="high",
    cwe=494,
    languages=("shell", "text"),
    equivalent="none",
    message="pip installs packages without transport security; use an https index and --cert for a private CA",
    use_instead="pip install --index-url https://pypi.example.com/simple --cert ca.pem PACKAGE",
    # what every report needs: a trusted-host flag, setting, config key or pip.conf line (`trusted`), uv's
    # --allow-insecure-host (`insecure`), or a cleartext URL (_insecure_url: a word starting with http://)
    triggers=("trusted", "insecure", "http://"),
)
def check(view: Union[ShellView, TextView]) -> Iterator[Hit]:
    if isinstance(view, TextView):
        yield from _config_lines(view)
        return
    for command in view.all_commands:
        if not _is_pip(command):
            continue
        found = _bypass(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` lets anyone on the network path serve the packages pip installs; "
                      "use an https index (with --cert for a private CA)")
    for setting in view.settings:
        name = setting.name.upper()
        if name == "PIP_TRUSTED_HOST" and setting.value and not _all_loopback(setting.value):
            yield Hit(setting.line, 1, f"`{setting.name}={setting.value}` turns off TLS checks for that package "
                      "index; use an https index with --cert instead")
        elif name in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "UV_INDEX_URL", "UV_EXTRA_INDEX_URL") and _insecure_url(setting.value):
            yield Hit(setting.line, 1, f"`{setting.name}={setting.value}` fetches packages over cleartext HTTP; "
                      "use https")


def _is_pip(command: Command) -> bool:
    program, words = command.program, command.words
    if PIP.match(program) or program in ("uv", "pipenv", "pip-compile", "pip-sync", "poetry"):
        return True
    return bool(PYTHON.match(program)) and any(a == "-m" and b == "pip" for a, b in zip(words, words[1:]))


def _bypass(command: Command) -> Optional[str]:
    for host in command.flag_values("--trusted-host", "--allow-insecure-host"):
        if not _all_loopback(host):
            return f"--trusted-host {host}" if command.has_flag("--trusted-host") else f"--allow-insecure-host {host}"
    for url in command.flag_values(*URL_FLAGS):
        if _insecure_url(url):
            return f"--index-url {url}"
    words = command.words
    for key, value in zip(words, words[1:]):
        if CONFIG_TRUSTED_HOST.match(key) and not _all_loopback(value):
            return f"pip config set {key} {value}"
        if CONFIG_INDEX_URL.match(key) and _insecure_url(value):
            return f"pip config set {key} {value}"
    return None


def _insecure_url(url: str) -> bool:
    return any(CLEARTEXT.match(part) and not LOOPBACK.match(part) for part in url.split())


def _all_loopback(hosts: str) -> bool:
    return all(LOOPBACK.match(host) for host in hosts.replace(",", " ").split())


def _config_lines(view: TextView) -> Iterator[Hit]:
    """``pip.conf`` / ``requirements.txt`` lines: ``trusted-host = x``, ``--index-url http://x``."""
    lines = view.lines
    for number, line in enumerate(lines, start=1):
        match = CONFIG_LINE.match(line)
        if not match:
            continue
        continued = number > 1 and lines[number - 2].rstrip().endswith(("\\", "`"))
        if continued or line.rstrip().endswith("\\"):  # a shell command's continuation line
            continue
        key, value = match.group("key").lower().replace("_", "-"), match.group("value")
        if key == "trusted-host" and not _all_loopback(value):
            yield Hit(number, 1, f"`trusted-host = {value}` turns off TLS checks for that package index; "
                      "use an https index with `cert = ca.pem`")
        elif key != "trusted-host" and _insecure_url(value):
            yield Hit(number, 1, f"`{key} = {value}` fetches packages over cleartext HTTP; use https")
