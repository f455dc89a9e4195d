"""## What it does
Finds logins that look a user up by the password itself, in SQL written in
any language: ``SELECT ... WHERE username = ? AND password = ?`` (also
``$1``, ``%s``, ``:password``, ``@password``, ``{}`` and concatenated or
interpolated values), in SQL blocks and in the strings of Python,
JavaScript/TypeScript, Java, C#, PHP, Go, Ruby and Rust blocks (the query is read as text: inside a
string the host language's parser sees only a string).  A column named for a hash (``password_hash``),
``SET password = ?`` and ``password IS NULL`` are left alone.

## Why is this bad?
A database can only match a password in a ``WHERE`` clause if it stores it
as typed (or as an unsalted hash, which is as good as typed against a
dictionary): whoever reads the table, a backup or a log reads every
user's password, and users reuse their passwords elsewhere.

## Example
```javascript
const user = await db.get("SELECT * FROM users WHERE username = ? AND password = ?", [username, password]);
```

## Use instead
```javascript
const user = await db.get("SELECT * FROM users WHERE username = ?", [username]);
const ok = user && await argon2.verify(user.password_hash, password);
```
Store a password hash (argon2, bcrypt, scrypt), look the user up by name,
and verify the hash in the application.

## References
- [CWE-256: Plaintext Storage of a Password](https://cwe.mitre.org/data/definitions/256.html)
- [OWASP Password Storage Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html)
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from ...model import Hit
from .._text import block_text
from ..registry import rule

# ``WHERE ... password = <a value given at run time>`` (not ``password_hash``, not a column compared with a
# column, not ``password IS NULL``): the row is found by the password as typed.
PASSWORD_MATCH = re.compile(
    r"\bWHERE\b[^;]{0,200}?\b(?:\w+\.)?[`\"]?(?:password|passwd|pwd|pass|user_password|userpassword)[`\"]?\s*=\s*"
    r"(?:\?|\$\d+|%s|%\(\w+\)s|:\w+|@\w+|\{\w*\}|\$\{|\$\w+|'?\s*[\"']\s*(?:\+|\.\s|\|\||%)|'%s'|'\{|'\$|'#\{)",
    re.IGNORECASE | re.DOTALL)


@rule(
    id="DSQ003",
    symbol="password-looked-up-in-sql",
    title="User looked up by the password in SQL (passwords stored as typed)",
    severity="medium",
    cwe=256,
    languages=("python", "javascript", "sql", "java", "csharp", "php", "go", "ruby", "rust"),
    equivalent="none",
    message="finds the user by the password in SQL, so passwords are stored as typed; store a password hash "
            "and verify it in the application",
    use_instead='SELECT * FROM users WHERE username = ?  -- then argon2.verify(user.password_hash, password)',
    triggers=("where",),
    joined_triggers=("password", "passwd", "pwd"),
)
def check(view: Any) -> Iterator[Hit]:
    text, first_row = block_text(view)
    for match in PASSWORD_MATCH.finditer(text):
        line = text.count("\n", 0, match.start()) + 1 - first_row
        shown = re.sub(r"\s+", " ", match.group(0))[-60:]
        yield Hit(max(1, line), 1, f"`...{shown}` finds the user by the password itself, which only works if "
                  "passwords are stored as typed: whoever reads the table reads them all; store a password hash "
                  "(argon2, bcrypt) and verify it after looking the user up by name")
