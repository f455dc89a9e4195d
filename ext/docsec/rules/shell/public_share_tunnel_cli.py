"""## What it does
Finds commands that publish a local port to the whole internet with no
login in front: ``ngrok http 8000`` (and ``ngrok tcp``) without
``--basic-auth``/``--oauth``/``--oidc``/a traffic policy, Cloudflare's quick
tunnels (``cloudflared tunnel --url http://localhost:8000``), localtunnel
(``lt --port 8000``, ``npx localtunnel --port 8000``), SSH reverse tunnels to
public relays (``ssh -R 80:localhost:8000 serveo.net`` / ``localhost.run``)
and Gradio's ``--share``.  The same in Python is DSP073's.

## Why is this bad?
The tunnel's URL is public: anyone who finds or guesses it reaches the
development server, notebook or admin page behind it, which was written to
be reached only from this machine.

## Example
```console
$ jupyter lab --no-browser --port 8888 &
$ ngrok http 8888
```

## Use instead
```console
$ ngrok http 8888 --oauth=google --oauth-allow-email=me@example.com
```
Put a login in front of the tunnel (ngrok's ``--basic-auth``/``--oauth``,
Cloudflare Access on a named tunnel), or share the port over SSH with the
people who need it.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [ngrok: securing your tunnels](https://ngrok.com/docs/secure-tunnels/)
"""

from __future__ import annotations

from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

NGROK_AUTH = ("--basic-auth", "--oauth", "--oidc", "--traffic-policy-file", "--policy-file", "--auth",
              "--mutual-tls-cas", "--webhook-verification")
PUBLIC_RELAYS = ("serveo.net", "localhost.run", "pinggy.io", "a.pinggy.io")


@rule(
    id="DSS018",
    symbol="public-share-tunnel-cli",
    title="Local port published to the internet through a tunnel with no login",
    severity="medium",
    cwe=284,
    languages=("shell",),
    equivalent="none",
    message="publishes a local port on a public URL with no login; add the tunnel's authentication or keep it local",
    use_instead="ngrok http 8000 --oauth=google --oauth-allow-email=me@example.com",
    triggers=("ngrok", "cloudflared", "localtunnel", "lt", "serveo", "localhost.run", "pinggy", "--share"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        found = _tunnel(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` publishes the port on a public URL, so anyone with the link "
                      "reaches what was written for this machine only; add a login (`--oauth`, `--basic-auth`, "
                      "Cloudflare Access) or keep it local")


def _tunnel(command: Command) -> Optional[str]:
    program, words = command.program, command.words
    if program == "ngrok" and command.subcommand in ("http", "tcp", "tls"):
        if any(word.startswith(NGROK_AUTH) for word in words[1:]):
            return None
        return f"ngrok {command.subcommand}"
    if program == "cloudflared" and "tunnel" in words[1:3] and command.has_flag("--url"):
        return "cloudflared tunnel --url"
    if program in ("lt", "localtunnel") or (program in ("npx", "pnpx") and "localtunnel" in words[1:3]):
        return f"{program} --port" if program != "npx" else "npx localtunnel"
    if program == "ssh" and command.flag_value("-R") and any(relay in word for word in words for relay in PUBLIC_RELAYS):
        return "ssh -R ... " + next(w for w in words if any(r in w for r in PUBLIC_RELAYS))
    if program == "gradio" and command.has_flag("--share"):
        return "gradio --share"
    return None
