# A documentation site written before docsec, in the legacy style: requirements in
# bold in ordinary paragraphs, insecure examples marked by a notice paragraph or a
# danger admonition.  tests/test_legacy_site.py and docs/migrating.md migrate it.
project = "Parcel"
extensions = ["myst_nb", "docsec"]
myst_enable_extensions = ["colon_fence"]
nb_execution_mode = "off"
exclude_patterns = ["_build", "legacy.toml"]
