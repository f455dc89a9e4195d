"""## What it does
Finds credentials in a recognisable provider format, in any language: AWS
access key ids (``AKIA``/``ASIA`` + 16) and secret access keys (next to
``aws_secret_access_key``), GitHub tokens (``ghp_``, ``gho_``, ``ghu_``,
``ghs_``, ``ghr_``, ``github_pat_``), GitLab (``glpat-``), Slack tokens
(``xoxb-``/``xoxp-``/...) and webhook URLs, Stripe live keys
(``sk_live_``/``rk_live_``), Google API keys (``AIza``), OpenAI and Anthropic
keys (``sk-proj-``, ``sk-ant-api03-``), Hugging Face (``hf_``), npm
(``npm_``), PyPI (``pypi-AgEIcHlwaS5vcmc``), SendGrid (``SG.``), Twilio API
keys (``SK`` + 32 hex) and signed JWTs.

Documented placeholders are left alone: values containing ``EXAMPLE``
(AWS's ``AKIAIOSFODNN7EXAMPLE``), ``xxxx``, ``<...>``, ``your``, ``...``,
six repeated characters, ``123456``/``abcdef`` runs; Stripe test keys
(``sk_test_``); and JWTs whose payload is a well-known sample (jwt.io's
``John Doe``/``1234567890``), mentions ``example``/``test``/``demo``, or is a
Supabase-style public ``anon`` key.

## Why is this bad?
A token in published documentation is public.  Scanners harvest them from
docs sites and repositories within minutes; an AWS, GitHub or OpenAI key
means cloud bills, stolen code or data.  Readers also copy a working token
into their own code.

## Example
```console
$ export GITHUB_TOKEN=ghp_8Vt3kQz7RmX2pLw9NcY4sJhD6fB1aG0eT5uK
```

## Use instead
```console
$ export GITHUB_TOKEN=<your-token>   # or: gh auth token, a secret store
```

Revoke any real token that was published.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
"""

from __future__ import annotations

import base64
import binascii
import re
from typing import Iterator, Optional

from ...languages.text import TextView
from ...model import Hit
from ..registry import rule

# Provider formats; each pattern is linear (no nested quantifiers).
# Each provider's pattern, with the lower-case texts one of which every match holds (in the
# trigger text: lower-cased, NFKC, quotes removed), so a block is searched only for the
# patterns whose text it holds.
TOKENS = (
    ("AWS access key id", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"), ("akia", "asia")),
    ("AWS secret access key", re.compile(
        r"(?i:aws_?secret_?access_?key|secret_?access_?key|SecretAccessKey)[\"']?\s*[:=]\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"),
     ("secret",)),
    ("GitHub token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"), ("ghp_", "gho_", "ghu_", "ghs_", "ghr_")),
    ("GitHub fine-grained token", re.compile(r"\bgithub_pat_[A-Za-z0-9_]{60,}"), ("github_pat_",)),
    ("GitLab token", re.compile(r"\bglpat-[A-Za-z0-9_\-]{20}\b"), ("glpat-",)),
    ("Slack token", re.compile(r"\bxox[abposr]-[0-9]{6,}-[0-9A-Za-z\-]{10,}"), ("xox",)),
    ("Slack webhook", re.compile(r"https://hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/[A-Za-z0-9]{20,}"),
     ("hooks.slack.com",)),
    ("Stripe live key", re.compile(r"\b[sr]k_live_[0-9A-Za-z]{20,}"), ("k_live_",)),
    ("Google API key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}(?![0-9A-Za-z_\-])"), ("aiza",)),
    ("OpenAI key", re.compile(r"\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_\-]{40,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b"),
     ("sk-",)),
    ("Anthropic key", re.compile(r"\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_\-]{80,}"), ("sk-ant-",)),
    ("Hugging Face token", re.compile(r"\bhf_[A-Za-z0-9]{34,}\b"), ("hf_",)),
    ("npm token", re.compile(r"\bnpm_[A-Za-z0-9]{36}\b"), ("npm_",)),
    ("PyPI token", re.compile(r"\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,}"), ("pypi-",)),
    ("SendGrid key", re.compile(r"\bSG\.[A-Za-z0-9_\-]{22}\.[A-Za-z0-9_\-]{43}\b"), ("sg.",)),
    ("Twilio API key", re.compile(r"\bSK[0-9a-f]{32}\b"), tuple(f"sk{digit}" for digit in "0123456789abcdef")),
    ("JWT", re.compile(r"\beyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{20,}"), ("eyj",)),
)
PLACEHOLDER = re.compile(
    r"EXAMPLE|SAMPLE|DUMMY|PLACEHOLDER|REDACTED|x{4}|X{4}|\*{3}|\.\.\.|…|<|>|your|YOUR|(.)\1{5}|0123456|123456|abcdef|ABCDEF",
)
SAMPLE_JWT_PAYLOAD = re.compile(r"John Doe|1234567890|example|test|demo|sample|\"role\"\s*:\s*\"anon\"", re.IGNORECASE)


@rule(
    id="DSC002",
    symbol="cloud-token",
    title="Provider token or API key in an example",
    severity="critical",
    cwe=798,
    languages=("text",),
    triggers=tuple(sorted({text for _, _, texts in TOKENS for text in texts})),
    equivalent="detect-secrets AWSKeyDetector/GitHubTokenDetector/..., gitleaks rules",
    message="a real-format provider token is published in the docs; revoke it and show a placeholder",
    use_instead="export GITHUB_TOKEN=<your-token>",
)
def check(text: TextView) -> Iterator[Hit]:
    # A pattern that matches within a line matches the whole text, so one search of the
    # block rules a pattern out for every line; a pattern whose texts the block lacks needs none.
    lowered = text.trigger_text
    present = [(name, pattern) for name, pattern, texts in TOKENS
               if (lowered is None or any(held in lowered for held in texts)) and pattern.search(text.text)]
    if not present:
        return
    for number, line in enumerate(text.lines, start=1):
        for name, pattern in present:
            found = _real_token(name, pattern, line)
            if found:
                yield Hit(number, 1, f"a {name} (`{found[:8]}…`) is published: anyone can use it; revoke it and "
                          "show a placeholder such as `<your-token>`")
                break


def is_provider_token(value: str) -> bool:
    """Whether ``value`` holds a provider token in its real format (which this rule reports)."""
    return any(pattern.search(value) for _, pattern, _ in TOKENS)


def _real_token(name: str, pattern: re.Pattern, line: str) -> Optional[str]:
    for match in pattern.finditer(line):
        token = match.group(match.lastindex or 0)
        if PLACEHOLDER.search(token) or PLACEHOLDER.search(line[match.end(): match.end() + 3]):
            continue
        if name == "JWT" and _sample_jwt(token):
            continue
        return token
    return None


# Keys documentation signs its sample JWTs with (jwt.io's default, PyJWT's and the RFCs' examples): a token whose
# HMAC signature one of them gives is a demo, whatever its claims say.
PLACEHOLDER_JWT_KEYS = (b"secret", b"your-256-bit-secret", b"your-384-bit-secret", b"your-512-bit-secret", b"key",
                        b"secret-key", b"secret_key", b"my-secret", b"mysecret", b"changeme", b"shhhhh", b"")
HMAC_DIGESTS = {"HS256": "sha256", "HS384": "sha384", "HS512": "sha512"}


def _sample_jwt(token: str) -> bool:
    header, payload, signature = token.split(".")[:3]
    try:
        decoded = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8", "replace")
    except (binascii.Error, ValueError):
        return True
    return not decoded.lstrip().startswith("{") or bool(SAMPLE_JWT_PAYLOAD.search(decoded)) or \
        _signed_with_placeholder(header, payload, signature)


def _signed_with_placeholder(header: str, payload: str, signature: str) -> bool:
    """The token's HMAC signature is that of a placeholder key (computed here: data, nothing run)."""
    import hashlib
    import hmac
    import json

    try:
        algorithm = json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4))).get("alg", "")
    except (binascii.Error, ValueError, AttributeError):
        return False
    digest = HMAC_DIGESTS.get(str(algorithm))
    if digest is None:
        return False
    message = f"{header}.{payload}".encode("ascii", "replace")
    for key in PLACEHOLDER_JWT_KEYS:
        expected = base64.urlsafe_b64encode(hmac.new(key, message, getattr(hashlib, digest)).digest()).rstrip(b"=")
        if hmac.compare_digest(expected.decode("ascii"), signature):
            return True
    return False
