"""## What it does
Finds Jupyter's cross-site protections turned off:
``disable_check_xsrf=True`` (flag ``--ServerApp.disable_check_xsrf=True`` or
config ``c.ServerApp.disable_check_xsrf = True``, also ``NotebookApp``), and
a wildcard CORS origin, ``allow_origin='*'`` or ``allow_origin_pat='.*'``.

## Why is this bad?
Jupyter executes code on request.  Without the XSRF check, or with every
origin allowed, any web page the user visits can send requests to the
server in the user's browser and run code, even when the server only
listens on localhost and has a token stored in a cookie.

## Example
```python
c.ServerApp.disable_check_xsrf = True
c.ServerApp.allow_origin = "*"
```

## Use instead
```python
c.ServerApp.allow_origin = "https://app.example.com"
```

## References
- [CWE-352: Cross-Site Request Forgery (CSRF)](https://cwe.mitre.org/data/definitions/352.html)
- [CWE-942: Permissive Cross-domain Policy with Untrusted Domains](https://cwe.mitre.org/data/definitions/942.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

APP = r"(?:NotebookApp|ServerApp|LabApp|LabServerApp)"
XSRF_OFF = re.compile(r"\b" + APP + r"\.disable_check_xsrf\s*=\s*[\"']?(?:True|true|1)\b")
ANY_ORIGIN = re.compile(
    r"\b" + APP + r"\.allow_origin\s*=\s*(?:\\?[\"'])*\*(?:\\?[\"'])*(?=[\s,\]]|$)"
    r"|\b" + APP + r"\.allow_origin_pat\s*=\s*(?:\\?[\"'])*\.\*(?:\\?[\"'])*(?=[\s,\]]|$)"
)


@rule(
    id="DSJ003",
    symbol="jupyter-xsrf-disabled",
    title="Jupyter XSRF check off or any web origin allowed",
    severity="medium",
    cwe=352,
    languages=("text",),
    triggers=("disable_check_xsrf", "allow_origin"),
    equivalent="none",
    message="Jupyter's cross-site protection is off, so any web page can run code on the server; "
            "keep the XSRF check and list the allowed origins",
    use_instead="drop disable_check_xsrf; set allow_origin to the one origin that needs it",
)
def check(text: TextView) -> Iterator[Hit]:
    for number, line in enumerate(text.lines, start=1):
        if line.lstrip().startswith("#"):
            continue
        match = XSRF_OFF.search(line) or ANY_ORIGIN.search(line)
        if match:
            yield Hit(number, 1, f"`{match.group(0)}` lets any web page send requests to Jupyter and run code; "
                      "keep the XSRF check and set allow_origin to the origins you trust")
