"""## What it does
Finds private keys pasted into an example: PEM and OpenSSH blocks
``-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )PRIVATE KEY( BLOCK)-----``
followed by a real base64 body, in any language (YAML secrets, ``.env``
files, shell heredocs, Python strings), and the base64 of such a block as
Kubernetes ``Secret`` data stores it (``LS0tLS1CRUdJTi...``).  Blocks whose
body is a placeholder (``...``, ``<your key>``, ``MIIE...``) are left alone.

## Why is this bad?
A private key in published documentation is public: anyone can sign, decrypt
or log in with it, and readers copy it into their own deployments, so one
key ends up trusted in many places.  Even a "test" key teaches readers to
commit keys.

## Example
```text
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaGglfIPk5VlDPk4C47bIkprJIoekg
To/Qri4alJKjMF8YjLYQkA+eNH+uiG3GUHeV7HRcTD/LLrLHPhSTTIZ+4Fe6ckmb+hIegw
ayrBVybufWsK9qsTw46SyuDRUFexWZh/lMx0EdcX8UV5sqoQD7uzT6WT/q7Scki3YuOrWA
-----END OPENSSH PRIVATE KEY-----
```

## Use instead
```text
-----BEGIN OPENSSH PRIVATE KEY-----
<contents of ~/.ssh/id_ed25519>
-----END OPENSSH PRIVATE KEY-----
```

Generate keys on the reader's machine (``ssh-keygen -t ed25519``) and load
them from a file or a secret store.

## References
- [CWE-321: Use of Hard-coded Cryptographic Key](https://cwe.mitre.org/data/definitions/321.html)
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Iterator

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

BEGIN = re.compile(
    r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 ENCRYPTED |ANY )?PRIVATE KEY(?: BLOCK)?-----"
)
END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----")
HEADER = re.compile(r"^\s*(?:Proc-Type|DEK-Info|Version|Comment|Hash|Charset)\s*:", re.IGNORECASE)
BASE64_LINE = re.compile(r"^[A-Za-z0-9+/=]{40,}$")
ENCODED_PEM = re.compile(r"LS0tLS1CRUdJTi[A-Za-z0-9+/]{60,}={0,2}")
PLACEHOLDER = re.compile(r"\.\.\.|…|<[^>]*>|\{\{|\$\{|\b(?:your|redacted|example|placeholder|truncated|snip)\b", re.I)
BODY_LINES = 60


@rule(
    id="DSC001",
    symbol="private-key-block",
    title="Private key in an example",
    severity="critical",
    cwe=321,
    languages=("text",),
    triggers=("private key", "ls0tls1crudjti"),
    equivalent="detect-secrets PrivateKeyDetector, gitleaks private-key",
    message="a private key is published in the docs; revoke it and show a placeholder",
    use_instead="-----BEGIN OPENSSH PRIVATE KEY-----\\n<contents of ~/.ssh/id_ed25519>\\n-----END OPENSSH PRIVATE KEY-----",
)
def check(text: TextView) -> Iterator[Hit]:
    lines = text.lines
    for number, line in enumerate(lines, start=1):
        begin = BEGIN.search(line)
        if begin and _real_body(lines, number, line[begin.end():]):
            yield Hit(number, 1, f"`{begin.group(0)}` with a real key body: the key is public once published; "
                      "revoke it and show a placeholder such as `<contents of id_ed25519>`")
        for encoded in ENCODED_PEM.finditer(line):
            if _encoded_private_key(encoded.group(0)):
                yield Hit(number, 1, "a base64-encoded private key (`LS0tLS1CRUdJTi...`) is published; "
                          "revoke it and reference a Secret created outside the docs")
                break


def _real_body(lines: list[str], number: int, rest_of_line: str) -> bool:
    """True when the lines after BEGIN hold a key body, not a placeholder."""
    body: list[str] = []
    inline = rest_of_line.replace("\\n", "\n").split("\n")  # a key inside a JSON/YAML string: "...\\n..."
    candidates = inline[1:] if len(inline) > 1 else lines[number: number + BODY_LINES]
    for candidate in candidates:
        stripped = candidate.strip().strip("\"',")
        if END.search(stripped):
            stripped = END.split(stripped)[0].strip()
            if stripped:
                body.append(stripped)
            break
        if not stripped or HEADER.match(stripped):
            continue
        body.append(stripped)
    joined = " ".join(body)
    if not body or PLACEHOLDER.search(joined):
        return False
    return sum(1 for part in body if BASE64_LINE.match(part.replace(" ", ""))) >= 1 and len(joined) >= 60


def _encoded_private_key(token: str) -> bool:
    head = token[:120]
    head = head[: len(head) - len(head) % 4]
    try:
        decoded = base64.b64decode(head, validate=False).decode("ascii", "replace")
    except (binascii.Error, ValueError):
        return False
    return bool(BEGIN.search(decoded)) and len(token) >= 200
