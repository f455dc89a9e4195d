"""## What it does
Finds the standard library's TLS mail and file-transfer clients used
without a verifying context: ``ftplib.FTP_TLS(...)``, ``smtplib.SMTP_SSL(...)``,
``imaplib.IMAP4_SSL(...)`` and ``poplib.POP3_SSL(...)`` without ``context=``
(``ssl_context=`` for IMAP), and ``starttls()``/``stls()`` on an SMTP, IMAP
or POP3 connection without one.  Given ``context=ssl.create_default_context()``
(or any context of the example's own), they are left alone.

## Why is this bad?
Without a context these clients fall back to ``ssl._create_stdlib_context()``,
which checks neither the certificate nor the host name (CPython issue
gh-91826, still the default).  The connection is encrypted, but anyone on the
network path can present their own certificate and read the password the
next ``login`` sends.  Examples write the call without a context because it
works, and readers copy it believing TLS protects them.

## Example
```python
import smtplib

with smtplib.SMTP("smtp.example.com", 587) as server:
    server.starttls()
    server.login(user, password)
```

## Use instead
```python
import smtplib
import ssl

with smtplib.SMTP("smtp.example.com", 587) as server:
    server.starttls(context=ssl.create_default_context())
    server.login(user, password)
```

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [CPython gh-91826: TLS certificate validation by default for SMTP/IMAP/FTP/POP/NNTP](https://github.com/python/cpython/issues/91826)
- [Python: ssl security considerations](https://docs.python.org/3/library/ssl.html#ssl-security)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

# Client classes -> the keyword that takes the context.
TLS_CLIENTS = {"ftplib.FTP_TLS": "context", "smtplib.SMTP_SSL": "context", "imaplib.IMAP4_SSL": "ssl_context",
               "poplib.POP3_SSL": "context", "nntplib.NNTP_SSL": "ssl_context"}
BARE = {name.rsplit(".", 1)[1]: keyword for name, keyword in TLS_CLIENTS.items()}
# Connections whose upgrade to TLS takes a context: the class -> (method, keyword).
UPGRADES = {"smtplib.SMTP": ("starttls", "context"), "imaplib.IMAP4": ("starttls", "ssl_context"),
            "poplib.POP3": ("stls", "context"), "smtplib.SMTP_SSL": ("starttls", "context")}
MODULES = ("smtplib", "imaplib", "poplib", "ftplib", "nntplib")


@rule(
    id="DSP075",
    symbol="stdlib-tls-without-verification",
    title="Standard-library TLS client (FTP_TLS, SMTP_SSL, starttls) without a verifying context",
    severity="medium",
    cwe=295,
    languages=("python",),
    equivalent="none (precli PY018/PY020-style checks)",
    message="uses TLS without checking the certificate (the standard library's default context); pass "
            "context=ssl.create_default_context()",
    use_instead="server.starttls(context=ssl.create_default_context()); FTP_TLS(host, context=ssl.create_default_context())",
    name_triggers=("ftp_tls", "smtp_ssl", "imap4_ssl", "pop3_ssl", "nntp_ssl", "starttls", "stls"),
)
def check(code: PythonView) -> Iterator[Hit]:
    stdlib = any(module in code.source for module in MODULES)
    for call in code.calls:
        keyword = TLS_CLIENTS.get(call.name) or (BARE.get(call.name) if stdlib else None)
        if keyword is not None and _without_context(code, call, keyword):
            yield _hit(code, call, f"`{call.written}(...)`")
            continue
        if call.short in ("starttls", "stls") and not call.node.args:
            receiver = (code.receiver(call) or "").removesuffix("()")
            upgrade = UPGRADES.get(receiver) or (UPGRADES.get(f"smtplib.{receiver}") if stdlib else None)
            if upgrade is not None and upgrade[0] == call.short and _without_context(code, call, upgrade[1]):
                yield _hit(code, call, f"`{call.written}()`")


def _without_context(code: PythonView, call: Call, keyword: str) -> bool:
    """No context given, or ``None`` written for it (``**options`` may hold one: then it is left alone)."""
    if any(item.arg is None for item in call.node.keywords):
        return False
    given = call.keyword(keyword)
    return given is None or (isinstance(given, ast.Constant) and given.value is None)


def _hit(code: PythonView, call: Call, what: str) -> Hit:
    return Hit(call.line, code.column(call.node), f"{what} uses TLS with the standard library's default context, "
               "which checks neither the certificate nor the host name: anyone on the network path can read the "
               "password; pass `context=ssl.create_default_context()`")
