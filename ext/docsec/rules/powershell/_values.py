"""What the PowerShell rules share: which commands and calls download, and reading a command's values.
No rule lives here (the module starts with ``_``)."""

from __future__ import annotations

import re
from typing import Any

from ...languages.powershell import PowerShellView

DOWNLOAD_COMMANDS = frozenset({"iwr", "irm", "invoke-webrequest", "invoke-restmethod", "curl", "wget",
                               "start-bitstransfer"})
DOWNLOAD_METHODS = frozenset({"downloadstring", "downloadfile", "downloaddata", "getstringasync", "openread"})
# What the shell view's pipe-to-shell rule (DSS001) sees in one statement: a fetch beside ``iex``.
FETCH_TEXT = re.compile(r"\b(?:irm|iwr|invoke-restmethod|invoke-webrequest|curl|wget)\b|downloadstring|net\.webclient",
                        re.IGNORECASE)


def downloads(view: PowerShellView, node: Any) -> bool:
    """Whether the value downloads text: a download command or a ``WebClient`` download call in it."""
    stack = [node]
    while stack:
        current = stack.pop()
        if current.type == "command":
            name = current.child_by_field_name("command_name")
            if name is not None and view.tree.text(name).lower() in DOWNLOAD_COMMANDS:
                return True
        elif current.type == "member_name" and view.tree.text(current).lower() in DOWNLOAD_METHODS:
            return True
        stack.extend(current.named_children)
    return False


def statement_of(node: Any) -> Any:
    """The statement (pipeline) a node stands in, within its statement list."""
    current = node
    while current.parent is not None and current.parent.type not in ("statement_list", "program", "script_block_body"):
        current = current.parent
    return current
