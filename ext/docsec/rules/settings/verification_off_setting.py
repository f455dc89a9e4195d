"""## What it does
Finds configuration that turns off TLS certificate or SSH host-key
verification, in YAML, INI, TOML, ``.npmrc``, ``.condarc``, properties and
``.env`` files and in text blocks written that way: ``verify_ssl: false``,
``ssl_verify: false`` (conda), ``strict-ssl = false`` (npm),
``insecure-skip-tls-verify: true`` (kubeconfig), ``tlsInsecure: true``,
``rejectUnauthorized: false``, ``cert_reqs: CERT_NONE``,
``sslmode: disable``, ``verify: false`` in a file that talks to a server (a
``clouds.yaml``, a client's settings), and the same names as query
parameters of a URL in a block of any language
(``winrm://host?no_verify_ssl=true``, ``mongodb://db/?tlsInsecure=true``),
in JSON, and in the options objects of JavaScript and TypeScript
(``{ tlsAllowInvalidCertificates: true }``, ``ssl: { verify_server_cert: false }``;
``rejectUnauthorized``, ``strictSSL`` and ``insecure`` there are DSW006's).
The same names in Python code are DSP010's and DSP027's.

## Why is this bad?
Without verification anyone on the network path can impersonate the server:
read the credentials the client sends, and change what it receives.  A
configuration file is copied whole into real deployments, where the setting
stays long after the certificate problem it silenced was fixed.

## Example
```yaml
clouds:
  production:
    auth:
      auth_url: https://keystone.example.com:5000/v3
    verify: false
```

## Use instead
```yaml
clouds:
  production:
    auth:
      auth_url: https://keystone.example.com:5000/v3
    cacert: /etc/ssl/certs/example-ca.pem
```
Point the client at the CA certificate that signed the server's
certificate (``cacert``, ``ssl_verify: /path/ca.pem``, ``cafile``); for
SSH, add the host key to ``known_hosts``.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [CWE-322: Key Exchange without Entity Authentication](https://cwe.mitre.org/data/definitions/322.html)
"""

from __future__ import annotations

from typing import Iterator, Union

from ...languages.key_values import KeyValue, settings_of, url_query_settings
from ...languages.text import TextView
from ...languages.yaml import YamlView
from ...model import Hit
from ..registry import rule
from ._knobs import NETWORK, verification_off

PYTHON_KINDS = ("python", "pycon", "python-or-text")


# What DSW006 reports in JavaScript (``rejectUnauthorized: false``, ``strictSSL: false``, ``insecure: true``).
JAVASCRIPT_RULES_OWN = frozenset({"rejectunauthorized", "strictssl", "insecure", "nodetlsrejectunauthorized"})


@rule(
    id="DSG001",
    symbol="verification-off-setting",
    title="TLS or SSH verification turned off in a configuration file",
    severity="high",
    cwe=295,
    languages=("yaml", "javascript", "text"),
    equivalent="Checkov CKV_K8S/CKV_OPENSTACK verify checks (partly)",
    message="turns off verification of the server; point the client at the right CA or host key instead",
    use_instead="cacert: /etc/ssl/certs/ca.pem (ssl_verify: /path/ca.pem, cafile=...); known_hosts for SSH",
    joined_triggers=("verif", "ssl", "tls", "insecure", "cert", "reject", "hostkey", "knownhosts", "trustall",
                     "unauthorized", "selfsigned", "httpserrors"),
)
def check(view: Union[YamlView, TextView]) -> Iterator[Hit]:
    settings = settings_of(view)
    if isinstance(view, TextView) and view.kind not in PYTHON_KINDS:  # URLs' query parameters, in any language
        settings = [*settings, *url_query_settings(view.text)]  # (Python's are DSP010's and DSP011's)
    for setting in settings:
        if setting.normal in JAVASCRIPT_RULES_OWN and type(view).__name__ == "JavaScriptView":
            continue  # (DSW006 reports these with JavaScript's own advice)
        network = setting.normal == "verify" and _about_a_peer(setting, settings)
        what = verification_off(setting, network)
        if what:
            separator = ": " if setting.form not in ("config", "query") else "="
            shown = f"{setting.key}{separator}{setting.written}"
            yield Hit(setting.line, setting.column, f"`{shown}` turns off {what}; point the client at the right "
                      "CA certificate (or SSH host key) instead of turning the check off")


def _about_a_peer(setting: KeyValue, settings: list[KeyValue]) -> bool:
    """Whether a bare ``verify`` sits among settings of a network client: its own mapping's keys and
    values, or the names of the mappings around it, speak of a URL, host, server or certificate."""
    around = [part for part in setting.context]
    for other in settings:
        if other.context == setting.context or other.context[:len(setting.context)] == setting.context:
            around.extend((other.key, str(other.written)))
    return bool(NETWORK.search(" ".join(around)))
