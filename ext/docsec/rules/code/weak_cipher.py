"""## What it does
Finds Java, C#, PHP, Go, Ruby and Rust that encrypt with a weak cipher or
mode: Java's ``Cipher.getInstance("DES/...")``, ``"DESede"``, ``"RC4"``,
``"AES/ECB/..."`` and a bare ``"AES"`` (which Java reads as AES/ECB); .NET's
``DES.Create()``, ``TripleDES.Create()``, ``RC2.Create()``, ``new
TripleDESCryptoServiceProvider()`` and ``Mode = CipherMode.ECB``; PHP's
``openssl_encrypt($data, "des-ede3-cbc", ...)`` and ``"aes-128-ecb"``; Go's
``des.NewCipher``, ``des.NewTripleDESCipher``, ``rc4.NewCipher`` and
``blowfish.NewCipher``; Ruby's ``OpenSSL::Cipher.new("des-ede3-cbc")`` and
``OpenSSL::Cipher::DES.new``; Rust's ``Des::new``, ``TdesEde3::new`` and
``Rc4::new``; and IVs that are the same on every run: Java's ``new
IvParameterSpec(new byte[16])`` or ``GCMParameterSpec`` of a literal's bytes, C#'s ``aes.IV = new
byte[16]``, Go's ``iv := make([]byte, aes.BlockSize)`` given to ``cipher.NewCBCEncrypter``/``NewCTR``
without ``io.ReadFull(rand.Reader, iv)``.  The names of weak ciphers are shared with the other
languages' cipher rules (``docsec.rules._ciphers``; Python's is DSP052,
JavaScript's DSW013).

## Why is this bad?
A 64-bit block (DES, 3DES, Blowfish) repeats after a few gigabytes and leaks
plaintext (Sweet32); DES keys are found by brute force; RC4's keystream is
biased; ECB encrypts equal blocks to equal ciphertext, so the shape of the
data shows through.  Readers copy the transformation string as it is.

## Example
```java
Cipher cipher = Cipher.getInstance("DESede/ECB/PKCS5Padding");
```

## Use instead
```java
Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
```
AES-GCM (or ChaCha20-Poly1305) with a random nonce: ``AesGcm`` in .NET,
``aes-256-gcm`` with ``openssl_encrypt``, ``cipher.NewGCM`` in Go,
``OpenSSL::Cipher.new("aes-256-gcm")`` in Ruby, the ``aes-gcm`` crate.

## References
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [OWASP Cryptographic Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cryptographic_Storage_Cheat_Sheet.html)
"""

from __future__ import annotations

import re

from typing import Any, Iterator, Optional

from ...languages.code import Call, CodeView
from ...model import Hit
from ..registry import rule
from .._ciphers import weak_algorithm, weak_type
from ._values import LANGUAGES

# Calls whose argument names the algorithm: (language, callee as written) -> the argument's index.
ALGORITHM_ARGUMENT = {("java", "Cipher.getInstance"): 0, ("php", "openssl_encrypt"): 1,
                      ("php", "openssl_decrypt"): 1, ("ruby", "OpenSSL.Cipher.new"): 0,
                      ("csharp", "SymmetricAlgorithm.Create"): 0}


@rule(
    id="DSL008",
    symbol="code-weak-cipher",
    title="Weak cipher or mode (Java, C#, PHP, Go, Ruby, Rust)",
    severity="medium",
    cwe=327,
    languages=LANGUAGES,
    equivalent="Semgrep/CodeQL weak-cipher queries",
    message="encrypts with a weak cipher or mode; use AES-GCM (or ChaCha20-Poly1305) with a random nonce",
    use_instead='Cipher.getInstance("AES/GCM/NoPadding"); openssl_encrypt($d, "aes-256-gcm", ...); cipher.NewGCM',
    triggers=("cipher", "des", "rc4", "rc2", "ecb", "blowfish", "tdes", ".iv", "ivparameterspec", "gcmparameterspec",
              "newcbcencrypter", "newctr", "newcfbencrypter", "newofb"),
)
def check(view: CodeView) -> Iterator[Hit]:
    for call in view.calls:
        what = _weak(view, call)
        if what:
            yield Hit(view.line(call.node), view.column(call.node), f"`{view.text_of(call.node, 60)}` encrypts with "
                      f"{what}; use AES-GCM (or ChaCha20-Poly1305) with a random nonce")
    yield from _fixed_ivs(view)
    for name, values in view.assignments.items():
        if name.endswith("Mode"):
            for value in values:
                if view.text_of(value) == "CipherMode.ECB":
                    yield Hit(view.line(value), view.column(value), f"`{name} = CipherMode.ECB` encrypts in ECB mode "
                              "(equal blocks to equal ciphertext); use AesGcm")


# Values that are the same on every run: zeros (``new byte[16]``, ``make([]byte, 16)``) or a literal's bytes.
ZEROS = re.compile(r"^new\s*byte\s*\[\s*\w+\s*\]$|^make\(\s*\[\]byte\s*,\s*[\w.]+\s*\)$")
LITERAL_BYTES = re.compile(r"""^(?:"[^"]*"\.getBytes\([^)]*\)|Encoding\.\w+\.GetBytes\("[^"]*"\)|\[\]byte\("[^"]*"\)"""
                           r"""|new\s*byte\s*\[\s*\]\s*\{[\s\d,x]*\})$""")
IV_USES = {"java": ("IvParameterSpec", "GCMParameterSpec"), "go": ("NewCBCEncrypter", "NewCTR", "NewCFBEncrypter",
                                                                  "NewOFB")}


def _fixed_ivs(view: CodeView) -> Iterator[Hit]:
    """An IV the same on every run: Java's ``new IvParameterSpec(new byte[16])`` (or of a literal's bytes), C#'s
    ``aes.IV = new byte[16]``, Go's ``iv := make([]byte, aes.BlockSize)`` given to ``NewCBCEncrypter`` when the
    block never fills it from ``crypto/rand``."""
    if view.language == "csharp":
        for name, values in view.assignments.items():
            if name.endswith(".IV") or name == "IV":
                for value in values:
                    if _constant_bytes(view, value):
                        yield _iv_hit(view, value, f"{name} = {view.text_of(value, 40)}")
        return
    uses = IV_USES.get(view.language, ())
    for call in view.calls:
        if call.short not in uses:
            continue
        iv = call.argument(1) if call.short in ("GCMParameterSpec", "NewCBCEncrypter", "NewCTR", "NewCFBEncrypter",
                                                "NewOFB") else call.argument(0)
        if iv is not None and _constant_bytes(view, iv) and not _filled_randomly(view, iv):
            yield _iv_hit(view, call.node, view.text_of(call.node, 60))


def _constant_bytes(view: CodeView, node: Any, depth: int = 0) -> bool:
    text = re.sub(r"\s+", " ", view.text_of(node, 200)).strip()
    if ZEROS.match(text) or LITERAL_BYTES.match(text):
        return True
    name = view.name_of(node)
    if name and depth < 3:
        values = view.assignments.get(name, [])
        return len(values) == 1 and _constant_bytes(view, values[0], depth + 1)
    return False


def _filled_randomly(view: CodeView, node: Any) -> bool:
    """Go's ``io.ReadFull(rand.Reader, iv)`` / ``rand.Read(iv)``, Java's ``random.nextBytes(iv)``."""
    name = view.name_of(node)
    if not name:
        return False
    whole = view.text_of(view.tree.root, 20000)
    return bool(re.search(r"(?:ReadFull\(\s*rand\.Reader\s*,\s*|rand\.Read\(\s*|nextBytes\(\s*)"
                          + re.escape(name) + r"\b", whole))


def _iv_hit(view: CodeView, node: Any, shown: str) -> Hit:
    return Hit(view.line(node), view.column(node), f"`{shown}` encrypts with the same IV every time: equal "
               "messages give equal ciphertexts (and CTR/GCM reuse the keystream); make a fresh random IV for "
               "every message (SecureRandom, RandomNumberGenerator, crypto/rand) and send it along")


def _weak(view: CodeView, call: Call) -> Optional[str]:
    index = ALGORITHM_ARGUMENT.get((view.language, call.name))
    if index is not None:
        return weak_algorithm(view.string_value(call.argument(index)),
                              default_mode_is_ecb=view.language == "java")
    if call.short in ("Create", "new", "NewCipher", "NewTripleDESCipher") or call.is_new:
        return weak_type(call.name)
    return None
