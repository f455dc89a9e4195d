"""## What it does
Finds Dockerfile ``ADD`` instructions that fetch a remote URL
(``ADD https://...`` or ``ADD http://...``) without ``--checksum=``.
An ``ADD`` whose file a later ``RUN`` checks (``sha256sum -c``,
``shasum -a 256 -c``, ``gpg --verify``, ``cosign verify-blob``, naming the
downloaded file) is left alone.

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
from typing import Iterator, Optional

from ...languages.dockerfile import DockerfileView
from ...model import Hit
from ..registry import rule

REMOTE = re.compile(r"^[\"']?https?://", re.IGNORECASE)
WORD = re.compile(r"[\w.-]+")
STEP = re.compile(r"&&|\|\||;|\n")
VERIFIER = re.compile(r"\bsha(?:1|224|256|384|512)sum\b[^|;&]*\s(?:-c|--check)\b|\bshasum\b[^|;&]*\s(?:-c|--check)\b"
                      r"|\bgpg2?\b[^|;&]*\s--verify\b|\bcosign\s+verify-blob\b|\bminisign\b[^|;&]*\s-V\b")


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
    checked: Optional[dict[str, int]] = None
    for instruction in dockerfile.instructions:
        if instruction.keyword != "ADD":
            continue
        words = instruction.shell_text().split()
        if any(w.startswith("--checksum=") for w in words):
            continue
        sources = [w for w in words if not w.startswith("--")][:-1]
        remote = next((w.strip("\"'") for w in sources if REMOTE.match(w)), None)
        if not remote:
            continue
        checked = _checked_files(dockerfile) if checked is None else checked
        if not any(checked.get(name, 0) > instruction.line for name in _names(remote, words[-1].strip("\"'"))):
            yield Hit(instruction.line, 1, f"`ADD {remote}` puts an unverified download into the image; "
                      "add --checksum=sha256:<digest>, or curl it and check it with sha256sum -c")


def _names(url: str, destination: str) -> set[str]:
    """The file names an ``ADD`` may be checked under: the URL's last part and the destination's."""
    names = {url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]}
    if not destination.endswith("/"):
        names.add(destination.rsplit("/", 1)[-1])
    names.discard("")
    return names


def _checked_files(dockerfile: DockerfileView) -> dict[str, int]:
    """Each word of a ``RUN`` command that checks a checksum or signature (``sha256sum -c``,
    ``gpg --verify``...), split at ``/`` and blanks, with the last line it is checked on."""
    found: dict[str, int] = {}
    for instruction in dockerfile.instructions:
        if instruction.keyword != "RUN":
            continue
        text = instruction.shell_text() + "\n" + "\n".join(body for _, body in instruction.body)
        for step in STEP.split(text):  # the check and the file name in one command (pipeline)
            if VERIFIER.search(step):
                for word in WORD.findall(step):
                    found[word] = max(found.get(word, 0), instruction.line)
    return found
