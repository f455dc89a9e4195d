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
``Rc4::new``.  The names of weak ciphers are shared with the other
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

from typing import Iterator, Optional

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
    triggers=("cipher", "des", "rc4", "rc2", "ecb", "blowfish", "tdes"),
)
def check(view: CodeView) -> Iterator[Hit]:
    for call in view.calls:
        what = _weak(view, call)
        if what:
            yield Hit(view.line(call.node), view.column(call.node), f"`{view.text_of(call.node, 60)}` encrypts with "
                      f"{what}; use AES-GCM (or ChaCha20-Poly1305) with a random nonce")
    for name, values in view.assignments.items():
        if name.endswith("Mode"):
            for value in values:
                if view.text_of(value) == "CipherMode.ECB":
                    yield Hit(view.line(value), view.column(value), f"`{name} = CipherMode.ECB` encrypts in ECB mode "
                              "(equal blocks to equal ciphertext); use AesGcm")


def _weak(view: CodeView, call: Call) -> Optional[str]:
    index = ALGORITHM_ARGUMENT.get((view.language, call.name))
    if index is not None:
        return weak_algorithm(view.string_value(call.argument(index)),
                              default_mode_is_ecb=view.language == "java")
    if call.short in ("Create", "new", "NewCipher", "NewTripleDESCipher") or call.is_new:
        return weak_type(call.name)
    return None
