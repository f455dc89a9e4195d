"""Terraform blocks: blocks, attributes and values as data, fragments."""

from __future__ import annotations

import pytest

from docsec.languages import build_views
from docsec.languages.hcl import COMPUTED, HclView

pytest.importorskip("tree_sitter_hcl", reason="docsec[languages] is not installed")


def view(text: str) -> HclView:
    found = build_views(text, "terraform").get("hcl")
    assert isinstance(found, HclView)
    return found


def test_blocks_labels_nesting_and_values() -> None:
    hcl = view('resource "aws_security_group" "db" {\n  ingress {\n    from_port = 5432\n'
               '    cidr_blocks = ["0.0.0.0/0", var.office]\n  }\n  tags = { Name = "db", "team" = "x" }\n}\n')
    outer, ingress = hcl.blocks
    assert (outer.type, outer.labels) == ("resource", ("aws_security_group", "db"))
    assert (ingress.type, ingress.parent is outer, ingress.resource_type) == ("ingress", True, "aws_security_group")
    assert hcl.value(ingress.attributes["from_port"].value) == 5432
    assert hcl.value(ingress.attributes["cidr_blocks"].value) == ["0.0.0.0/0", COMPUTED]
    assert hcl.value(outer.attributes["tags"].value) == {"Name": "db", "team": "x"}
    assert hcl.line(ingress.node) == 2


def test_computed_values_and_jsonencode() -> None:
    hcl = view('acl = var.public ? "public-read" : "private"\nname = "logs-${var.env}"\n'
               'policy = jsonencode({ Statement = [{ Action = "*" }] })\nflag = false\nnothing = null\n')
    values = {a.name: hcl.value(a.value) for a in hcl.attributes}
    assert values == {"acl": COMPUTED, "name": COMPUTED, "policy": {"Statement": [{"Action": "*"}]}, "flag": False,
                      "nothing": None}
    assert all(a.block is None for a in hcl.attributes)


def test_json_in_a_heredoc_is_read_as_data_with_interpolations_standing_in() -> None:
    hcl = view('policy = <<EOF\n{"Statement": [{"Action": "*", "Resource": "${aws_s3_bucket.b.arn}"}]}\nEOF\n')
    (policy,) = hcl.attributes
    assert hcl.value(policy.value) is COMPUTED
    assert hcl.data(policy.value) == {"Statement": [{"Action": "*", "Resource": "${computed}"}]}
