"""## What it does
Finds a Dockerfile whose final stage switches back to root at the end: the
last ``USER`` instruction of the last stage is ``USER root``, ``USER 0`` or
``USER root:root``.  Images that never set ``USER`` are left alone (many
base images choose the user themselves).

## Why is this bad?
The container's main process then runs as root.  Any flaw in the
application, or a malicious dependency, gets root inside the container, and
root inside is one kernel bug, mounted socket or misconfiguration away from
root on the host.

## Example
```dockerfile
USER root
RUN apt-get update && apt-get install -y curl
CMD ["python", "app.py"]
```

## Use instead
```dockerfile
USER root
RUN apt-get update && apt-get install -y curl
USER app
CMD ["python", "app.py"]
```

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
- [Docker: Dockerfile best practices, USER](https://docs.docker.com/build/building/best-practices/#user)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.dockerfile import DockerfileView
from ...model import Hit
from ..registry import rule

ROOT = re.compile(r"^(?:root|0)(?::(?:root|0))?$")


@rule(
    id="DSD003",
    symbol="dockerfile-user-root",
    title="Dockerfile ends as USER root",
    severity="low",
    cwe=250,
    languages=("dockerfile",),
    triggers=("user",),
    equivalent="hadolint DL3002",
    message="the image's last USER is root, so the container runs as root; switch to an unprivileged user at the end",
    use_instead="USER app (after the steps that need root)",
)
def check(dockerfile: DockerfileView) -> Iterator[Hit]:
    last_user = None
    for instruction in dockerfile.instructions:
        if instruction.keyword == "FROM":
            last_user = None
        elif instruction.keyword == "USER":
            last_user = instruction
    if last_user is not None and ROOT.match(last_user.arguments.split()[0] if last_user.arguments.split() else ""):
        yield Hit(last_user.line, 1, f"`USER {last_user.arguments.strip()}` is the image's last USER, so the "
                  "container runs as root; add `USER <unprivileged user>` after the steps that need root")
