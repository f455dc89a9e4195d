"""## What it does
Finds IAM policy documents written in Terraform's own syntax that allow
every action on every resource: a ``statement`` block of
``data "aws_iam_policy_document"`` (or of a fragment) with ``actions =
["*"]`` and ``resources = ["*"]`` and an ``Allow`` effect (the default).
``not_actions`` statements and ``Deny`` statements are left alone.

Policies written as JSON (``jsonencode({...})``, a JSON string or heredoc)
are read by DSC003 in every language, Terraform included; this rule reads
the block form DSC003 cannot see.

## Why is this bad?
A policy that allows ``*`` on ``*`` is an administrator: whoever holds the
role, the user's keys or the instance it is attached to can read every
secret, delete every backup and create new users.  Examples copied into
real accounts keep such policies far longer than the tutorial did.

## Example
```terraform
data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
}
```

## Use instead
```terraform
data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:GetObject", "s3:PutObject"]
    resources = ["${aws_s3_bucket.uploads.arn}/*"]
  }
}
```
Grant the actions the workload uses on the resources it uses (IAM Access
Analyzer can generate such a policy from CloudTrail).

## References
- [CWE-269: Improper Privilege Management](https://cwe.mitre.org/data/definitions/269.html)
- [AWS: Security best practices in IAM (grant least privilege)](https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.hcl import HclView
from ...model import Hit
from ..registry import rule
from ._values import as_list, attribute


@rule(
    id="DSH004",
    symbol="terraform-wildcard-iam-policy",
    title="IAM policy that allows every action on every resource (Terraform)",
    severity="high",
    cwe=269,
    languages=("hcl",),
    equivalent="tfsec/Trivy AVD-AWS-0057, Checkov CKV_AWS_1/CKV_AWS_62",
    message="allows every action on every resource; grant only the actions and resources the workload uses",
    use_instead='actions = ["s3:GetObject"], resources = ["${aws_s3_bucket.uploads.arn}/*"]',
    name_triggers=("statement",),
)
def check(view: HclView) -> Iterator[Hit]:
    for block in view.blocks_of("statement"):
        effect = attribute(view, block, "effect")
        if effect in (None, "Allow") and "*" in as_list(attribute(view, block, "actions")) and \
                "*" in as_list(attribute(view, block, "resources")):
            yield Hit(view.line(block.node), view.column(block.node),
                      "the `statement` block allows every action (`\"*\"`) on every resource (`\"*\"`): whoever "
                      "holds it is an administrator; grant only the actions and resources the workload uses")
