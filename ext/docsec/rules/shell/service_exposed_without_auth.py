"""## What it does
Finds commands that start a service every host on the network can use
without logging in: programs that listen on all interfaces by default and
have no authentication (``dask scheduler``, ``python -m pyftpdlib``,
``twistd web --path /tmp`` (a whole temporary or home folder), ``http-server`` and ``serve`` from npm,
``ruby -run -e httpd``, ``python -m uploadserver``, Jupyter's Enterprise
and Kernel Gateways on ``--ip=0.0.0.0`` without an ``auth_token``), and
containers of servers that answer without a password (Redis, Memcached,
MongoDB, etcd, ZooKeeper, Cassandra, NATS, Solr) or with a default account
everyone knows (RabbitMQ's guest/guest, MinIO's minioadmin) published with ``docker run -p
6379:6379`` (which binds every interface of the host).  Binding to
``127.0.0.1`` (``--host``, ``--interface``, ``-a``, ``-p 127.0.0.1:6379:6379``)
or adding the service's authentication is fine.  The services are data, in
:data:`SERVICES` and ``rules/_services.py``.

## Why is this bad?
These commands are written for a laptop; pasted on a cloud VM, a CI runner
or an office network they hand every neighbour the service: the folder
being served (with its ``.git``, keys and ``.env``), a Dask scheduler that
runs any pickled function a client sends, a kernel gateway that runs any
code, or a database to read, wipe or ransom.

## Example
```console
$ dask scheduler
$ docker run -d -p 6379:6379 redis
```

## Use instead
```console
$ dask scheduler --host 127.0.0.1
$ docker run -d -p 127.0.0.1:6379:6379 redis --requirepass "$(cat redis_password)"
```
Bind to ``127.0.0.1`` (or a private interface behind a firewall) and turn
on the service's authentication or TLS with client certificates.

## References
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [Dask: security (TLS and authentication)](https://distributed.dask.org/en/stable/tls.html)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from .._services import OPEN_IMAGES, image_base, on_every_interface
from ..registry import rule

PUBLIC = re.compile(r"^(?:0\.0\.0\.0|0|::|\[::\]|\*|)(?::\d+)?$|^tcp://(?:0\.0\.0\.0|\*|\[::\])(?::\d+)?$")
PYTHON = re.compile(r"^(?:python[0-9.]*|py|pypy[0-9.]*|uv|pipx)$")
# Folders that hold other people's or programs' files: serving one publishes them.
BROAD_FOLDER = re.compile(r"^(?:/|/tmp/?|/var/tmp/?|~/?|\$HOME/?|/home/?|/root/?|/etc/?)$")


@dataclass(frozen=True)
class Service:
    """A program that serves the network: what it is, the options that choose where it listens (absent:
    ``listens_by_default`` decides), and the options that turn its authentication on."""

    what: str
    bind_options: tuple[str, ...]
    auth_options: tuple[str, ...] = ()
    listens_by_default: bool = True  # on every interface when no bind option is given


SERVICES = {
    "dask scheduler": Service("a Dask scheduler, which runs any pickled task a client sends", ("--host", "--interface"),
                              ("--tls-ca-file", "--tls-cert", "--tls-key", "--protocol=tls")),
    "dask-scheduler": Service("a Dask scheduler, which runs any pickled task a client sends", ("--host", "--interface"),
                              ("--tls-ca-file", "--tls-cert", "--tls-key", "--protocol=tls")),
    "pyftpdlib": Service("an FTP server of the current folder (anonymous, in clear text)", ("-i", "--interface"),
                         ("-u", "--username")),
    "uploadserver": Service("an upload server of the current folder", ("-b", "--bind"), ("--basic-auth",)),
    "twistd web": Service("a web server of the folder", ("--listen", "--port", "--https"), ()),
    "twistd ftp": Service("an FTP server of the folder", ("--listen", "--port"), ("--password-file", "--auth")),
    "http-server": Service("a web server of the folder", ("-a", "--address"), ("--username", "--password")),
    "serve": Service("a web server of the folder", ("-l", "--listen"), ()),
    "httpd": Service("a web server of the folder", ("--bind-address",), ()),
    "jupyter enterprisegateway": Service("a kernel gateway, which runs any code a client sends",
                                         ("--ip", "--EnterpriseGatewayApp.ip"),
                                         ("--EnterpriseGatewayApp.auth_token", "--auth_token"),
                                         listens_by_default=False),
    "jupyter kernelgateway": Service("a kernel gateway, which runs any code a client sends",
                                     ("--ip", "--KernelGatewayApp.ip"),
                                     ("--KernelGatewayApp.auth_token", "--auth_token"), listens_by_default=False),
}
@rule(
    id="DSS015",
    symbol="service-exposed-without-auth",
    title="Service without authentication started on all interfaces",
    severity="medium",
    cwe=306,
    languages=("shell",),
    equivalent="none",
    message="starts a service that anyone on the network can use without logging in; bind it to 127.0.0.1 or "
            "turn its authentication on",
    use_instead="dask scheduler --host 127.0.0.1; docker run -p 127.0.0.1:6379:6379 redis --requirepass ...",
    triggers=("dask", "pyftpdlib", "uploadserver", "twistd", "http-server", "serve", "httpd", "gateway",
              "redis", "valkey", "memcached", "mongo", "etcd", "zookeeper", "cassandra", "rethinkdb", "rabbitmq",
              "minio", "nats", "solr"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        found = _exposed_service(command) or _published_open_image(command)
        if found:
            yield Hit(command.line, 1, found)


def _exposed_service(command: Command) -> Optional[str]:
    name, rest = _service_name(command)
    service = SERVICES.get(name)
    words = command.words
    if service is None or "-h" in words or "--help" in words:
        return None
    if name == "twistd web" and not BROAD_FOLDER.match(_value(words, "--path") or ""):
        return None  # a site or a WSGI app: a server like any other; a whole /tmp or home folder is not
    if any(_has(words, option) for option in service.auth_options):
        return None
    bound = [_value(words, option) for option in service.bind_options if _has(words, option)]
    if bound:
        if not any(value is not None and (PUBLIC.match(value) or "interface=" not in value and value.startswith("tcp:")
                                          and "interface" not in value) for value in bound):
            return None
        where = "on every interface"
    elif not service.listens_by_default:
        return None
    else:
        where = "on every interface (its default)"
    return (f"`{name}` starts {service.what} {where} with no authentication: anyone who reaches the port uses "
            "it; bind it to 127.0.0.1 or turn its authentication on")


def _service_name(command: Command) -> tuple[str, list[str]]:
    words = [word.lower() for word in command.words]
    program, rest = command.program.lower(), words[1:]
    if PYTHON.match(program) and rest[:1] == ["-m"] and len(rest) > 1:
        program, rest = rest[1], rest[2:]
    elif program in ("npx", "pnpx", "bunx") and rest:
        program, rest = rest[0], rest[1:]
    elif program == "ruby" and "-run" in rest and "httpd" in " ".join(rest):
        return "httpd", rest
    if program in ("dask", "twistd", "jupyter") and rest:
        sub = next((w for w in rest if not w.startswith("-")), "")
        return f"{program} {sub}", rest
    return program, rest


def _has(words: tuple[str, ...], option: str) -> bool:
    name = option.split("=", 1)[0]
    return any(word == option or word == name or word.startswith(name + "=") for word in words)


def _value(words: tuple[str, ...], option: str) -> Optional[str]:
    for index, word in enumerate(words):
        if word == option and index + 1 < len(words):
            return words[index + 1]
        if word.startswith(option + "="):
            return word.split("=", 1)[1]
    return None


def _published_open_image(command: Command) -> Optional[str]:
    if command.program not in ("docker", "podman", "nerdctl") or command.subcommand not in ("run", "create"):
        return None
    image = _image(command)
    if image is None:
        return None
    base = image_base(image)
    auth = OPEN_IMAGES.get(base)
    if auth is None:
        return None
    published = [value for value in command.flag_values("-p", "--publish") if on_every_interface(value)]
    if not published or any(marker in word for word in command.words for marker in auth):
        return None
    how = "with a default account everyone knows" if base in DEFAULT_ACCOUNTS else "without a password"
    return (f"`{command.program} run -p {published[0]} {image}` publishes {base} on every interface of the host, and "
            f"it answers {how}: anyone who reaches the port reads and writes it; publish it on "
            "127.0.0.1 (`-p 127.0.0.1:...`) and set a password")


DEFAULT_ACCOUNTS = frozenset({"rabbitmq", "minio"})


def _image(command: Command) -> Optional[str]:
    """The image of ``docker run [options] IMAGE [command]``: the first word after the options."""
    words = command.words
    index = words.index(command.subcommand) + 1 if command.subcommand in words else 2
    with_value = {"-p", "--publish", "-e", "--env", "-v", "--volume", "--name", "-n", "--network", "--net",
                  "--env-file", "-w", "--workdir", "-u", "--user", "--entrypoint", "--restart", "-m", "--memory",
                  "--cpus", "--label", "-l", "--mount", "--platform", "--hostname", "-h", "--add-host", "--device",
                  "--cap-add", "--cap-drop", "--log-driver", "--ulimit", "--shm-size", "--pull"}
    while index < len(words):
        word = words[index]
        if word in with_value:
            index += 2
        elif word.startswith("-"):
            index += 1
        else:
            return word
    return None
