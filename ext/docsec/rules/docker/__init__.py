"""docker rules."""
