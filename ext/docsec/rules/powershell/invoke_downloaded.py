r"""## What it does
Finds PowerShell that runs text it downloaded earlier in the example, through
a variable: ``$script = (New-Object Net.WebClient).DownloadString($url)`` or
``$r = Invoke-WebRequest $url`` and then ``Invoke-Expression $script``,
``iex $r.Content``, ``[scriptblock]::Create($script)`` or ``& ([scriptblock]::Create($script))``.

A download piped straight into ``iex`` on one line (``iwr URL | iex``,
``iex (irm URL)``) is DSS001's, which reads PowerShell's commands as it
reads every shell's; this rule follows the value through a variable, which
only the grammar tells.

## Why is this bad?
Whatever the server (or anyone between it and the reader) sends runs with
the reader's rights, unseen: a compromised download site or a hijacked
domain turns every copy of the example into its installer.

## Example
```powershell
$script = (New-Object Net.WebClient).DownloadString("https://example.com/install.ps1")
Invoke-Expression $script
```

## Use instead
```powershell
Invoke-WebRequest https://example.com/install.ps1 -OutFile install.ps1
(Get-FileHash install.ps1 -Algorithm SHA256).Hash   # compare with the published checksum
.\install.ps1
```
Save the script, check its published checksum or signature
(``Get-AuthenticodeSignature``), read it, then run the file.

## References
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.powershell import PowerShellView
from ...model import Hit
from ..registry import rule
from ._values import FETCH_TEXT, downloads, statement_of

RUNNERS = frozenset({"iex", "invoke-expression"})


@rule(
    id="DSM001",
    symbol="ps-invoke-downloaded-text",
    title="Downloaded text run with Invoke-Expression through a variable (PowerShell)",
    severity="high",
    cwe=494,
    languages=("powershell",),
    equivalent="PSScriptAnalyzer PSAvoidUsingInvokeExpression (any use)",
    message="runs downloaded text; save the script, verify its checksum or signature, then run the file",
    use_instead="Invoke-WebRequest URL -OutFile install.ps1; Get-FileHash install.ps1; .\\install.ps1",
    name_triggers=("iex", "expression", "create"),  # (``Invoke-Expression`` is two words of the block)
)
def check(view: PowerShellView) -> Iterator[Hit]:
    downloaded = {name for name, values in view.assignments.items() if any(downloads(view, v) for v in values)}
    if not downloaded:
        return
    # (a command reads its arguments and what is piped into it: the whole pipeline)
    runs: list[Any] = [c.pipeline if c.position else c.node for c in view.commands if c.lower in RUNNERS]
    runs += [i.node for i in view.invocations
             if i.static and i.name.lower() == "create" and view.text_of(i.receiver).lower() == "[scriptblock]"]
    for node in runs:
        if FETCH_TEXT.search(view.text_of(statement_of(node))):
            continue  # (a download in the same statement: DSS001's)
        variable = next((v for v in view.variables_in(node) if v in downloaded), None)
        if variable is not None:
            yield Hit(view.line(node), view.column(node),
                      f"`{view.text_of(node, 50)}` runs `{variable}`, text downloaded above, unseen; save the script "
                      "with `-OutFile`, check `Get-FileHash` or its signature, then run the file")
