"""shell rules."""
