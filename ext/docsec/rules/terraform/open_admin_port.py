"""## What it does
Finds firewall rules in Terraform that let the whole internet (``0.0.0.0/0``,
``::/0``, ``*``, ``Internet``) reach an administration or database port: SSH
(22), RDP (3389), Telnet (23), MySQL (3306), PostgreSQL (5432), SQL Server
(1433), Oracle (1521), MongoDB (27017), Redis (6379), Elasticsearch (9200),
Memcached (11211), the Docker API (2375/2376), Kubernetes' API (6443) and
kubelet (10250), or every port:

* AWS: ``ingress`` blocks of ``aws_security_group`` (and such blocks in a
  fragment), ``aws_security_group_rule`` with ``type = "ingress"`` and
  ``aws_vpc_security_group_ingress_rule`` (``cidr_ipv4``/``cidr_ipv6``);
* Google Cloud: ``google_compute_firewall`` with ``source_ranges`` open and
  an ``allow`` block with such ``ports`` (or none: every port);
* Azure: ``azurerm_network_security_rule`` and ``security_rule`` blocks that
  allow inbound traffic from ``*``/``Internet`` to such a port.

Port ranges count when they hold such a port; ``protocol = "-1"`` (all
traffic) counts as every port.

## Why is this bad?
Bots scan the whole address space for these ports within minutes of a
machine starting, and try default and leaked passwords and known
vulnerabilities; a database or an SSH daemon open to everyone is one weak
password away from a breach.

## Example
```terraform
resource "aws_security_group" "db" {
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
```

## Use instead
```terraform
resource "aws_security_group" "db" {
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }
}
```
Open administration and database ports only to the security groups or
address ranges that need them (the application's, a VPN's, a bastion's), or
reach machines through Session Manager or Identity-Aware Proxy.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [AWS: Security group rules for different use cases](https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html)
"""

from __future__ import annotations

from typing import Any, Iterator, Optional

from ...languages.hcl import Block, HclView
from ...model import Hit
from ..registry import rule
from ._values import ANYONE, as_list, attribute

ADMIN_PORTS = {22: "SSH", 23: "Telnet", 3389: "RDP", 3306: "MySQL", 5432: "PostgreSQL", 1433: "SQL Server",
               1521: "Oracle", 27017: "MongoDB", 6379: "Redis", 9200: "Elasticsearch", 11211: "Memcached",
               2375: "the Docker API", 2376: "the Docker API", 6443: "the Kubernetes API", 10250: "the kubelet",
               5984: "CouchDB", 9042: "Cassandra", 5601: "Kibana"}


@rule(
    id="DSH001",
    symbol="terraform-admin-port-open-to-internet",
    title="Administration or database port open to the internet (Terraform)",
    severity="high",
    cwe=284,
    languages=("hcl",),
    equivalent="tfsec/Trivy AVD-AWS-0107, Checkov CKV_AWS_24/25",
    message="opens an administration or database port to 0.0.0.0/0; allow only the addresses that need it",
    use_instead="security_groups = [aws_security_group.app.id] (or a VPN's range)",
    triggers=("0.0.0.0", "::/0", "*", "internet", "any"),
)
def check(view: HclView) -> Iterator[Hit]:
    for block in view.blocks:
        kind, resource = block.type, block.labels[0] if block.labels else ""
        if kind == "ingress" or (kind == "resource" and resource == "aws_security_group_rule"
                                 and attribute(view, block, "type") == "ingress"):
            sources = as_list(attribute(view, block, "cidr_blocks")) + as_list(attribute(view, block, "ipv6_cidr_blocks"))
            ports = _range(view, block)
        elif kind == "resource" and resource == "aws_vpc_security_group_ingress_rule":
            sources = [attribute(view, block, "cidr_ipv4"), attribute(view, block, "cidr_ipv6")]
            ports = _range(view, block, protocol="ip_protocol")
        elif kind == "resource" and resource == "google_compute_firewall":
            if str(attribute(view, block, "direction") or "INGRESS").upper() != "INGRESS":
                continue
            sources = as_list(attribute(view, block, "source_ranges"))
            ports = _google_ports(view, block)
        elif (kind == "security_rule" or kind == "resource" and resource == "azurerm_network_security_rule"):
            if str(attribute(view, block, "direction")).lower() != "inbound" or \
                    str(attribute(view, block, "access")).lower() != "allow":
                continue
            sources = [attribute(view, block, "source_address_prefix"),
                       *as_list(attribute(view, block, "source_address_prefixes"))]
            ports = _azure_ports(view, block)
        else:
            continue
        open_to = next((s for s in sources if isinstance(s, str) and s.lower() in ANYONE), None)
        exposed = _exposed(ports)
        if open_to is not None and exposed:
            yield Hit(view.line(block.node), view.column(block.node),
                      f"`{block.type}{' ' + repr(resource) if resource and kind == 'resource' else ''}` lets "
                      f"{open_to!r} (anyone) reach {exposed}; allow only the security groups or address ranges "
                      "that need it (a VPN, a bastion)")


def _range(view: HclView, block: Block, protocol: str = "protocol") -> list[tuple[int, int]]:
    if str(attribute(view, block, protocol)) in ("-1", "all"):
        return [(0, 65535)]
    low, high = attribute(view, block, "from_port"), attribute(view, block, "to_port")
    if isinstance(low, int) and isinstance(high, int):
        return [(low, high)]
    return []


def _google_ports(view: HclView, block: Block) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    for allow in block.children("allow"):
        ports = attribute(view, allow, "ports")
        if ports is None:
            found.append((0, 65535))
        found.extend(filter(None, (_parse_range(p) for p in as_list(ports))))
    return found


def _azure_ports(view: HclView, block: Block) -> list[tuple[int, int]]:
    values = [attribute(view, block, "destination_port_range"),
              *as_list(attribute(view, block, "destination_port_ranges"))]
    return [r for r in (_parse_range(v) for v in values) if r]


def _parse_range(value: Any) -> Optional[tuple[int, int]]:
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    if text == "*":
        return (0, 65535)
    low, _, high = text.partition("-")
    if low.isdigit() and (not high or high.isdigit()):
        return (int(low), int(high or low))
    return None


def _exposed(ranges: list[tuple[int, int]]) -> str:
    """What the ranges open, told by name: ``port 22 (SSH)`` or ``every port``; ``""`` for none of them."""
    for low, high in ranges:
        if low <= 0 and high >= 65535:
            return "every port"
        for port, name in ADMIN_PORTS.items():
            if low <= port <= high:
                return f"port {port} ({name})"
    return ""
