"""## What it does
Finds deserializers that build arbitrary objects from their input, in Java,
C#, PHP and Ruby:

* Java: ``new ObjectInputStream(...)`` (then ``readObject``),
  ``new XMLDecoder(...)``, XStream's ``fromXML``, SnakeYAML's
  ``new Yaml().load`` (before 2.0, and ``new Yaml(new Constructor())``);
* C#: ``BinaryFormatter``, ``SoapFormatter``, ``NetDataContractSerializer``,
  ``LosFormatter`` and ``ObjectStateFormatter``, and Json.NET's
  ``TypeNameHandling`` set to anything but ``None``;
* PHP: ``unserialize`` of a value that is not a constant, unless it passes
  ``['allowed_classes' => false]``;
* Ruby: ``Marshal.load``/``restore``, ``YAML.load``/``Psych.load`` (Psych
  before 4 builds any object) and ``YAML.unsafe_load`` of a value that is not
  a constant.

## Why is this bad?
These formats name the classes to build, and building them runs code
(constructors, ``readObject``, ``__wakeup``, ``__destruct``, setters): a
crafted payload from the ysoserial family runs commands on the server.
Microsoft calls ``BinaryFormatter`` "dangerous and not recommended" for any
input.

## Example
```java
ObjectInputStream in = new ObjectInputStream(request.getInputStream());
Order order = (Order) in.readObject();
```

## Use instead
```java
ObjectMapper mapper = new ObjectMapper();  // Jackson, without default typing
Order order = mapper.readValue(request.getInputStream(), Order.class);
```
Exchange data as JSON into a fixed type (Jackson without default typing,
``System.Text.Json``, ``json_decode``, ``JSON.parse``/``YAML.safe_load``), and
sign what you must read back.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [OWASP Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html)
- [Microsoft: BinaryFormatter security guide](https://learn.microsoft.com/en-us/dotnet/standard/serialization/binaryformatter-security-guide)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.code import CodeView
from ...model import Hit
from ..registry import rule
from ._values import is_outside

JAVA_TYPES = frozenset({"ObjectInputStream", "XMLDecoder"})
DOTNET_FORMATTERS = frozenset({"BinaryFormatter", "SoapFormatter", "NetDataContractSerializer", "LosFormatter",
                               "ObjectStateFormatter"})
RUBY_LOADS = frozenset({"Marshal.load", "Marshal.restore", "YAML.load", "Psych.load", "YAML.unsafe_load",
                        "Psych.unsafe_load", "YAML.load_documents"})


@rule(
    id="DSL003",
    symbol="object-deserialization",
    title="Deserializer that builds arbitrary objects (Java, C#, PHP, Ruby)",
    severity="critical",
    cwe=502,
    languages=("java", "csharp", "php", "ruby"),
    equivalent="Semgrep/CodeQL unsafe-deserialization queries",
    message="deserializes with a format that builds arbitrary objects; read JSON into a fixed type instead",
    use_instead="mapper.readValue(input, Order.class) (Jackson, no default typing); json_decode; YAML.safe_load",
    name_triggers=("objectinputstream", "xmldecoder", "fromxml", "yaml", "binaryformatter", "soapformatter",
                   "netdatacontractserializer", "losformatter", "objectstateformatter", "typenamehandling",
                   "unserialize", "marshal", "psych"),
)
def check(view: CodeView) -> Iterator[Hit]:
    language = view.language
    for call in view.calls:
        name, short = call.name, call.short
        if language == "java" and call.is_new and short in JAVA_TYPES or \
                language == "java" and short == "fromXML" or \
                language == "java" and short == "load" and _snakeyaml(view, call.name):
            yield _hit(view, call.node, f"`{view.text_of(call.node, 50)}`")
        elif language == "csharp" and call.is_new and short in DOTNET_FORMATTERS:
            yield _hit(view, call.node, f"`new {short}()`")
        elif language == "php" and name == "unserialize" and call.arguments and is_outside(view, call.arguments[0]):
            options = call.argument(1)
            if options is None or "allowed_classes" not in view.text_of(options):
                yield _hit(view, call.node, f"`unserialize({view.text_of(call.arguments[0], 40)})`")
        elif language == "ruby" and name in RUBY_LOADS and call.arguments and is_outside(view, call.arguments[0]):
            yield _hit(view, call.node, f"`{name}({view.text_of(call.arguments[0], 40)})`")
    if language == "csharp":
        for key, value in [(key, value) for key, value, _ in view.pairs] + \
                [(name, value) for name, values in view.assignments.items() for value in values]:
            if key.rsplit(".", 1)[-1] == "TypeNameHandling" and not view.text_of(value).endswith("None"):
                yield _hit(view, value, f"`TypeNameHandling = {view.text_of(value)}`")


def _snakeyaml(view: CodeView, name: str) -> bool:
    """``new Yaml().load(...)`` or ``yaml.load(...)`` where ``yaml = new Yaml(...)``."""
    receiver = name.rsplit(".", 1)[0]
    if receiver == "Yaml()":
        return True
    return any(value.type == "object_creation_expression" and view.text_of(value).startswith("new Yaml(")
               and "SafeConstructor" not in view.text_of(value) for value in view.assignments.get(receiver, []))


def _hit(view: CodeView, node: Any, what: str) -> Hit:
    return Hit(view.line(node), view.column(node),
               f"{what} builds whatever objects the data names, and building them can run code; read JSON into "
               "a fixed type instead")
