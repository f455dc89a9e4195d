"""JavaScript, TypeScript, SQL, Java, C#, PHP, Go and Ruby blocks: a Sphinx build, ``docsec check`` and the
mystmd plugin report the same findings on the same MyST page (fences, a ``code-block`` directive, an unlabelled
block sniffed as JavaScript, fragments, and a marked example)."""

from __future__ import annotations

import re

import pytest

from front_end_rows import cli_rows, sphinx_rows
from myst_projects import build, write_project

pytest.importorskip("tree_sitter_javascript", reason="docsec[languages] is not installed")
pytestmark = pytest.mark.slow

CONF = """
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "proj"]
suppress_warnings = ["misc.highlighting_failure"]
"""

PAGE = """\
# Other languages

```js
const { exec } = require("child_process");
exec(`convert ${req.query.file} thumb.png`);
```

```typescript
  async findByName(name: string): Promise<User[]> {
    return this.db.query(`SELECT * FROM users WHERE name = '${name}'`);
  }
```

```{code-block} tsx
const Comment = ({ body }: { body: string }) => <div dangerouslySetInnerHTML={{ __html: body }} />;
```

```
const agent = new https.Agent({ rejectUnauthorized: false });
```

```sql
GRANT ALL PRIVILEGES ON DATABASE shop TO PUBLIC;
CREATE USER app WITH PASSWORD 'Wint3r-2024!';
```

:::{insecure-example} A token from Math.random
:reason: shows why Math.random is predictable

```javascript
const resetToken = Math.random().toString(36).slice(2);
```
:::

```js
const rows = await pool.query("SELECT * FROM users WHERE id = $1", [id]);
```

```java
ResultSet rs = statement.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
```

```csharp
ServicePointManager.ServerCertificateValidationCallback = (s, c, ch, e) => true;
```

```php
system("convert " . $_GET["file"] . " thumb.png");
```

```go
cfg := &tls.Config{InsecureSkipVerify: true}
```

```ruby
redirect_to params[:return_to]
```
"""

EXPECTED = {
    ("index.md", 5, "DSW002", "unmarked"),
    ("index.md", 10, "DSW003", "unmarked"),
    ("index.md", 15, "DSW004", "unmarked"),
    ("index.md", 19, "DSW006", "unmarked"),
    ("index.md", 23, "DSQ001", "unmarked"),
    ("index.md", 24, "DSQ002", "unmarked"),
    ("index.md", 31, "DSW008", "marked"),
    ("index.md", 40, "DSL002", "unmarked"),
    ("index.md", 44, "DSL004", "unmarked"),
    ("index.md", 48, "DSL001", "unmarked"),
    ("index.md", 52, "DSL004", "unmarked"),
    ("index.md", 56, "DSL005", "unmarked"),
}


def test_sphinx_cli_and_mystmd_agree_on_tree_sitter_languages(tmp_path, capsys, myst_bin) -> None:
    project = write_project(tmp_path, {"index.md": PAGE})
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    assert cli_rows(project, capsys, "path", "line", "rule", "status") == EXPECTED
    assert sphinx_rows(project, tmp_path / "out", "path", "line", "rule", "status") == EXPECTED
    result = build(myst_bin, project)
    printed = set(re.findall(r"⛔️ ([^\s:]+):(\d+)(?::\d+)? docsec (DS[A-Z]\d{3})", result.stdout + result.stderr))
    assert {(path, int(line), rule) for path, line, rule in printed} == {
        (path, line, rule) for path, line, rule, status in EXPECTED if status == "unmarked"}
