"""## What it does
Finds directory listings switched on: nginx's ``autoindex on``, Apache's
``Options Indexes`` (or ``+Indexes``), and Caddy's ``file_server browse``.

## Why is this bad?
A listing shows every file in the folder, including the ones nobody meant to
publish: backups (``db.sql.gz``), editors' swap files, ``.env`` copies and
old versions of scripts.  Scanners ask for listings of common folders
within hours of a site going up.

## Example
```nginx
location /files/ {
    root /srv/www;
    autoindex on;
}
```

## Use instead
```nginx
location /files/ {
    root /srv/www;
    autoindex off;
    try_files $uri =404;
}
```
Serve known files only, and publish an index page you wrote when readers
need a list.

## References
- [CWE-548: Exposure of Information Through Directory Listing](https://cwe.mitre.org/data/definitions/548.html)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.webserver import WebServerView
from ...model import Hit
from ..registry import rule


@rule(
    id="DSN001",
    symbol="web-directory-listing",
    title="Directory listing switched on (nginx, Apache, Caddy)",
    severity="medium",
    cwe=548,
    languages=("webserver",),
    equivalent="none",
    message="lists the files of a folder to anyone; serve known files only",
    use_instead="autoindex off; Options -Indexes; file_server (without browse)",
    triggers=("autoindex", "indexes", "browse"),
)
def check(view: WebServerView) -> Iterator[Hit]:
    for directive in view.directives:
        name, args = directive.lower, [a.lower() for a in directive.args]
        if view.server == "nginx" and name == "autoindex" and args[:1] == ["on"] or \
                view.server == "apache" and name == "options" and any(a in ("indexes", "+indexes") for a in args) or \
                view.server == "caddy" and name == "file_server" and "browse" in args:
            yield Hit(directive.line, directive.column,
                      f"`{directive.written}` lists every file of the folder to anyone, backups and forgotten "
                      "files included; serve known files only")
