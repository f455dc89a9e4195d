"""## What it does
Finds Dockerfile ``ADD`` instructions that fetch a remote URL
(``ADD https://...`` or ``ADD http://...``) without ``--checksum=``.

## Why is this bad?
``ADD URL`` copies whatever the server returns into the image, with no
integrity check: a compromised or hijacked server (or, over ``http://``,
anyone on the network path) changes what is built and shipped.  The
download is also not cached by content, so rebuilds silently pick up new
files.

## Example
```dockerfile
ADD https://example.com/releases/tool-linux-amd64 /usr/local/bin/tool
```

## Use instead
```dockerfile
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
    https://example.com/releases/tool-linux-amd64 /usr/local/bin/tool
```

or download with ``curl`` and verify with ``sha256sum -c`` in the same ``RUN``.

## References
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [Dockerfile reference: ADD --checksum](https://docs.docker.com/reference/dockerfile/#add---checksum)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.dockerfile import DockerfileView
from ...model import Hit
from ..registry import rule

REMOTE = re.compile(r"^[\"']?https?://", re.IGNORECASE)


@rule(
    id="DSD002",
    symbol="dockerfile-remote-add",
    title="Dockerfile ADD of a remote URL without a checksum",
    severity="medium",
    cwe=494,
    languages=("dockerfile",),
    triggers=("add",),
    equivalent="Checkov CKV_DOCKER_4 (partial)",
    message="`ADD URL` puts an unverified download into the image; add --checksum=sha256:... "
            "or curl and sha256sum -c in a RUN",
    use_instead="ADD --checksum=sha256:<digest> URL DEST",
)
def check(dockerfile: DockerfileView) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword != "ADD":
            continue
        words = instruction.shell_text().split()
        if any(w.startswith("--checksum=") for w in words):
            continue
        sources = [w for w in words if not w.startswith("--")][:-1]
        remote = next((w.strip("\"'") for w in sources if REMOTE.match(w)), None)
        if remote:
            yield Hit(instruction.line, 1, f"`ADD {remote}` puts an unverified download into the image; "
                      "add --checksum=sha256:<digest>, or curl it and check it with sha256sum -c")
