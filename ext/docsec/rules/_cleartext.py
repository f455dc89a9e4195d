"""Where credentials travel in clear: URLs whose scheme has no TLS, and the hosts that do not count.

Shared by the rules that report credentials sent over cleartext protocols in
Python (DSP066), on the command line (DSS017) and in configuration (DSG006),
so ``http://``, ``ldap://`` or ``redis://`` with a password gets one answer
in every language.  No rule lives here (the module starts with ``_``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# Schemes that send everything, the login included, in clear, and what to use instead.
SECURE_SCHEME = {
    "http": "https://", "ftp": "ftps:// or sftp://", "ldap": "ldaps:// (or StartTLS)", "amqp": "amqps://",
    "redis": "rediss://", "mqtt": "mqtts://", "ws": "wss://", "telnet": "ssh://", "imap": "imaps://",
    "pop": "pop3s://", "pop3": "pop3s://", "smtp": "smtps:// (or STARTTLS)", "nats": "tls://", "svn": "svn+ssh://",
}
CLEARTEXT_URL = re.compile(
    r"\b(" + "|".join(sorted(SECURE_SCHEME, key=len, reverse=True)) + r")://"
    r"(?:([^/\s:@'\"<>`]*)(?::([^/\s@'\"<>`]*))?@)?"  # user[:password]@
    r"([^/:\s'\"<>`?#@]+)", re.IGNORECASE)
LOOPBACK = re.compile(r"^(?:localhost|127(?:\.\d+){3}|\[?::1\]?|0\.0\.0\.0|host\.docker\.internal)$", re.IGNORECASE)
# Hosts written as a stand-in for one (``redis://:password@hostname:port/db``, ``proxyserver``,
# ``your.host.here``): the reader picks the host, and a real one is often on the same machine.
STAND_IN_HOSTS = re.compile(r"^(?:[\w-]*(?:host|server|proxy|domain|address)[\w-]*|your[-_.\w]*|my[-_.\w]*"
                            r"|[\w.-]*[<>{}$][\w.-]*|[\w.-]*\.(?:here|tld))$", re.IGNORECASE)
# A host with a name in a domain or an address (``ldap.example.com``, ``10.0.0.5``); a single name
# (``postgres``, ``rabbitmq``) is a service on the same container network, which the example sets up.
NAMED_ELSEWHERE = re.compile(r"^(?:[\w-]+\.)+[\w-]+$|^\[?[0-9a-f:]+\]?$", re.IGNORECASE)


@dataclass(frozen=True)
class CleartextUrl:
    scheme: str  # lower-case: http, ldap, redis...
    host: str
    user: Optional[str]
    password: Optional[str]  # as written: a literal, a placeholder or a template field
    text: str  # the URL up to the host, for messages (the password shortened)

    @property
    def secure(self) -> str:
        return SECURE_SCHEME[self.scheme]


def cleartext_urls(text: str) -> list[CleartextUrl]:
    """The URLs in ``text`` with a cleartext scheme and a host other than this machine."""
    found = []
    for match in CLEARTEXT_URL.finditer(text):
        scheme, user, password, host = match.group(1).lower(), match.group(2), match.group(3), match.group(4)
        if LOOPBACK.match(host):
            continue
        shown = f"{scheme}://" + (f"{user}:…@" if password else f"{user}@" if user else "") + host
        found.append(CleartextUrl(scheme, host, user, password, shown))
    return found


def is_remote(url: CleartextUrl) -> bool:
    """A host that names a machine elsewhere: in a domain or an address, not loopback, not a stand-in."""
    return not LOOPBACK.match(url.host) and not STAND_IN_HOSTS.match(url.host) and bool(NAMED_ELSEWHERE.match(url.host))


def login_in_url(text: str) -> Optional[CleartextUrl]:
    """A cleartext URL that carries a password (``ldap://admin:secret@ldap.example.com``,
    ``redis://:{password}@cache.example.com``) to a remote host."""
    for url in cleartext_urls(text):
        if url.password and is_remote(url):
            return url
    return None


# Paths of the endpoints that receive or hand out credentials: OAuth's token and authorize endpoints,
# login forms, SAML and OpenID endpoints.
AUTH_PATH = re.compile(r"/(?:oauth2?|o|token|tokens|access_token|request_token|authorize|authorization|login|signin"
                       r"|sign_in|log_in|auth|authenticate|saml2?|openid|sso)(?=[/?#_.-]|$)", re.IGNORECASE)


def auth_endpoint(text: str) -> Optional[CleartextUrl]:
    """A plain ``http://`` URL of a login or token endpoint on a host elsewhere
    (``http://www.tumblr.com/oauth/access_token``, ``http://sso.example.com/login``)."""
    stripped = text.strip()
    if not stripped.lower().startswith("http://"):
        return None
    for url in cleartext_urls(stripped):
        if url.scheme == "http" and is_remote(url):
            path = stripped.split(url.host, 1)[-1]
            if AUTH_PATH.search(path.split("?", 1)[0]):
                return CleartextUrl(url.scheme, url.host, url.user, url.password, stripped[:60])
        return None
    return None
