"""## What it does
Finds TLS contexts and sockets that skip certificate or host-name checks:
``ssl._create_unverified_context()`` (also installed process-wide as
``ssl._create_default_https_context``), ``ctx.verify_mode = ssl.CERT_NONE``,
``ctx.check_hostname = False``, ``cert_reqs=ssl.CERT_NONE`` (and
``ssl_cert_reqs`` for Redis/Celery), pyOpenSSL ``set_verify(VERIFY_NONE)``,
``PYTHONHTTPSVERIFY=0`` set from code, and the removed ``ssl.wrap_socket``
without ``cert_reqs``, which neither verifies certificates nor host names.

## Why is this bad?
A TLS connection that accepts any certificate, or any certificate for any
host, is encrypted to whoever answers, including an attacker in the middle
who can then read and change the traffic.  Patching the default HTTPS
context turns verification off for every library in the process.

## Example
```python
import ssl, urllib.request
context = ssl._create_unverified_context()
urllib.request.urlopen("https://example.com", context=context)
```

## Use instead
```python
import ssl, urllib.request
context = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")
urllib.request.urlopen("https://example.com", context=context)
```
Use ``ssl.create_default_context()`` (optionally with the private CA file),
keep ``check_hostname`` on and ``verify_mode`` at ``CERT_REQUIRED``.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [Python docs: ssl security considerations](https://docs.python.org/3/library/ssl.html#security-considerations)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.key_values import settings_of
from ...languages.python import PythonView
from ...model import Hit
from ..registry import rule
from ._secret_heuristics import line_of, parents, subscript_assignments

UNVERIFIED_FACTORIES = ("_create_unverified_context", "_create_stdlib_context")
NONE_VALUES = frozenset({"CERT_NONE", "VERIFY_NONE", "verify_none"})  # (M2Crypto spells it ``SSL.verify_none``)
# What a TLS server does (a server's CERT_NONE/VERIFY_NONE only asks no certificate of its clients) ...
SERVER_CALLS = frozenset({"listen", "accept", "bind", "use_privatekey", "use_privatekey_file", "serve_forever",
                          "load_server_config", "wrap_server"})
# ... and what a client does.
CLIENT_CALLS = frozenset({"connect", "connect_ex", "urlopen", "request", "get", "post", "create_connection"})
CERT_KEYWORDS = ("cert_reqs", "ssl_cert_reqs", "verify_mode")
INSECURE_FLAGS = ("tlsAllowInvalidCertificates", "tlsAllowInvalidHostnames", "tlsInsecure",
                  "ssl_check_hostname", "check_hostname")
NONE_IN_TEXT = re.compile(r"\b(?:ssl_)?cert_reqs['\"]?\s*[=:]\s*['\"]?(?:ssl\.)?(?:CERT_NONE|none)\b", re.IGNORECASE)
REPORTED_NAMES = frozenset(UNVERIFIED_FACTORIES) | NONE_VALUES
URLLIB3_POOLS = frozenset({"PoolManager", "ProxyManager", "HTTPSConnectionPool", "connection_from_url",
                           "proxy_from_url", "HTTPSConnection"})  # DSP010 reports these


@rule(
    id="DSP011",
    symbol="tls-unverified-context",
    title="TLS context without certificate or host-name verification",
    severity="high",
    cwe=295,
    languages=("python",),
    equivalent="Bandit B323/B504, Ruff S323",
    message="creates a TLS context that does not verify certificates; use ssl.create_default_context()",
    use_instead="Use ssl.create_default_context(), keeping check_hostname and CERT_REQUIRED.",
    # the names the checks report, the flag and setting names (as keywords, attributes, dict keys or inside
    # strings: the Python view adds string values to the trigger text) and os.environ
    triggers=("_create_unverified_context", "_create_stdlib_context", "cert_none", "verify_none", "wrap_socket",
              "tlsallowinvalid", "tlsinsecure", "check_hostname", "cert_reqs", "verify_mode", "environ"),
)
def check(code: PythonView) -> Iterator[Hit]:
    up = parents(code)
    for node in code.nodes_of(ast.Attribute, ast.Name):  # the only nodes either helper reports
        if _short_name(code, node) in REPORTED_NAMES:
            hit = _unverified_reference(code, node, up) or _none_mode(code, node, up)
            if hit:
                yield hit
    for call in code.calls:
        if call.name == "ssl.wrap_socket" and call.keyword("cert_reqs") is None:
            yield Hit(call.line, code.column(call.node),
                      "`ssl.wrap_socket` (removed in Python 3.12) verifies neither the certificate nor the host "
                      "name; use `ssl.create_default_context().wrap_socket(sock, server_hostname=host)`")
        if not call.node.keywords:
            continue
        for flag in INSECURE_FLAGS:
            value = call.keyword(flag)
            expected = flag.startswith("tls")
            if isinstance(value, ast.Constant) and value.value is expected:
                yield Hit(call.line, code.column(call.node),
                          f"`{call.written}(..., {flag}={expected})` skips certificate or host-name checks; "
                          "remove it and trust the server's CA instead")
    for name, values in code.assignments.items():
        if name.endswith(".check_hostname") and any(code.is_false(v) for v in values):
            for value in values:
                if code.is_false(value):
                    yield Hit(value.lineno, code.column(value),
                              f"`{name} = False` accepts a valid certificate for any host; keep host-name checking on")
    for key, value in _cert_settings(code):
        if (code.string_value(value) or "").upper() in ("NONE", "CERT_NONE"):
            yield Hit(value.lineno, code.column(value),
                      f"`{key}={code.string_value(value)!r}` accepts any certificate; use 'required' (CERT_REQUIRED)")
    for node in code.nodes_of(ast.Constant):
        text = code.string_value(node) if isinstance(node, ast.Constant) else None
        if text and text.isascii() and "cert_reqs" not in text.lower():
            continue  # every match holds it (non-ASCII text may match it case-insensitively otherwise)
        found = NONE_IN_TEXT.search(text) if text else None
        if found:
            yield Hit(line_of(node), code.column(node),
                      f"`{found.group(0)}` turns off certificate verification; "
                      "use `ssl_cert_reqs=required` and the server's CA")
    for setting in settings_of(code):  # inside dicts of TLS options: ssl={"check_hostname": False}, sslopt={...}
        if setting.form == "mapping" and setting.normal in ("checkhostname", "sslcheckhostname") \
                and setting.value is False and setting.context == ():
            yield Hit(setting.line, setting.column, f"`{setting.key!r}: False` accepts a valid certificate for any "
                      "host; keep host-name checking on")
        elif setting.form in ("keyword", "mapping") and setting.normal in ("sslcertreqs", "certreqs") \
                and setting.value is None:
            yield Hit(setting.line, setting.column, f"`{setting.key}=None` asks for no certificate check (CERT_NONE); "
                      "use 'required' (CERT_REQUIRED) and the server's CA")
    for container, key, value, target in subscript_assignments(code):
        if container.endswith("environ") and key == "PYTHONHTTPSVERIFY" and code.string_value(value) == "0":
            yield Hit(line_of(target), code.column(target),
                      "`PYTHONHTTPSVERIFY = '0'` turns off certificate verification for the standard library; remove it")


def _short_name(code: PythonView, node: ast.AST) -> str:
    """The name both helpers below look at: the attribute, or the imported name a variable stands for."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return code.aliases.get(node.id, node.id).rsplit(".", 1)[-1] if isinstance(node, ast.Name) else ""


def _unverified_reference(code: PythonView, node: ast.AST, up: dict) -> Optional[Hit]:
    if not isinstance(node, (ast.Attribute, ast.Name)):
        return None
    name = node.attr if isinstance(node, ast.Attribute) else code.aliases.get(node.id, node.id).rsplit(".", 1)[-1]
    if name not in UNVERIFIED_FACTORIES or isinstance(up.get(node), ast.Attribute):
        return None
    parent = up.get(node)
    if isinstance(parent, ast.Assign) and node in parent.targets:
        return None
    return Hit(node.lineno, code.column(node),
               f"`ssl.{name}` makes a context that verifies neither certificates nor host names; "
               "use `ssl.create_default_context()` (with `cafile=` for a private CA)")


def _none_mode(code: PythonView, node: ast.AST, up: dict) -> Optional[Hit]:
    if isinstance(node, ast.Attribute):
        name = node.attr
    elif isinstance(node, ast.Name):
        name = code.aliases.get(node.id, node.id).rsplit(".", 1)[-1]
    else:
        return None
    if name not in NONE_VALUES or isinstance(up.get(node), ast.Attribute) or _a_tls_server(code):
        return None
    context = up.get(node)
    while isinstance(context, (ast.Attribute, ast.BinOp, ast.BoolOp)):
        context = up.get(context)
    if isinstance(context, (ast.Compare, ast.ImportFrom, ast.alias)) or context is None:
        return None
    if isinstance(context, ast.keyword) and isinstance(up.get(context), ast.Call):
        call_name = code.qualname(up[context].func) or ""
        if call_name.rsplit(".", 1)[-1] in URLLIB3_POOLS:
            return None
    return Hit(node.lineno, code.column(node),
               f"`{name}` accepts any certificate; keep `ssl.CERT_REQUIRED` (the default of "
               "`ssl.create_default_context()`) and load the private CA if needed")


def _a_tls_server(code: PythonView) -> bool:
    """The block sets up a TLS server and connects nowhere: its CERT_NONE asks no certificate of clients, the
    default of every server context, not a client that trusts any server."""
    shorts = {call.short for call in code.calls}
    server_side = any(call.keyword("server_side") is not None for call in code.calls)
    return bool(shorts & SERVER_CALLS or server_side) and not shorts & CLIENT_CALLS


def _cert_settings(code: PythonView) -> Iterator[tuple[str, ast.expr]]:
    """``cert_reqs=``/``ssl_cert_reqs=`` keywords (not urllib3 pools) and dict entries."""
    for call in code.calls:
        if call.node.keywords and call.short not in URLLIB3_POOLS:
            for keyword in CERT_KEYWORDS:
                value = call.keyword(keyword)
                if value is not None:
                    yield keyword, value
    for node in code.nodes_of(ast.Dict):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values):
                if isinstance(key, ast.Constant) and key.value in CERT_KEYWORDS:
                    yield key.value, value
