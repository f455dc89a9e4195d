"""## What it does
Finds JupyterHub configured with the ``DummyAuthenticator``, which logs in
any user name with any password (or with one shared password):
``c.JupyterHub.authenticator_class = "dummy"`` (or
``"jupyterhub.auth.DummyAuthenticator"``, ``DummyAuthenticator``, the
``dummyauthenticator`` package), ``--JupyterHub.authenticator_class=dummy``
on the command line, the Helm chart's ``authenticator_class: dummy`` and
older ``auth: type: dummy``, and ``c.DummyAuthenticator.password = ...``.

## Why is this bad?
Every JupyterHub user gets a server that runs code, usually with a terminal.
With the dummy authenticator anyone who can reach the hub picks a name,
types anything (or the one password from the docs) and runs commands on
the cluster, with access to other users' data and the credentials mounted
into the servers.  It is meant for tests on a laptop, but tutorials deploy
it to cloud VMs and forget it there.

## Example
```python
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = "workshop2024"
```

## Use instead
```python
c.JupyterHub.authenticator_class = "github"  # or "nativeauthenticator", LDAP, OAuthenticator...
c.Authenticator.allowed_users = {"alice", "bob"}
c.Authenticator.admin_users = {"alice"}
```

## References
- [CWE-287: Improper Authentication](https://cwe.mitre.org/data/definitions/287.html)
- [JupyterHub: Authenticators (DummyAuthenticator is for testing)](https://jupyterhub.readthedocs.io/en/stable/reference/authenticators.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

DUMMY_CLASS = re.compile(
    r"authenticator_class[\"']?\s*[=:]\s*[\"']?(?:jupyterhub\.auth\.|dummyauthenticator\.)?(?:dummy|DummyAuthenticator)\b",
    re.IGNORECASE,
)
DUMMY_PASSWORD = re.compile(r"\bDummyAuthenticator\.password\s*[=:]", re.IGNORECASE)
AUTH_KEY = re.compile(r"^(\s*)auth\s*:\s*$")
DUMMY_TYPE = re.compile(r"^(\s*)type\s*:\s*[\"']?dummy[\"']?\s*(?:#.*)?$", re.IGNORECASE)


@rule(
    id="DSJ004",
    symbol="jupyterhub-dummy-authenticator",
    title="JupyterHub accepts any password (DummyAuthenticator)",
    severity="high",
    cwe=287,
    languages=("text",),
    triggers=("dummy",),
    equivalent="none",
    message="JupyterHub's DummyAuthenticator lets anyone log in and run code; "
            "use a real authenticator (OAuth, LDAP, NativeAuthenticator) with an allow list",
    use_instead='c.JupyterHub.authenticator_class = "github" with c.Authenticator.allowed_users',
)
def check(text: TextView) -> Iterator[Hit]:
    auth_indent = None
    for number, line in enumerate(text.lines, start=1):
        if line.lstrip().startswith(("#", "//")):
            continue
        auth = AUTH_KEY.match(line)
        if auth:
            auth_indent = len(auth.group(1))
            continue
        dummy_type = DUMMY_TYPE.match(line)
        if DUMMY_CLASS.search(line) or (dummy_type and auth_indent is not None
                                         and len(dummy_type.group(1)) > auth_indent):
            yield Hit(number, 1, "JupyterHub uses the DummyAuthenticator, so anyone who reaches it logs in with any "
                      "name and password and runs code; configure a real authenticator and an allow list")
        elif DUMMY_PASSWORD.search(line):
            yield Hit(number, 1, "`DummyAuthenticator.password` is one shared password for every user name; "
                      "configure a real authenticator with per-user credentials")
