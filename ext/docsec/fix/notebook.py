"""Notebook rewrites: tag a code cell ``docsec-insecure``; rewrite Markdown cells as MyST.

A notebook is rewritten only when writing its JSON back reproduces the file
byte for byte (Jupyter's layout: one-space indent, sorted keys, a final
newline; VS Code's: unsorted keys): then only the changed cells differ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Callable, Optional

from .lines import Unfixable

@dataclass(frozen=True)
class Layout:
    indent: int
    sort_keys: bool
    ensure_ascii: bool = False

    def dumps(self, data: Any) -> str:
        return json.dumps(data, indent=self.indent, sort_keys=self.sort_keys, ensure_ascii=self.ensure_ascii)


LAYOUTS = [Layout(1, True), Layout(1, False), Layout(2, True), Layout(2, False), Layout(1, True, True),
           Layout(4, False)]


@dataclass
class Notebook:
    data: dict[str, Any]
    layout: Layout
    final_newline: bool

    @classmethod
    def load(cls, text: str) -> "Notebook":
        try:
            data = json.loads(text)
        except ValueError as error:
            raise Unfixable(f"the notebook is not valid JSON ({error})") from None
        for layout in LAYOUTS:
            written = layout.dumps(data)
            if text in (written, written + "\n"):
                return cls(data, layout, text.endswith("\n"))
        raise Unfixable("writing its JSON back would reformat the whole file (it is not laid out as Jupyter "
                        "writes notebooks); open and save it in Jupyter, then run --fix again")

    def dumps(self) -> str:
        return self.layout.dumps(self.data) + ("\n" if self.final_newline else "")

    def cell(self, number: int) -> dict[str, Any]:
        return self.data["cells"][number - 1]  # type: ignore[no-any-return]


def tag(notebook: Notebook, number: int, marker_class: str) -> None:
    metadata = notebook.cell(number).setdefault("metadata", {})
    tags = metadata.setdefault("tags", [])
    if not isinstance(tags, list):
        raise Unfixable(f"cell {number}'s tags are not a list; fix its metadata in Jupyter")
    if marker_class not in tags:
        tags.append(marker_class)


def rewrite_markdown(notebook: Notebook, number: int, change: Callable[[str], Optional[str]]) -> bool:
    """Replace Markdown cell ``number``'s source with ``change(source)`` (None: no change), in its own shape."""
    cell = notebook.cell(number)
    source = cell.get("source", "")
    text = "".join(source) if isinstance(source, list) else str(source)
    new = change(text)
    if new is None or new == text:
        return False
    cell["source"] = new.splitlines(keepends=True) if isinstance(source, list) else new
    return True
