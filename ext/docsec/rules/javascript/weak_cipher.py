"""## What it does
Finds JavaScript that encrypts with a weak cipher or mode: Node's
deprecated ``crypto.createCipher`` (its key is one MD5 round of the password,
and it takes no IV), ``crypto.createCipheriv`` / ``createDecipheriv`` and
node-forge's ``forge.cipher.createCipher`` given DES, 3DES, RC2, RC4,
Blowfish or an ECB mode (``"des-ede3-cbc"``, ``"aes-128-ecb"``,
``"3DES-CBC"``), node-forge's ``forge.rc2``/``forge.des`` ciphers, CryptoJS's ``DES``, ``TripleDES``, ``RC4`` and
``mode: CryptoJS.mode.ECB``, and RSA keys generated with fewer than 2048
bits (``modulusLength: 1024``, forge's ``bits: 1024``), and ``createCipheriv`` given a fixed IV
(a literal, ``Buffer.alloc(16)``, ``Buffer.from("...")``).  The names of weak
ciphers are shared with the other languages' cipher rules
(``docsec.rules._ciphers``).

## Why is this bad?
A 64-bit block (DES, 3DES, Blowfish) repeats after a few gigabytes and leaks
plaintext (Sweet32); DES keys are found by brute force; RC4's keystream is
biased; ECB encrypts equal blocks to equal ciphertext, so the shape of the
data shows through.  ``createCipher`` turns a password into a key with a
single MD5 and reuses the same IV for every message.  Readers copy the
algorithm string as it is.

## Example
```javascript
const cipher = crypto.createCipheriv("des-ede3-cbc", key, iv);
const encrypted = CryptoJS.TripleDES.encrypt(message, passphrase);
```

## Use instead
```javascript
const iv = crypto.randomBytes(12);
const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
```
AES-GCM (or ChaCha20-Poly1305) with a random nonce, and a key from
``crypto.scrypt`` when it comes from a password.

## References
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [Node.js: crypto.createCipher (deprecated, DEP0106)](https://nodejs.org/api/deprecations.html#DEP0106)
"""

from __future__ import annotations

import re

from typing import Iterator

from ...languages.javascript import JavaScriptView
from ...model import Hit
from ..registry import rule
from .._ciphers import weak_algorithm, weak_type

ALGORITHM_FIRST = frozenset({"createCipheriv", "createDecipheriv", "createCipher", "createDecipher"})
# node-forge's older per-cipher modules: ``forge.rc2.createEncryptionCipher(key)``, ``forge.des.startEncrypting``.
FORGE_CIPHER_MAKERS = frozenset({"createEncryptionCipher", "createDecryptionCipher", "startEncrypting",
                                 "startDecrypting"})
KEY_PAIR_CALLS = frozenset({"generateKeyPair", "generateKeyPairSync"})
SIZE_KEYS = frozenset({"modulusLength", "bits"})


@rule(
    id="DSW013",
    symbol="js-weak-cipher",
    title="Weak cipher, mode or key size in JavaScript",
    severity="medium",
    cwe=327,
    languages=("javascript",),
    equivalent="none (Semgrep javascript.node-crypto.security.create-de-cipher-no-iv, insecure-cipher)",
    message="encrypts with a weak cipher, mode or key size; use AES-GCM with a random nonce (RSA: 2048 bits)",
    use_instead='crypto.createCipheriv("aes-256-gcm", key, crypto.randomBytes(12))',
    triggers=("cipher", "des", "rc4", "rc2", "ecb", "blowfish", "modulus", "bits", "keypair"),
)
def check(js: JavaScriptView) -> Iterator[Hit]:
    for call in js.calls:
        what = None
        if call.short in ALGORITHM_FIRST:
            what = weak_algorithm(js.string_value(call.argument(0)))
            if what is None and call.short in ("createCipher", "createDecipher") and \
                    (call.name in ("crypto.createCipher", "crypto.createDecipher", "createCipher", "createDecipher")):
                what = "Node's deprecated `createCipher`, whose key is one MD5 round of the password and which " \
                       "takes no IV"
        elif call.name.startswith("CryptoJS.") or call.name.startswith(("DES.", "TripleDES.", "RC4.")):
            what = weak_type(call.name.rsplit(".", 1)[0]) if call.short in ("encrypt", "decrypt") else None
        elif call.name.startswith("forge.") and call.short in FORGE_CIPHER_MAKERS:
            what = weak_algorithm(call.name.split(".")[1])  # forge.rc2.createEncryptionCipher, forge.des....
        elif call.short in KEY_PAIR_CALLS or call.name.endswith("rsa.generateKeyPair"):
            what = _small_rsa(js, call)
        if what:
            yield Hit(js.line(call.node), js.column(call.node), f"`{js.text_of(call.node, 60)}` encrypts with "
                      f"{what}; use AES-GCM (or ChaCha20-Poly1305) with a random nonce")
        elif call.short == "createCipheriv" and _fixed_iv(js, call.argument(2)):
            yield Hit(js.line(call.node), js.column(call.node), f"`{js.text_of(call.node, 60)}` encrypts with a fixed "
                      "IV: equal messages give equal ciphertexts (and CTR/GCM reuse the keystream); make a fresh "
                      "`crypto.randomBytes(16)` (12 for GCM) for every message and send it along")
    for key, value, pair in js.properties:
        if key == "mode" and js.text_of(value) in ("CryptoJS.mode.ECB", "mode.ECB"):
            yield Hit(js.line(pair), js.column(pair), f"`{js.text_of(pair, 40)}` encrypts in ECB mode (equal blocks "
                      "to equal ciphertext); use AES-GCM, or CBC with a random IV and a MAC")


def _fixed_iv(js: JavaScriptView, node, depth: int = 0) -> bool:  # type: ignore[no-untyped-def]
    """A literal IV, ``Buffer.alloc(16[, 0])`` (zeros), ``Buffer.from("...")`` of a literal, ``new Uint8Array(16)``,
    directly or through a variable given only such a value."""
    if node is None or depth > 3:
        return False
    if js.string_value(node) is not None:
        return True
    text = js.text_of(node, 120).replace(" ", "")
    if re.fullmatch(r"Buffer\.alloc\(\d+(?:,0)?\)|newUint8Array\(\d+\)", text) or \
            re.fullmatch(r"Buffer\.from\((['\"`])[^'\"`$]*\1(?:,['\"`]\w+['\"`])?\)", text):
        return True
    if node.type == "identifier":
        values = js.assignments.get(js.text_of(node), [])
        return len(values) == 1 and _fixed_iv(js, values[0], depth + 1)
    return False


def _small_rsa(js: JavaScriptView, call) -> str:  # type: ignore[no-untyped-def]
    """``generateKeyPairSync("rsa", { modulusLength: 1024 })``, forge's ``generateKeyPair({bits: 1024})`` or
    ``generateKeyPair(1024)``: the key size when it is under 2048 bits."""
    sizes = []
    for key, value, pair in js.properties:
        if key in SIZE_KEYS and call.node.start_byte <= pair.start_byte < call.node.end_byte:
            sizes.append(js.text_of(value))
    first = call.argument(0)
    if first is not None and first.type == "number":
        sizes.append(js.text_of(first))
    small = next((size for size in sizes if size.isdigit() and int(size) < 2048), None)
    return f"an RSA key of {small} bits (factorable with enough effort; use 2048 or more)" if small else ""
