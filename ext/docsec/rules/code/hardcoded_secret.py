"""## What it does
Finds passwords, secret keys, API keys and tokens written into Java, C#, PHP,
Go, Ruby and Rust as literals: variables and constants (``String password =
"..."``, ``const apiKey = "..."``, ``API_TOKEN = "..."``,
``let secret = "..."``), fields and members (``config.Password = "..."``),
keyed values (Go's ``Password: "..."``, PHP's ``'password' => '...'``,
Ruby's ``password: '...'``, C# initializers, Rust's ``Config { token: "..." }``)
and setters given one literal (``setPassword("...")``, ``with_password("...")``).

Names and values are judged by the credentials judgement every language
shares (``languages/credentials.py``, the same as Python's DSP019 and
JavaScript's DSW010): obvious placeholders (``"<your-api-key>"``,
``"changeme"``, ``"xxxx"``, bare words such as ``"password"``) and passwords
that name themselves (``"password-for-30001"``) are left alone.

## Why is this bad?
A secret in an example is copied with the example: a published API key or
signing secret lets anyone use the account or forge sessions, and a copied
database password becomes the production one.

## Example
```go
db, err := sql.Open("postgres", dsn)
cfg := Config{User: "app", Password: "Wint3r-2024!"}
```

## Use instead
```go
cfg := Config{User: "app", Password: os.Getenv("DB_PASSWORD")}
```
Read secrets from the environment or a secret manager
(``System.getenv``, ``Environment.GetEnvironmentVariable``, ``getenv``,
``os.Getenv``, ``ENV.fetch``, ``std::env::var``), and show placeholders such as
``"<your-api-key>"`` when a literal must appear.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
"""

from __future__ import annotations

from typing import Any, Iterator

from ...languages.code import CodeView
from ...languages.credentials import describes_itself, is_secret_name, kind_of, looks_real, shown_kind
from ...model import Hit
from ..registry import rule
from ._values import LANGUAGES

SETTER_PREFIXES = ("set", "with")


@rule(
    id="DSL007",
    symbol="code-hardcoded-secret",
    title="Hard-coded password, secret key or token (Java, C#, PHP, Go, Ruby, Rust)",
    severity="high",
    cwe=798,
    languages=LANGUAGES,
    equivalent="gosec G101, Semgrep/CodeQL hard-coded-credentials queries",
    message="a secret is written into the code; read it from the environment or a secret store",
    use_instead='os.Getenv("DB_PASSWORD"); System.getenv("API_KEY"); ENV.fetch("SECRET_KEY_BASE")',
    # Every name is_secret_name accepts holds one of credentials.SECRET_NAME_HINTS.
    joined_triggers=("pw", "pass", "secret", "token", "cred", "key", "bearer"),
)
def check(view: CodeView) -> Iterator[Hit]:
    seen: set[int] = set()
    candidates = [(name, value) for name, values in view.assignments.items() for value in values]
    candidates += [(key, value) for key, value, _ in view.pairs]
    for call in view.calls:
        short = call.short.lstrip("$")
        if len(call.arguments) == 1 and short.lower().startswith(SETTER_PREFIXES) and is_secret_name(short):
            candidates.append((short, call.arguments[0]))
    for name, value in candidates:
        bare = name.rsplit(".", 1)[-1].lstrip("$@:")
        if is_secret_name(bare):
            yield from _judge(view, bare, value, seen)


def _judge(view: CodeView, name: str, value: Any, seen: set[int]) -> Iterator[Hit]:
    text = view.string_value(value)
    if text is None or value.start_byte in seen:
        return
    kind = kind_of(name)
    if looks_real(text, kind) and not describes_itself(text):
        seen.add(value.start_byte)
        shown = f"\"{text[:3]}...\"" if len(text) > 6 else "\"...\""
        yield Hit(view.line(value), view.column(value),
                  f"`{name}` is given a literal {shown_kind(kind)} ({shown}); read it from the environment or a secret store, "
                  "and show a placeholder such as \"<your-key>\" in docs")
