statement {  # expect: DSH004
  actions   = ["*"]
  resources = ["*"]
}
