"""## What it does
Finds Jupyter started as root on purpose: ``--allow-root`` on a ``jupyter``
command line (shell, Dockerfile ``CMD``, Compose ``command``), and
``c.ServerApp.allow_root = True`` / ``c.NotebookApp.allow_root = True`` or
``--NotebookApp.allow_root=True``.

## Why is this bad?
Jupyter refuses to run as root unless told to, because every notebook cell,
terminal and extension then runs as root: one malicious notebook or exposed
port owns the whole machine or container, including mounted host paths.

## Example
```dockerfile
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--allow-root"]
```

## Use instead
```dockerfile
RUN useradd --create-home jovyan
USER jovyan
CMD ["jupyter", "lab", "--ip=0.0.0.0"]
```

## References
- [CWE-250: Execution with Unnecessary Privileges](https://cwe.mitre.org/data/definitions/250.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

JUPYTER = re.compile(r"jupyter|notebook|start-notebook|start\.sh|ipython|voila|jupyterhub", re.IGNORECASE)
LOG_LINE = re.compile(r"^\s*\[[IWECD] ")  # Jupyter's own log output in a transcript
ALLOW_ROOT_FLAG = re.compile(r"--allow[-_]root\b(?!\s*=\s*(?:false|0)\b)", re.IGNORECASE)
ALLOW_ROOT_CONFIG = re.compile(
    r"\b(?:c\.)?(?:NotebookApp|ServerApp|LabApp|Spawner|Application)\.allow_root\s*=\s*(?:True|true|1)\b"
)


@rule(
    id="DSJ002",
    symbol="jupyter-allow-root",
    title="Jupyter server allowed to run as root",
    severity="low",
    cwe=250,
    languages=("text",),
    triggers=("allow_root", "allow-root"),
    equivalent="none",
    message="Jupyter runs as root, so every cell and terminal is root; run it as an unprivileged user",
    use_instead="create a user (useradd) and run jupyter as that user; drop --allow-root",
)
def check(text: TextView) -> Iterator[Hit]:
    for number, line in enumerate(text.lines, start=1):
        if line.lstrip().startswith("#") and not JUPYTER.match(line.lstrip("# ")) or LOG_LINE.match(line):
            continue
        flag = ALLOW_ROOT_FLAG.search(line)
        if (flag and JUPYTER.search(line)) or ALLOW_ROOT_CONFIG.search(line):
            yield Hit(number, 1, "Jupyter is allowed to run as root (`allow_root`), so every cell and terminal "
                      "runs as root; run it as an unprivileged user instead")
