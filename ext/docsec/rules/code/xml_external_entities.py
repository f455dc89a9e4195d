"""## What it does
Finds XML parsers that resolve external entities, in Java, C# and PHP:

* Java: a ``DocumentBuilderFactory``, ``SAXParserFactory``,
  ``XMLInputFactory``, ``TransformerFactory``, ``SchemaFactory``,
  ``XMLReader``, dom4j's ``SAXReader`` or JDOM's ``SAXBuilder`` that parses,
  in a block that sets none of the hardening features
  (``disallow-doctype-decl``, ``external-general-entities`` false,
  ``IS_SUPPORTING_EXTERNAL_ENTITIES`` false, ``ACCESS_EXTERNAL_DTD``,
  ``FEATURE_SECURE_PROCESSING``, ``setExpandEntityReferences(false)``);
* C#: ``XmlResolver = new XmlUrlResolver()`` and ``DtdProcessing =
  DtdProcessing.Parse``;
* PHP: ``libxml_disable_entity_loader(false)`` and the ``LIBXML_NOENT`` or
  ``LIBXML_DTDLOAD`` flags given to ``loadXML``, ``simplexml_load_string`` and
  the like.

## Why is this bad?
A document that declares ``<!ENTITY x SYSTEM "file:///etc/passwd">`` makes
the parser read that file (or fetch an internal URL) and put it in the
result: XML external entity injection (XXE), a file read or a server-side
request forgery from one upload.

## Example
```java
DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
Document document = factory.newDocumentBuilder().parse(request.getInputStream());
```

## Use instead
```java
DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
Document document = factory.newDocumentBuilder().parse(request.getInputStream());
```

## References
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
- [OWASP XML External Entity Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import re
from typing import Iterator

from ...languages.code import CodeView
from ...model import Hit
from ..registry import rule

JAVA_FACTORIES = frozenset({"DocumentBuilderFactory.newInstance", "SAXParserFactory.newInstance",
                            "XMLInputFactory.newInstance", "XMLInputFactory.newFactory", "TransformerFactory.newInstance",
                            "SchemaFactory.newInstance", "XMLReaderFactory.createXMLReader", "SAXReader", "SAXBuilder",
                            "DocumentBuilderFactory.newDefaultInstance", "SAXParserFactory.newDefaultInstance"})
JAVA_PARSES = frozenset({"parse", "newDocumentBuilder", "newSAXParser", "createXMLStreamReader", "createXMLEventReader",
                         "newTransformer", "newSchema", "read", "build", "unmarshal", "transform"})
JAVA_HARDENED = re.compile(r"disallow-doctype-decl|external-general-entities|external-parameter-entities"
                           r"|IS_SUPPORTING_EXTERNAL_ENTITIES|SUPPORT_DTD|ACCESS_EXTERNAL_(?:DTD|SCHEMA|STYLESHEET)"
                           r"|FEATURE_SECURE_PROCESSING|setExpandEntityReferences|load-external-dtd"
                           r"|setXIncludeAware|setEntityResolver|XMLConstants", re.IGNORECASE)
CSHARP_UNSAFE = re.compile(r"XmlResolver\s*=\s*new\s+XmlUrlResolver|DtdProcessing\s*=\s*DtdProcessing\.Parse")
PHP_ENTITY_FLAGS = re.compile(r"\bLIBXML_(?:NOENT|DTDLOAD|DTDATTR)\b")


@rule(
    id="DSL014",
    symbol="xml-external-entities",
    title="XML parser that resolves external entities (Java, C#, PHP)",
    severity="high",
    cwe=611,
    languages=("java", "csharp", "php"),
    equivalent="Semgrep java.lang.security.audit.xxe.*, CodeQL java/xxe",
    message="parses XML with external entities resolved (XXE); turn DTDs and external entities off",
    use_instead='factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true)',
    triggers=("factory", "saxreader", "saxbuilder", "xmlreader", "xmlresolver", "dtdprocessing", "libxml",
              "entity_loader"),
)
def check(view: CodeView) -> Iterator[Hit]:
    whole = view.text_of(view.tree.root, 50000)
    if view.language == "java":
        if JAVA_HARDENED.search(whole):
            return
        shorts = {call.short for call in view.calls}
        if not shorts & JAVA_PARSES:
            return  # a factory made but nothing parsed: a fragment about something else
        for call in view.calls:
            if call.name in JAVA_FACTORIES or call.name.endswith(tuple("." + name for name in JAVA_FACTORIES)):
                yield Hit(view.line(call.node), view.column(call.node),
                          f"`{view.text_of(call.node, 50)}` makes a parser that resolves external entities and "
                          "DTDs, and the block turns none of them off: a document can read local files or reach "
                          "internal URLs (XXE); set `disallow-doctype-decl` (or the XMLConstants properties)")
                return
    elif view.language == "csharp":
        for node in view.nodes_of("assignment_expression"):
            text = view.text_of(node, 200)
            if CSHARP_UNSAFE.search(text):
                yield Hit(view.line(node), view.column(node), f"`{text}` lets the parser read external entities and "
                          "DTDs (XXE); leave `XmlResolver` null and `DtdProcessing` at `Prohibit`")
    else:
        for call in view.calls:
            text = view.text_of(call.node, 300)
            if call.short == "libxml_disable_entity_loader" and "false" in text.lower():
                yield Hit(view.line(call.node), view.column(call.node),
                          "`libxml_disable_entity_loader(false)` turns external entity loading back on (XXE)")
            elif call.short != "libxml_disable_entity_loader" and PHP_ENTITY_FLAGS.search(text):
                yield Hit(view.line(call.node), view.column(call.node),
                          f"`{view.text_of(call.node, 50)}` passes `LIBXML_NOENT`/`LIBXML_DTDLOAD`, which substitute "
                          "external entities into the document (XXE); parse without them")
