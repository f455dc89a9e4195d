"""## What it does
Finds command lines and environment settings that turn off TLS certificate
verification: ``curl -k``/``--insecure`` (also combined, as in ``-sSkL``),
``wget --no-check-certificate``, ``git -c http.sslVerify=false``,
``git config http.sslVerify false``, ``GIT_SSL_NO_VERIFY=1``,
``npm``/``yarn``/``pnpm config set strict-ssl false``,
``conda config --set ssl_verify false``, ``--insecure-skip-tls-verify``
(``kubectl``, ``helm``), ``aws --no-verify-ssl``, ``httpx --no-verify``,
HTTPie's ``http --verify=no``, ``podman``/``skopeo``/``buildah``
``--tls-verify=false``, ``aria2c --check-certificate=false``,
``gcloud config set auth/disable_ssl_validation true``, the flags that mean
the same in any command-line client (``openstack --insecure``, ``vault
-tls-skip-verify``, ``grpcurl -insecure``, ``mc --insecure``,
``--skip-tls-verify``, ``--ignore-certificate-errors``), and the variables
``PYTHONHTTPSVERIFY=0``, ``NODE_TLS_REJECT_UNAUTHORIZED=0``,
``OAUTHLIB_INSECURE_TRANSPORT=1`` (oauthlib then sends tokens over plain HTTP),
``CURL_CA_BUNDLE=""`` and ``REQUESTS_CA_BUNDLE=""`` (shell and Dockerfile
``ENV``).

## Why is this bad?
Without certificate checks anyone on the network path (public Wi-Fi, a
proxy, a compromised router) can impersonate the server and read or alter
the traffic: credentials leak and downloaded code can be replaced.  Readers
copy the flag and keep it, often in a global configuration that silently
affects every later command.

## Example
```console
$ git config --global http.sslVerify false
$ curl -k https://internal.example.com/install.sh -o install.sh
```

## Use instead
```console
$ git config --global http.sslCAInfo /etc/ssl/certs/corp-ca.pem
$ curl --cacert corp-ca.pem https://internal.example.com/install.sh -o install.sh
```

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional, Union

from ...languages.dockerfile import DockerfileView
from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule
from ..settings._knobs import lets_bad_certificates_through

FALSE = re.compile(r"^(?:false|0|no|off)$", re.IGNORECASE)
SSL_VERIFY_KEY = re.compile(r"^http\.(?:.+\.)?sslverify$", re.IGNORECASE)
STRICT_SSL_KEY = re.compile(r"^(?:strict-ssl|strict_ssl|enablestrictssl)$", re.IGNORECASE)
# Variables whose value turns verification off: name -> test on the value.
VARIABLES = {
    "GIT_SSL_NO_VERIFY": lambda v: bool(v) and not FALSE.match(v),
    "PYTHONHTTPSVERIFY": lambda v: v == "0",
    "NODE_TLS_REJECT_UNAUTHORIZED": lambda v: v == "0",
    "CURL_CA_BUNDLE": lambda v: v == "",
    "OAUTHLIB_INSECURE_TRANSPORT": lambda v: v.strip("'\"") not in ("", "0"),
    "REQUESTS_CA_BUNDLE": lambda v: v == "",
    "NPM_CONFIG_STRICT_SSL": lambda v: bool(FALSE.match(v)),
    "CONDA_SSL_VERIFY": lambda v: bool(FALSE.match(v)),
    "GIT_SSL_VERIFY": lambda v: bool(FALSE.match(v)),
    "AZURE_CLI_DISABLE_CONNECTION_VERIFICATION": lambda v: bool(v) and not FALSE.match(v),
}
TLS_VERIFY_OPTIONS = ("--tls-verify", "--src-tls-verify", "--dest-tls-verify", "--check-certificate")
TLS_VERIFY_ASSIGNMENTS = tuple(option + "=" for option in TLS_VERIFY_OPTIONS)
CONFIG_PROGRAMS = frozenset({"git", "npm", "yarn", "pnpm", "conda", "mamba", "micromamba"})  # (the pairs below)
ENV_PAIR = re.compile(r"([A-Za-z_]\w*)(?:=|\s+)(\"[^\"]*\"|'[^']*'|\S*)")


@rule(
    id="DSS004",
    symbol="tls-verification-disabled-cli",
    title="TLS certificate verification turned off on the command line",
    severity="high",
    cwe=295,
    languages=("shell", "dockerfile"),
    equivalent="none",
    message="TLS certificate verification is turned off; trust the right CA instead (--cacert, http.sslCAInfo, cafile)",
    use_instead="curl --cacert ca.pem URL; git config http.sslCAInfo ca.pem; npm config set cafile ca.pem",
    triggers=('curl', 'wget', 'insecure', 'ssl', 'verify', 'strict', 'http', 'check-certificate', 'reject_unauthorized', 'ca_bundle', 'verification', 'certificate-errors', 'unauthorized', 'allowunencrypted', 'self-signed', 'selfsigned'),  # (OAUTHLIB_INSECURE_TRANSPORT holds insecure)
)
def check(view: Union[ShellView, DockerfileView]) -> Iterator[Hit]:
    if isinstance(view, DockerfileView):
        yield from _dockerfile_env(view)
        return
    for command in view.all_commands:
        found = _insecure_option(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` turns off TLS certificate verification; "
                      "point the tool at the right CA certificate instead")
    for setting in view.settings:
        test = VARIABLES.get(setting.name.upper())
        if test and test(setting.value):
            yield Hit(setting.line, 1, f"`{setting.name}={setting.value}` turns off TLS certificate verification; "
                      "install the CA certificate (or set it via SSL_CERT_FILE) instead")


# Flags that mean "do not verify the server's certificate" in every CLI that has them (OpenStack's clients,
# Vault, etcdctl, grpcurl, MinIO's mc, Argo CD, Helm, Skopeo...).
ANY_PROGRAM_INSECURE = frozenset({"--insecure", "-insecure", "--tls-skip-verify", "-tls-skip-verify",
                                  "--skip-tls-verify", "--disable-ssl-verification", "--no-check-certificate",
                                  "--ignore-certificate-errors", "--insecure-skip-verify", "--skip-verify-tls",
                                  "--os-insecure", "--api-insecure", "--ssl-insecure", "--tls-insecure",
                                  "--insecure-registry"})
# Programs whose --insecure means something else.
NOT_TLS_INSECURE = frozenset({"pip", "pip3", "uv", "python", "python3", "mkdocs", "sphinx-build", "jupyter",
                              "django-admin", "manage.py", "./manage.py", "py",
                              "dask", "dask-scheduler", "gunicorn", "uvicorn"})


def _says_insecure(word: str) -> bool:
    """A long flag that says, by its words, that bad certificates pass (``--ignore-unauthorized-ssl``,
    ``--skip-ssl-validation``, ``--accept-insecure-certs``), given alone or ``=true``."""
    flag, equals, value = word.partition("=")
    if not flag.startswith("--") or (equals and not TRUE.match(value)):
        return False
    return lets_bad_certificates_through(flag.lstrip("-"))


TRUE = re.compile(r"^(?:1|true|yes|on)$", re.IGNORECASE)
# WinRM told to accept unencrypted traffic (``winrm set winrm/config/service @{AllowUnencrypted="true"}``).
WINRM_UNENCRYPTED = re.compile(r"AllowUnencrypted\W{0,3}=\W{0,3}true", re.IGNORECASE)


def _insecure_option(command: Command) -> Optional[str]:
    program, words = command.program, command.words
    if any(WINRM_UNENCRYPTED.search(word) for word in words) or (
            any(word.lower().endswith("allowunencrypted") for word in words)
            and (command.flag_value("-Value") or command.flag_value("-value") or "").lower() in ("$true", "true", "1")):
        return f"{program} ... AllowUnencrypted=true (WinRM then accepts logins and commands in clear text)"
    if program == "curl" and (command.has_short_flag("k") or command.has_flag("--insecure", "--proxy-insecure")):
        return "curl --insecure"
    if program == "wget" and command.has_flag("--no-check-certificate"):
        return "wget --no-check-certificate"
    if command.has_flag("--insecure-skip-tls-verify", "--no-verify-ssl", "--ssl-no-verify", "--strict-ssl") and (
        not command.has_flag("--strict-ssl") or FALSE.match(command.flag_value("--strict-ssl") or "")
    ):
        return f"{program} " + next(w for w in words if w.startswith(("--insecure", "--no-verify", "--ssl-no", "--strict")))
    if program == "httpx" and command.has_flag("--no-verify"):
        return "httpx --no-verify"
    generic = next((w for w in words[1:] if w.split("=", 1)[0] in ANY_PROGRAM_INSECURE or _says_insecure(w)), None)
    if generic is not None and program not in NOT_TLS_INSECURE:  # (``openstack --insecure``, ``vault -tls-skip-verify``)
        return f"{program} {generic}"
    if program in ("http", "https", "httpie") and any(FALSE.match(v) for v in command.flag_values("--verify")):
        return f"{program} --verify={command.flag_value('--verify')}"
    if any(w.startswith(TLS_VERIFY_ASSIGNMENTS) for w in words):
        for option in TLS_VERIFY_OPTIONS:
            value = command.flag_value(option) if any(w.startswith(option + "=") for w in words) else None
            if value is not None and FALSE.match(value):
                return f"{program} {option}={value}"
    if program == "gcloud" and "auth/disable_ssl_validation" in words:
        given = words[words.index("auth/disable_ssl_validation") + 1:][:1]
        if given and not FALSE.match(given[0]):
            return "gcloud config set auth/disable_ssl_validation " + given[0]
    if program == "git":
        for value in command.flag_values("-c"):
            key, _, setting = value.partition("=")
            if SSL_VERIFY_KEY.match(key) and FALSE.match(setting):
                return f"git -c {value}"
    pairs = list(zip(words, words[1:])) if program in CONFIG_PROGRAMS else []
    for key, value in pairs:
        if program == "git" and SSL_VERIFY_KEY.match(key) and FALSE.match(value):
            return f"git config {key} {value}"
        if program in ("npm", "yarn", "pnpm") and STRICT_SSL_KEY.match(key) and FALSE.match(value):
            return f"{program} config set {key} {value}"
        if program in ("conda", "mamba", "micromamba") and key == "ssl_verify" and FALSE.match(value):
            return f"{program} config --set ssl_verify {value}"
    if program in ("npm", "yarn", "pnpm"):
        for word in words[1:]:
            key, _, value = word.partition("=")
            if key.lstrip("-").lower() in ("strict-ssl", "strict_ssl") and FALSE.match(value):
                return f"{program} {word}"
    return None


def _dockerfile_env(view: DockerfileView) -> Iterator[Hit]:
    for instruction in view.instructions:
        if instruction.keyword not in ("ENV", "ARG"):
            continue
        for name, value in ENV_PAIR.findall(instruction.arguments):
            value = value.strip("\"'")
            test = VARIABLES.get(name.upper())
            if test and test(value):
                yield Hit(instruction.line, 1, f"`ENV {name}={value}` turns off TLS certificate verification for "
                          "everything in the image; copy the CA certificate into the image instead")
