"""## What it does
Finds passwords written into PowerShell as literals:
``ConvertTo-SecureString "..." -AsPlainText -Force`` (the password given
as a literal, by position or ``-String``), and variables named like a
password, secret or token given a literal (``$password = "..."``,
``$apiKey = '...'``).  Literals are judged by the credentials judgement
every language shares: placeholders (``"<password>"``, ``"changeme"``,
``Read-Host`` prompts) are left alone.

## Why is this bad?
``-AsPlainText -Force`` exists to turn a string into a secure one; with a
literal, the password sits in the script, in the shell history and in every
copy of the docs, and readers keep it.

## Example
```powershell
$password = ConvertTo-SecureString "Wint3r-2024!" -AsPlainText -Force
$credential = New-Object System.Management.Automation.PSCredential ("admin", $password)
```

## Use instead
```powershell
$credential = Get-Credential -UserName admin -Message "Administrator password"
# or, unattended: Get-Secret -Name AdminPassword (Microsoft.PowerShell.SecretManagement)
```
Ask for the password (``Get-Credential``, ``Read-Host -AsSecureString``) or
read it from a secret store.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.credentials import describes_itself, is_secret_name, kind_of, looks_real, shown_kind
from ...languages.powershell import PowerShellView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSM005",
    symbol="ps-plaintext-password",
    title="Password written into PowerShell as a literal",
    severity="high",
    cwe=798,
    languages=("powershell",),
    equivalent="PSScriptAnalyzer PSAvoidUsingConvertToSecureStringWithPlainText",
    message="a password is written into the script; ask for it (Get-Credential) or read it from a secret store",
    use_instead="$credential = Get-Credential; Get-Secret -Name AdminPassword",
    joined_triggers=("asplaintext", "pw", "pass", "secret", "token", "cred", "key", "bearer"),
)
def check(view: PowerShellView) -> Iterator[Hit]:
    seen: set[int] = set()
    for command in view.commands:
        if command.lower == "convertto-securestring" and command.parameter("asplaintext") is not None:
            parameter = command.parameter("string")
            value = parameter.value if parameter is not None else (command.arguments[0] if command.arguments else None)
            if value is not None:
                yield from _judge(view, "ConvertTo-SecureString -AsPlainText", value, "password", seen)
    for target, values in view.assignments.items():
        name = target.lstrip("$").split(":", 1)[-1]
        if target.startswith("$") and not target.lower().startswith("$env:") and is_secret_name(name):
            for value in values:
                yield from _judge(view, target, value, kind_of(name), seen)


def _judge(view: PowerShellView, what: str, value: Any, kind: str, seen: set[int]) -> Iterator[Hit]:
    text = view.string_value(value)
    node = view.inner(value)
    if text is None or node is None or node.start_byte in seen:
        return
    if looks_real(text, kind) and not describes_itself(text):
        seen.add(node.start_byte)
        shown = f"\"{text[:3]}...\"" if len(text) > 6 else "\"...\""
        yield Hit(view.line(node), view.column(node),
                  f"`{what}` is given a literal {shown_kind(kind)} ({shown}), which the script, the history and every copy of "
                  "the docs keep; ask for it (`Get-Credential`, `Read-Host -AsSecureString`) or read it from a "
                  "secret store")
