"""## What it does
Finds command lines that create keys, signatures, password hashes or
ciphertexts with broken or too-weak algorithms:

* RSA keys under 2048 bits: ``openssl genrsa ... 1024``,
  ``openssl req -newkey rsa:1024``, ``-pkeyopt rsa_keygen_bits:1024``,
  ``ssh-keygen -t rsa -b 1024``; DSA keys: ``ssh-keygen -t dsa``,
  ``openssl dsaparam``/``gendsa``; Diffie-Hellman groups under 2048 bits:
  ``openssl dhparam -out dhparam.pem 1024``;
* MD5 or SHA-1 signatures on certificates and requests:
  ``openssl req|x509|ca ... -md5`` / ``-sha1``;
* MD5-crypt and DES-crypt password hashes: ``openssl passwd -1`` /
  ``-apr1`` / ``-crypt``, ``htpasswd -d`` / ``-s`` / ``-p``;
* broken ciphers and modes: ``openssl enc -des``, ``-des3``, ``-rc4``,
  ``-rc2``, ``-bf``, ``-cast``, any ``-...-ecb`` mode, and ``openssl enc``
  with a password but without ``-pbkdf2`` (one round of a fast hash turns
  the password into the key).

Digests of downloads (``openssl dgst -md5 file``) are not reported.

## Why is this bad?
These algorithms no longer protect what they are used for: 1024-bit RSA and
DSA keys are within reach of well-funded attackers, MD5 and SHA-1
signatures can be forged with chosen-prefix collisions, MD5-crypt and
DES-crypt hashes are cracked at billions of guesses per second, DES, RC4
and ECB leak or expose the plaintext, and an unstretched password key falls
to a dictionary attack.  Readers copy the command as it is, and the weak key
or hash then lives for years.

## Example
```console
$ openssl req -x509 -newkey rsa:1024 -md5 -nodes -keyout site.key -out site.crt -days 365
$ openssl enc -des3 -in backup.tar -out backup.tar.enc
```

## Use instead
```console
$ openssl req -x509 -newkey rsa:3072 -sha256 -nodes -keyout site.key -out site.crt -days 365
$ openssl enc -aes-256-cbc -salt -pbkdf2 -iter 600000 -in backup.tar -out backup.tar.enc
$ ssh-keygen -t ed25519
```

## References
- [CWE-326: Inadequate Encryption Strength](https://cwe.mitre.org/data/definitions/326.html)
- [CWE-327: Use of a Broken or Risky Cryptographic Algorithm](https://cwe.mitre.org/data/definitions/327.html)
- [NIST SP 800-131A Rev. 2: Transitioning the Use of Cryptographic Algorithms and Key Lengths](https://csrc.nist.gov/pubs/sp/800/131/a/r2/final)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

MIN_RSA_BITS = 2048
MIN_DH_BITS = 2048  # (Logjam: 1024-bit groups are within reach of precomputation)
SIGNING = frozenset({"req", "x509", "ca", "ts"})
WEAK_DIGESTS = frozenset({"-md5", "-sha1", "-md4", "-md2"})
WEAK_CIPHER = re.compile(r"^-(?:des(?:3|-\w+)?|des-ede3?(?:-\w+)?|rc4(?:-\w+)?|rc2(?:-\w+)?|bf(?:-\w+)?|cast\d*(?:-\w+)?"
                         r"|idea(?:-\w+)?|seed(?:-\w+)?|[\w-]+-ecb)$", re.IGNORECASE)
STRONG_CIPHER = re.compile(r"^-(?:aes|camellia|aria|chacha20|sm4)[\w-]*$", re.IGNORECASE)
WEAK_PASSWD = frozenset({"-1", "-apr1", "-crypt"})
RSA_BITS = re.compile(r"^rsa:(\d+)$", re.IGNORECASE)
KEYGEN_BITS = re.compile(r"^rsa_keygen_bits:(\d+)$", re.IGNORECASE)


@rule(
    id="DSS011",
    symbol="weak-crypto-cli",
    title="Weak key size, hash or cipher on the command line",
    severity="medium",
    cwe=327,
    languages=("shell",),
    triggers=("openssl", "ssh-keygen", "htpasswd"),
    equivalent="none (Bandit B505 / Ruff S505 for weak keys in Python code)",
    message="uses a broken or too-weak algorithm; use RSA >= 3072 or Ed25519, SHA-256, AES-GCM/CBC with -pbkdf2",
    use_instead="openssl req -newkey rsa:3072 -sha256; ssh-keygen -t ed25519; openssl enc -aes-256-cbc -pbkdf2",
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        found = _weak(command)
        if found:
            what, fix = found
            yield Hit(command.line, 1, f"`{what}` is too weak to protect anything today; {fix}")


def _weak(command: Command) -> Optional[tuple[str, str]]:
    program, words = command.program, command.words
    if program == "ssh-keygen":
        kind = (command.flag_value("-t") or "").lower()
        bits = command.flag_value("-b")
        if kind in ("dsa", "rsa1"):
            return f"ssh-keygen -t {kind}", "use `ssh-keygen -t ed25519`"
        if kind == "rsa" and bits and bits.isdigit() and int(bits) < MIN_RSA_BITS:
            return f"ssh-keygen -t rsa -b {bits}", "use `ssh-keygen -t ed25519` or `-t rsa -b 3072`"
        return None
    if program == "htpasswd":
        letter = next((c for c in "dsp" if command.has_short_flag(c)), None)
        if letter:
            return f"htpasswd -{letter}", "use `htpasswd -B` (bcrypt)"
        return None
    if program != "openssl" or len(words) < 2:
        return None
    sub = words[1].lower()
    if sub == "genrsa":
        bits = next((w for w in reversed(words[2:]) if w.isdigit()), None)
        if bits and int(bits) < MIN_RSA_BITS:
            return f"openssl genrsa {bits}", "generate at least 3072 bits (`openssl genpkey -algorithm RSA " \
                                             "-pkeyopt rsa_keygen_bits:3072`) or an Ed25519 key"
    if sub == "dhparam":
        bits = next((w for w in reversed(words[2:]) if w.isdigit()), None)
        if bits and int(bits) < MIN_DH_BITS:
            return f"openssl dhparam {bits}", "generate at least 2048-bit parameters (`openssl dhparam -out " \
                                              "dhparam.pem 2048`), or use ECDHE only"
    if sub in ("dsaparam", "gendsa"):
        return f"openssl {sub}", "use RSA-3072, ECDSA P-256 or Ed25519 keys"
    for word in words[2:]:
        match = RSA_BITS.match(word) or KEYGEN_BITS.match(word)
        if match and int(match.group(1)) < MIN_RSA_BITS:
            return f"openssl {sub} {word}", "use at least 3072-bit RSA or an Ed25519/P-256 key"
    if sub in SIGNING:
        digest = next((w for w in words[2:] if w.lower() in WEAK_DIGESTS), None)
        if digest:
            return f"openssl {sub} {digest}", "sign with `-sha256` or stronger"
    if sub == "passwd":
        option = next((w for w in words[2:] if w in WEAK_PASSWD), None)
        if option:
            return f"openssl passwd {option}", "hash passwords with `openssl passwd -6` (SHA-512 crypt) or bcrypt/argon2"
    if sub == "enc" or WEAK_CIPHER.match("-" + sub) or STRONG_CIPHER.match("-" + sub):
        options = [w for w in words[2:] if w.startswith("-")] + ([] if sub == "enc" else ["-" + sub])
        cipher = next((w for w in options if WEAK_CIPHER.match(w)), None)
        if cipher:
            return f"openssl enc {cipher}", "use `-aes-256-cbc -pbkdf2` (or age/gpg for files)"
        strong = next((w for w in options if STRONG_CIPHER.match(w)), None)
        if strong and not command.has_flag("-pbkdf2", "-iter", "-K", "-d"):
            return f"openssl enc {strong} without -pbkdf2", "add `-pbkdf2 -iter 600000` so the password is stretched"
    return None
