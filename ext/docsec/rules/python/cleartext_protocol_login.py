"""## What it does
Finds sessions that send credentials or commands in clear text:
``telnetlib.Telnet``, ``ftplib.FTP`` logging in with a user name (anonymous
logins are fine), and ``smtplib.SMTP``, ``imaplib.IMAP4`` and
``poplib.POP3`` logging in without ``starttls()``/``stls()`` in the example,
pywinrm sessions on plain HTTP with Basic authentication (``winrm.Session("host", auth=...)``),
LDAP binds over an ``ldap://`` URL without ``start_tls_s()`` (python-ldap's
``simple_bind_s``, ldap3's ``bind``), Netmiko's telnet drivers (``device_type="cisco_ios_telnet"``,
``telnet_login``), fsspec's FTP file system given a password without
``tls=True``, connections told ``use_ssl=False`` (``storage_options={"use_ssl": False}`` for S3) or
``ssl_disabled=True`` (mysql-connector), Kafka clients on ``security_protocol="SASL_PLAINTEXT"``, and
database connections told ``sslmode="disable"`` (also inside a libpq connection string,
``"host=db sslmode=disable"``) or ``ssl="disable"`` (asyncpg).  ``FTP_TLS``, ``SMTP_SSL``,
``IMAP4_SSL`` and ``POP3_SSL`` are not reported.

## Why is this bad?
Telnet, FTP, and SMTP/IMAP/POP3 without TLS send the password and the data
unencrypted.  Anyone on the same Wi-Fi, a compromised router or the
provider's network can read and replay them.

## Example
```python
import smtplib
with smtplib.SMTP("smtp.example.com", 587) as server:
    server.login(user, password)
    server.send_message(message)
```

## Use instead
```python
import smtplib, ssl
with smtplib.SMTP("smtp.example.com", 587) as server:
    server.starttls(context=ssl.create_default_context())
    server.login(user, password)
    server.send_message(message)
```
Use ``SMTP_SSL``/``IMAP4_SSL``/``POP3_SSL``/``FTP_TLS``, or SSH (``paramiko``)
instead of telnet, and give each a context from ``ssl.create_default_context()``:
without one they do not check the certificate (DSP075).

## References
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [Python docs: smtplib.SMTP.starttls](https://docs.python.org/3/library/smtplib.html#smtplib.SMTP.starttls)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from ...languages.key_values import settings_of
from ..registry import rule
from ..settings._knobs import verification_off

TELNET = frozenset({"telnetlib.Telnet", "telnetlib3.open_connection", "telnetlib3.Telnet"})
FTP = frozenset({"ftplib.FTP", "FTP"})
TLS_UPGRADE = {"smtplib.SMTP": "starttls", "SMTP": "starttls", "imaplib.IMAP4": "starttls", "IMAP4": "starttls",
               "poplib.POP3": "stls", "POP3": "stls"}
SECURE_NAME = {"smtplib.SMTP": "smtplib.SMTP_SSL", "imaplib.IMAP4": "imaplib.IMAP4_SSL", "poplib.POP3": "poplib.POP3_SSL"}
ANONYMOUS = frozenset({"anonymous", "ftp", ""})


@rule(
    id="DSP026",
    symbol="cleartext-protocol-login",
    title="Login over a cleartext protocol (telnet, FTP, SMTP/IMAP/POP3 without TLS)",
    severity="medium",
    cwe=319,
    languages=("python",),
    equivalent="Bandit B312/B321, Ruff S312/S321",
    message="sends credentials unencrypted; use the TLS variant (FTP_TLS, SMTP_SSL, starttls) or SSH",
    use_instead="ftplib.FTP_TLS / smtplib.SMTP_SSL / server.starttls(), each with context=ssl.create_default_context(), before login / paramiko instead of telnet",
    triggers=('telnet', 'ftp', 'smtp', 'imap', 'pop3', 'ssl', 'tls', 'enabled', 'enable_', 'sasl_plaintext', 'ldap://', 'winrm'),  # (Netmiko's drivers end in _telnet)
)
def check(code: PythonView) -> Iterator[Hit]:
    upgraded = {call.short for call in code.calls}
    for call in code.calls:
        problem = _problem(code, call, upgraded)
        if problem:
            yield Hit(call.line, code.column(call.node), problem)
    for setting in settings_of(code):  # a connection told to skip TLS: sslmode="disable", use_ssl=False
        off = verification_off(setting, network_context=False)
        if off == "TLS for the database connection":
            yield Hit(setting.line, setting.column, f"`{setting.key}={setting.written}` sends the database password "
                      "and every query in clear text; use sslmode='verify-full' with the server's CA")
        elif off == "TLS for the connection":
            yield Hit(setting.line, setting.column, f"`{setting.key}={setting.written}` turns TLS off, so the "
                      "password and the data cross the network in clear text; keep TLS on and verify the server")


# LDAP binds that send the password: python-ldap's ``simple_bind_s``/``bind_s``, ldap3's ``Connection(...,
# password=...)``/``bind()``.  Over an ``ldap://`` URL without ``start_tls_s()``/``start_tls()`` it is cleartext.
LDAP_BINDS = frozenset({"simple_bind_s", "simple_bind", "bind_s", "bind"})
LDAP_STARTTLS = frozenset({"start_tls_s", "start_tls", "starttls"})
LDAP_URL = re.compile(r"^ldap://(?!(?:localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)(?:[:/]|$))", re.IGNORECASE)


def _ldap_cleartext_bind(code: PythonView, call: Call, upgraded: set[str]) -> Optional[str]:
    if call.short not in LDAP_BINDS or upgraded & LDAP_STARTTLS or "ldap" not in code.source.lower():
        return None
    if call.short in ("bind", "bind_s") and not call.node.args and call.keyword("password") is None \
            and "password" not in code.source.lower():
        return None  # (ldap3's ``conn.bind()`` after ``Connection(server, user, password)``: the password is given)
    urls = [code.string_value(node) or "" for node in code.nodes_of(ast.Constant)]
    if not any(LDAP_URL.match(url) for url in urls):
        return None
    return (f"`{call.written}(...)` sends the bind password over `ldap://` without TLS; use `ldaps://` or call "
            "`start_tls_s()` first (with certificate checking on)")


def _winrm_cleartext(code: PythonView, call: Call) -> Optional[str]:
    """pywinrm's ``Session("host", auth=...)``: a bare host or ``http://`` URL with the default (``plaintext``,
    Basic) or ``basic`` transport sends the login and every command in clear text."""
    if call.name not in ("winrm.Session", "Session", "winrm.Protocol", "Protocol") or "winrm" not in code.source:
        return None
    if call.keyword("auth") is None and call.keyword("username") is None:
        return None
    target = code.string_value(call.argument(0, "target") or call.argument(0, "endpoint"))
    transport = (code.string_value(call.keyword("transport")) or "plaintext").lower()
    if target is None or target.lower().startswith("https://") or transport not in ("plaintext", "basic"):
        return None
    return (f"`{call.written}({target!r}, ...)` logs in to WinRM with Basic authentication over plain HTTP "
            "(port 5985): the password and every command cross the network in clear text; use an https:// "
            "endpoint (5986) or transport='kerberos'/'ntlm' with message encryption")


def _problem(code: PythonView, call: Call, upgraded: set[str]) -> Optional[str]:
    ldap_bind = _ldap_cleartext_bind(code, call, upgraded) or _winrm_cleartext(code, call)
    if ldap_bind:
        return ldap_bind
    if call.name in TELNET or call.name == "Telnet":
        return (f"`{call.written}(...)` opens a telnet session, which sends passwords and commands in clear "
                "text; use SSH (`paramiko`, `asyncssh`)")
    if call.name in FTP and (call.name != "FTP" or "ftplib" in code.source or "ftp" in code.source.lower()):
        if _named_user(code, call.argument(1, "user")):
            return f"`{call.written}(host, user, ...)` logs in over plain FTP; use `ftplib.FTP_TLS` and call `prot_p()`"
        return None
    device = code.string_value(call.keyword("device_type")) or ""
    if device.endswith("_telnet") or call.short == "telnet_login":  # Netmiko's telnet drivers
        return (f"`{call.written}(...)` logs in over telnet, which sends the password and the session in clear "
                "text; use the device's SSH driver")
    if _ftp_filesystem(code, call) and call.keyword("password") is not None and not code.is_true(call.keyword("tls")):
        return (f"`{call.written}(..., password=...)` logs in over plain FTP (fsspec's FTP file system is "
                "unencrypted unless `tls=True`); pass `tls=True` or use SFTP")
    receiver = (code.receiver(call) or "").removesuffix("()")
    if call.short == "login" and receiver in FTP and _named_user(code, call.argument(0, "user")):
        return f"`{call.written}(...)` sends the FTP password in clear text; use `ftplib.FTP_TLS` and call `prot_p()`"
    if call.short in ("login", "pass_", "user") and receiver in TLS_UPGRADE:
        if call.short == "user" or TLS_UPGRADE[receiver] in upgraded:
            return None
        secure = SECURE_NAME.get(receiver, receiver + "_SSL")
        return (f"`{call.written}(...)` sends the password over `{receiver}` without TLS; call "
                f"`{TLS_UPGRADE[receiver]}(context=ssl.create_default_context())` first or use `{secure}` with "
                "that context (without one the standard library does not check the certificate: DSP075)")
    return None


def _ftp_filesystem(code: PythonView, call: Call) -> bool:
    """fsspec's FTP file system: ``fsspec.filesystem("ftp", ...)`` or ``FTPFileSystem(...)``."""
    if call.short == "FTPFileSystem":
        return True
    return call.short == "filesystem" and (code.string_value(call.argument(0, "protocol")) or "") == "ftp"


def _named_user(code: PythonView, user: object) -> bool:
    if user is None:
        return False
    text = code.string_value(user)  # type: ignore[arg-type]
    return text is None or text.strip().lower() not in ANONYMOUS
