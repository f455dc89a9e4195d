"""## What it does
Finds ``xmllint --noent``, which substitutes every entity while parsing,
external entities included (``<!ENTITY x SYSTEM "file:///etc/passwd">``),
and ``xsltproc`` / ``xmlstarlet`` given the same ``--noent`` switch.
Only the entity switch is reported; ``xmllint --format`` and ``--noout``
are fine.

## Why is this bad?
With entity substitution on, an XML file decides what the parser reads:
a ``SYSTEM`` entity pulls in any local file the user can read (SSH keys,
cloud credentials) or a URL on the internal network, and nested entities
blow up memory ("billion laughs").  Readers run the command on XML they
received, which is exactly the input an attacker controls.

## Example
```console
$ xmllint --noent --format invoice.xml
```

## Use instead
```console
$ xmllint --nonet --format invoice.xml
```
Leave entity substitution off (the default); if a document needs its
internal entities expanded, check where it came from first and add
``--nonet`` so no network resource is fetched.

## References
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
- [CWE-776: Improper Restriction of Recursive Entity References in DTDs](https://cwe.mitre.org/data/definitions/776.html)
- [OWASP XML External Entity Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.shell import ShellView
from ...model import Hit
from ..registry import rule

PROGRAMS = frozenset({"xmllint", "xsltproc", "xmlstarlet", "xml"})


@rule(
    id="DSS013",
    symbol="xml-entities-cli",
    title="XML tool run with entity substitution (XXE)",
    severity="medium",
    cwe=611,
    languages=("shell",),
    triggers=("noent",),
    equivalent="none (Bandit B313-B320 / Ruff S313-S320 for Python parsers)",
    message="`--noent` substitutes external entities, so the XML file can read local files or URLs; drop it",
    use_instead="xmllint --nonet --format file.xml (entity substitution off)",
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        if command.program in PROGRAMS and command.has_flag("--noent", "-noent"):
            yield Hit(command.line, 1, f"`{command.program} --noent` expands external entities, so the XML "
                      "decides which local files or URLs are read into the output; leave entity substitution off")
