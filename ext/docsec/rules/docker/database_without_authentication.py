"""## What it does
Finds database and search servers started with authentication switched off,
in ``docker run -e``, Compose and Kubernetes environments, Dockerfile
``ENV``, exported variables and server command lines:
``POSTGRES_HOST_AUTH_METHOD=trust``, ``MYSQL_ALLOW_EMPTY_PASSWORD`` (and
MariaDB's ``ALLOW_EMPTY_ROOT_PASSWORD``), Bitnami's
``ALLOW_EMPTY_PASSWORD=yes``, ``xpack.security.enabled=false``
(Elasticsearch), ``DISABLE_SECURITY_PLUGIN=true`` and
``plugins.security.disabled=true`` (OpenSearch), ``NEO4J_AUTH=none``,
``INFLUXDB_HTTP_AUTH_ENABLED=false``, ``redis-server --protected-mode no``
and ``mongod`` listening on every interface (``--bind_ip_all``,
``--bind_ip 0.0.0.0``) without ``--auth`` or a ``--keyFile``, or with
``--noauth``.  In configuration files: ``pg_hba.conf`` lines that ``trust``
connections from other hosts (``host all all 0.0.0.0/0 trust``),
``protected-mode no`` in ``redis.conf``, and a ``mongod.conf`` that binds
every interface (``bindIp: 0.0.0.0``, ``bindIpAll: true``) without
``security.authorization: enabled``.

## Why is this bad?
These settings exist for a laptop, and they are what a quick-start shows:
the server then answers anyone who reaches its port, with full rights.
Copied into a Compose file or a cloud VM with the port published, the
database is readable and writable from the internet; scanners find such
servers within hours, and ransom notes replace the data.

## Example
```console
$ docker run -d -p 5432:5432 -e POSTGRES_HOST_AUTH_METHOD=trust postgres:16
$ docker run -d -p 9200:9200 -e xpack.security.enabled=false elasticsearch:8.15.0
```

## Use instead
```console
$ docker run -d -p 127.0.0.1:5432:5432 -e POSTGRES_PASSWORD_FILE=/run/secrets/db_password \
    -v ./db_password:/run/secrets/db_password:ro postgres:16
```
Give the server a password (from a secret file, not the command line),
publish its port on ``127.0.0.1`` only, and keep Elasticsearch's security
on (its default since 8.0).

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [postgres image: POSTGRES_HOST_AUTH_METHOD](https://hub.docker.com/_/postgres)
"""

from __future__ import annotations

import re
from typing import Callable, Iterator, Optional, Union

from ...languages.dockerfile import DockerfileView
from ...languages.shell import Command, ShellView
from ...languages.text import TextView
from ...languages.yaml import Entry, YamlView
from ...model import Hit
from ..k8s._values import container_setting, is_false, is_true
from ..registry import rule


def _set(value: str) -> bool:
    """The MySQL and MariaDB images act on any non-empty value; ``no`` or ``false`` is read as meant."""
    return value.strip().strip("'\"") != "" and not is_false(value) and value.strip().strip("'\"") != "0"


# Setting -> test of its value, and what the setting does.
AUTH_OFF: dict[str, tuple[Callable[[str], bool], str]] = {
    "POSTGRES_HOST_AUTH_METHOD": (lambda v: v.strip().strip("'\"").lower() == "trust",
                                  "lets every client connect to PostgreSQL without a password"),
    "MYSQL_ALLOW_EMPTY_PASSWORD": (_set, "creates MySQL's root account without a password"),
    "MARIADB_ALLOW_EMPTY_ROOT_PASSWORD": (_set, "creates MariaDB's root account without a password"),
    "MARIADB_ALLOW_EMPTY_PASSWORD": (_set, "creates MariaDB's root account without a password"),
    "ALLOW_EMPTY_PASSWORD": (is_true, "starts the server without a password"),
    "xpack.security.enabled": (is_false, "turns off Elasticsearch's authentication and TLS"),
    "XPACK_SECURITY_ENABLED": (is_false, "turns off Elasticsearch's authentication and TLS"),
    "DISABLE_SECURITY_PLUGIN": (is_true, "turns off OpenSearch's authentication and TLS"),
    "plugins.security.disabled": (is_true, "turns off OpenSearch's authentication and TLS"),
    "NEO4J_AUTH": (lambda v: v.strip().strip("'\"").lower() == "none", "starts Neo4j without authentication"),
    "INFLUXDB_HTTP_AUTH_ENABLED": (is_false, "turns off InfluxDB's HTTP authentication"),
}
ENVIRONMENT_OPTIONS = ("-e", "--env")
CONFIG_KEYS = ("xpack.security.enabled", "plugins.security.disabled")
# pg_hba.conf: a TCP connection line whose address is not the local host, with the trust method (also
# inside an ``echo "..."`` or a ``sed`` expression).
HBA_TRUST = re.compile(r"(?:^|[\s\"'])host(?:ssl|nossl|gssenc|nogssenc)?\s+\S+\s+\S+\s+(?!127\.0\.0\.1(?:/32)?\b|::1(?:/128)?\s|localhost\b|samehost\b)"
                       r"(\S+)(?:\s+\S+)?\s+trust\b")
REDIS_UNPROTECTED = re.compile(r"(?:^|[\s\"'/])protected-mode\s+no\b", re.IGNORECASE)
EVERY_INTERFACE = frozenset({"0.0.0.0", "::", "*", "0.0.0.0,::"})


@rule(
    id="DSD008",
    symbol="database-without-authentication",
    title="Database or search server started with authentication off",
    severity="medium",
    cwe=306,
    languages=("shell", "yaml", "dockerfile", "text"),
    equivalent="none",
    message="starts a database that answers anyone who reaches its port, with full rights; "
            "set a password from a secret file and publish the port on 127.0.0.1 only",
    use_instead="POSTGRES_PASSWORD_FILE=/run/secrets/db_password, -p 127.0.0.1:5432:5432",
    triggers=("host_auth_method", "empty_password", "empty_root_password", "xpack", "security_plugin",
              "security.disabled", "neo4j_auth", "auth_enabled", "protected-mode", "bind_ip", "noauth", "trust",
              "bindip"),
)
def check(view: Union[ShellView, YamlView, DockerfileView, TextView]) -> Iterator[Hit]:
    if isinstance(view, TextView):
        yield from _config_lines(view)
    elif isinstance(view, YamlView):
        yield from _yaml(view)
    elif isinstance(view, DockerfileView):
        for instruction in view.instructions:
            if instruction.keyword == "ENV":
                for name, value in instruction.settings():
                    found = _auth_off(name, value)
                    if found:
                        yield _hit(instruction.line, f"ENV {name}={value}", found)
    else:
        yield from _shell(view)


def _shell(shell: ShellView) -> Iterator[Hit]:
    for setting in shell.settings:
        found = _auth_off(setting.name, setting.value)
        if found:
            yield _hit(setting.line, f"{setting.name}={setting.value}", found)
    for command in shell.all_commands:
        for shown, found in _command_findings(command):
            yield _hit(command.line, shown, found)


def _yaml(yaml: YamlView) -> Iterator[Hit]:
    entries = yaml.entries
    for index, entry in enumerate(entries):
        setting = container_setting(entries, index)
        if setting is None and entry.is_scalar:  # elasticsearch.yml / opensearch.yml, flat or nested keys
            dotted = ".".join(entry.path)
            setting = next(((name, entry.value) for name in CONFIG_KEYS if dotted.endswith(name)), None)
        found = _auth_off(*setting) if setting else None
        if found and setting:
            yield _hit(entry.line, f"{setting[0]}: {setting[1]}", found)
    yield from _mongod_config(entries)
    for line, text in yaml.command_lines:
        for command in ShellView([(line, text)]).all_commands:
            for shown, found in _command_findings(command):
                yield _hit(line, shown, found)


def _config_lines(text: TextView) -> Iterator[Hit]:
    """``pg_hba.conf`` and ``redis.conf`` lines, wherever they are written (a config block, an ``echo``)."""
    for number, line in enumerate(text.lines, start=1):
        trusted = HBA_TRUST.search(line)
        if trusted:
            yield _hit(number, " ".join(line.split()), f"lets every client from `{trusted.group(1)}` into "
                       "PostgreSQL without a password")
        elif REDIS_UNPROTECTED.search(line):
            yield _hit(number, "protected-mode no", "lets every client run Redis commands without a password")


def _mongod_config(entries: list[Entry]) -> Iterator[Hit]:
    """``net.bindIp: 0.0.0.0`` or ``net.bindIpAll: true`` in a mongod.conf without ``security.authorization``."""
    if any(entry.path[-2:] == ("security", "authorization") and entry.value.strip().lower() == "enabled"
           for entry in entries):
        return
    for entry in entries:
        if entry.path[-2:] == ("net", "bindIpAll") and is_true(entry.value) or \
                entry.path[-2:] == ("net", "bindIp") and entry.value.strip().strip("'\"") in EVERY_INTERFACE:
            yield _hit(entry.line, f"{entry.key}: {entry.value}", "serves MongoDB on every interface without "
                       "`security.authorization: enabled`")


def _auth_off(name: str, value: str) -> Optional[str]:
    known = AUTH_OFF.get(name.strip())
    return known[1] if known and known[0](value) else None


def _command_findings(command: Command) -> Iterator[tuple[str, str]]:
    """What a command line switches off: settings passed with ``-e``/``-E``, and server options."""
    for value in command.flag_values(*ENVIRONMENT_OPTIONS, "-E"):
        name, equals, setting = value.partition("=")
        found = _auth_off(name, setting) if equals else None
        if found:
            yield f"{command.words[0]} ... {value}", found
    program = command.program
    if program == "redis-server" and (command.flag_value("--protected-mode") or "").lower() == "no":
        yield "redis-server --protected-mode no", "lets every client run Redis commands without a password"
    if program == "mongod":
        if command.has_flag("--noauth"):
            yield "mongod --noauth", "starts MongoDB without access control"
        elif (command.has_flag("--bind_ip_all") or (command.flag_value("--bind_ip") or "") in EVERY_INTERFACE) \
                and not command.has_flag("--auth", "--keyFile", "--clusterAuthMode"):
            yield "mongod --bind_ip_all", "serves MongoDB on every interface without access control (no --auth)"


def _hit(line: int, shown: str, found: str) -> Hit:
    return Hit(line, 1, f"`{shown}` {found}: anyone who reaches the port has full access; set a password "
               "(from a secret file) and publish the port on 127.0.0.1 only")
