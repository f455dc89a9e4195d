data "aws_iam_policy_document" "read" {
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}
