"""## What it does
Finds HTTP clients told not to verify the server's TLS certificate:
``verify=False`` on ``requests``, ``httpx``, ``boto3`` and similar calls or
sessions (``session.verify = False``), aiohttp's ``ssl=False`` /
``verify_ssl=False`` (also on ``TCPConnector``), ``verify_certs=False`` on
Elasticsearch-style clients, ``urllib3.PoolManager(cert_reqs="CERT_NONE")``,
and the settings every language spells alike (DSG001's table), in keywords,
dicts and assignments: ``client_kwargs={"verify_ssl": False}``,
``insecure=True``, ``configuration.verify_ssl = False``, and options set one
at a time (``curl.setopt(pycurl.SSL_VERIFYPEER, 0)``,
``ldap.set_option(ldap.OPT_X_TLS_REQUIRE_CERT, ldap.OPT_X_TLS_NEVER)``,
``httplib2.Http(disable_ssl_certificate_validation=True)``, Tornado's
``validate_cert=False``, Kafka's ``"enable.ssl.certificate.verification": False``).  TLS contexts and
their flags (``cert_reqs``, ``check_hostname``, ``tlsInsecure``) are DSP011's.

## Why is this bad?
Without certificate verification anyone on the network path (a café Wi-Fi,
a compromised router, a proxy) can impersonate the server, read the
credentials and tokens the client sends and alter the responses.  In
examples it is usually added to silence a certificate error once, and
readers copy it into code that talks to production services.

## Example
```python
import requests
response = requests.get("https://internal.example.com/api", verify=False)
```

## Use instead
```python
import requests
response = requests.get("https://internal.example.com/api", verify="/etc/ssl/certs/internal-ca.pem")
```
Keep the default ``verify=True``; for a private CA pass the CA bundle's path
(or set ``REQUESTS_CA_BUNDLE``), and for aiohttp pass an ``ssl.SSLContext``
that loads it.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [Requests: SSL Cert Verification](https://requests.readthedocs.io/en/latest/user/advanced/#ssl-cert-verification)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ...languages.key_values import settings_of
from ..registry import rule
from ..settings._knobs import verification_off

TLS = "TLS certificate verification"
# Settings DSP011 reads on TLS contexts and database clients.
CONTEXT_SETTINGS = frozenset({"certreqs", "sslcertreqs", "verifymode", "checkhostname", "tlsallowinvalidcertificates",
                              "tlsallowinvalidhostnames", "tlsinsecure", "sslcheckhostname", "sslverifymode"})

VERIFY_KEYWORDS = ("verify", "verify_ssl", "verify_certs", "ssl_verify", "verify_cert", "verify_tls", "tls_verify")
HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "ws_connect",
                          "TCPConnector", "ClientSession", "_request"})
URLLIB3_POOLS = frozenset({"PoolManager", "ProxyManager", "HTTPSConnectionPool", "connection_from_url",
                           "proxy_from_url", "HTTPSConnection"})
NOT_TLS = ("jwt.", "jose.", "decode")  # PyJWT 1.x ``verify=False`` is signature checking, not TLS


@rule(
    id="DSP010",
    symbol="tls-verify-disabled",
    title="HTTP client with TLS certificate verification disabled",
    severity="high",
    cwe=295,
    languages=("python",),
    equivalent="Bandit B501, Ruff S501",
    message="disables TLS certificate verification; keep verify=True or pass the CA bundle's path",
    use_instead="Keep verification on; pass verify='/path/to/ca.pem' for a private CA.",
    triggers=('verify', 'ssl', 'cert_reqs'),
    joined_triggers=('verif', 'ssl', 'tls', 'insecure', 'cert', 'reject', 'trustall', 'asserthostname', 'unauthorized',
                     'selfsigned', 'httpserrors'),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        found = _disabling_keyword(code, call)
        if found:
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(..., {found})` turns off certificate verification; keep the default "
                      "verification and pass the CA bundle's path (or an `ssl.SSLContext`) for a private CA")
    for name, values in code.assignments.items():
        if name.rsplit(".", 1)[-1] in VERIFY_KEYWORDS and "." in name:
            for value in values:
                if _is_off(code, value) and hasattr(value, "lineno"):
                    yield Hit(value.lineno, code.column(value),
                              f"`{name} = False` turns off certificate verification for every request; "
                              "remove it, or set it to the CA bundle's path")
    for setting in settings_of(code):  # the names every language uses: {"verify_ssl": False}, insecure=True
        if setting.context and any(part in setting.context[0] for part in NOT_TLS):
            continue
        if setting.normal in CONTEXT_SETTINGS:
            continue  # TLS contexts and their flags (cert_reqs, check_hostname, tlsInsecure) are DSP011's
        if verification_off(setting, network_context=setting.form in ("keyword", "mapping")) == TLS:
            if setting.normal in ("oauthlibinsecuretransport", "insecuretransport"):
                yield Hit(setting.line, setting.column, f"`{setting.key}={setting.written}` lets oauthlib send "
                          "authorization codes and tokens over plain HTTP; serve the callback over https (locally "
                          "too, with a self-signed certificate)")
                continue
            yield Hit(setting.line, setting.column, f"`{setting.key}={setting.written}` turns off certificate "
                      "verification; keep it on and pass the CA bundle's path (or an `ssl.SSLContext`)")


def _disabling_keyword(code: PythonView, call: Call) -> str:
    if any(part in call.name for part in NOT_TLS):
        return ""
    for keyword in VERIFY_KEYWORDS:
        value = call.keyword(keyword)
        if value is not None and _is_off(code, value):
            return f"{keyword}=False"
    if call.short in HTTP_METHODS or "aiohttp" in call.name:
        value = call.keyword("ssl")
        if value is not None and _is_off(code, value):
            return "ssl=False"
    if call.short in URLLIB3_POOLS:
        value = call.keyword("cert_reqs")
        text = code.string_value(value) if value is not None else None
        shown = text if text is not None else (ast.unparse(value) if value is not None else "")
        if shown.rsplit(".", 1)[-1].upper() in ("CERT_NONE", "NONE"):
            return f"cert_reqs={shown!r}" if text is not None else f"cert_reqs={shown}"
    return ""


def _is_off(code: PythonView, node: ast.AST) -> bool:
    """``False`` (or ``0``), as written, through a variable given only it, as the default of a parameter the
    call passes on (``def fetch(url, verify=False): requests.get(url, verify=verify)``), or as the fallback
    of an unset environment variable (``os.getenv("VERIFY", False)``): off unless someone thinks to turn it on."""
    if isinstance(node, ast.Name):
        values: list[ast.AST] = list(code.assignments.get(node.id, []))
        if values and all(isinstance(value, ast.arguments) for value in values):  # only ever a parameter
            default = code.parameter_defaults.get(node.id)
            values = [default] if default is not None else []
        node = values[0] if len(values) == 1 else node
    if isinstance(node, ast.Call) and code.qualname(node.func) in ENVIRONMENT_READS and len(node.args) >= 2:
        node = node.args[1]
    return isinstance(node, ast.Constant) and node.value in (False, 0) and not isinstance(node.value, str) \
        and node.value is not None


ENVIRONMENT_READS = frozenset({"os.getenv", "os.environ.get", "environ.get", "getenv"})
