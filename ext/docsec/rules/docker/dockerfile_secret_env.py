"""## What it does
Finds Dockerfile ``ENV`` and ``ARG`` instructions that set a variable whose
name says it holds a secret (``DB_PASSWORD``, ``API_KEY``, ``AWS_SECRET_ACCESS_KEY``,
``GITHUB_TOKEN``) to a literal value that reads as a real one.  Values taken
from elsewhere (``$DB_PASSWORD``, ``${TOKEN}``), placeholders
(``<your-token>``, ``changeme``) and names that only point at a secret
(``PASSWORD_FILE``, ``TOKEN_PATH``) are left alone.

## Why is this bad?
``ENV`` values are stored in the image's configuration and every layer after
them: anyone who can pull the image reads them with ``docker inspect`` or
``docker history``, and they reach every process in the container.  An
``ARG`` default is recorded in the image history too.  Readers copy the
Dockerfile with the secret still in it.

## Example
```dockerfile
FROM python:3.12-slim
ENV DATABASE_PASSWORD=Sup3r-S3cret!
ARG PYPI_TOKEN=pypi-AgEIcHlwaS5vcmc
```

## Use instead
```dockerfile
# syntax=docker/dockerfile:1
FROM python:3.12-slim
RUN --mount=type=secret,id=pypi_token \\
    PIP_INDEX_URL="https://__token__:$(cat /run/secrets/pypi_token)@pypi.example.com/simple" \\
    pip install -r requirements.txt
```
Build with ``docker build --secret id=pypi_token,src=token.txt .``, and give
the running container its secrets at run time (``docker run --env-file``,
Docker or Kubernetes secrets), not in the image.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [Docker docs: build secrets](https://docs.docker.com/build/building/secrets/)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.dockerfile import DockerfileView
from ...languages.text import looks_like_secret, names_a_secret
from ...model import Hit
from ..registry import rule


@rule(
    id="DSD006",
    symbol="dockerfile-secret-env",
    title="Secret baked into a Dockerfile ENV or ARG",
    severity="high",
    cwe=798,
    languages=("dockerfile",),
    # each name SECRET_NAME accepts holds one of these
    triggers=("secret", "token", "passw", "pwd", "key", "credential"),
    equivalent="Checkov CKV_DOCKER secrets checks, hadolint (none); gitleaks for the value itself",
    message="a secret is set with ENV or ARG, which the image keeps for anyone who pulls it; "
            "use a build secret (RUN --mount=type=secret) or pass it at run time",
    use_instead="RUN --mount=type=secret,id=token ...; docker run --env-file secrets.env",
)
def check(dockerfile: DockerfileView) -> Iterator[Hit]:
    for instruction in dockerfile.instructions:
        if instruction.keyword not in ("ENV", "ARG"):
            continue
        for name, value in instruction.settings():
            if names_a_secret(name) and looks_like_secret(value, 8):
                yield Hit(instruction.line, 1, f"`{instruction.keyword} {name}=…` bakes a secret into the image, "
                          "where `docker history` and `docker inspect` show it; use a build secret "
                          "(`RUN --mount=type=secret`) or pass it when the container starts")
