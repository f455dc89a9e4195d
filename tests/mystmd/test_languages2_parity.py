"""Rust, Terraform (HCL), PowerShell, nginx, Apache, Caddy, systemd, pseudo-template HTML blocks and an HTML block's script: a Sphinx build, ``docsec
check`` and the mystmd plugin report the same findings on the same MyST page (fences, a ``code-block``
directive, unlabelled blocks sniffed by their first line, a ``conf`` label read by its content, fragments,
and a marked example), with the audit profile set in both configuration sources."""

from __future__ import annotations

import re

import pytest

from front_end_rows import cli_rows, sphinx_rows
from myst_projects import build, write_project

for grammar in ("tree_sitter_rust", "tree_sitter_hcl", "tree_sitter_powershell", "crossplane", "apacheconfig"):
    pytest.importorskip(grammar, reason="docsec[languages] is not installed")
pytestmark = pytest.mark.slow

CONF = """
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "proj"]
suppress_warnings = ["misc.highlighting_failure"]
docsec_profile = "audit"
"""
PYPROJECT = '[tool.docsec]\nprofile = "audit"\n'

PAGE = """\
# More languages

```rust
let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;
```

```
use std::process::Command;
Command::new("sh").arg("-c").arg(format!("tar xf {}", name)).status()?;
```

```terraform
resource "aws_security_group_rule" "ssh" {
  type        = "ingress"
  from_port   = 22
  to_port     = 22
  protocol    = "tcp"
  cidr_blocks = ["0.0.0.0/0"]
}
```

```{code-block} tf
  storage_encrypted = false
```

```powershell
$password = ConvertTo-SecureString "Wint3r-2024!" -AsPlainText -Force
```

```nginx
ssl_protocols TLSv1 TLSv1.2;
server_tokens on;
```

```conf
<Directory /var/www>
    Options +Indexes
</Directory>
```

```caddyfile
admin.example.com {
	reverse_proxy localhost:2019
}
```

```ini
[Service]
ExecStart=/opt/app/server
```

:::{insecure-example} A listing on purpose
:reason: shows what autoindex publishes

```nginx
autoindex on;
```
:::

```html
<input type="text" value=${userInput}>
```

```html
<p id="greeting"></p>
<script>
  const name = new URLSearchParams(location.search).get("name");
  document.getElementById("greeting").innerHTML = "Hello, " + name;
</script>
```
"""

EXPECTED = {
    ("index.md", 4, "DSL004", "unmarked"),
    ("index.md", 9, "DSL001", "unmarked"),
    ("index.md", 13, "DSH001", "unmarked"),
    ("index.md", 23, "DSH003", "unmarked"),
    ("index.md", 27, "DSM005", "unmarked"),
    ("index.md", 31, "DSN002", "unmarked"),
    ("index.md", 37, "DSN001", "unmarked"),
    ("index.md", 43, "DSN005", "unmarked"),
    ("index.md", 49, "DSU001", "unmarked"),
    ("index.md", 56, "DSN001", "marked"),
    ("index.md", 61, "DST005", "unmarked"),
    ("index.md", 68, "DSW004", "unmarked"),  # a script of an HTML block, read as JavaScript
}


def test_sphinx_cli_and_mystmd_agree_on_the_second_slice_of_languages(tmp_path, capsys, myst_bin) -> None:
    project = write_project(tmp_path, {"index.md": PAGE}, pyproject=PYPROJECT)
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    assert cli_rows(project, capsys, "path", "line", "rule", "status") == EXPECTED
    assert sphinx_rows(project, tmp_path / "out", "path", "line", "rule", "status") == EXPECTED
    result = build(myst_bin, project)
    printed = set(re.findall(r"⛔️ ([^\s:]+):(\d+)(?::\d+)? docsec (DS[A-Z]\d{3})", result.stdout + result.stderr))
    assert {(path, int(line), rule) for path, line, rule in printed} == {
        (path, line, rule) for path, line, rule, status in EXPECTED if status == "unmarked"}
