"""settings rules: dangerous values given to named settings, in YAML, configuration files and text blocks."""
