"""## What it does
Finds configuration that makes a file, socket or folder writable by every
user: a ``chmod``, ``mode``, ``socket_mode``, ``file_mode`` or ``dir_mode``
setting of ``0777``, ``0666``, ``a+w`` or ``o+w`` (supervisord's
``[unix_http_server] chmod = 0777``, Ansible's ``mode: "0777"``, uWSGI's
``chmod-socket = 666``), and ``umask`` set to ``000``.  In Python code and on
the command line the same is DSP029's and DSS002's.

## Why is this bad?
Any local user, or any process broken into, can then write to it: replace
a script that a service runs, or send commands to a control socket
(supervisord's socket starts and stops programs, often as root).

## Example
```ini
[unix_http_server]
file = /tmp/supervisor.sock
chmod = 0777
```

## Use instead
```ini
[unix_http_server]
file = /run/supervisor/supervisor.sock
chmod = 0700
chown = app:app
```

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Union

from ...languages.key_values import settings_of
from ...languages.text import TextView
from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule

MODE_NAMES = frozenset({"chmod", "mode", "socketmode", "filemode", "dirmode", "directorymode", "chmodsocket",
                        "permissions", "perms", "createmode"})
WORLD_WRITABLE_OCTAL = re.compile(r"^0?o?[0-7]?[0-7][0-7][2367]$")
WORLD_WRITABLE_SYMBOLIC = re.compile(r"(?:^|,)(?:a|o|ugo)[+=][rwxXst]*w")


@rule(
    id="DSG005",
    symbol="world-writable-setting",
    title="File, socket or folder made writable by every user in a configuration file",
    severity="medium",
    cwe=732,
    languages=("yaml", "text"),
    equivalent="Checkov / ansible-lint risky-octal (partly)",
    message="makes the path writable by every local user; give it to its owner and group only",
    use_instead="chmod = 0700 (or 0770 with a dedicated group); mode: \"0640\"",
    triggers=("chmod", "mode", "perm", "umask"),
)
def check(view: Union[YamlView, TextView]) -> Iterator[Hit]:
    for setting in settings_of(view):
        value = str(setting.written).strip().strip("'\"")
        name = setting.normal
        if name in MODE_NAMES and (WORLD_WRITABLE_OCTAL.match(value) or WORLD_WRITABLE_SYMBOLIC.search(value)):
            yield Hit(setting.line, setting.column, f"`{setting.key} = {value}` lets every local user write to it; "
                      "use 0700 (or 0770 with a dedicated group)")
        elif name == "umask" and re.fullmatch(r"0*0?0?0", value):
            yield Hit(setting.line, setting.column, f"`umask = {value}` creates every file writable by everyone; "
                      "use 022 or 077")
