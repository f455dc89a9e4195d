"""Sphinx: a page's escape sequences and a file name's line break are escaped in every docsec warning.

See tests/robustness/test_log_injection.py for the vectors and the other front ends.
"""

from __future__ import annotations

import re

from docsec_sphinx_helpers import CONF

ESCAPE = "\x1b]8;;https://evil.example\x07click\x1b[2J"
PAGE = f"# Page\n\n```ini\n[global]\ntrusted-host = pypi.example.org{ESCAPE}\n```\n"
NEWLINE_NAME = "guide\n::error file=README.md,line=1::pwned"
SPHINX_COLOURS = re.compile(r"\x1b\[[0-9;]*m")  # Sphinx's own colours in its log


def test_sphinx_warnings_escape_them(build) -> None:
    index = f"# Home\n\n```{{toctree}}\npage\n{NEWLINE_NAME}\n```\n"
    built = build({"index.md": index, "page.md": PAGE, NEWLINE_NAME + ".md": PAGE}, buildername="dummy", conf=CONF)
    stream = getattr(built.app, "warning", None) or built.app._warning
    log = SPHINX_COLOURS.sub("", stream.getvalue())
    docsec_lines = [line for line in log.splitlines() if "DSS005" in line]
    assert docsec_lines and all("\\x1b]8;;https://evil.example\\x07" in line for line in docsec_lines[:1])
    assert "\x1b" not in "\n".join(docsec_lines) and "\x07" not in log
    assert not any(line.startswith("::error file=README") for line in log.splitlines()), log
    assert built.statuscode == 1
