"""## What it does
Finds TLS certificate verification turned off, in Java, C#, PHP, Go, Ruby and
Rust:

* Go: ``tls.Config{InsecureSkipVerify: true}``;
* C#: ``ServerCertificateValidationCallback``,
  ``ServerCertificateCustomValidationCallback`` or
  ``RemoteCertificateValidationCallback`` set to a callback that returns
  ``true``, and ``HttpClientHandler.DangerousAcceptAnyServerCertificateValidator``;
* PHP: ``curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false)`` (or
  ``CURLOPT_SSL_VERIFYHOST, 0``, also in ``curl_setopt_array``), Guzzle's
  ``'verify' => false``, stream contexts' ``'verify_peer' => false``;
* Ruby: ``OpenSSL::SSL::VERIFY_NONE``, ``verify: false`` and
  ``verify_ssl: false`` options (Faraday's ``ssl:``, HTTParty, RestClient);
* Java: a ``HostnameVerifier`` that returns ``true``
  (``setHostnameVerifier((h, s) -> true)``), ``NoopHostnameVerifier`` and
  ``ALLOW_ALL_HOSTNAME_VERIFIER``, and a ``TrustManager`` whose
  ``checkServerTrusted`` does nothing;
* Rust: reqwest's and native-tls' ``danger_accept_invalid_certs(true)`` and
  ``danger_accept_invalid_hostnames(true)``, and openssl's
  ``set_verify(SslVerifyMode::NONE)``.

## Why is this bad?
Without verification anyone on the network path can present their own
certificate, read the traffic and change it, passwords and tokens included.

## Example
```go
client := &http.Client{Transport: &http.Transport{
	TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
}}
```

## Use instead
```go
pool := x509.NewCertPool()
pool.AppendCertsFromPEM(caPEM)
client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}}
```
Trust the certificate authority that signed the server's certificate
(``RootCAs``, ``CURLOPT_CAINFO``, ``ca_file``, a trust store) and keep
verification on.

## References
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [OWASP Transport Layer Security Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Transport_Layer_Security_Cheat_Sheet.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.code import CodeView
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES

CALLBACKS = ("ServerCertificateValidationCallback", "ServerCertificateCustomValidationCallback",
             "RemoteCertificateValidationCallback")
PHP_OPTIONS = {"CURLOPT_SSL_VERIFYPEER": ("false", "0", "FALSE"), "CURLOPT_SSL_VERIFYHOST": ("false", "0", "FALSE"),
               "verify": ("false", "FALSE"), "verify_peer": ("false", "FALSE"), "verify_peer_name": ("false", "FALSE")}
RUBY_OPTIONS = {"verify": ("false",), "verify_ssl": ("false", "OpenSSL::SSL::VERIFY_NONE"), "ssl_verify": ("false",)}
ALLOW_ALL = ("NoopHostnameVerifier", "ALLOW_ALL_HOSTNAME_VERIFIER", "DangerousAcceptAnyServerCertificateValidator")


@rule(
    id="DSL004",
    symbol="tls-verification-off",
    title="TLS certificate verification turned off (Java, C#, PHP, Go, Ruby, Rust)",
    severity="high",
    cwe=295,
    languages=LANGUAGES,
    equivalent="gosec G402, Semgrep/CodeQL",
    message="turns off TLS certificate verification; trust the server's CA instead",
    use_instead="tls.Config{RootCAs: pool}; CURLOPT_CAINFO; a trust store with your CA",
    triggers=("insecureskipverify", "certificatevalidationcallback", "dangerousacceptany", "curlopt_ssl_verify",
              "verify", "verify_none", "hostnameverifier", "allow_all_hostname_verifier", "checkservertrusted",
              "danger_accept_invalid"),
)
def check(view: CodeView) -> Iterator[Hit]:
    language = view.language
    pairs = [(key, value, node) for key, value, node in view.pairs]
    pairs += [(name, value, value) for name, values in view.assignments.items() for value in values]
    for key, value, node in pairs:
        short, text = key.rsplit(".", 1)[-1], view.text_of(value)
        if (language == "go" and short == "InsecureSkipVerify" and text == "true") or \
                (language == "csharp" and short in CALLBACKS and _returns_true(view, value)) or \
                (language == "php" and text in PHP_OPTIONS.get(short, ())) or \
                (language == "ruby" and text in RUBY_OPTIONS.get(short, ())):
            yield _hit(view, node, f"`{view.text_of(node, 60)}`")
    for call in view.calls:
        if language == "php" and call.short == "curl_setopt" and len(call.arguments) >= 3:
            option, value = view.text_of(call.arguments[1]), view.text_of(call.arguments[2])
            if value in PHP_OPTIONS.get(option, ()):
                yield _hit(view, call.node, f"`curl_setopt(..., {option}, {value})`")
        elif language == "rust" and call.short in ("danger_accept_invalid_certs", "danger_accept_invalid_hostnames") \
                and call.arguments and view.text_of(call.arguments[0]) == "true" or \
                language == "rust" and call.short == "set_verify" and call.arguments and \
                view.text_of(call.arguments[0]).endswith("NONE"):
            yield _hit(view, _method(call.node), f"`{call.short}({view.text_of(call.arguments[0])})`")
        elif language == "java" and call.short in ("setHostnameVerifier", "setDefaultHostnameVerifier") and \
                call.arguments and _returns_true(view, call.arguments[-1]):
            yield _hit(view, call.node, f"`{call.short}` with a verifier that accepts every host")
    for node in view.nodes_of("identifier", "constant", "field_access", "member_access_expression",
                              "scope_resolution", "name", "type_identifier"):
        text = view.text_of(node)
        if text.rsplit(".", 1)[-1].rsplit("::", 1)[-1] in ALLOW_ALL or (language == "ruby" and
                                                                       text == "OpenSSL::SSL::VERIFY_NONE"):
            if node.parent is not None and view.text_of(node.parent) == text:
                continue  # (the outer node of a nested name reports it)
            yield _hit(view, node, f"`{text}`")
    if language == "java":
        for method in view.nodes_of("method_declaration"):
            name, body = method.child_by_field_name("name"), method.child_by_field_name("body")
            if name is not None and view.text_of(name) == "checkServerTrusted" and body is not None and \
                    not [s for s in body.named_children if s.type not in ("line_comment", "block_comment")]:
                yield _hit(view, method, "a `checkServerTrusted` that checks nothing")


def _method(node: Any) -> Any:
    """A Rust method call's name, where a chain of calls puts it on its own line."""
    function = node.child_by_field_name("function")
    field = function.child_by_field_name("field") if function is not None and function.type == "field_expression" \
        else None
    return field if field is not None else node


def _returns_true(view: CodeView, node: Any) -> bool:
    """``(a, b, c, d) => true``, ``delegate { return true; }``, ``(h, s) -> true``."""
    if node.type not in ("lambda_expression", "anonymous_method_expression", "parenthesized_expression"):
        return False
    body = node.child_by_field_name("body") or (node.named_children[-1] if node.named_children else None)
    if body is None:
        return False
    text = " ".join(view.text_of(body).split())
    return text in ("true", "{ return true; }", "{return true;}")


def _hit(view: CodeView, node: Any, what: str) -> Hit:
    return Hit(view.line(node), view.column(node),
               f"{what} turns off TLS certificate verification; anyone on the network path can read and change the "
               "traffic: trust the server's CA instead")
