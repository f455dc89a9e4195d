"""## What it does
Finds HTML sanitizers configured to let script through, in JavaScript and
Python: sanitize-html's ``allowedTags: false`` or ``allowedAttributes: false``
(every tag, or every attribute, passes), DOMPurify's ``ADD_TAGS``/``ADD_ATTR``
and ``ALLOWED_TAGS``/``ALLOWED_ATTR``, js-xss's ``whiteList``, and bleach's
or nh3's ``tags=``/``attributes=`` lists, when they allow ``script``,
``iframe``, ``object``, ``embed``, ``base``, ``form`` or an event-handler
attribute (``onclick``, ``onerror``, ``on*``).

## Why is this bad?
The sanitizer is the only thing between user-written HTML and the page.
Allowed to keep ``<script>`` or ``onerror=``, it passes stored cross-site
scripting through while the code still looks protected.

## Example
```javascript
const clean = sanitizeHtml(comment, { allowedTags: false, allowedAttributes: false });
```

## Use instead
```javascript
const clean = sanitizeHtml(comment, {
  allowedTags: sanitizeHtml.defaults.allowedTags.concat(["img"]),
  allowedAttributes: { a: ["href", "name", "target"], img: ["src", "alt"] },
});
```
Extend the library's defaults with the harmless tags you need, and list
attributes per tag.

## References
- [CWE-79: Cross-site Scripting](https://cwe.mitre.org/data/definitions/79.html)
- [OWASP XSS Prevention Cheat Sheet: HTML sanitization](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.key_values import settings_of
from ...model import Hit
from .._text import block_text
from ..registry import rule

# sanitize-html's options that let everything through when false.
ALLOW_ALL_WHEN_FALSE = frozenset({"allowedtags", "allowedattributes"})
# Options that list what a sanitizer keeps, per library (DOMPurify, js-xss, bleach, nh3, sanitize-html).
ALLOW_LISTS = frozenset({"addtags", "addattr", "allowedtags", "allowedattr", "allowedattributes", "whitelist",
                         "allowlist", "tags", "attributes", "allowedschemes"})
SCRIPT_CAPABLE = re.compile(r"""["'](?:script|iframe|object|embed|base|frame|frameset|applet|meta|form)["']"""
                            r"""|["']on[a-z]+["']|["']javascript["']""", re.IGNORECASE)
SANITIZERS = re.compile(r"sanitize|purify|bleach|nh3|xss|clean|filterxss", re.IGNORECASE)


# sanitize-html's filters that keep ``<iframe>``/``<script>`` only when their source is on a listed host.
HOST_FILTERED = re.compile(r"allowed(?:Iframe|Script)(?:Hostnames|Domains)")


@rule(
    id="DSG007",
    symbol="sanitizer-weakened",
    title="HTML sanitizer configured to keep script, frames or event handlers",
    severity="high",
    cwe=79,
    languages=("javascript", "python"),
    equivalent="none",
    message="configures an HTML sanitizer to keep script-capable tags or attributes: stored XSS passes through it",
    use_instead="sanitizeHtml.defaults.allowedTags.concat([\"img\"]) with attributes listed per tag",
    triggers=("sanitize", "purify", "bleach", "nh3", "xss", "clean", "allowedtags", "allowedattributes"),
)
def check(view: object) -> Iterator[Hit]:
    for setting in settings_of(view):
        name = setting.normal
        if name in ALLOW_ALL_WHEN_FALSE and setting.value is False and setting.key[:1].islower():
            # (sanitize-html's own option names, also in a block that shows the options alone)
            yield Hit(setting.line, setting.column, f"`{setting.key}: false` lets every tag or attribute through the "
                      "sanitizer (`<script>`, `onerror=`): it no longer stops stored XSS; list what you allow")
            continue
        if not setting.context or not SANITIZERS.search(" ".join(setting.context)):
            continue  # (only the options given to a sanitizer call)
        if name in ALLOW_ALL_WHEN_FALSE and setting.value is False:
            yield Hit(setting.line, setting.column, f"`{setting.key}: false` lets every tag or attribute through the "
                      "sanitizer (`<script>`, `onerror=`): it no longer stops stored XSS; list what you allow")
        elif name in ALLOW_LISTS:
            written = str(setting.written)
            if HOST_FILTERED.search(block_text(view)[0]):  # sanitize-html keeps them only from listed hosts
                written = re.sub(r"""["'](?:script|iframe)["']""", "", written, flags=re.IGNORECASE)
            found = SCRIPT_CAPABLE.search(written)
            if found:
                yield Hit(setting.line, setting.column, f"`{setting.key}` allows {found.group(0)}, which runs script "
                          "in the page: the sanitizer passes stored XSS through; remove it from the list")
