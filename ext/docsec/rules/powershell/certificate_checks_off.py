r"""## What it does
Finds TLS certificate checks switched off in PowerShell:
``-SkipCertificateCheck`` on ``Invoke-WebRequest``/``Invoke-RestMethod``
(PowerShell 6 and later), and
``[System.Net.ServicePointManager]::ServerCertificateValidationCallback``
set to a script block that returns ``$true`` (``{$true}``,
``{ param(...) return $true }``) or ``[ServicePointManager]::CertificatePolicy``
set to a ``TrustAllCertsPolicy``.

## Why is this bad?
Without the check anyone on the network path (a café's Wi-Fi, a proxy, a
compromised router) can present their own certificate, read the traffic and
change it: credentials sent and scripts downloaded included.

## Example
```powershell
[System.Net.ServicePointManager]::ServerCertificateValidationCallback = {$true}
Invoke-RestMethod https://internal.example.com/api -SkipCertificateCheck
```

## Use instead
```powershell
Import-Certificate -FilePath .\internal-ca.cer -CertStoreLocation Cert:\CurrentUser\Root
Invoke-RestMethod https://internal.example.com/api
```
Trust the certificate authority that signed the server's certificate (import
it into the certificate store) and keep the check on.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.powershell import PowerShellView
from ...model import Hit
from ..registry import rule

CALLBACKS = ("servercertificatevalidationcallback", "certificatepolicy")


@rule(
    id="DSM004",
    symbol="ps-certificate-check-off",
    title="TLS certificate checks switched off (PowerShell)",
    severity="high",
    cwe=295,
    languages=("powershell",),
    equivalent="none",
    message="switches TLS certificate checks off; trust the server's CA instead",
    use_instead="Import-Certificate -FilePath .\\ca.cer -CertStoreLocation Cert:\\CurrentUser\\Root",
    triggers=("skipcert", "servercertificatevalidationcallback", "certificatepolicy"),
)
def check(view: PowerShellView) -> Iterator[Hit]:
    for command in view.commands:
        parameter = command.parameter("skipcertificatecheck")
        if parameter is not None and (parameter.value is None or view.text_of(parameter.value).lower() != ":$false"):
            yield _hit(view, parameter.node, f"`{command.name} ... {view.text_of(parameter.node)}`")
    for target, values in view.assignments.items():
        if target.rsplit("::", 1)[-1] in CALLBACKS:
            for value in values:
                if _trusts_all(view, value):
                    yield _hit(view, value.parent, f"`{target.rsplit('::', 1)[-1]}` set to `{view.text_of(value, 40)}`")


def _trusts_all(view: PowerShellView, value: Any) -> bool:
    """``{$true}``, ``{ param($a, $b, $c, $d) return $true }``, ``New-Object TrustAllCertsPolicy``."""
    text = " ".join(view.text_of(value).lower().split())
    if "trustall" in text:
        return True
    inner = view.inner(value)
    if inner is None or inner.type != "script_block_expression":
        return False
    body = text.strip("{} ")
    if body.startswith("param"):
        body = body[body.find(")") + 1:].strip()
    return body in ("$true", "return $true", "$true;", "return $true;")


def _hit(view: PowerShellView, node: Any, what: str) -> Hit:
    return Hit(view.line(node), view.column(node),
               f"{what} switches TLS certificate checks off, so anyone on the network path can read and change the "
               "traffic; import the server's CA into the certificate store instead")
