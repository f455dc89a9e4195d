"""What settings mean: the names that switch verification off, hold secrets, accept pickle or trust proxies.

Data, shared by the settings rules (YAML, configuration files, text blocks)
and by the Python rules that read the same names in code (DSP010, DSP027), so
``verify_ssl: false`` and ``{"verify_ssl": False}`` get the same answer.
Names are compared by :func:`docsec.languages.key_values.normal_name`: the
key's last part in lower-case letters and digits (``ssl_verify``,
``sslVerify`` and ``SSL-VERIFY`` are ``sslverify``).
"""

from __future__ import annotations

import re
from typing import Any, Optional

from ...languages.key_values import NOT_LITERAL, KeyValue

# TLS certificate or host-name verification, on unless set false.
VERIFY_WHEN_TRUE = frozenset({
    "verifyssl", "sslverify", "verifycerts", "verifycert", "verifycertificate", "verifycertificates", "verifytls",
    "tlsverify", "validatecerts", "validatecertificate", "validatecertificates", "checkhostname",
    "sslcheckhostname", "strictssl", "checkcertificate", "checkcertificates", "rejectunauthorized",
    "sslverification", "verifyhostname", "sslverifyhostname", "verifypeer", "sslverifypeer", "certverify",
    "verifyservercertificate", "tlsverifycertificate", "validatessl", "sslvalidate", "httpsslverify",
    "validatecert", "asserthostname", "sslverifyhost", "verifyhost", "enablesslcertificateverification",
    "verifyservercert", "sslverifyservercert",
})
# ``verify`` alone: TLS verification in most clients, something else in others (signatures, checksums).
BARE_VERIFY = frozenset({"verify"})
# Settings that switch verification off when set true.
INSECURE_WHEN_TRUE = frozenset({
    "insecure", "insecureskipverify", "skiptlsverify", "tlsskipverify", "skipverify", "skipsslverify",
    "noverify", "noverifyssl", "sslnoverify", "disablesslverification", "disabletlsverification",
    "disablecertificatevalidation", "ignoresslerrors", "ignorecerterrors", "ignorecertificateerrors",
    "acceptinvalidcerts", "dangeracceptinvalidcerts", "acceptanycertificate", "trustallcertificates",
    "trustallcerts", "trustall", "allowinsecure", "tlsinsecure", "tlsallowinvalidcertificates",
    "tlsallowinvalidhostnames", "sslinsecure", "insecuretls", "insecuressl", "gitsslnoverify",
    "allowselfsignedcertificates", "sslallowinvalidcertificates", "insecureskiptlsverify",
    "oauthlibinsecuretransport", "insecuretransport", "disablesslcertificatevalidation",
})
# Switches that turn TLS itself off for a connection (plain HTTP or a cleartext protocol), off when false.
TLS_WHEN_TRUE = frozenset({"usessl", "usetls", "sslenabled", "tlsenabled", "enablessl", "enabletls"})
# ... and switches that turn it off when set true (mysql-connector's ``ssl_disabled=True``).
TLS_OFF_WHEN_TRUE = frozenset({"ssldisabled", "disablessl", "tlsdisabled", "disabletls", "nossl", "notls"})
# Kafka's ``security_protocol``: SASL over a plain connection sends the SASL password in clear.
SECURITY_PROTOCOL = frozenset({"securityprotocol"})
# Settings whose value names the check to make: ``CERT_NONE`` makes none.
CERT_REQUIREMENT = frozenset({"certreqs", "sslcertreqs", "verifymode", "sslverifymode", "certrequired",
                              "verificationmode", "optxtlsrequirecert", "tlsrequirecert", "servercertvalidation",
                              "certvalidation", "certificatevalidation", "sslcertvalidation"})
# What those settings say when they check nothing: ``CERT_NONE``, ``none``, OpenLDAP's ``never``/``allow``.
NO_CHECK = re.compile(r"none|never|\ballow\b|_allow$|^ignore$", re.IGNORECASE)
# Docker's ``daemon.json`` (and containerd's) registries reached without TLS verification.
INSECURE_REGISTRIES = frozenset({"insecureregistries", "insecureregistry"})
# SSH host-key checking: off when set false, or when the known hosts are none.
# (``StrictHostKeyChecking no`` and Ansible's ``host_key_checking = False`` are DSS006's, in any block)
HOST_KEY_WHEN_TRUE = frozenset({"checkhostkeys", "verifyhostkeys"})
HOST_KEYS_NONE = frozenset({"hostkeys", "knownhosts"})
# A database connection's TLS mode: ``disable`` sends the password and the data in clear.
SSL_MODE = frozenset({"sslmode", "ssl"})  # (asyncpg's ``ssl="disable"``)
# Words around a bare ``verify`` that say it is about a network peer.
NETWORK = re.compile(r"url|host|endpoint|server|\bssl|tls|https?\b|api|cloud|auth|cert|proxy|registry|index|remote"
                     r"|client|connect", re.IGNORECASE)


# Words a setting's name is split into (``verify_override``, ``sslCertVerification``, ``ALLOW_INSECURE_AUTH``),
# for the names no table above holds: a name that says it verifies the peer and is set false, or says it is
# insecure and is set true, turns verification off whatever the library calls it.
VERIFY_WORDS = frozenset({"verify", "verification", "verifying"})
TLS_WORDS = frozenset({"ssl", "tls", "https", "cert", "certs", "certificate", "certificates", "hostname", "peer",
                       "ca", "x509", "server", "host", "chain", "trust"})
# ... and the words that say the check is about something else (signatures, tokens, files, input).
NOT_TLS_WORDS = frozenset({
    "signature", "signatures", "sig", "sign", "signed", "checksum", "checksums", "integrity", "hash", "digest", "exp",
    "expiration", "expiry", "aud", "audience", "iss", "issuer", "nbf", "iat", "email", "schema", "token", "tokens",
    "jwt", "jws", "data", "input", "args", "arguments", "type", "types", "password", "otp", "code", "hmac",
    "payload", "claims", "claim", "file", "files", "upload", "owner", "ownership", "dependencies", "deps", "plugin",
    "plugins", "content", "format", "json", "xml", "html", "sum", "size", "length", "model", "models", "db",
    "migrations", "user", "account", "phone", "at", "csrf", "state", "nonce", "pkce", "integrity", "gpg", "pgp",
    "key", "keys", "package", "packages", "wheel", "record", "records", "config", "params", "output", "webhook",
    "mac", "crc", "sha", "md5", "only", "consistency", "storage", "bucket", "object", "region"})
INSECURE_WORDS = frozenset({"insecure", "unverified", "noverify", "skipverify", "unsafessl"})
# ``dangerouslyIgnoreUnauthorized``, ``ignoreHTTPSErrors``, ``--ignore-unauthorized-ssl``, ``acceptInsecureCerts``,
# ``allowSelfSigned``, ``--skip-ssl-validation``: an action that lets a bad certificate through ...
LETTING_THROUGH = frozenset({"ignore", "ignores", "skip", "disable", "disabled", "bypass", "accept", "allow", "trust",
                             "no"})
# ... what it lets through (for ``allow``/``accept``/``trust``: only what is bad, not ``allowHttps``) ...
BAD_CERTIFICATES = frozenset({"unauthorized", "invalid", "untrusted", "insecure", "selfsigned", "unverified",
                              "self", "expired", "mismatched", "bad", "any", "all"})

def lets_bad_certificates_through(key: str) -> bool:
    """A switch whose name says, set true, that bad certificates pass (by its words, whatever the library)."""
    words = set(name_words(key))
    if words & NOT_TLS_WORDS or not words & LETTING_THROUGH:
        return False
    if words & {"accept", "allow", "trust"}:  # (``--allow-untrusted`` packages: signatures, another rule's)
        return bool(words & BAD_CERTIFICATES) and bool(
            words & {"cert", "certs", "certificate", "certificates", "ssl", "tls", "https", "unauthorized",
                     "selfsigned", "hostname"})
    if words & {"ignore", "ignores", "skip", "disable", "disabled", "bypass", "no"}:
        # the check must be named (``ssl_disabled`` turns TLS itself off: another setting's business)
        # (``--no-verify`` alone skips git's hooks: a bare check word needs a TLS word beside it)
        named = words & {"cert", "certs", "certificate", "certificates", "hostname", "unauthorized", "selfsigned"}
        tls = words & {"ssl", "tls", "https"}
        checked = words & {"verification", "verify", "validation", "errors"}
        return bool(named) or (bool(checked) and bool(tls))
    return False


def name_words(key: str) -> list[str]:
    """``verifyOverride`` → ``verify``, ``override``; ``SSL_CERT_REQS`` → ``ssl``, ``cert``, ``reqs``."""
    last = re.split(r"[.\[\]'\"/]+", key.strip(".[]'\"/"))[-1] if key else ""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "_", last)
    found = [word for word in re.split(r"[^a-z0-9]+", spaced.lower()) if word]
    if "self" in found and "signed" in found:  # ``allow_self_signed``: one notion, not a signature
        found = [word for word in found if word not in ("self", "signed")] + ["selfsigned"]
    return found


def _off_by_its_words(key: str, value: Any, network_context: bool) -> bool:
    if is_true(value) and lets_bad_certificates_through(key):
        return True
    words = set(name_words(key))
    if len(words) < 2 or words & NOT_TLS_WORDS:
        return False
    if words & VERIFY_WORDS and is_false(value):
        return bool(words & TLS_WORDS) or network_context
    return bool(words & INSECURE_WORDS) and is_true(value) and (bool(words & TLS_WORDS) or network_context)


def _only_loopback(written: str) -> bool:
    hosts = re.findall(r"[\w.\-\[\]:]+", written.replace("'", " ").replace('"', " "))
    hosts = [h for h in hosts if h not in ("-", "[", "]")]
    return bool(hosts) and all(re.match(r"^(?:localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)(?::\d+)?$", h) for h in hosts)


def is_false(value: Any) -> bool:
    """False, 0, or a string saying so (an environment variable set from Python: ``"0"``, ``"false"``)."""
    if isinstance(value, str):
        return value.strip().lower() in ("0", "false", "no", "off")
    return value is False or (isinstance(value, int) and not isinstance(value, bool) and value == 0)


def is_true(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return value is True or (isinstance(value, int) and not isinstance(value, bool) and value == 1)


def verification_off(setting: KeyValue, network_context: bool) -> Optional[str]:
    """What ``setting`` turns off (``TLS certificate verification``, ...), or ``None``.

    ``network_context``: whether the block speaks of a network peer, which a
    bare ``verify: false`` needs before it counts.
    """
    name, value = setting.normal, setting.value
    whole = re.sub(r"[^a-z0-9]", "", setting.key.lower())
    if whole != name and (whole in VERIFY_WHEN_TRUE | INSECURE_WHEN_TRUE):
        name = whole  # a dotted key that is one name: ``enable.ssl.certificate.verification``
    if name in INSECURE_WHEN_TRUE and is_true(value):
        return "TLS certificate verification"
    if name in VERIFY_WHEN_TRUE and is_false(value):
        return "TLS certificate verification"
    if name in BARE_VERIFY and is_false(value) and network_context:
        return "TLS certificate verification"
    if name not in INSECURE_WHEN_TRUE | VERIFY_WHEN_TRUE:  # a prefixed name: ``requests_verify_ssl``, ``git_ssl_no_verify``
        if is_true(value) and _ends_with(name, INSECURE_WHEN_TRUE):
            return "TLS certificate verification"
        if is_false(value) and _ends_with(name, VERIFY_WHEN_TRUE):
            return "TLS certificate verification"
    if (name in CERT_REQUIREMENT or _ends_with(name, CERT_REQUIREMENT)) and \
            NO_CHECK.search(str(setting.written if value is NOT_LITERAL else value)):
        return "TLS certificate verification"  # (``REDIS_SSL_CERT_REQS = None``: None asks for no check)
    if name not in BARE_VERIFY and _off_by_its_words(setting.key, value, network_context):
        return "TLS certificate verification"
    if name in INSECURE_REGISTRIES and str(setting.written).strip() not in ("", "[]", "null", "~", "false") and \
            not _only_loopback(str(setting.written)):  # (Docker trusts a registry on 127.0.0.1 anyway)
        return "TLS for those registries (images are pulled over plain HTTP or unverified TLS)"
    if name in HOST_KEY_WHEN_TRUE and is_false(value):
        return "SSH host key checking"
    if name in HOST_KEYS_NONE and value is None:
        return "SSH host key checking"
    if name in SSL_MODE and str(value).lower() == "disable":
        return "TLS for the database connection"
    if name in TLS_WHEN_TRUE and is_false(value):
        return "TLS for the connection"
    if name in TLS_OFF_WHEN_TRUE and is_true(value):
        return "TLS for the connection"
    if name in SECURITY_PROTOCOL and str(value).lower() == "sasl_plaintext":
        return "TLS for the connection"
    return None


def _ends_with(name: str, names: frozenset[str]) -> bool:
    return any(name.endswith(known) for known in names if len(known) >= 8)


def mentions_pickle(setting: KeyValue) -> bool:
    shown = setting.written if setting.value is NOT_LITERAL else str(setting.value)
    return bool(re.search(r"\bpickle", shown, re.IGNORECASE))


# Message formats, serializers and caches that accept pickle when set to it.
PICKLE_FORMAT = frozenset({
    "acceptcontent", "celeryacceptcontent", "resultacceptcontent", "taskserializer", "celerytaskserializer",
    "resultserializer", "celeryresultserializer", "eventserializer", "serializer", "accept", "serde",
    "deserializer", "celerymessagecompression",
})


def accepts_pickle(setting: KeyValue) -> Optional[str]:
    name = setting.normal
    if name == "serializer" and setting.form == "keyword" and setting.context and \
            setting.context[0].rsplit(".", 1)[-1] in ("publish", "send", "produce", "apply_async", "send_task"):
        return None  # a producer writing pickle: the consumer's ``accept`` decides whether it is loaded
    if name in PICKLE_FORMAT and mentions_pickle(setting):
        return f"`{setting.key}` accepts pickle: whoever can put a message in the queue or a value in the cache " \
               "runs code in every worker that loads it; use json (or msgpack)"
    return None


# Proxy headers (X-Forwarded-For, -Proto, -Host) believed from these addresses.
TRUSTED_PROXIES = frozenset({"forwardedallowips", "trustedproxies", "trustedproxy", "proxiestrusted",
                             "trustproxy", "trustedhosts_proxy", "realipfrom", "setrealipfrom", "trustforwardedfor"})
EVERYONE = frozenset({"*", "0.0.0.0/0", "::/0", "all", "true"})


def trusts_every_proxy(setting: KeyValue) -> bool:
    if setting.normal not in TRUSTED_PROXIES:
        return False
    shown = (setting.written if setting.value is NOT_LITERAL else str(setting.value)).strip().strip("'\"")
    return shown.lower() in EVERYONE or setting.value is True and setting.normal in ("trustproxy",)
