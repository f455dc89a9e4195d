"""## What it does
Finds passwords, secret keys and tokens written into configuration: YAML
files (``clouds.yaml``, Helm values, application settings), INI, TOML,
properties and ``.env`` files, JSON, and text or Markdown blocks written as
``key = value`` or ``key: value`` lines (``password = s3cr3t``,
``client_secret: UAlL-054uyh...``, ``"api_key": "..."``), and passwords
inside connection URLs there (``postgresql://app:Wint3r@db/prod``).  The
judgement of what is a real secret and what is a placeholder is the same as
every other secret rule's (DSP019): ``<your-key>``, ``${API_KEY}``,
``changeme``, ``password`` and ``password-for-30001`` are placeholders.
Container environments in Compose and Kubernetes files are DSK009's, and
provider tokens in their real format (``ghp_...``, ``AKIA...``) DSC002's.

## Why is this bad?
A configuration file in the docs is copied whole: the secret in it becomes
the deployment's secret, known to everyone who read the page.  Session keys
let readers forge cookies, client secrets let them impersonate the
application, passwords open the database.

## Example
```ini
[app:main]
kinto.userid_hmac_secret = 2c6cfbd5a4c1c2a7d1e0f7e4b4a0b8c9
multiauth.policy.basicauth.use = kinto.core.authentication.BasicAuthAuthenticationPolicy
```

## Use instead
```ini
[app:main]
kinto.userid_hmac_secret = ${KINTO_USERID_HMAC_SECRET}
```
Read secrets from the environment or a secret store, and write
placeholders (``<your-client-secret>``) where a value must appear.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-260: Password in Configuration File](https://cwe.mitre.org/data/definitions/260.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Union

from ...languages.credentials import kind_of, looks_real
from ...languages.key_values import KeyValue, settings_of
from ...languages.text import TextView, is_placeholder, names_a_secret
from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule
from ..secrets.cloud_token import is_provider_token

URL_CREDENTIALS = re.compile(r"\b([a-z][a-z0-9+.-]*://)([^:/@\s]+):([^@/\s]+)@", re.IGNORECASE)
ENVIRONMENT_KEYS = frozenset({"environment", "env"})  # a container's environment: DSK009


@rule(
    id="DSG002",
    symbol="secret-in-configuration",
    title="Secret written into a configuration file",
    severity="high",
    cwe=798,
    languages=("yaml", "text"),
    equivalent="detect-secrets / gitleaks (generic keyword rules)",
    message="writes a secret into configuration; read it from the environment or a secret store",
    use_instead="password = ${DB_PASSWORD} (or a secret store), and '<your-password>' as a placeholder in docs",
    triggers=("pass", "pw", "secret", "token", "cred", "key", "://"),
)
def check(view: Union[YamlView, TextView]) -> Iterator[Hit]:
    for setting in settings_of(view):
        if not isinstance(setting.value, str) or _in_container_environment(setting):
            continue
        value = setting.value.strip()
        if is_provider_token(f"{setting.key} = {value}"):
            continue  # a provider token in its real format: DSC002's, in every block
        if "-----BEGIN" in value:
            continue  # a private key: DSC001's, in every block
        if names_a_secret(setting.key) and not is_placeholder(value) and looks_real(value, kind_of(setting.key)) \
                and not _names_something(value, setting.key):
            shown = value if len(value) <= 6 else value[:4] + "…"
            yield Hit(setting.line, setting.column, f"`{setting.key}` is written into the configuration "
                      f"({shown!r}); whoever copies the page shares it: read it from the environment "
                      "(`${VAR}`) or a secret store")
            continue
        match = URL_CREDENTIALS.search(value) if "://" in value else None
        if match and not is_placeholder(match.group(3)) and looks_real(match.group(3), "password"):
            yield Hit(setting.line, setting.column, f"the URL in `{setting.key}` holds a password "
                      f"({match.group(2)}:{match.group(3)[:3]}…@); pass it separately, from the environment")


def _in_container_environment(setting: KeyValue) -> bool:
    path = [part.lower() for part in setting.context]
    return bool(ENVIRONMENT_KEYS.intersection(path[-2:])) or setting.key.lower() == "value" and "env" in path


def _names_something(value: str, key: str) -> bool:
    """A value that is a name, path or URL where a secret might sit: ``db_password`` (a field), ``/run/secrets/x``."""
    if re.fullmatch(r"[A-Za-z_]+(?:[_.][A-Za-z]+)*", value) and names_a_secret(value):
        return True
    return value.startswith(("/", "./", "~/", "http://", "https://")) or value.lower().replace("-", "_") in key.lower()
