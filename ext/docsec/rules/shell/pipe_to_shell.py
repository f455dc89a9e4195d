"""## What it does
Finds a script downloaded and run in one step: ``curl URL | sh``, ``wget -qO-
URL | sudo bash``, ``curl URL | python3 -``, ``bash <(curl URL)``,
``sh -c "$(curl URL)"``, ``source <(curl URL)``, and PowerShell's
``irm URL | iex`` / ``iex (irm URL)`` /
``iex ((New-Object Net.WebClient).DownloadString(URL))``.

## Why is this bad?
The reader runs whatever the server sends, unseen, often as root.  A
compromised or hijacked host, a truncated download (the shell runs the half
it received) or a server that detects ``curl | sh`` and serves a different
script all execute arbitrary code.  Nothing checks the script against a
checksum or signature.

## Example
```console
$ curl -fsSL https://example.com/install.sh | sudo bash
```

## Use instead
```console
$ curl -fsSLo install.sh https://example.com/install.sh
$ sha256sum --check install.sh.sha256   # or read it
$ bash install.sh
```

Prefer a package manager, or a release artefact with a published checksum.

## References
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [CWE-829: Inclusion of Functionality from Untrusted Control Sphere](https://cwe.mitre.org/data/definitions/829.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

DOWNLOADERS = frozenset({
    "curl", "wget", "fetch", "http", "https", "aria2c", "iwr", "irm", "invoke-webrequest", "invoke-restmethod",
})
INTERPRETER = re.compile(r"^(?:(?:ba|z|k|da|a|fi)?sh|python[0-9.]*|py|pypy[0-9.]*|perl|ruby|node|nodejs|php|deno|bun|pwsh|powershell)$")
POWERSHELL_EXEC = re.compile(r"\b(?:iex|invoke-expression)\b|\[scriptblock\]::create", re.IGNORECASE)
POWERSHELL_FETCH = re.compile(
    r"\b(?:irm|iwr|invoke-restmethod|invoke-webrequest|curl|wget)\b|downloadstring|net\.webclient", re.IGNORECASE
)
SUBSTITUTED_DOWNLOAD = re.compile(
    r"(?:^|[\s;&|])(?:[\w./-]*/)?(?:(?:ba|z|k|da)?sh|source|\.|eval|python[0-9.]*|perl|ruby|node)(?:\s+-\w+)*\s+"
    r"[\"']?(?:<\(|\$\(|`)\s*(?:sudo\s+)?(?:curl|wget|fetch)\b"
)


@rule(
    id="DSS001",
    symbol="pipe-to-shell",
    title="Remote script piped into a shell or interpreter",
    severity="high",
    cwe=494,
    languages=("shell",),
    equivalent="none",
    message="a downloaded script is run without inspection or checksum; download it to a file, verify it, then run it",
    use_instead="curl -fsSLo install.sh URL && sha256sum --check install.sh.sha256 && bash install.sh",
    triggers=('curl', 'wget', 'fetch', 'http', 'aria2c', 'iwr', 'irm', 'invoke-webrequest', 'invoke-restmethod', 'downloadstring', 'webclient'),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for pipeline in shell.all_pipelines:
        stages = pipeline.stages
        fetched = next((i for i, c in enumerate(stages) if c.program in DOWNLOADERS), None)
        runner = next((c for c in stages[(fetched or 0) + 1:] if _runs_stdin(c)), None) if fetched is not None else None
        if runner is not None and fetched is not None:  # (a runner is only looked for after a fetch)
            yield Hit(pipeline.line, 1, f"`{stages[fetched].program} ... | {_name(runner)}` runs a downloaded script "
                      "unseen; save it to a file, check its checksum or read it, then run it")
        elif POWERSHELL_EXEC.search(pipeline.text) and POWERSHELL_FETCH.search(pipeline.text):
            yield Hit(pipeline.line, 1, "`Invoke-Expression` (`iex`) of a downloaded script runs it unseen; "
                      "save it with `Invoke-WebRequest -OutFile`, check `Get-FileHash`, then run it")
        elif SUBSTITUTED_DOWNLOAD.search(pipeline.text):
            yield Hit(pipeline.line, 1, "a shell runs the output of `curl`/`wget` through `<( )` or `$( )`, unseen; "
                      "download the script to a file, verify it, then run it")


def _runs_stdin(command: Command) -> bool:
    """True when the stage executes code read from standard input."""
    program = command.program
    if program in ("iex", "invoke-expression", "source", "."):
        return True
    if not INTERPRETER.match(program):
        return False
    arguments = command.words[1:]
    for index, word in enumerate(arguments):
        if word in ("-s", "--", "-"):
            return True
        if re.match(r"^-[a-zA-Z]*[cemE]$", word) or word in ("-Command", "-command", "-File", "-file"):
            return False  # code from an argument or a module; stdin is data
        if not word.startswith("-"):
            return False  # a script file; stdin is its data
    return True


def _name(command: Command) -> str:
    return " ".join(("sudo",) * ("sudo" in command.wrappers) + command.words[:1])
