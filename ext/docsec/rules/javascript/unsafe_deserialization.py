"""## What it does
Finds JavaScript deserializers that can run code, called on a value that is
not a constant: ``node-serialize``'s ``unserialize``, ``funcster``'s
``deepDeserialize``, ``serialize-to-js``' ``deserialize`` (when the example
requires it: the method name is common), and js-yaml 3's ``load`` with the
full schema (``yaml.load(text, {schema: yaml.DEFAULT_FULL_SCHEMA})``), which
builds functions from ``!!js/function`` tags.

## Why is this bad?
``node-serialize`` turns a string holding ``_$$ND_FUNC$$_function(){...}()``
into a function and calls it: whoever controls the cookie or request body
that reaches ``unserialize`` runs code on the server (CVE-2017-5941).

## Example
```javascript
const serialize = require("node-serialize");
const profile = serialize.unserialize(Buffer.from(req.cookies.profile, "base64").toString());
```

## Use instead
```javascript
const profile = JSON.parse(Buffer.from(req.cookies.profile, "base64").toString());
```
Exchange data as JSON, and validate its shape; sign cookies you read back.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [OWASP Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule
from ._values import is_outside

CALLS = {"unserialize": ("node-serialize", "serialize"), "deepDeserialize": ("funcster",),
         "deserialize": ("serialize-to-js",)}
UNSAFE_SCHEMAS = ("DEFAULT_FULL_SCHEMA", "FULL_SCHEMA")


@rule(
    id="DSW007",
    symbol="js-unsafe-deserialization",
    title="JavaScript deserializer that runs code, on data that is not a constant",
    severity="critical",
    cwe=502,
    languages=("javascript",),
    equivalent="none",
    message="deserializes with a library that can run code; exchange data as JSON",
    use_instead="JSON.parse(text)",
    name_triggers=("unserialize", "deepdeserialize", "deserialize", "full_schema", "default_full_schema"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls_named(*CALLS, "load"):
        data = call.argument(0)
        if data is None or not is_outside(js, data):
            continue
        if call.short == "load":
            options = call.argument(1)
            if options is None or not any(schema in js.text_of(options) for schema in UNSAFE_SCHEMAS):
                continue
        elif call.short == "deserialize" and not call.name.startswith("serialize-to-js"):
            continue
        yield Hit(js.line(call.node), js.column(call.node),
                  f"`{call.written}({js.text_of(data, 40)})` can run code hidden in the data; exchange data as "
                  "JSON (`JSON.parse`) and validate it")
