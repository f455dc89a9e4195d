"""## What it does
Finds storage made readable by everyone in Terraform:

* AWS S3: a canned ACL ``public-read``, ``public-read-write`` or
  ``authenticated-read`` (on ``aws_s3_bucket``, ``aws_s3_bucket_acl``,
  ``aws_s3_object``), and ``aws_s3_bucket_public_access_block`` with
  ``block_public_acls``, ``block_public_policy``, ``ignore_public_acls`` or
  ``restrict_public_buckets`` set to ``false``;
* Google Cloud Storage: IAM members and bindings for ``allUsers`` or
  ``allAuthenticatedUsers`` (``google_storage_bucket_iam_member``,
  ``..._iam_binding``, ``google_storage_bucket_access_control``,
  ``google_storage_default_object_access_control``);
* Azure Storage: ``container_access_type = "blob"`` or ``"container"``, and
  ``allow_nested_items_to_be_public = true`` (``allow_blob_public_access``
  before provider 3.0).

## Why is this bad?
A public bucket is read by anyone who finds its name, and bucket names are
guessed and listed by scanners: backups, logs and uploads in public buckets
are a leading cause of data breaches.  A writable one also serves malware
from your domain.

## Example
```terraform
resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = "public-read"
}
```

## Use instead
```terraform
resource "aws_s3_bucket_public_access_block" "uploads" {
  bucket                  = aws_s3_bucket.uploads.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
```
Keep buckets private and serve public files through a CDN with an origin
access control, or hand out signed URLs that expire.

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
- [AWS: Blocking public access to your Amazon S3 storage](https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.hcl import HclView
from ...model import Hit
from ..registry import rule
from ._values import as_list

PUBLIC_ACLS = frozenset({"public-read", "public-read-write", "authenticated-read"})
PUBLIC_MEMBERS = ("allusers", "allauthenticatedusers")
BLOCK_SETTINGS = ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")
GOOGLE_MEMBER_KEYS = ("member", "members", "entity")


@rule(
    id="DSH002",
    symbol="terraform-public-bucket",
    title="Storage bucket readable by everyone (Terraform)",
    severity="high",
    cwe=732,
    languages=("hcl",),
    equivalent="tfsec/Trivy AVD-AWS-0092, Checkov CKV_AWS_20, CKV_GCP_28",
    message="makes a bucket public; keep it private and serve files through signed URLs or a CDN",
    use_instead="aws_s3_bucket_public_access_block with every setting true",
    triggers=("public", "allusers", "allauthenticatedusers", "container_access_type", "authenticated-read"),
)
def check(view: HclView) -> Iterator[Hit]:
    for attribute in view.attributes:
        name, value = attribute.name, view.value(attribute.value)
        resource = attribute.block.resource_type if attribute.block is not None else ""
        found = ""
        if name == "acl" and isinstance(value, str) and value in PUBLIC_ACLS:
            found = f"`acl = {value!r}` lets anyone {'write to' if 'write' in value else 'read'} the bucket"
        elif name in BLOCK_SETTINGS and value is False and resource in ("", "aws_s3_bucket_public_access_block",
                                                                          "aws_s3_account_public_access_block"):
            found = f"`{name} = false` lets public ACLs or policies open the bucket"
        elif name in GOOGLE_MEMBER_KEYS and any(isinstance(m, str) and m.lower().startswith(PUBLIC_MEMBERS)
                                                for m in as_list(value)):
            member = next(m for m in as_list(value) if isinstance(m, str) and m.lower().startswith(PUBLIC_MEMBERS))
            found = f"`{name}` grants {member!r} (anyone) access to the bucket"
        elif name == "container_access_type" and value in ("blob", "container"):
            found = f"`container_access_type = {value!r}` lets anyone read the container's blobs"
        elif name in ("allow_nested_items_to_be_public", "allow_blob_public_access") and value is True:
            found = f"`{name} = true` lets containers of the account be made public"
        if found:
            yield Hit(view.line(attribute.node), view.column(attribute.node),
                      f"{found}; keep storage private and serve files through signed URLs or a CDN")
