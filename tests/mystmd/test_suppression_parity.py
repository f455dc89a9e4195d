"""Unused suppressions (DSX002), suppressions without a reason (DSX001) and suppressions inside ``secure-example``: a Sphinx build, ``docsec check`` and
the mystmd plugin report the same findings with the same words on the same MyST page."""

from __future__ import annotations

import re

import pytest

from front_end_rows import cli_rows, sphinx_rows
from myst_projects import build, write_project

pytestmark = pytest.mark.slow

CONF = """
extensions = ["myst_parser", "docsec"]
myst_enable_extensions = ["colon_fence"]
exclude_patterns = ["_build", "proj"]
"""

PAGE = """\
# Suppressions

```python
import os
os.system(command)  # docsec: ignore[DSP002] -- the command is a constant above
print("ready")  # docsec: ignore -- nothing here
```

```python
import os
os.system(command)  # docsec: ignore[DSP0002] -- a typo in the id
```

:::{secure-example}
```python
import os
os.system(command)  # docsec: ignore[DSP002] -- reviewed
```
:::

```python
import os
os.system(command)  # docsec: ignore[DSP002]
```
"""

EXPECTED = {
    ("index.md", 5, "DSP002", "suppressed"),
    ("index.md", 6, "DSX002", "unmarked"),
    ("index.md", 11, "DSP002", "unmarked"),
    ("index.md", 11, "DSX002", "unmarked"),
    ("index.md", 17, "DSP002", "unmarked"),
    ("index.md", 23, "DSP002", "unmarked"),
    ("index.md", 23, "DSX001", "unmarked"),
}
SECURE_NOTE = "inside secure-example, `docsec: ignore` does not apply"


def test_sphinx_cli_and_mystmd_agree_on_suppressions_that_do_nothing(tmp_path, capsys, myst_bin) -> None:
    project = write_project(tmp_path, {"index.md": PAGE})
    (project / "conf.py").write_text(CONF, encoding="utf-8")
    fields = ("path", "line", "rule", "status", "message")
    from_cli = cli_rows(project, capsys, *fields)
    assert from_cli == sphinx_rows(project, tmp_path / "out", *fields)
    assert {row[:4] for row in from_cli} == EXPECTED
    messages = {row[1:3]: row[4] for row in from_cli}
    assert messages[6, "DSX002"] == "`docsec: ignore` stands on a line where no rule reports anything; remove it"
    assert messages[11, "DSX002"].startswith("`docsec: ignore[DSP0002]` names no rule (did you mean ")
    assert SECURE_NOTE in messages[17, "DSP002"] and SECURE_NOTE not in messages[11, "DSP002"]

    result = build(myst_bin, project)
    output = result.stdout + result.stderr
    printed = set(re.findall(r"⛔️ ([^\s:]+):(\d+)(?::\d+)? docsec (DS[A-Z]\d{3})", output))
    assert {(path, int(line), rule) for path, line, rule in printed} == {
        (path, line, rule) for path, line, rule, status in EXPECTED if status == "unmarked"}
    assert SECURE_NOTE in output and "names no rule (did you mean " in output
    # the advice under DSX001 and DSX002 is about the comment, not about marking the example
    advice = re.findall(r"⛔️ index\.md:\d+ docsec (DS[A-Z]\d{3}).*\n.*\n\s+(.*)", output)
    assert sorted(advice) == [
        ("DSP002", "Fix the example, or mark it as deliberate: :::{insecure-example} with a :reason:, "
                   "or :class: docsec-insecure."),
        ("DSP002", "Fix the example, or mark it as deliberate: :::{insecure-example} with a :reason:, "
                   "or :class: docsec-insecure."),
        ("DSP002", "Fix the example, or mark it as deliberate: :::{insecure-example} with a :reason:, "
                   "or :class: docsec-insecure."),
        ("DSX001", 'Give the `docsec: ignore` comment its reason after " -- ", or remove the comment.'),
        ("DSX002", "Correct the `docsec: ignore` comment or remove it."),
        ("DSX002", "Correct the `docsec: ignore` comment or remove it."),
    ]
