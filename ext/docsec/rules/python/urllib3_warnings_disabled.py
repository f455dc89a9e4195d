"""## What it does
Finds code that silences urllib3's ``InsecureRequestWarning``:
``urllib3.disable_warnings(...)``,
``requests.packages.urllib3.disable_warnings(...)`` and
``warnings.filterwarnings("ignore", category=InsecureRequestWarning)`` (or
``simplefilter``, or an ignore filter on the "Unverified HTTPS request"
message).

## Why is this bad?
The warning is the last sign that a program talks HTTPS without checking
certificates.  Examples silence it right after turning verification off;
readers copy both, and the unverified connections then go unnoticed in
logs and test output.

## Example
```python
import urllib3
urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
requests.get("https://self-signed.example.com", verify=False)
```

## Use instead
```python
import requests
requests.get("https://self-signed.example.com", verify="/path/to/self-signed-ca.pem")
```
Fix the certificate problem (trust the CA bundle) instead of hiding the
warning about it.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [urllib3: TLS warnings](https://urllib3.readthedocs.io/en/stable/advanced-usage.html#tls-warnings)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

WARNING_NAMES = ("InsecureRequestWarning", "InsecurePlatformWarning", "SNIMissingWarning", "urllib3")
FILTER_CALLS = frozenset({"warnings.filterwarnings", "warnings.simplefilter", "filterwarnings", "simplefilter"})


@rule(
    id="DSP012",
    symbol="urllib3-warnings-disabled",
    title="urllib3 certificate warnings silenced",
    severity="medium",
    cwe=295,
    languages=("python",),
    triggers=("disable_warnings", "filterwarnings", "simplefilter"),
    equivalent="",
    message="silences InsecureRequestWarning; fix certificate verification instead of hiding the warning",
    use_instead="Trust the server's CA bundle and leave the warning on.",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        if call.short == "disable_warnings" and _about_urllib3(call):
            yield Hit(call.line, code.column(call.node),
                      f"`{ast.unparse(call.node)}` hides the warning that certificates are not checked; "
                      "turn verification back on (or trust the CA bundle) instead")
        elif call.name in FILTER_CALLS and _ignores_insecure_requests(code, call):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(\"ignore\", ...)` hides urllib3's InsecureRequestWarning; "
                      "fix certificate verification instead")


def _about_urllib3(call: Call) -> bool:
    text = ast.unparse(call.node)
    return "urllib3" in call.name or "requests" in call.name or any(w in text for w in WARNING_NAMES)


def _ignores_insecure_requests(code: PythonView, call: Call) -> bool:
    action = call.argument(0, "action")
    if code.string_value(action) != "ignore":
        return False
    rest = [*call.node.args[1:], *(k.value for k in call.node.keywords if k.arg != "action")]
    text = " ".join(ast.unparse(node) for node in rest)
    return any(w in text for w in WARNING_NAMES[:3]) or "Unverified HTTPS" in text
