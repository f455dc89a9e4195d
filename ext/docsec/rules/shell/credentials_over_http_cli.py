"""## What it does
Finds command lines that send credentials to a plain ``http://`` URL on
another host: ``curl -u user:...``, ``curl -H "Authorization: ..."``,
HTTPie's ``http -a user:...``, ``wget --user``/``--password``, and any
command given both an option that carries a password or token
(``--GatewayClient.http_pwd=...``, ``--token ...``, ``--password ...``) and
an ``http://`` URL (``--gateway-url=http://...``), and URLs of any cleartext
scheme with a password in them (``git clone http://user:...@host/repo``,
``export BROKER_URL=amqp://user:...@rabbit.example.com//``, ``ldap://``,
``redis://``, ``ftp://``), and ``curl``, HTTPie or ``wget`` calling a login or
token endpoint over plain HTTP (``curl -d ... http://sso.example.com/oauth/token``).
Loopback URLs are left alone; the secret's own value is DSS008's business.

## Why is this bad?
Plain HTTP is readable by everyone on the network path: the login crosses
in clear text and whoever reads it logs in as the user.

## Example
```console
$ curl -u "deploy:$DEPLOY_PASSWORD" http://artifacts.example.com/releases/app.tar.gz -O
```

## Use instead
```console
$ curl -u "deploy:$DEPLOY_PASSWORD" https://artifacts.example.com/releases/app.tar.gz -O
```

## References
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [CWE-523: Unprotected Transport of Credentials](https://cwe.mitre.org/data/definitions/523.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from .._cleartext import LOOPBACK, auth_endpoint, login_in_url
from ..registry import rule

PLAIN_HTTP = re.compile(r"http://(?:[^/\s@]+@)?([^/:\s'\"]+)", re.IGNORECASE)
CREDENTIAL_OPTION = re.compile(r"^--?[\w.-]*(?:passw(?:or)?d|pwd|token|api-?key|secret|auth)(?:$|=)", re.IGNORECASE)
FLAGS = {"curl": ("-u", "--user", "-H", "--header"), "http": ("-a", "--auth"), "https": ("-a", "--auth"),
         "xh": ("-a", "--auth"), "wget": ("--user", "--password", "--http-user", "--http-password", "--header")}


@rule(
    id="DSS017",
    symbol="credentials-over-http-cli",
    title="Credentials sent over plain http:// or another cleartext scheme on the command line",
    severity="high",
    cwe=319,
    languages=("shell",),
    equivalent="none",
    message="sends a password or token over plain HTTP, readable by everyone on the network path; use https://",
    use_instead="curl -u user:\"$PASSWORD\" https://host/...",
    triggers=("://",),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for setting in shell.settings:  # export BROKER_URL=amqp://user:secret@rabbit.example.com//
        url = login_in_url(setting.value)
        if url is not None:
            yield Hit(setting.line, 1, f"`{setting.name}={url.text}` logs in over {url.scheme}://, which sends the "
                      f"password in clear text to anyone on the network path; use {url.secure}")
    for command in shell.all_commands:
        found = _credentials_over_http(command)
        if found:
            yield Hit(command.line, 1, f"`{command.program} ... {found}` sends credentials to a plain http:// URL, "
                      "where anyone on the network path reads them; use https://")


def _credentials_over_http(command: Command) -> Optional[str]:
    for word in command.words[1:]:
        login = login_in_url(word) if "@" in word else None
        if login is not None:
            return login.text
    urls = [m.group(0) for word in command.words[1:] for m in [PLAIN_HTTP.search(word)] if m
            and not LOOPBACK.match(m.group(1))]
    if not urls:
        return None
    if command.program in FLAGS:  # curl -d "client_secret=..." http://sso.example.com/oauth/token
        endpoint = next((found for word in command.words[1:] for found in [auth_endpoint(word)] if found), None)
        if endpoint is not None:
            return endpoint.text
    flags = FLAGS.get(command.program)
    if flags:
        given = [value for value in command.flag_values(*flags)
                 if not value.lower().startswith(("accept", "content-type", "user-agent"))]
        if any(":" in value or flag_holds_secret(value) for value in given) or \
                any(word.startswith(("--password", "--http-password")) for word in command.words):
            return urls[0]
    if any(CREDENTIAL_OPTION.match(word) for word in command.words[1:]):
        return urls[0]
    return None


def flag_holds_secret(value: str) -> bool:
    return value.lower().startswith(("authorization", "x-api-key", "private-token"))
