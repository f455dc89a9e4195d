"""## What it does
Finds values rendered as raw HTML by the data-app frameworks docs show:
Streamlit's ``st.markdown(..., unsafe_allow_html=True)`` (and ``st.write``,
``st.caption``), Dash's ``dcc.Markdown(..., dangerously_allow_html=True)``
and Gradio's ``gr.HTML(...)``, given a value that is not a constant of the
example (user input such as ``st.text_input(...)``, a variable, a string
built from one).  Constants, and values passed through ``html.escape``,
``markupsafe.escape`` or ``bleach.clean``, are left alone.

## Why is this bad?
These switches exist to render trusted markup.  Given a value a user typed,
uploaded or that came from a database or an API, they render
``<img src=x onerror=...>`` as HTML: the script runs in every viewer's
session of the app (cross-site scripting), with the app's cookies and
whatever the viewer can do there.

## Example
```python
import streamlit as st

name = st.text_input("Your name")
st.markdown(f"<h1>Hello {name}</h1>", unsafe_allow_html=True)
```

## Use instead
```python
import html

import streamlit as st

name = st.text_input("Your name")
st.markdown(f"<h1>Hello {html.escape(name)}</h1>", unsafe_allow_html=True)
```
Or leave ``unsafe_allow_html`` off and use Markdown: ``st.header(f"Hello {name}")``.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation](https://cwe.mitre.org/data/definitions/79.html)
- [Streamlit: st.markdown, unsafe_allow_html](https://docs.streamlit.io/develop/api-reference/text/st.markdown)
"""

from __future__ import annotations

import ast
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

# Calls that render their first argument as HTML when a keyword says so: (short name, keyword).
RAW_HTML_SWITCHES = {"markdown": "unsafe_allow_html", "write": "unsafe_allow_html", "caption": "unsafe_allow_html",
                     "Markdown": "dangerously_allow_html"}
# Calls that always render their value as HTML.
RAW_HTML_CALLS = frozenset({"gradio.HTML", "gr.HTML"})
ESCAPES = ("escape", "clean", "sanitize", "bleach")


@rule(
    id="DSP076",
    symbol="data-app-raw-html",
    title="A value rendered as raw HTML in a data app (Streamlit, Dash, Gradio)",
    severity="medium",
    cwe=79,
    languages=("python",),
    equivalent="none",
    message="renders a value as raw HTML (unsafe_allow_html, dangerously_allow_html, gr.HTML); escape it first",
    use_instead='st.markdown(f"<h1>Hello {html.escape(name)}</h1>", unsafe_allow_html=True)',
    name_triggers=("unsafe_allow_html", "dangerously_allow_html", "html"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        value = _rendered_raw(code, call)
        if value is None:
            continue
        part = _unescaped_part(code, value)
        if part is not None:
            yield Hit(call.line, code.column(call.node), f"`{call.written}(...)` renders `{code.text_of(part, 40)}` "
                      "as raw HTML: markup in it runs as script for every viewer of the app (XSS); escape it "
                      "(`html.escape`) or drop the raw-HTML switch")


def _rendered_raw(code: PythonView, call: Call) -> Optional[ast.AST]:
    keyword = RAW_HTML_SWITCHES.get(call.short)
    if keyword is not None and code.is_true(call.keyword(keyword)):
        return call.argument(0, "body" if call.short != "Markdown" else "children")
    if call.name in RAW_HTML_CALLS or (call.short == "HTML" and "gradio" in call.name and "gradio" in code.source):
        return call.argument(0, "value")
    return None


def _unescaped_part(code: PythonView, node: Optional[ast.AST]) -> Optional[ast.AST]:
    """A part of the value that is not fixed text of the example and not escaped, or ``None``."""
    if node is None:
        return None
    for part in code.non_constant_parts(node):
        if isinstance(part, ast.Call) and any(word in code.text_of(part.func).lower() for word in ESCAPES):
            continue
        if isinstance(part, ast.Name):
            values = code.assigned_where_read(part)
            if values and all(code.is_constant(value) for value in values):
                continue
        return part
    return None
