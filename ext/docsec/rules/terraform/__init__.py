"""Rules for Terraform and other HCL (``DSH``): cloud resources opened to everyone, encryption off, wildcard IAM."""
