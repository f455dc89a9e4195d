"""## What it does
Finds a Jupyter server started or configured with an empty token, so anyone
who reaches the port gets a shell: ``--NotebookApp.token=''``,
``--ServerApp.token=''``, ``--IdentityProvider.token=''`` (also inside
``docker run``, Dockerfile ``CMD`` and Compose/Kubernetes ``command``/``args``),
and the configuration files ``c.ServerApp.token = ''`` /
``c.NotebookApp.token = ''`` / ``c.IdentityProvider.token = ''`` (Python) or
``"token": ""`` (JSON).  A block that also sets a non-empty password
(``c.ServerApp.password = 'argon2:...'``) is left alone; so is ``--ip=0.0.0.0``
with the default random token.

## Why is this bad?
A Jupyter server runs arbitrary code for whoever can open it.  With the token
empty and no password there is no authentication at all; on ``0.0.0.0``, in
a container with a published port or on a cloud VM, such servers are found by
scanners within hours and used for cryptomining and lateral movement.  Even
on localhost, any local user or a malicious web page (DNS rebinding) can
reach it.

## Example
```console
$ jupyter lab --ip=0.0.0.0 --no-browser --ServerApp.token=''
```

## Use instead
```console
$ jupyter lab --no-browser                      # random token, localhost
$ jupyter lab --ip=0.0.0.0 --IdentityProvider.token="$JUPYTER_TOKEN"
```

Or set a hashed password with ``jupyter server password``.

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
- [Jupyter Server: Security in the Jupyter Server](https://jupyter-server.readthedocs.io/en/latest/operators/security.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

APP = r"(?:NotebookApp|ServerApp|IdentityProvider|LabApp|LabServerApp|NotebookNotary)"
EMPTY_TOKEN = re.compile(
    r"--" + APP + r"\.token(?:\s*=\s*|\s+)(?:''|\"\"|\\'\\'|\\\"\\\"|(?=\s|$)|(?=[\"']\s*(?:[,\]]|$)))"  # flag
    r"|--" + APP + r"\.token[\"']\s*,\s*(?:\"\"|'')"  # exec form: ["--ServerApp.token", ""]
    r"|\bc\." + APP + r"\.token\s*=\s*[uU]?(?:''|\"\")"  # Python configuration
)
LOG_LINE = re.compile(r"^\s*\[[IWECD] ")  # Jupyter's own log output in a transcript
JSON_TOKEN = re.compile(r"\"token\"\s*:\s*\"\"")
JSON_APP = re.compile(r"\"" + APP + r"\"\s*:")
PASSWORD_SET = re.compile(
    r"(?:--" + APP + r"\.(?:hashed_)?password\s*=\s*|\bc\.(?:" + APP + r"|PasswordIdentityProvider)\.(?:hashed_)?password\s*=\s*)"
    r"[uU]?[\"']?(?:sha1|argon2|\$)[^\"'\s]*"
)


@rule(
    id="DSJ001",
    symbol="jupyter-exposed",
    title="Jupyter server without authentication (empty token)",
    severity="high",
    cwe=306,
    languages=("text",),
    triggers=("token",),
    equivalent="none",
    message="the Jupyter server has an empty token and no password, so anyone who reaches it can run code; "
            "keep the generated token or set a hashed password",
    use_instead="jupyter lab  (keep the random token), or --IdentityProvider.token=\"$JUPYTER_TOKEN\"",
)
def check(text: TextView) -> Iterator[Hit]:
    if ".token" not in text.text and '"token"' not in text.text:
        return  # what every EMPTY_TOKEN and JSON_TOKEN match holds ("token" alone is in most requests examples)
    if PASSWORD_SET.search(text.text):
        return
    json_config = bool(JSON_APP.search(text.text))
    for number, line in enumerate(text.lines, start=1):
        if line.lstrip().startswith(("#", "//")) and not line.lstrip().startswith("# jupyter") or LOG_LINE.match(line):
            continue
        match = EMPTY_TOKEN.search(line)
        if match or (json_config and JSON_TOKEN.search(line)):
            found = match.group(0).strip() if match else '"token": ""'
            yield Hit(number, 1, f"`{found}` turns Jupyter's authentication off: anyone who reaches the port can "
                      "run code; keep the generated token, pass one from a secret, or set a hashed password")
