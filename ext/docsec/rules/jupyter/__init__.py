"""jupyter rules."""
