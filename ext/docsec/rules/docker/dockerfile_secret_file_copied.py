"""## What it does
Finds ``COPY`` and ``ADD`` instructions that put a credential file from the
build context into the image: SSH private keys (``id_rsa``, ``id_ed25519``,
``id_ecdsa``, ``id_dsa``, a ``.ssh`` directory), private keys (``*.key``,
``privkey.pem``, ``*-key.pem``, ``*.p12``, ``*.pfx``), ``.env`` files (not
``.env.example`` or ``.env.sample``), ``.netrc``, ``.pypirc``, cloud and
cluster credentials (``.aws/credentials``, ``credentials.json``,
``*service-account*.json``, ``.docker/config.json``, ``.kube/config``,
``kubeconfig``).  Public keys, ``known_hosts``, certificates and files
copied from another build stage (``--from=``) are left alone.

## Why is this bad?
Every instruction makes a layer, and the layers ship with the image: anyone
who can pull it (a registry, a customer, a CI cache) can read the key with
``docker save`` or ``docker history``, even when a later ``RUN rm`` deletes
the file.  A deploy key or a cloud credential copied "just for the build"
becomes a published secret.

## Example
```dockerfile
FROM python:3.12-slim
COPY id_rsa /root/.ssh/id_rsa
RUN pip install git+ssh://git@github.com/example/private-lib.git && rm /root/.ssh/id_rsa
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=ssh pip install git+ssh://git@github.com/example/private-lib.git
```
Build with ``docker build --ssh default .``; for other secrets use
``RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci`` and
``docker build --secret id=npmrc,src=$HOME/.npmrc .``: the secret is mounted
for that one step and never written to a layer.  Keep credential files out
of the build context with ``.dockerignore``.

## References
- [CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory](https://cwe.mitre.org/data/definitions/538.html)
- [Docker Docs: Build secrets](https://docs.docker.com/build/building/secrets/)
"""

from __future__ import annotations

import re
import shlex
from typing import Iterator, Optional

from ...languages.dockerfile import DockerfileView, Instruction
from ...model import Hit
from ..registry import rule

SSH_KEYS = frozenset({"id_rsa", "id_dsa", "id_ecdsa", "id_ed25519", "id_ecdsa_sk", "id_ed25519_sk"})
CREDENTIAL_FILES = frozenset({".netrc", "_netrc", ".pypirc", "credentials.json", "kubeconfig", ".git-credentials"})
# Patterns on a source's path (after ``./``), each with what it holds.
SECRET_PATHS = (
    (re.compile(r"(?:^|/)\.ssh(?:/(?!known_hosts$|config$|[^/]*\.pub$)[^/]*)?/?$"), "an SSH directory or key"),
    (re.compile(r"(?:^|/)[^/]+\.(?:key|p12|pfx)$|(?:^|/)(?:privkey|[^/]*[-_.]key)\.pem$", re.IGNORECASE), "a private key"),
    (re.compile(r"(?:^|/)\.env(?:\.(?!example$|sample$|template$|dist$|defaults?$)[\w-]+)?$"), "an .env file"),
    (re.compile(r"(?:^|/)\.aws(?:/credentials)?/?$"), "AWS credentials"),
    (re.compile(r"(?:^|/)[^/]*service[-_]?account[^/]*\.json$", re.IGNORECASE), "a cloud service account key"),
    (re.compile(r"(?:^|/)\.docker/config\.json$|(?:^|/)\.kube(?:/config)?/?$"), "registry or cluster credentials"),
)


@rule(
    id="DSD007",
    symbol="dockerfile-secret-file-copied",
    title="Dockerfile copies a key or credential file into the image",
    severity="high",
    cwe=538,
    languages=("dockerfile",),
    triggers=("copy", "add"),
    equivalent="none",
    message="copies a key or credential file into an image layer, where anyone who pulls the image can read it; "
            "mount it for the one step with RUN --mount=type=ssh or type=secret",
    use_instead="RUN --mount=type=ssh ... (docker build --ssh default), RUN --mount=type=secret,id=NAME ...",
)
def check(dockerfile: DockerfileView) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword not in ("COPY", "ADD") or "from" in instruction.flags:
            continue
        for source in _sources(instruction):
            what = _secret_in(source)
            if what:
                yield Hit(instruction.line, 1, f"`{instruction.keyword} {source}` puts {what} into an image layer, "
                          "where anyone who pulls the image can read it, even after a later `rm`; mount it for the "
                          "one step that needs it (`RUN --mount=type=ssh`, `--mount=type=secret`)")
                break


def _sources(instruction: Instruction) -> list[str]:
    """The instruction's sources: every path but the last (the destination), flags left out."""
    text = instruction.shell_text()  # (the JSON form's words, quoted)
    words = text.split()  # (most instructions: the same words without shlex's cost)
    if any(quote in text for quote in "'\"\\"):
        try:
            words = shlex.split(text, comments=False)
        except ValueError:
            pass
    paths = [word for word in words if not word.startswith("--")]
    return paths[:-1]


def _secret_in(source: str) -> Optional[str]:
    path = source.strip("\"'")
    while path.startswith("./"):
        path = path[2:]
    name = path.rstrip("/").rsplit("/", 1)[-1]
    if name in SSH_KEYS:
        return "a private SSH key"
    if name in CREDENTIAL_FILES:
        return f"a credential file ({name})"
    for pattern, what in SECRET_PATHS:
        if pattern.search(path):
            return what
    return None
