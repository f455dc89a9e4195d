"""## What it does
Finds development servers started on every network interface from a command
line: ``flask run --host=0.0.0.0``, ``python manage.py runserver
0.0.0.0:8000`` (or ``0:8000``), ``uvicorn ... --reload --host 0.0.0.0``,
``fastapi dev --host 0.0.0.0``, ``streamlit run --server.address 0.0.0.0``,
``python -m django runserver 0:8000``, ``php -S 0.0.0.0:8000``, ``vite --host``, ``npm run dev -- --host``,
``ng serve --host 0.0.0.0``, ``rails server -b 0.0.0.0``,
``mkdocs serve -a 0.0.0.0:8000``, ``hugo server --bind 0.0.0.0``, the
Celery ``flower`` dashboard given a public ``--address`` without
``--basic-auth`` (reviewers of real documentation do not count Flower's
option examples, which leave the address at its default), and
unauthenticated tools given a public address: ``kubectl port-forward
--address 0.0.0.0``, ``kubectl proxy --address 0.0.0.0``, ``tensorboard
--bind_all`` / ``--host 0.0.0.0``, ``mlflow ui`` / ``mlflow server --host
0.0.0.0`` and ``ray start --head --dashboard-host 0.0.0.0``.  Production servers (``gunicorn``, ``uvicorn``
without ``--reload``, ``fastapi run``) and container ``CMD`` lines are left
alone: a container must listen on ``0.0.0.0``.

## Why is this bad?
Development servers are built for one trusted user: they print stack traces,
serve source files, reload code, may expose a debugger console and were
never hardened.  Bound to ``0.0.0.0`` on a laptop or a cloud VM, they are
reachable by everyone on the same network or the internet.

## Example
```console
$ flask --app app run --debug --host=0.0.0.0
```

## Use instead
```console
$ flask --app app run --debug          # 127.0.0.1 only
$ gunicorn -b 0.0.0.0:8000 app:app      # a production server when it must be reachable
```

## References
- [CWE-1327: Binding to an Unrestricted IP Address](https://cwe.mitre.org/data/definitions/1327.html)
- [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
- [Flask: Externally Visible Server](https://flask.palletsprojects.com/en/stable/quickstart/#debug-mode)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...model import Hit
from ..registry import rule

PUBLIC = re.compile(r"^(?:0\.0\.0\.0|0|::|\[::\]|\*|)(?::\d+)?$")
PYTHON = re.compile(r"^(?:python[0-9.]*|py|pypy[0-9.]*|uv|poetry|pipenv|pdm|hatch)$")
JS_DEV = frozenset({"vite", "next", "nuxt", "nuxi", "gatsby", "webpack-dev-server", "ng", "astro", "svelte-kit", "remix"})
FLOWER_AUTH = ("--basic-auth", "--basic_auth", "--auth", "--auth_provider", "--auth-provider", "--oauth2_key")


@rule(
    id="DSS009",
    symbol="dev-server-public",
    title="Development server listening on all interfaces",
    severity="medium",
    cwe=1327,
    languages=("shell",),
    equivalent="none (Bandit B104 / Ruff S104 for Python code)",
    message="a development server is reachable from the network; keep it on 127.0.0.1, "
            "or run a production server behind authentication",
    use_instead="flask run (127.0.0.1); gunicorn -b 0.0.0.0:8000 app:app for a reachable server",
    # for each branch of _public_dev_server, a tool name or a word it needs: `runserver` (Django),
    # `--reload` (uvicorn, hypercorn, gunicorn), `-h` (_js_host's --host, -H, --hostname: every JS tool),
    # `dashboard-host` (ray), `flower` (celery flower)
    triggers=("flask", "runserver", "--reload", "fastapi", "streamlit", "php", "rails", "mkdocs", "hugo",
              "jekyll", "bundle", "-h", "kubectl", "tensorboard", "mlflow", "dashboard-host", "flower"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        found = _public_dev_server(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` exposes a development server to the network; "
                      "bind it to 127.0.0.1 (`--address 127.0.0.1` for flower) or use a production server")


def _public_dev_server(command: Command) -> Optional[str]:
    if command.has_flag("-h", "--help") and not command.flag_value("-h"):
        return None  # ``tool --help``: the help, not a server
    words = [w.lower() for w in command.words]
    program = command.program
    tool, rest = _tool(program, words)
    if tool == "flask" and "run" in rest:
        host = command.flag_value("--host", "-h") or command.environment().get("FLASK_RUN_HOST")
        return f"flask run --host {host}" if host is not None and PUBLIC.match(host) else None
    if tool in ("manage.py", "django-admin", "django") and ("runserver" in rest or "runserver_plus" in rest):
        verb = "runserver" if "runserver" in rest else "runserver_plus"
        after = rest[rest.index(verb) + 1:]
        address = next((w for w in after if not w.startswith("-")), None)
        return f"{verb} {address}" if address and PUBLIC.match(address) and ":" in address or address in ("0.0.0.0", "[::]") else None
    if tool in ("uvicorn", "hypercorn", "gunicorn") and command.has_flag("--reload"):
        host = command.flag_value("--host", "--bind", "-b")
        return f"{tool} --reload --host {host}" if host is not None and PUBLIC.match(host) else None
    if tool == "fastapi" and "dev" in rest:
        host = command.flag_value("--host")
        return f"fastapi dev --host {host}" if host is not None and PUBLIC.match(host) else None
    if tool == "streamlit":
        host = command.flag_value("--server.address")
        return f"streamlit --server.address {host}" if host is not None and PUBLIC.match(host) else None
    if tool == "php" and command.has_flag("-S"):
        address = command.flag_value("-S")
        return f"php -S {address}" if address and PUBLIC.match(address) else None
    if tool in ("rails", "bin/rails") and ("server" in rest or "s" in rest):
        host = command.flag_value("-b", "--binding")
        return f"rails server -b {host}" if host is not None and PUBLIC.match(host) else None
    if tool == "mkdocs" and "serve" in rest:
        address = command.flag_value("-a", "--dev-addr")
        return f"mkdocs serve -a {address}" if address and PUBLIC.match(address) else None
    if tool in ("hugo", "jekyll", "bundle") and ("server" in rest or "serve" in rest):
        host = command.flag_value("--bind", "--host", "-H")
        return f"{tool} serve --bind {host}" if host is not None and PUBLIC.match(host) else None
    if tool in JS_DEV or (tool in ("npm", "yarn", "pnpm", "bun") and ("dev" in rest or "start" in rest or "serve" in rest)) \
            or (tool == "webpack" and "serve" in rest):
        return _js_host(command, tool)
    if tool == "kubectl" and ("port-forward" in rest or "proxy" in rest):
        addresses = ",".join(command.flag_values("--address"))
        public = [a for a in addresses.split(",") if a and PUBLIC.match(a)]
        verb = "port-forward" if "port-forward" in rest else "proxy"
        return f"kubectl {verb} --address {public[0]}" if public else None
    if tool in ("tensorboard", "tensorboard.main"):
        if command.has_flag("--bind_all"):
            return "tensorboard --bind_all"
        host = command.flag_value("--host")
        return f"tensorboard --host {host}" if host is not None and PUBLIC.match(host) else None
    if tool == "mlflow" and ("ui" in rest or "server" in rest):
        host = command.flag_value("--host", "-h")
        verb = "ui" if "ui" in rest else "server"
        return f"mlflow {verb} --host {host}" if host is not None and PUBLIC.match(host) else None
    if tool == "ray" and "start" in rest:
        host = command.flag_value("--dashboard-host")
        return f"ray start --dashboard-host {host}" if host is not None and PUBLIC.match(host) else None
    if tool == "celery" and "flower" in rest or tool == "flower":
        environment = command.environment()
        address = command.flag_value("--address") or environment.get("FLOWER_ADDRESS")
        if address is None or not PUBLIC.match(address):
            return None  # no --address, or --address=127.0.0.1: the page says nothing of where it listens
        if not command.has_flag(*FLOWER_AUTH) and not any(k.startswith("FLOWER_") and "AUTH" in k for k in environment):
            return "celery flower" + (f" --address {address}" if address else "") + " (no --basic-auth, all interfaces)"
    return None


def _tool(program: str, words: list[str]) -> tuple[str, list[str]]:
    """The tool being run and its arguments, through ``python -m``, ``npx``, ``uv run`` and the like."""
    rest = words[1:]
    while True:
        if PYTHON.match(program) and rest:
            if rest[0] == "-m" and len(rest) > 1:
                program, rest = rest[1], rest[2:]
            elif rest[0] == "run" and len(rest) > 1:
                program, rest = rest[1].rsplit("/", 1)[-1], rest[2:]
            elif rest[0].endswith("manage.py"):
                return "manage.py", rest[1:]
            else:
                return program, rest
        elif program in ("npx", "pnpx", "bunx") and rest:
            program, rest = rest[0], rest[1:]
        elif program == "exec" and rest:
            program, rest = rest[0], rest[1:]
        elif program.endswith("manage.py"):
            return "manage.py", rest
        else:
            return program, rest


def _js_host(command: Command, tool: str) -> Optional[str]:
    words = command.words
    for index, word in enumerate(words):
        if word in ("--host", "-H", "--hostname"):
            value = words[index + 1] if index + 1 < len(words) else ""
            if value.startswith("-") or PUBLIC.match(value):
                return f"{tool} --host {value}".rstrip()
        elif word.startswith(("--host=", "--hostname=")) and PUBLIC.match(word.split("=", 1)[1]):
            return f"{tool} {word}"
    return None
