r"""## What it does
Finds PowerShell's execution policy switched off (``-ExecutionPolicy
Bypass`` or ``Unrestricted`` given to ``powershell``/``pwsh``, or
``Set-ExecutionPolicy Bypass``/``Unrestricted``) in an example that also
downloads something (``Invoke-WebRequest``, ``Invoke-RestMethod``,
``iwr``/``irm``, ``WebClient.DownloadString``/``DownloadFile``,
``Start-BitsTransfer``).  On its own, bypassing the policy for a script you
wrote is ordinary; together with a download it runs whatever was fetched.

## Why is this bad?
The execution policy is what stops a downloaded, unsigned script from
running by a double-click or a copied command.  Switching it off in the same
recipe that fetches a script runs that script, whatever the server sent,
with the reader's rights.

## Example
```powershell
Set-ExecutionPolicy Bypass -Scope Process -Force
Invoke-WebRequest https://example.com/setup.ps1 -OutFile setup.ps1
.\setup.ps1
```

## Use instead
```powershell
Invoke-WebRequest https://example.com/setup.ps1 -OutFile setup.ps1
Get-AuthenticodeSignature .\setup.ps1   # expect Status: Valid, from the publisher you trust
.\setup.ps1
```
Keep the policy (``RemoteSigned`` or ``AllSigned``), check the script's
signature or checksum, and unblock only that file (``Unblock-File``) when
you have.

## References
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [Microsoft: about_Execution_Policies](https://learn.microsoft.com/powershell/module/microsoft.powershell.core/about/about_execution_policies)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.powershell import PowerShellView
from ...model import Hit
from ..registry import rule
from ._values import downloads

OPEN_POLICIES = frozenset({"bypass", "unrestricted"})


@rule(
    id="DSM002",
    symbol="ps-execution-policy-bypass-with-download",
    title="Execution policy bypassed in an example that downloads (PowerShell)",
    severity="medium",
    cwe=494,
    languages=("powershell",),
    equivalent="none",
    message="bypasses the execution policy where a download runs; keep RemoteSigned and verify the script",
    use_instead="Get-AuthenticodeSignature .\\setup.ps1; Unblock-File .\\setup.ps1",
    triggers=("bypass", "unrestricted"),
)
def check(view: PowerShellView) -> Iterator[Hit]:
    if not downloads(view, view.tree.root):
        return
    for command in view.commands:
        policy = None
        if command.lower in ("set-executionpolicy",):
            parameter = command.parameter("executionpolicy")
            value = parameter.value if parameter is not None else (command.arguments[0] if command.arguments else None)
            policy = view.string_value(value) if value is not None else None
        elif command.lower.removesuffix(".exe") in ("powershell", "pwsh"):
            parameter = command.parameter("executionpolicy", "ep")
            policy = view.string_value(parameter.value) if parameter is not None and parameter.value is not None \
                else None
        if policy is not None and policy.lower() in OPEN_POLICIES:
            yield Hit(view.line(command.node), view.column(command.node),
                      f"`{view.text_of(command.node, 50)}` switches the execution policy to {policy} in an example "
                      "that downloads a script, so whatever was fetched runs; keep `RemoteSigned` and check the "
                      "script's signature (`Get-AuthenticodeSignature`) or checksum")
