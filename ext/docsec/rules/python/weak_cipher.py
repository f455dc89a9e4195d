"""## What it does
Finds encryption with a broken cipher, a broken mode or a fixed IV:

* RSA encryption with PKCS#1 v1.5 padding (``key.encrypt(m,
  padding.PKCS1v15())``, PyCryptodome's ``Crypto.Cipher.PKCS1_v1_5``,
  M2Crypto's ``RSA.pkcs1_padding``), which padding oracles decrypt;
* ECB mode: PyCryptodome ``AES.new(key, AES.MODE_ECB)``, ``cryptography``'s
  ``modes.ECB()``;
* broken or legacy ciphers: PyCryptodome ``DES``, ``DES3``, ``ARC2``,
  ``ARC4``, ``Blowfish``, ``CAST`` and ``XOR`` (``DES.new(...)``),
  ``cryptography``'s ``algorithms.TripleDES``, ``ARC4``, ``Blowfish``,
  ``CAST5``, ``IDEA`` and ``SEED``, and ``pyDes``;
* a weak cipher or mode named in an argument in any library's spelling:
  ``EVP.Cipher(alg="des_ede3_cbc", ...)`` (M2Crypto),
  ``mechanism=Mechanism.DES3_CBC_PAD`` and ``KeyType.DES3`` (python-pkcs11),
  ``"rc4"``, ``"blowfish"``, ``"aes-128-ecb"``;
* an IV or nonce written into the code: ``AES.new(key, AES.MODE_CBC,
  iv=b"\\0" * 16)``, ``modes.CBC(b"0123456789abcdef")``,
  ``modes.GCM(bytes(12))``, ``nonce=b"..."``, ``AESGCM(key).encrypt(b"fixednonce12", ...)``.

## Why is this bad?
ECB encrypts equal plaintext blocks to equal ciphertext blocks, so the
structure of the data shows through (the "ECB penguin") and blocks can be
cut and pasted.  DES falls to brute force, 3DES and Blowfish to birthday
attacks on their 64-bit blocks (Sweet32), RC4 has biased output.  A fixed
IV makes CBC deterministic and turns CTR and GCM into a reused keystream,
which reveals the XOR of plaintexts and, for GCM, lets an attacker forge
messages.

## Example
```python
from Crypto.Cipher import AES
cipher = AES.new(key, AES.MODE_ECB)
token = cipher.encrypt(pad(data, 16))
```

## Use instead
```python
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
import os
nonce = os.urandom(12)
token = nonce + AESGCM(key).encrypt(nonce, data, None)
```
Use an authenticated mode (AES-GCM, ChaCha20-Poly1305) or a high-level
recipe (``cryptography.fernet``), with a fresh random nonce per message.

## References
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [CWE-329: Generation of Predictable IV with CBC Mode](https://cwe.mitre.org/data/definitions/329.html)
- [cryptography: Symmetric encryption, modes (ECB warning)](https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

PYCRYPTO_WEAK = frozenset({"DES", "DES3", "ARC2", "ARC4", "Blowfish", "CAST", "XOR"})
ALGORITHMS_WEAK = frozenset({"TripleDES", "ARC4", "Blowfish", "CAST5", "IDEA", "SEED"})
PYDES = frozenset({"pyDes.des", "pyDes.triple_des"})
IV_MODES = frozenset({"CBC", "CFB", "OFB", "CTR", "GCM", "CFB8", "XTS"})
IV_KEYWORDS = ("iv", "nonce", "initialization_vector", "tweak")
# ``cryptography``'s AEAD classes: ``AESGCM(key).encrypt(nonce, data, aad)``.
AEAD_CLASSES = frozenset({"AESGCM", "AESCCM", "AESOCB3", "AESSIV", "AESGCMSIV", "ChaCha20Poly1305"})


@rule(
    id="DSP052",
    symbol="weak-cipher",
    title="Broken cipher, ECB mode or fixed IV",
    severity="high",
    cwe=327,
    languages=("python",),
    # every branch compares a whole name: a cipher module before `new` or its MODE_ attribute, a short name
    name_triggers=tuple(sorted({name.lower() for name in (*PYCRYPTO_WEAK, "MODE_ECB", *(f"MODE_{mode}" for mode in IV_MODES),
                                                          "ECB", *ALGORITHMS_WEAK, *(n.rsplit(".", 1)[-1] for n in PYDES),
                                                          *IV_MODES, *AEAD_CLASSES)})),
    triggers=("des", "rc4", "rc2", "blowfish", "ecb", "pkcs1", "rsa_pkcs"),  # a weak algorithm inside a name or string
    equivalent="Bandit B304/B305, Ruff S304/S305 (ciphers and modes only)",
    message="uses a broken cipher, ECB mode or a fixed IV; use AES-GCM or ChaCha20-Poly1305 with a random nonce",
    use_instead="AESGCM(key).encrypt(os.urandom(12), data, None), or cryptography.fernet.Fernet",
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        found = _weakness(code, call) or _named_weak_algorithm(code, call) or _pkcs1v15_encryption(code, call)
        if found:
            yield Hit(call.line, code.column(call.node), f"`{call.written}(...)` {found}")


# RSA encryption with PKCS#1 v1.5 padding: ``key.encrypt(m, padding.PKCS1v15())`` (cryptography),
# ``PKCS1_v1_5.new(key).encrypt(m)`` (PyCryptodome's Cipher module, not its Signature one), M2Crypto's
# ``RSA.pkcs1_padding``, python-pkcs11's ``Mechanism.RSA_PKCS``.
PKCS1V15_PADDING = re.compile(r"(?:^|\.)(?:PKCS1v15|pkcs1_padding|RSA_PKCS|RSA_PKCS1_PADDING)$")


def _pkcs1v15_encryption(code: PythonView, call: Call) -> Optional[str]:
    if call.short not in ("encrypt", "public_encrypt"):  # (M2Crypto's ``RSA.public_encrypt``)
        return None
    arguments = [*call.node.args, *(k.value for k in call.node.keywords)]
    padded = any(PKCS1V15_PADDING.search(code.text_of(a.func if isinstance(a, ast.Call) else a, 80))
                 for a in arguments)
    cipher = isinstance(call.node.func, ast.Attribute) and _pkcs1v15_cipher(code, call.node.func.value)
    if padded or cipher:
        return "encrypts with RSA PKCS#1 v1.5 padding, which padding-oracle attacks (Bleichenbacher) decrypt; " \
               "use OAEP (`padding.OAEP(mgf=padding.MGF1(hashes.SHA256()), algorithm=hashes.SHA256(), label=None)`)"
    return None


def _pkcs1v15_cipher(code: PythonView, node: ast.AST) -> bool:
    """``PKCS1_v1_5.new(key)`` from ``Crypto.Cipher`` (or ``Cryptodome.Cipher``), directly or through a name."""
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 else node
    if not isinstance(node, ast.Call):
        return False
    name = code.qualname(node.func) or ""
    return name.endswith("PKCS1_v1_5.new") and ".Signature." not in name and "Signature" not in name


# A weak cipher or mode named in an argument, in any library's spelling: ``EVP.Cipher(alg="des_ede3_cbc")``
# (M2Crypto), ``mechanism=Mechanism.DES3_CBC_PAD`` and ``KeyType.DES3`` (python-pkcs11), ``"rc4"``.
WEAK_ALGORITHM = re.compile(r"(?:^|[_.\-])(des|3des|des3|desede|des_ede3|tripledes|triple_des|rc4|arc4|rc2|arc2"
                            r"|blowfish|ecb)(?=$|[_.\-])", re.IGNORECASE)
DECRYPT_ONLY = frozenset({"decrypt", "unwrap", "verify", "unwrap_key"})


def _named_weak_algorithm(code: PythonView, call: Call) -> Optional[str]:
    if call.short in DECRYPT_ONLY:
        return None  # reading legacy data is what a migration must do
    for argument in [*call.node.args, *(k.value for k in call.node.keywords)]:
        if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
            text = argument.value
            if " " in text or len(text) > 40:
                continue  # prose, not an algorithm's name
        elif isinstance(argument, ast.Attribute):
            text = argument.attr
        else:
            continue
        match = WEAK_ALGORITHM.search(text)
        if match:
            name = match.group(1).upper()
            what = "ECB mode, which shows patterns in the plaintext" if name == "ECB" else \
                f"{name}, a broken or 64-bit-block cipher"
            return f"names {text!r}: {what}; use AES-GCM or ChaCha20-Poly1305"
    return None


def _weakness(code: PythonView, call: Call) -> Optional[str]:
    parts = call.name.split(".")
    if call.short == "new" and len(parts) >= 2:
        cipher = parts[-2]
        if cipher in PYCRYPTO_WEAK:
            return f"uses {cipher}, a broken or 64-bit-block cipher; use AES-GCM or ChaCha20-Poly1305"
        mode = call.argument(1, "mode")
        mode_name = _mode_name(code, mode)
        if mode_name == "MODE_ECB":
            return "uses ECB mode, which shows patterns in the plaintext; use AES-GCM with a random nonce"
        if mode_name and mode_name[5:] in IV_MODES:
            iv = call.argument(2, "") if len(call.node.args) > 2 else _first_keyword(call, IV_KEYWORDS)
            counter = call.keyword("initial_value")
            if mode_name == "MODE_CTR" and counter is not None and not code.is_constant(counter):
                return None  # the whole block is a counter the program keeps: the nonce stays empty
            if iv is not None and _fixed_bytes(code, iv):
                return f"uses a fixed IV/nonce ({code.text_of(iv, 30)}); generate a random one per message"
        return None
    if call.short == "ECB" and (len(parts) == 1 or parts[-2] == "modes"):
        return "uses ECB mode, which shows patterns in the plaintext; use AES-GCM with a random nonce"
    if call.short in ALGORITHMS_WEAK and len(parts) >= 2 and parts[-2] == "algorithms":
        return f"uses {call.short}, a broken or 64-bit-block cipher; use AES-GCM or ChaCha20-Poly1305"
    if call.name in PYDES:
        return "uses DES/3DES (pyDes); use AES-GCM or ChaCha20-Poly1305"
    if call.short in IV_MODES and len(parts) >= 2 and parts[-2] == "modes":
        iv = call.argument(0) or _first_keyword(call, ("initialization_vector", "nonce", "tweak"))
        if iv is not None and _fixed_bytes(code, iv):
            return f"uses a fixed IV/nonce ({code.text_of(iv, 30)}); generate a random one per message"
    if call.short == "encrypt" and _aead_receiver(code, call):
        nonce = call.argument(0, "nonce")
        if nonce is not None and _fixed_bytes(code, nonce):
            return (f"encrypts with a fixed nonce ({code.text_of(nonce, 30)}): the same nonce under the same key "
                    "reveals the XOR of the plaintexts and lets anyone forge messages; use `os.urandom(12)` per message")
    return None



def _aead_receiver(code: PythonView, call: Call) -> bool:
    receiver = call.node.func.value if isinstance(call.node.func, ast.Attribute) else None
    if isinstance(receiver, ast.Name):
        values = code.assignments.get(receiver.id, [])
        receiver = values[0] if len(values) == 1 else receiver
    return isinstance(receiver, ast.Call) and (code.qualname(receiver.func) or "").rsplit(".", 1)[-1] in AEAD_CLASSES


def _mode_name(code: PythonView, node: Optional[ast.AST]) -> Optional[str]:
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        node = values[0] if len(values) == 1 else node
    if isinstance(node, ast.Attribute) and node.attr.startswith("MODE_"):
        return node.attr
    return None


def _first_keyword(call: Call, names: tuple[str, ...]) -> Optional[ast.expr]:
    return next((call.keyword(n) for n in names if call.keyword(n) is not None), None)


def _fixed_bytes(code: PythonView, node: Optional[ast.AST], depth: int = 0) -> bool:
    """A bytes value written into the snippet: ``b"..."``, ``b"\\0" * 16``, ``bytes(16)``, ``"...".encode()``."""
    if node is None or depth > 4:
        return False
    if isinstance(node, ast.Name):
        values = code.assignments.get(node.id, [])
        return len(values) == 1 and _fixed_bytes(code, values[0], depth + 1)
    if isinstance(node, ast.Constant):
        return isinstance(node.value, bytes)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add)):
        sides = (node.left, node.right)
        return any(_fixed_bytes(code, s, depth + 1) for s in sides) and all(code.is_constant(s) or _fixed_bytes(
            code, s, depth + 1) for s in sides)
    if isinstance(node, ast.Call):
        name = code.qualname(node.func) or ""
        if name in ("bytes", "bytearray") and len(node.args) == 1 and isinstance(node.args[0], ast.Constant):
            return True
        if name.endswith(".encode") and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Constant):
            return True
        if name in ("bytes.fromhex", "binascii.unhexlify") and node.args and isinstance(node.args[0], ast.Constant):
            return True
    return False
