"""Rules for systemd units (``DSU``)."""
