"""k8s rules."""
