data "aws_iam_policy_document" "all" {
  statement {  # expect: DSH004
    actions   = ["*"]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "admin" {
  statement {  # expect: DSH004
    effect    = "Allow"
    actions   = ["*"]
    resources = ["*"]
  }
}
