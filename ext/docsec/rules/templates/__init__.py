"""templates rules: Django and Jinja templates."""
