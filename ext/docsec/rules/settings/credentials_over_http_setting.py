"""## What it does
Finds configuration that sends credentials to a plain ``http://`` URL on
another host: a mapping (YAML, or a section of an INI/TOML file) that holds
both a URL setting with an ``http://`` address (``auth_url``, ``url``,
``endpoint``, ``server``, ``host``) and a password, token or secret
(``password``, ``token``, ``client_secret``, ``api_key``, ``passcode``).
The credential may be a placeholder: the weakness is where it goes.  Also
a URL of any cleartext scheme with a password in it
(``broker_url: amqp://user:...@rabbit.example.com//``, ``ldap://``,
``redis://``, ``ftp://``), and a URL setting pointing at a login or token
endpoint over plain HTTP (``token_url: http://sso.example.com/oauth/token``).
Loopback URLs are left alone.  JSON, and the objects of JavaScript and
TypeScript (``{ url: "http://...", password: process.env.PW }``), are read
the same way, one object at a time.  The same in Python code is DSP066's, on
the command line DSS017's.

## Why is this bad?
Plain HTTP is readable by everyone on the network path: the password or
token crosses in clear text, and whoever reads it logs in as the user.

## Example
```yaml
clouds:
  production:
    auth:
      auth_url: http://keystone.example.com/identity
      username: admin
      password: ${OS_PASSWORD}
```

## Use instead
```yaml
clouds:
  production:
    auth:
      auth_url: https://keystone.example.com/identity
      username: admin
      password: ${OS_PASSWORD}
```

## References
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [CWE-523: Unprotected Transport of Credentials](https://cwe.mitre.org/data/definitions/523.html)
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator, Union

from ...languages.key_values import KeyValue, settings_of
from ...languages.text import TextView, names_a_secret
from ...languages.yaml import YamlView
from ...model import Hit
from .._cleartext import LOOPBACK, auth_endpoint, login_in_url
from ..registry import rule

PLAIN_HTTP = re.compile(r"^\s*['\"]?http://(?:[^/\s@]+@)?([^/:\s'\"]+)", re.IGNORECASE)
URL_WORDS = re.compile(r"url|uri|endpoint|server|host|address", re.IGNORECASE)
CREDENTIAL_WORDS = re.compile(r"passw|passcode|secret|token|api[_-]?key|credential", re.IGNORECASE)


@rule(
    id="DSG006",
    symbol="credentials-over-http-setting",
    title="Credentials sent over plain http:// or another cleartext scheme in configuration",
    severity="high",
    cwe=319,
    languages=("yaml", "javascript", "text"),
    equivalent="none",
    message="configures credentials for a plain http:// URL, readable by everyone on the network path; use https://",
    use_instead="auth_url: https://... (TLS for every endpoint that receives a password or token)",
    triggers=("://",),
)
def check(view: Union[YamlView, TextView]) -> Iterator[Hit]:
    groups: dict[tuple[str, ...], list[KeyValue]] = defaultdict(list)
    for setting in settings_of(view):
        if setting.form in ("mapping", "config"):
            groups[setting.context].append(setting)
    reported: set[int] = set()
    for setting in settings_of(view):  # broker_url: amqp://user:secret@rabbit.example.com//
        url = login_in_url(setting.value) if isinstance(setting.value, str) and "@" in setting.value else None
        if url is not None:
            reported.add(setting.line)
            yield Hit(setting.line, setting.column, f"`{setting.key}: {url.text}` logs in over {url.scheme}://, "
                      f"which sends the password in clear text to anyone on the network path; use {url.secure}")
            continue
        endpoint = auth_endpoint(setting.value) if isinstance(setting.value, str) else None
        if endpoint is not None and URL_WORDS.search(setting.key):
            reported.add(setting.line)
            yield Hit(setting.line, setting.column, f"`{setting.key}: {endpoint.text}` is a login or token endpoint "
                      "over plain HTTP: passwords, codes and tokens sent to it cross the network in clear text; "
                      "use https://")
    for context, settings in groups.items():
        urls = [s for s in settings if URL_WORDS.search(s.key) and isinstance(s.value, str)
                and (m := PLAIN_HTTP.match(s.value)) is not None and not LOOPBACK.match(m.group(1))]
        credentials = [s for s in settings if CREDENTIAL_WORDS.search(s.key) and names_a_secret(s.key)]
        if urls and credentials and urls[0].line not in reported:
            first = urls[0]
            yield Hit(first.line, first.column, f"`{first.key}: {first.value}` receives `{credentials[0].key}` "
                      "over plain HTTP, readable by everyone on the network path; use https://")
