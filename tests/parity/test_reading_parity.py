"""How this round reads blocks, the same in Sphinx, ``docsec check`` and the mystmd plugin: a Python session's
script before its first ``>>>`` prompt (and not an interpreter's banner), and what a Dockerfile's ``CMD``
starts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from front_end_rows import cli_rows, sphinx_rows

FIELDS = ("path", "cell", "line", "rule", "status")
CONF = """
extensions = ["myst_parser", "docsec"]
exclude_patterns = ["_build"]
suppress_warnings = ["misc.highlighting_failure"]
"""
SESSION = """import winrm

session = winrm.Session("windows-host.example.com", auth=("john.smith", password))
>>> result = session.run_cmd("ipconfig", ["/all"])
>>> result.status_code
0
"""
BANNER = """Python 3.12.1 (main, Dec  8 2026, 10:00:00) [GCC 13.2.0] on linux
Type "help", "copyright", "credits" or "license" for more information.
>>> import django
>>> print(django.get_version())
5.2
"""
DOCKERFILE = """FROM python:3.12-slim
COPY . /app
CMD ["python", "-m", "http.server", "8000"]
"""
PAGE = f"""# Reading

```pycon
{SESSION}```

```pycon
{BANNER}```

```dockerfile
{DOCKERFILE}```
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text("# Home\n\n```{toctree}\nreading\n```\n", encoding="utf-8")
    (src / "reading.md").write_text(PAGE, encoding="utf-8")
    return src


EXPECTED = {
    ("reading.md", None, 6, "DSP026", "unmarked"),  # the script before the session's first prompt
    ("reading.md", None, 23, "DSS003", "unmarked"),  # CMD starts http.server on every interface
}  # (and the banner gives neither a finding nor a not-analysed error)


def test_sphinx_and_check_read_sessions_and_dockerfiles_alike(project: Path, tmp_path: Path, capsys) -> None:
    assert sphinx_rows(project, tmp_path / "out", *FIELDS) == EXPECTED
    assert cli_rows(project, capsys, *FIELDS) == EXPECTED


def test_the_mystmd_plugin_reads_them_alike(tmp_path: Path) -> None:
    from docsec.mystmd.scan import Scanner, scan_json

    blocks = [{"lang": "pycon", "value": SESSION, "line": 4, "anchor": "exact"},
              {"lang": "pycon", "value": BANNER, "line": 13, "anchor": "exact"},
              {"lang": "dockerfile", "value": DOCKERFILE, "line": 21, "anchor": "exact"}]
    request = {"id": 1, "protocol": 1, "path": str(tmp_path / "reading.md"), "blocks": blocks}
    reply = json.loads(scan_json(json.dumps(request), Scanner(tmp_path)))
    assert [(f["block"], f["rule_id"], f["line"]) for f in reply["findings"]] == [(0, "DSP026", 6), (2, "DSS003", 23)]
    assert reply["diagnostics"] == []
