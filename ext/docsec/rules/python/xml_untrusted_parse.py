"""## What it does
Finds XML from outside the example parsed with the standard library
(``xml.etree.ElementTree``, ``xml.dom.minidom``, ``xml.dom.pulldom``,
``xml.sax``, ``xml.parsers.expat``) and ``lxml`` parsers configured to
resolve entities or use the network (``XMLParser(resolve_entities=True)``,
``no_network=False``), plus SAX parsers with external entities switched on.
XML written as a literal in the example, or read from a file the example
names, is not reported; ``defusedxml`` is the fix and is never reported.

## Why is this bad?
XML parsers expand entities.  A document with nested entity definitions
("billion laughs") exhausts memory, and with external entities enabled it
reads local files or makes requests from the server (XXE, SSRF).  The
standard library's protection depends on the Python and Expat versions the
reader happens to run.

## Example
```python
import xml.etree.ElementTree as ET
root = ET.fromstring(request.data)
```

## Use instead
```python
import defusedxml.ElementTree as ET
root = ET.fromstring(request.data)
```
``defusedxml`` has the same API and refuses entity tricks; with ``lxml``
keep ``resolve_entities=False`` and ``no_network=True``.

## References
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
- [CWE-776: Recursive Entity References in DTDs](https://cwe.mitre.org/data/definitions/776.html)
- [Python docs: XML vulnerabilities](https://docs.python.org/3/library/xml.html#xml-vulnerabilities)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

STDLIB_MODULES = ("xml.etree.ElementTree", "xml.etree.cElementTree", "xml.dom.minidom", "xml.dom.pulldom",
                  "xml.sax", "xml.dom.expatbuilder", "xml.parsers.expat")
CONVENTIONAL = {"ET": "xml.etree.ElementTree", "ElementTree": "xml.etree.ElementTree",
                "etree.ElementTree": "xml.etree.ElementTree", "minidom": "xml.dom.minidom",
                "pulldom": "xml.dom.pulldom", "expat": "xml.parsers.expat"}
PARSE_FUNCTIONS = frozenset({"parse", "fromstring", "XML", "iterparse", "fromstringlist", "XMLID", "parseString",
                             "feed", "Parse", "ParseFile"})
PARSER_MAKERS = frozenset({"XMLParser()", "XMLPullParser()", "make_parser()", "ParserCreate()", "TreeBuilder()"})
LITERAL_NAME = re.compile(r"(?i)(?:string|_str$|literal|sample|example|fixture)")
OPENERS = frozenset({"open", "io.open", "builtins.open", "codecs.open"})
EXTERNAL_FEATURES = ("feature_external_ges", "feature_external_pes")


@rule(
    id="DSP025",
    symbol="xml-untrusted-parse",
    title="Outside XML parsed without protection against entity attacks",
    severity="medium",
    cwe=611,
    languages=("python",),
    equivalent="Bandit B313-B320, Ruff S313-S320",
    message="parses outside XML with a parser that expands entities; use defusedxml",
    use_instead="defusedxml.ElementTree.fromstring(data) / defusedxml.minidom.parseString(data)",
    # a short name ending in XMLParser; else a whole name: setFeature or a PARSE_FUNCTIONS short name
    triggers=("xmlparser",),
    name_triggers=("setfeature", *sorted({function.lower() for function in PARSE_FUNCTIONS})),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        problem = _problem(code, call)
        if problem:
            yield Hit(call.line, code.column(call.node), problem)


def _problem(code: PythonView, call: Call) -> Optional[str]:
    if call.short.endswith("XMLParser") and (code.is_true(call.keyword("resolve_entities"))
                                             or code.is_false(call.keyword("no_network"))):
        return (f"`{call.written}(...)` resolves entities or fetches them over the network (XXE); keep "
                "`resolve_entities=False` and `no_network=True`, or use `defusedxml`")
    if call.short == "setFeature" and len(call.node.args) == 2 and code.is_true(call.node.args[1]) \
            and code.text_of(call.node.args[0]).endswith(EXTERNAL_FEATURES):
        return f"`{call.written}({code.text_of(call.node.args[0])}, True)` enables external entities (XXE); leave it off"
    module = _stdlib_parser(code, call)
    if module is None:
        return None
    source = call.argument(0)
    if source is None or _fixed(code, source):
        return None
    return (f"`{call.written}({code.text_of(source, 30)})` parses outside XML with `{module}`, which does not guard "
            "against entity expansion and external entities on every version; use `defusedxml` (same API)")


def _stdlib_parser(code: PythonView, call: Call) -> Optional[str]:
    if call.short not in PARSE_FUNCTIONS:
        return None
    name = code.resolve(call.node.func) or call.name
    prefix = name.rsplit(".", 1)[0]
    for short, module in CONVENTIONAL.items():  # ``ET.parse`` in a fragment without imports
        if (prefix == short or prefix.startswith(short + ".")) and short.split(".")[0] not in code.aliases:
            prefix = module + prefix[len(short):]
            break
    for module in STDLIB_MODULES:
        if prefix == module:
            return module
        if prefix.startswith(module + ".") and prefix.rsplit(".", 1)[-1] in PARSER_MAKERS:
            return module
    return None


def _fixed(code: PythonView, source: ast.expr) -> bool:
    """Literal XML, a literal path, or a file opened from a literal path."""
    if code.is_constant(source):
        return True
    if isinstance(source, ast.Name) and source.id not in code.defined_names and LITERAL_NAME.search(source.id):
        return True  # ``ET.fromstring(country_data_as_string)``: a literal from an earlier block
    origin = code.origin_call(source)
    if origin is not None and code.qualname(origin.func) in OPENERS and origin.args:
        return code.is_constant(origin.args[0])
    return False
