"""## What it does
Finds cloud access policies that grant everything, or grant write access to
everyone:

* IAM policy statements (JSON, Python dicts, CloudFormation YAML) with
  ``"Effect": "Allow"``, ``"Action": "*"`` (or ``"*:*"``) and
  ``"Resource": "*"``;
* bucket or resource policies that ``Allow`` ``"Principal": "*"`` (or
  ``{"AWS": "*"}``) a write or admin action (``s3:*``, ``s3:PutObject``,
  ``s3:DeleteObject``, ``s3:PutBucketPolicy``...) without a
  ``Condition``;
* command lines that make a bucket writable by everyone:
  ``aws s3api put-bucket-acl --acl public-read-write``,
  ``--grant-full-control`` / ``--grant-write`` to the ``AllUsers`` or
  ``AuthenticatedUsers`` groups, ``gsutil iam ch allUsers:objectAdmin``
  (or ``objectCreator``, ``admin``, ``legacyBucketWriter``),
  ``gsutil acl ch -u AllUsers:W``, and ``gcloud storage buckets
  add-iam-policy-binding --member=allUsers`` with an admin or writer role.

Public *read* for a static website (``s3:GetObject`` to ``"*"``,
``allUsers:objectViewer``) is left alone.

## Why is this bad?
``Action: *`` on ``Resource: *`` is full administrator access: a leaked key
of that user or role owns the account.  A bucket anyone can write lets
strangers host malware on your domain, overwrite the files your site or
pipeline serves, and run up the bill; anyone-admin lets them delete it or
lock you out.  Tutorials use these to "make it work" and readers deploy
them unchanged.

## Example
```json
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
}
```

## Use instead
```json
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["s3:GetObject", "s3:PutObject"],
    "Resource": "arn:aws:s3:::example-uploads/incoming/*"
  }]
}
```

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
- [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
- [AWS IAM: Apply least-privilege permissions](https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege)
"""

from __future__ import annotations

import bisect
import re
from typing import Callable, Iterator, Optional

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

NEWLINE = re.compile(r"\n")
Q = r"[\"']?"
STAR = rf"{Q}\*(?::\*)?{Q}"
ACTION_STAR = re.compile(rf"{Q}Action{Q}\s*[:=]\s*(?:{STAR}|\[\s*{STAR}\s*\])\s*(?:,|\}}|#|$)", re.MULTILINE)
EFFECT_ALLOW = re.compile(rf"{Q}Effect{Q}\s*[:=]\s*{Q}Allow\b", re.IGNORECASE)
RESOURCE_STAR = re.compile(rf"{Q}Resource{Q}\s*[:=]\s*(?:{STAR}|\[\s*{STAR}\s*\])\s*(?:,|\}}|#|$)", re.MULTILINE)
PRINCIPAL_STAR = re.compile(rf"{Q}Principal{Q}\s*[:=]\s*(?:{Q}\*{Q}|\{{\s*{Q}AWS{Q}\s*:\s*(?:{Q}\*{Q}|\[\s*{Q}\*{Q}\s*\])\s*\}})")
PRINCIPAL_KEY = re.compile(rf"{Q}Principal{Q}\s*[:=]")
WRITE_ACTION = re.compile(r"[\"']?s3:(?:\*|Put\w*|Delete\w*|Create\w*|Replicate\w*|RestoreObject|AbortMultipartUpload)"
                          r"|[\"']?(?:sqs|sns|lambda|kms|iam|dynamodb|secretsmanager):\*", re.IGNORECASE)
SHELL = re.compile(
    r"--acl[= ]+[\"']?public-read-write\b"
    r"|--grant-(?:full-control|write|write-acp)[= ]+[\"']?[^\s\"']*acs\.amazonaws\.com/groups/global/(?:AllUsers|AuthenticatedUsers)"
    r"|\ball(?:Authenticated)?Users:(?:roles/storage\.)?(?:objectAdmin|objectCreator|admin|legacyBucketWriter|legacyBucketOwner"
    r"|objectUser)\b"
    r"|-[ug]\s+[\"']?All(?:Authenticated)?Users:(?:W|O|FC|WRITE|OWNER|FULL_CONTROL)\b"
    r"|--member[= ][\"']?all(?:Authenticated)?Users[\"']?\s.*--role[= ][\"']?roles/storage\.(?:admin|objectAdmin|objectCreator"
    r"|legacyBucketWriter|legacyBucketOwner|objectUser)\b",
)


@rule(
    id="DSC003",
    symbol="cloud-policy-wildcard",
    title="Cloud policy grants everything, or write access to everyone",
    severity="high",
    cwe=732,
    languages=("text",),
    # ACTION_STAR and PRINCIPAL_STAR name their key; the SHELL forms name the canned ACL or the group
    triggers=("action", "principal", "public-read-write", "allusers", "authenticatedusers"),
    equivalent="Checkov CKV_AWS_1/CKV_AWS_62 (IAM *:*), CKV_AWS_70 (bucket policy), tfsec aws-iam-no-policy-wildcards",
    message="the policy allows every action on every resource, or lets anyone write; "
            "list the actions and resources needed and grant them to named principals",
    use_instead='"Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::bucket/prefix/*"',
)
def check(text: TextView) -> Iterator[Hit]:
    source = text.text
    starts = [0] + [m.end() for m in NEWLINE.finditer(source)]
    lines = source.split("\n")

    def _line(offset: int) -> int:  # the 1-based line of an offset
        return bisect.bisect_right(starts, offset)

    for match in ACTION_STAR.finditer(source):
        statement = _statement(source, match.start(), lines, _line)
        if statement and EFFECT_ALLOW.search(statement) and RESOURCE_STAR.search(statement) \
                and not PRINCIPAL_KEY.search(statement):
            yield Hit(_line(match.start()), 1, "the statement allows every action (`\"Action\": \"*\"`) on every "
                      "resource, which is full administrator access; list the actions and resources the task needs")
    for match in PRINCIPAL_STAR.finditer(source):
        statement = _statement(source, match.start(), lines, _line)
        if statement and EFFECT_ALLOW.search(statement) and (WRITE_ACTION.search(statement) or ACTION_STAR.search(statement)) \
                and "condition" not in statement.lower():
            yield Hit(_line(match.start()), 1, "the policy lets anyone (`\"Principal\": \"*\"`) write or "
                      "administer the resource; grant the action to named accounts or roles, or add a Condition")
    for number, line in enumerate(text.lines, start=1):
        found = SHELL.search(line)
        if found and not line.lstrip().startswith("#"):
            yield Hit(number, 1, f"`{' '.join(found.group(0).split())[:70]}` lets everyone write to (or administer) "
                      "the bucket; grant access to named principals, or public read only for website files")


def _statement(source: str, offset: int, lines: list[str], line_of: Callable[[int], int]) -> Optional[str]:
    """The ``{...}`` object around ``offset`` (JSON, a Python dict), or for YAML the lines of the
    mapping that holds it (same indentation, up to the next item)."""
    depth, start = 0, None
    for index in range(offset - 1, max(-1, offset - 4000), -1):
        char = source[index]
        if char == "}":
            depth += 1
        elif char == "{":
            if depth == 0:
                start = index
                break
            depth -= 1
    if start is not None:
        depth = 0
        for index in range(start, min(len(source), start + 8000)):
            if source[index] == "{":
                depth += 1
            elif source[index] == "}":
                depth -= 1
                if depth == 0:
                    return source[start:index + 1]
        return source[start:]
    return _yaml_item(lines, line_of(offset) - 1)


def _yaml_item(lines: list[str], number: int) -> Optional[str]:
    if number >= len(lines):
        return None
    indent = len(lines[number]) - len(lines[number].lstrip(" -"))
    first = number
    while first > 0 and number - first < 40 and not lines[first].lstrip().startswith("- "):
        above = lines[first - 1]
        if above.strip() and len(above) - len(above.lstrip(" -")) < indent:
            break
        first -= 1
    last = number
    while last + 1 < len(lines) and last - number < 40:
        below = lines[last + 1]
        if below.strip() and (len(below) - len(below.lstrip(" ")) < indent or below.lstrip().startswith("- ")
                              and len(below) - len(below.lstrip(" ")) <= indent - 2):
            break
        last += 1
    return "\n".join(lines[first:last + 1])
