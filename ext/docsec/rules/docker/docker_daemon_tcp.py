"""## What it does
Finds the Docker daemon told to listen on a TCP port of a network interface
without TLS client authentication: ``dockerd -H tcp://0.0.0.0:2375``
(also ``--host=``), ``"hosts": ["tcp://0.0.0.0:2375"]`` in
``daemon.json``, and ``ExecStart=... dockerd -H tcp://...`` or
``DOCKER_OPTS="-H tcp://..."`` in service files, unless ``--tlsverify``
(``"tlsverify": true``) is set.  Listening on ``127.0.0.1`` or a Unix
socket is not reported.

## Why is this bad?
The Docker API has no other access control: whoever reaches the port can
start a privileged container that mounts the host's disk, which is root on
the host.  Port 2375 is scanned continuously on the internet and open
daemons are taken over for crypto-mining within hours.

## Example
```console
$ sudo dockerd -H unix:///var/run/docker.sock -H tcp://0.0.0.0:2375
```

## Use instead
```console
$ sudo dockerd -H unix:///var/run/docker.sock -H tcp://0.0.0.0:2376 \
    --tlsverify --tlscacert=ca.pem --tlscert=server-cert.pem --tlskey=server-key.pem
```
Or keep the Unix socket only and reach remote hosts with
``DOCKER_HOST=ssh://user@host``.

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [Docker: Protect the Docker daemon socket](https://docs.docker.com/engine/security/protect-access/)
"""

from __future__ import annotations

import re
from typing import Iterator, Union

from ...languages.shell import ShellView
from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

TCP = re.compile(r"tcp://(\[[^\]]*\]|[^:/\s\"',\]]*)(?::(\d+))?", re.IGNORECASE)
LOOPBACK = re.compile(r"^(?:127\.\d+\.\d+\.\d+|localhost|\[::1\])$", re.IGNORECASE)
HOSTS_KEY = re.compile(r"[\"']hosts[\"']\s*:\s*\[([^\]]*)", re.IGNORECASE)
SERVICE_LINE = re.compile(r"^\s*(?:ExecStart\s*=.*\bdockerd\b|DOCKER_OPTS\s*=)(.*)$", re.IGNORECASE)
TLS_VERIFY = re.compile(r"--tlsverify(?!=false)|[\"']tlsverify[\"']\s*:\s*true", re.IGNORECASE)


@rule(
    id="DSD005",
    symbol="docker-daemon-tcp-unauthenticated",
    title="Docker daemon listening on TCP without TLS authentication",
    severity="critical",
    cwe=306,
    languages=("shell", "text"),
    triggers=("tcp",),
    equivalent="none (CIS Docker Benchmark 2.6)",
    message="the Docker API is reachable over the network without authentication, which gives root on the host; "
            "use --tlsverify with client certificates, or ssh://",
    use_instead="dockerd --tlsverify --tlscacert=ca.pem ... -H tcp://0.0.0.0:2376, or DOCKER_HOST=ssh://user@host",
)
def check(view: Union[ShellView, TextView]) -> Iterator[Hit]:
    if isinstance(view, ShellView):
        for command in view.all_commands:
            if command.program != "dockerd" or command.has_flag("--tlsverify"):
                continue
            exposed = next((h for h in command.flag_values("-H", "--host") if _exposed(h)), None)
            if exposed:
                yield Hit(command.line, 1, f"`dockerd -H {exposed}` serves the Docker API without authentication; "
                          "anyone who reaches it is root on the host: add --tlsverify with client certificates")
        return
    if TLS_VERIFY.search(view.text):
        return
    for number, line in enumerate(view.lines, start=1):
        hosts = HOSTS_KEY.search(line)
        service = SERVICE_LINE.match(line)
        values = hosts.group(1) if hosts else service.group(1) if service else ""
        exposed = next((m.group(0) for m in TCP.finditer(values) if _exposed(m.group(0))), None)
        if exposed:
            yield Hit(number, 1, f"the Docker daemon listens on `{exposed}` without TLS authentication; "
                      "anyone who reaches it is root on the host: set tlsverify with client certificates")


def _exposed(address: str) -> bool:
    match = TCP.match(address.strip("\"'"))
    return match is not None and not LOOPBACK.match(match.group(1) or "0.0.0.0")
