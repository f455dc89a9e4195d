"""## What it does
Finds credentials sent to a plain ``http://`` URL on another host: a call
given such a URL (positionally or as ``url=``, ``base_url=``, ``auth_url=``,
``endpoint=``, ``host=``, ``server=``) together with credentials (``auth=``,
``password=``, ``token=``, ``api_key=``, ``client_secret=``, an
``Authorization`` header), and a dict of settings that holds both at any
depth (``storage_options={"key": ..., "secret": ..., "client_kwargs":
{"endpoint_url": "http://..."}}``), and URLs of any cleartext scheme with a
password in them (``"ldap://admin:secret@ldap.example.com"``,
``"redis://:" + password + "@cache.example.com"``, ``ftp://``, ``amqp://``,
``mqtt://``, ``ws://``), and plain-HTTP URLs of login and token endpoints
(``"http://www.tumblr.com/oauth/access_token"``, ``"http://sso.example.com/login"``),
which receive passwords, codes and tokens by design.  Loopback URLs (``http://localhost``,
``http://127.0.0.1``) and stand-in hosts (``hostname``, ``<host>``) are left alone.

## Why is this bad?
Plain HTTP is readable and changeable by everyone on the path: the café
Wi-Fi, a compromised router, the provider.  The password or token crosses
in clear text, and whoever reads it logs in as the user.

## Example
```python
import requests
requests.get("http://api.example.com/reports", auth=("analyst", os.environ["API_PASSWORD"]))
```

## Use instead
```python
import requests
requests.get("https://api.example.com/reports", auth=("analyst", os.environ["API_PASSWORD"]))
```

## References
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [CWE-523: Unprotected Transport of Credentials](https://cwe.mitre.org/data/definitions/523.html)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator, Optional

from ...languages.python import Call, PythonView
from ...model import Hit
from .._cleartext import LOOPBACK, CleartextUrl, auth_endpoint, login_in_url
from ..registry import rule
from ._secret_heuristics import is_secret_name
from ._web_helpers import HOLE, built_string

URL_KEYWORDS = ("url", "base_url", "auth_url", "endpoint", "endpoint_url", "host", "server", "uri", "api_url",
                "server_url", "gateway_url", "token_url", "login_url")
CREDENTIAL_KEYWORDS = frozenset({"auth", "password", "passwd", "token", "api_key", "apikey", "client_secret",
                                 "basic_auth", "http_auth", "digest_auth", "bearer_auth", "auth_token",
                                 "secret", "access_token", "private_token", "http_pwd", "credentials"})
PLAIN_HTTP = re.compile(r"^http://([^/:@\s]+@)?([^/:\s]+)", re.IGNORECASE)


@rule(
    id="DSP066",
    symbol="credentials-over-http",
    title="Credentials sent to a plain http:// URL or over another cleartext scheme",
    severity="high",
    cwe=319,
    languages=("python",),
    equivalent="none",
    message="sends a password or token over plain HTTP, readable by everyone on the network path; use https://",
    use_instead="https:// URLs for every request that carries a password, a token or an Authorization header",
    triggers=("://",),
)
def check(code: PythonView) -> Iterator[Hit]:
    reported: set[int] = set()
    for node, url in _logins_in_urls(code):
        reported.add(node.lineno)
        yield Hit(node.lineno, code.column(node), f"`{url.text}` logs in over {url.scheme}://, which sends the "
                  f"password in clear text to anyone on the network path; use {url.secure}")
    for node, endpoint in _auth_endpoints(code):
        if node.lineno not in reported:
            reported.add(node.lineno)
            yield Hit(node.lineno, code.column(node),
                      f"`{endpoint.text}` is a login or token endpoint over plain HTTP: passwords, codes and tokens "
                      "sent to it cross the network in clear text; use https://")
    for call in code.calls:
        plain = _plain_url(code, call)
        if plain is None:
            continue
        credential = _credential(code, call)
        if credential and call.line not in reported:
            reported.add(call.line)
            yield Hit(call.line, code.column(call.node), f"`{call.written}({plain!r}, {credential}=...)` sends the "
                      "credentials over plain HTTP, where anyone on the network path reads them; use https://")
    yield from _settings_dicts(code, reported)


URL_NAME = re.compile(r"ur[li]|endpoint", re.IGNORECASE)
REQUEST_METHODS = frozenset({"get", "post", "put", "patch", "request", "open", "urlopen", "Request"})


def _auth_endpoints(code: PythonView) -> Iterator[tuple[ast.expr, CleartextUrl]]:
    """Plain-HTTP login and token endpoints where the code uses them: assigned to a URL name
    (``access_token_url = "http://..."``), given as a URL keyword (``token_url=``), or requested
    (``session.post("http://host/login", ...)``, ``oauth.fetch_token("http://...")``); not links
    shown to people (``href=``, ``help_url`` in an error)."""
    candidates: list[ast.expr] = []
    for name, values in code.assignments.items():
        if URL_NAME.search(name.rsplit(".", 1)[-1]):
            candidates.extend(v for v in values if isinstance(v, ast.Constant))
    for call in code.calls:
        candidates.extend(k.value for k in call.node.keywords if k.arg and URL_NAME.search(k.arg))
        if call.node.args and (call.short in REQUEST_METHODS or call.short.startswith("fetch_")):
            candidates.append(call.node.args[0])
    for node in candidates:
        text = code.string_value(node) if isinstance(node, ast.Constant) else None
        endpoint = auth_endpoint(text) if text else None
        if endpoint is not None:
            yield node, endpoint


def _logins_in_urls(code: PythonView) -> Iterator[tuple[ast.expr, CleartextUrl]]:
    """String literals, f-strings and ``+`` chains holding a cleartext URL with a password in it:
    ``"ldap://admin:secret@ldap.example.com"``, ``"http://admin:" + password + "@host/RPC2"``."""
    inside: set[int] = set()
    for node in code.nodes_of(ast.BinOp, ast.JoinedStr, ast.Constant):
        if id(node) in inside:
            continue
        if isinstance(node, ast.Constant):
            text = node.value if isinstance(node.value, str) else None
        else:
            built = built_string(code, node)
            if built is None:
                continue
            text = built.template.replace(HOLE, "{}")
            inside.update(id(sub) for sub in ast.walk(node) if sub is not node)
        if text and "://" in text and "@" in text:
            url = login_in_url(text)
            if url is not None:
                yield node, url  # type: ignore[misc]


def _settings_dicts(code: PythonView, reported: set[int]) -> Iterator[Hit]:
    """A dict of connection settings (``storage_options={"key": ..., "secret": ..., "client_kwargs":
    {"endpoint_url": "http://..."}}``) holding credentials and a plain http:// endpoint, at any depth."""
    parents = code.parents
    for node in code.nodes_of(ast.Dict):
        if isinstance(parents.get(node), ast.Dict) or getattr(node, "lineno", 0) in reported:
            continue  # (the outermost dict speaks for the nested ones)
        url, credential = None, None
        for sub in ast.walk(node):
            if not isinstance(sub, ast.Dict):
                continue
            for key, value in zip(sub.keys, sub.values):
                name = code.string_value(key) if key is not None else None
                if not name:
                    continue
                text = code.string_value(value)
                match = PLAIN_HTTP.match(text.strip()) if text else None
                if match and not LOOPBACK.match(match.group(2)) and url is None:
                    url = text
                elif name in CREDENTIAL_KEYWORDS or is_secret_name(name):
                    credential = credential or name
        if url and credential:
            yield Hit(node.lineno, code.column(node), f"the settings send `{credential}` to {url!r}, a plain "  # type: ignore[attr-defined]
                      "HTTP endpoint where anyone on the network path reads it; use https://")


def _plain_url(code: PythonView, call: Call) -> Optional[str]:
    candidates = [call.node.args[0]] if call.node.args else []
    candidates += [k.value for k in call.node.keywords if k.arg in URL_KEYWORDS]
    for node in candidates:
        text = code.string_value(node)
        if text is None and isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            text = str(node.values[0].value)  # f"http://{host}/api": the scheme is what matters
        match = PLAIN_HTTP.match(text.strip()) if text else None
        if match and not LOOPBACK.match(match.group(2)) and "{" not in match.group(2):
            return text
    return None


def _credential(code: PythonView, call: Call) -> Optional[str]:
    for keyword in call.node.keywords:
        name = keyword.arg or ""
        if name in CREDENTIAL_KEYWORDS or (is_secret_name(name) and name not in URL_KEYWORDS):
            if not (isinstance(keyword.value, ast.Constant) and keyword.value.value in (None, False, "")):
                return name
        if name == "headers" and "authorization" in code.text_of(keyword.value, 400).lower():
            return "headers"
    return None
