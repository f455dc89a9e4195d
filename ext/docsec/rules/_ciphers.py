"""What makes a cipher weak, as data shared by the cipher rules of every language (DSW013 for JavaScript,
DSL008 for Java, C#, PHP, Go, Ruby and Rust; Python's is DSP052).  No rule lives here (the module starts
with ``_``).

A cipher is weak when its block is 64 bits or its key is broken or short (DES, 3DES, RC2, Blowfish, CAST,
IDEA), when it is a broken stream cipher (RC4), or when its mode is ECB, which encrypts equal blocks to
equal blocks and so shows the shape of the data.
"""

from __future__ import annotations

import re
from typing import Optional

# Algorithm names as libraries spell them in a transformation or cipher string:
# ``DES/CBC/PKCS5Padding``, ``des-ede3-cbc``, ``3DES-CBC``, ``DESede``, ``rc4``, ``bf-cbc``, ``aes-128-ecb``.
WEAK_ALGORITHM = re.compile(
    r"^(?:(?P<des3>des-?ede3?|3des|tripledes|des3|desede|tdes)|(?P<des>des|des-?x)|(?P<rc2>rc2)"
    r"|(?P<rc4>rc4|arc4|arcfour)|(?P<bf>blowfish|bf)|(?P<cast>cast5?|cast-?128)|(?P<idea>idea))(?:$|[-/_ ])",
    re.IGNORECASE)
ECB = re.compile(r"(?:^|[-/_ ])ecb(?:$|[-/_ ])", re.IGNORECASE)
NAMES = {"des3": "3DES (a 64-bit block)", "des": "DES (a 56-bit key)", "rc2": "RC2", "rc4": "RC4 (a broken stream "
         "cipher)", "bf": "Blowfish (a 64-bit block)", "cast": "CAST5 (a 64-bit block)", "idea": "IDEA (a 64-bit block)"}
# Constructors and factories named for a weak cipher (the name as written, after the last ``.``, or whole).
WEAK_TYPE = re.compile(
    r"(?:^|\.)(?:(?P<des3>TripleDES|TripleDESCryptoServiceProvider|DESede|TdesEde[23]|TdesEe[23]|NewTripleDESCipher)"
    r"|(?P<des>DES|DESCryptoServiceProvider|Des)|(?P<rc2>RC2|RC2CryptoServiceProvider|Rc2)"
    r"|(?P<rc4>RC4|Rc4|ARC4|RC4Drop)|(?P<bf>Blowfish))(?:\.(?:Create|new|encrypt|decrypt|NewCipher))?$")


def weak_algorithm(text: Optional[str], default_mode_is_ecb: bool = False) -> Optional[str]:
    """What is weak in a cipher string (``des-ede3-cbc``, ``AES/ECB/PKCS5Padding``), or ``None``.
    ``default_mode_is_ecb``: a bare ``AES`` means AES in ECB mode (Java's ``Cipher.getInstance``)."""
    if not text:
        return None
    text = text.strip()
    found = WEAK_ALGORITHM.match(text)
    if found:
        return NAMES[found.lastgroup or "des"]
    if ECB.search(text):
        return "ECB mode (equal blocks encrypt to equal blocks)"
    if default_mode_is_ecb and re.fullmatch(r"(?:AES|Rijndael)", text, re.IGNORECASE):
        return "ECB mode (a bare `AES` is AES/ECB)"
    return None


# Go's packages of weak ciphers: ``des.NewCipher``, ``des.NewTripleDESCipher``, ``rc4.NewCipher``.
GO_PACKAGE = re.compile(r"^(?:(?P<des>des)|(?P<rc4>rc4)|(?P<bf>blowfish)|(?P<cast>cast5)|(?P<rc2>rc2))\.New(?P<des3>TripleDES)?\w*Cipher$")


def weak_type(name: str) -> Optional[str]:
    """What is weak in a constructor or factory named for a cipher (``DES.Create``, ``des.NewCipher``,
    ``new TripleDESCryptoServiceProvider``, ``CryptoJS.RC4.encrypt``), or ``None``."""
    found = WEAK_TYPE.search(name)
    if found:
        return NAMES[found.lastgroup or "des"]
    go = GO_PACKAGE.match(name)
    if go:
        return NAMES["des3" if go.group("des3") else next(k for k, v in go.groupdict().items() if v)]
    return None
