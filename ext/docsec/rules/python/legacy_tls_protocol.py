"""## What it does
Finds TLS pinned to retired protocol versions and keys too small to be
safe: ``ssl.PROTOCOL_SSLv2``, ``PROTOCOL_SSLv3``, ``PROTOCOL_TLSv1``,
``PROTOCOL_TLSv1_1``, ``ssl.TLSVersion.TLSv1``/``TLSv1_1``/``SSLv3`` (as
``minimum_version`` or anywhere else), pyOpenSSL's ``SSLv2_METHOD``,
``SSLv3_METHOD``, ``TLSv1_METHOD``, ``TLSv1_1_METHOD``, the strings
``"TLSv1"``/``"TLSv1.1"`` given as ``ssl_version``, RSA and DSA keys under
2048 bits (``rsa.generate_private_key(key_size=1024)``,
``RSA.generate(1024)``, ``rsa.newkeys(512)``) and elliptic curves under 224
bits (``SECP192R1``), Diffie-Hellman parameters under 2048 bits
(``dh.generate_parameters(generator=2, key_size=1024)``, or a loaded file
named for its size, as the examples name them: ``"dh_param_1024.pem"``).  Negotiating constants (``PROTOCOL_TLS_CLIENT``,
``PROTOCOL_SSLv23``) and ``OP_NO_TLSv1`` are left alone.

## Why is this bad?
SSL 2.0/3.0 and TLS 1.0/1.1 are deprecated (RFC 8996) and open to
downgrade and padding-oracle attacks (POODLE, BEAST); RSA-1024 and 192-bit
curves are within reach of well-funded attackers.

## Example
```python
import ssl
context = ssl.SSLContext(ssl.PROTOCOL_TLSv1)
```

## Use instead
```python
import ssl
context = ssl.create_default_context()
context.minimum_version = ssl.TLSVersion.TLSv1_2
```
Use ``ssl.create_default_context()`` (or ``PROTOCOL_TLS_CLIENT``) with
``minimum_version = TLSv1_2`` or higher, RSA keys of at least 2048 (better
3072) bits, or curves such as P-256 and Ed25519.

## References
- [CWE-326: Inadequate Encryption Strength](https://cwe.mitre.org/data/definitions/326.html)
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [RFC 8996: Deprecating TLS 1.0 and TLS 1.1](https://www.rfc-editor.org/rfc/rfc8996)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import line_of, parents

LEGACY_NAMES = frozenset({"PROTOCOL_SSLv2", "PROTOCOL_SSLv3", "PROTOCOL_TLSv1", "PROTOCOL_TLSv1_1",
                          "SSLv2_METHOD", "SSLv3_METHOD", "TLSv1_METHOD", "TLSv1_1_METHOD"})
LEGACY_VERSIONS = frozenset({"SSLv3", "TLSv1", "TLSv1_0", "TLSv1_1"})  # members of ssl.TLSVersion and Twisted's
LEGACY_STRINGS = frozenset({"sslv2", "sslv3", "tlsv1", "tlsv1.0", "tlsv1_0", "tlsv1.1", "tlsv1_1", "tls1", "tls1.0",
                            "tls1.1", "tls1_1"})
VERSION_KEYWORDS = ("ssl_version", "tls_version", "min_tls_version", "minimum_version", "ssl_minimum_version",
                    "tls_min_version")
KEY_GENERATORS = {"generate_private_key": (1, "key_size"), "RSA.generate": (0, "bits"), "DSA.generate": (0, "bits"),
                  "rsa.newkeys": (0, "nbits"), "generate_rsa": (0, "bits"), "generate_key": (1, "bits"),
                  "RSA.gen_key": (0, "bits"), "DSA.gen_params": (0, "bits"), "generate_keypair": (1, "key_length"),
                  "dh.generate_parameters": (1, "key_size"), "generate_domain_parameters": (1, "key_length")}
# Diffie-Hellman groups loaded from a file whose name gives a size under 2048 bits (``dh_param_1024.pem``,
# ``dhparam-1024.pem``, ``dh512.pem``): Logjam-range groups.
WEAK_DH_FILE = re.compile(r"(?:^|[/=:\s])(dh[\w.-]*?(?<!\d)(?:512|768|1024)(?!\d)[\w.-]*\.pem)\b", re.IGNORECASE)
WEAK_CURVES = frozenset({"SECP192R1", "SECT163K1", "SECT163R2", "SECP160R1", "BrainpoolP160r1", "prime192v1", "NIST192p",
                         "SECP112r1", "SECP128r1", "SECP160r1", "BRAINPOOLP160r1"})


@rule(
    id="DSP030",
    symbol="legacy-tls-protocol",
    title="Retired TLS/SSL protocol version or weak key size",
    severity="medium",
    cwe=327,
    languages=("python",),
    equivalent="Bandit B502-B505, Ruff S502-S505",
    message="uses a retired TLS/SSL version or a weak key; require TLS 1.2+ and 2048-bit RSA or P-256",
    use_instead="ssl.create_default_context() with minimum_version = ssl.TLSVersion.TLSv1_2; RSA >= 2048 bits.",
    triggers=('sslv', 'tlsv', 'secp', 'sect163', 'brainpool', 'prime192', 'nist192', '_version', 'generate', 'newkeys',
              'gen_key', 'gen_params', 'dh', 'domain_parameters'),
)
def check(code: PythonView) -> Iterator[Hit]:
    up = parents(code)
    for node in code.nodes_of(ast.Attribute, ast.Name):  # the only nodes _legacy_reference names
        name = _legacy_reference(code, node, up)
        if name:
            yield Hit(line_of(node), code.column(node),
                      f"`{name}` selects a retired protocol (SSL 3 / TLS 1.0 / TLS 1.1); use "
                      "`ssl.create_default_context()` with `minimum_version = ssl.TLSVersion.TLSv1_2`")
    for node in code.nodes_of(ast.Constant):  # ``FilePath("dh_param_1024.pem")``, ``"ssl:443:dhParameters=dh1024.pem"``
        text = node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None
        found = WEAK_DH_FILE.search(text) if text and "dh" in text.lower() else None
        if found:
            yield Hit(line_of(node), code.column(node),
                      f"`{found.group(1)}` holds a Diffie-Hellman group under 2048 bits (Logjam range); generate "
                      "2048-bit or larger parameters (`openssl dhparam 2048`), or use ECDHE only")
    for call in code.calls:
        for keyword in VERSION_KEYWORDS:
            text = code.string_value(call.keyword(keyword))
            if text and text.lower() in LEGACY_STRINGS:
                yield Hit(call.line, code.column(call.node),
                          f"`{keyword}={text!r}` selects a retired protocol; require TLS 1.2 or later")
        size = _weak_key_size(code, call)
        if size:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}` makes a {size}-bit key; use at least 2048 bits (3072 for long-lived keys)")


def _legacy_reference(code: PythonView, node: ast.AST, up: dict) -> Optional[str]:
    if isinstance(node, ast.Attribute):
        name, owner = node.attr, code.qualname(node.value) or ""
    elif isinstance(node, ast.Name):
        resolved = code.aliases.get(node.id, node.id)
        name, owner = resolved.rsplit(".", 1)[-1], resolved.rsplit(".", 1)[0] if "." in resolved else ""
    else:
        return None
    parent = up.get(node)
    if isinstance(parent, (ast.Compare, ast.ImportFrom, ast.alias)) or isinstance(parent, ast.Attribute):
        return None
    if name in LEGACY_NAMES or (name in WEAK_CURVES and isinstance(parent, (ast.Call, ast.keyword))):
        return ast.unparse(node)
    if name in LEGACY_VERSIONS and owner.endswith("TLSVersion"):
        return ast.unparse(node)
    return None


def _weak_key_size(code: PythonView, call: Call) -> Optional[int]:
    for suffix, (position, keyword) in KEY_GENERATORS.items():
        if call.name == suffix or call.name.endswith("." + suffix):
            if suffix == "generate_private_key" and "ec" in call.name.split("."):
                return None
            if suffix == "generate_key" and not (call.node.args and "TYPE_" in ast.unparse(call.node.args[0])):
                return None
            if suffix in ("generate_keypair", "generate_domain_parameters") and not (call.node.args and re.search(r"\b(?:RSA|DSA|DH)\b",
                                                                                  ast.unparse(call.node.args[0]))):
                return None  # python-pkcs11: bits only mean a weak key for RSA, DSA and DH
            node = call.argument(position, keyword) if suffix != "generate_private_key" else call.keyword("key_size")
            if node is None and suffix == "generate_private_key" and len(call.node.args) > 1:
                node = call.node.args[1]
            if isinstance(node, ast.Name):
                values = code.assignments.get(node.id, [])
                node = values[0] if len(values) == 1 else node
            if isinstance(node, ast.Constant) and isinstance(node.value, int) and 0 < node.value < 2048:
                return node.value
    return None
