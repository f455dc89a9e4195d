"""## What it does
Finds GitHub Actions workflows triggered by ``pull_request_target`` that
check out the pull request's own code: ``actions/checkout`` given
``ref: ${{ github.event.pull_request.head.sha }}`` (or ``.head.ref``,
``github.head_ref``, ``refs/pull/${{ ... }}/merge``) or
``repository: ${{ github.event.pull_request.head.repo.full_name }}``, and
``run:`` steps that fetch it with ``gh pr checkout`` or
``git fetch origin pull/${{ ... }}/head``.  A workflow that checks out the
base branch (the default under ``pull_request_target``) is left alone, and
so is a ``pull_request`` workflow, which runs without the repository's
secrets.

## Why is this bad?
``pull_request_target`` runs in the context of the target repository: with
its secrets and a ``GITHUB_TOKEN`` that can write, even for a pull request
from a fork.  Once the job checks out the pull request's code, anything that
runs it (a build, a test, an install script, a linter's plugin) runs the
author's code with those secrets.  Anyone can open a pull request, so anyone
can steal the secrets or push to the repository ("pwn request").

## Example
```yaml
on: pull_request_target
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: make test
```

## Use instead
```yaml
on: pull_request
jobs:
  test:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@v4
      - run: make test
```
Build and test pull requests under ``pull_request``, which gives a fork no
secrets.  When a later step needs them (a comment, a label), run it in a
separate ``workflow_run`` job that reads the first job's results as data and
never executes them.

## References
- [CWE-829: Inclusion of Functionality from Untrusted Control Sphere](https://cwe.mitre.org/data/definitions/829.html)
- [GitHub Security Lab: Preventing pwn requests](https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule

TRIGGER = "pull_request_target"
# A pull request's head: its commit, its branch, its merge ref, its repository.
HEAD = re.compile(
    r"\$\{\{[^}]*\b(?:github\s*\.\s*event\s*\.\s*pull_request\s*\.\s*head\s*\.\s*(?:sha|ref|repo\s*\.\s*full_name)"
    r"|github\s*\.\s*head_ref)\b[^}]*\}\}"
    r"|refs/pull/\$\{\{[^}]*\}\}/(?:head|merge)",
    re.IGNORECASE,
)
CHECKOUT_INPUTS = frozenset({"ref", "repository"})
FETCH_HEAD = re.compile(r"\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\bpull/\$\{\{[^}]*\}\}/(?:head|merge)\b"
                        r"|\bgit\s+(?:checkout|switch)\b[^\n]*\$\{\{[^}]*\bpull_request\s*\.\s*head\s*\.\s*(?:sha|ref)\b",
                        re.IGNORECASE)


@rule(
    id="DSK010",
    symbol="github-actions-pull-request-target-checkout",
    title="pull_request_target workflow that checks out the pull request's code",
    severity="high",
    cwe=829,
    languages=("yaml",),
    triggers=(TRIGGER,),
    equivalent="zizmor dangerous-triggers, Semgrep yaml.github-actions.security.pull-request-target-code-checkout",
    message="checks out the pull request's code in a pull_request_target job, which holds the repository's "
            "secrets and a write token; build pull requests under pull_request",
    use_instead="on: pull_request (no secrets for forks); a separate workflow_run job for steps that need secrets",
)
def check(yaml: YamlView) -> Iterator[Hit]:
    if not _runs_on_pull_request_target(yaml):
        return
    lines = yaml.text.splitlines()
    for entry in yaml.entries:
        if not entry.is_scalar or "${{" not in entry.value:
            continue
        if entry.key in CHECKOUT_INPUTS and len(entry.path) >= 2 and entry.path[-2] == "with" and HEAD.search(entry.value):
            yield Hit(entry.line, 1, f"`{entry.key}: {entry.value.strip()}` checks out the pull request's code in a "
                      "`pull_request_target` job, which has the repository's secrets and a write token; anything "
                      "that builds or runs it runs the author's code: use `on: pull_request`")
        elif entry.key == "run":
            fetch = FETCH_HEAD.search(entry.value)
            if fetch:
                shown = " ".join(fetch.group(0).split())
                yield Hit(_line_of(lines, entry.line, fetch.group(0)), 1,
                          f"`{shown}` fetches the pull request's code in a `pull_request_target` job, which has the "
                          "repository's secrets and a write token: use `on: pull_request`")


def _runs_on_pull_request_target(yaml: YamlView) -> bool:
    """``on: pull_request_target``, ``on: [push, pull_request_target]`` or ``on: {pull_request_target: ...}``."""
    for entry in yaml.entries:
        if not entry.path or entry.path[0] not in ("on", "true", "True"):  # (YAML 1.1 reads a bare on as true)
            continue
        if entry.key == TRIGGER or (entry.is_scalar and entry.value.strip() == TRIGGER):
            return True
    return False


def _line_of(lines: list[str], start: int, text: str) -> int:
    """The line of a block scalar that holds ``text`` (the key's line if none does: a folded scalar)."""
    for number in range(start, min(len(lines), start + 400) + 1):
        if text in lines[number - 1]:
            return number
    return start
