"""## What it does
Finds encryption switched off in Terraform: ``encrypted = false`` (EBS
volumes, launch templates' ``ebs`` blocks), ``storage_encrypted = false``
(RDS), ``at_rest_encryption_enabled``/``transit_encryption_enabled = false``
(ElastiCache), ``enabled = false`` in ``encrypt_at_rest``,
``node_to_node_encryption`` and ``server_side_encryption`` blocks
(OpenSearch, DynamoDB), ``enable_https_traffic_only``/
``https_traffic_only_enabled = false`` (Azure Storage) and
``kms_key_id = ""``.

## Why is this bad?
Disks, snapshots and backups leave the machine they were made for: a shared
or leaked snapshot, a disposed drive or a misconfigured backup reads in
clear.  Traffic sent without TLS inside a network is read by anyone who gets
a foothold on it.

## Example
```terraform
resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = false
}
```

## Use instead
```terraform
resource "aws_db_instance" "main" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.db.arn
}
```
Leave encryption on (most services turn it on by default now) and use a
customer-managed key when you need to control who can read the data.

## References
- [CWE-311: Missing Encryption of Sensitive Data](https://cwe.mitre.org/data/definitions/311.html)
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.hcl import HclView
from ...model import Hit
from ..registry import rule

SWITCHES = frozenset({"encrypted", "storage_encrypted", "at_rest_encryption_enabled", "transit_encryption_enabled",
                      "enable_https_traffic_only", "https_traffic_only_enabled", "encryption_enabled",
                      "kms_encrypted", "encrypt_at_rest"})
ENCRYPTION_BLOCKS = frozenset({"encrypt_at_rest", "node_to_node_encryption", "server_side_encryption",
                               "encryption_at_rest", "encryption_in_transit"})


@rule(
    id="DSH003",
    symbol="terraform-encryption-off",
    title="Encryption switched off (Terraform)",
    severity="medium",
    cwe=311,
    languages=("hcl",),
    equivalent="tfsec/Trivy AVD-AWS-0080, Checkov CKV_AWS_16/CKV_AWS_3",
    message="switches encryption off; leave it on (storage_encrypted = true, encrypted = true)",
    use_instead="storage_encrypted = true; encrypted = true",
    triggers=("encrypt", "https_traffic_only", "kms_key_id"),
)
def check(view: HclView) -> Iterator[Hit]:
    for attribute in view.attributes:
        value = view.value(attribute.value)
        block = attribute.block
        if attribute.name in SWITCHES and value is False:
            what = f"`{attribute.name} = false`"
        elif attribute.name == "enabled" and value is False and block is not None and block.type in ENCRYPTION_BLOCKS:
            what = f"`{block.type} {{ enabled = false }}`"
        elif attribute.name == "kms_key_id" and value == "":
            what = "`kms_key_id = \"\"`"
        else:
            continue
        yield Hit(view.line(attribute.node), view.column(attribute.node),
                  f"{what} stores or sends the data in clear; leave encryption on (and use a customer-managed KMS key "
                  "where you must control who reads it)")
