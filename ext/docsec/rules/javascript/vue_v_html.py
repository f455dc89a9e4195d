"""## What it does
Finds Vue's ``v-html`` directive bound to a value that is not a string
literal, in any block that holds HTML markup (a ``vue`` single-file
component, an ``html`` template, a ``template:`` string shown as text):
``<div v-html="comment.body"></div>``.  The markup is read with Python's
HTML parser (``html.parser``); ``v-html="'<b>fixed</b>'"`` is left alone.

## Why is this bad?
``v-html`` sets ``innerHTML``: Vue's escaping is skipped, and a value holding
``<img src=x onerror=...>`` runs script in the reader's session.  Vue's own
documentation warns to use it only on trusted content.

## Example
```vue
<template>
  <div class="comment" v-html="comment.body"></div>
</template>
```

## Use instead
```vue
<template>
  <div class="comment">{{ comment.body }}</div>
</template>
```
Interpolate with ``{{ }}``, which escapes; when HTML is really needed,
sanitize it first (``v-html="DOMPurify.sanitize(comment.body)"`` still needs
care) or render it from trusted Markdown.

## References
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
- [Vue: Security, injecting HTML](https://vuejs.org/guide/best-practices/security.html#html-injection)
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Iterator, Optional

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

STRING_LITERAL = re.compile(r"""^\s*(?:'[^'\\]*'|"[^"\\]*"|`[^`$\\]*`)\s*$""")
SANITIZED = re.compile(r"\b(?:DOMPurify\.sanitize|sanitize|sanitizeHtml|\$sanitize)\s*\(")


class _Bindings(HTMLParser):
    """Every ``v-html`` attribute of the markup: (line, column, value)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, Optional[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        for name, value in attrs:
            if name == "v-html":
                line, offset = self.getpos()
                raw = self.get_starttag_text() or ""
                before = raw[:max(raw.find("v-html"), 0)]  # the attribute's own line in a tag over several
                if "\n" in before:
                    line, offset = line + before.count("\n"), len(before) - before.rfind("\n") - 1
                else:
                    offset += len(before)
                self.found.append((line, offset + 1, value))

    handle_startendtag = handle_starttag


@rule(
    id="DSW011",
    symbol="vue-v-html",
    title="Vue v-html bound to a value",
    severity="high",
    cwe=79,
    languages=("text",),
    equivalent="eslint-plugin-vue vue/no-v-html",
    message="v-html writes the value into the page as HTML; interpolate it with {{ }} instead",
    use_instead="<div>{{ comment.body }}</div>",
    triggers=("v-html",),
)
def check(text: TextView) -> Iterator[Hit]:
    parser = _Bindings()
    parser.feed(text.text)
    parser.close()
    for line, column, value in parser.found:
        if value is None or STRING_LITERAL.match(value) or SANITIZED.search(value):
            continue
        yield Hit(line, column, f"`v-html=\"{value[:40]}\"` writes the value into the page as HTML, unescaped; "
                                "interpolate it with `{{ }}`, which escapes")
