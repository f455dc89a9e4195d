"""## What it does
Finds real-looking secrets typed on a command line: exported or prefixed
variables named like a secret (``export AWS_SECRET_ACCESS_KEY=...``,
``GITHUB_TOKEN=... cmd``, PowerShell ``$env:API_KEY = "..."``), password or
token options with a value (``--password=...``, ``--token ...``,
``mysql -p<password>``, ``docker login -p ...``, ``sshpass -p ...``,
``redis-cli -a ...``, ``ldapsearch -w ...``, ``sqlcmd -P ...``, ``zip -P ...``,
``7z -p<password>``, ``twine upload -p ...``, ``keytool -storepass ...``,
``openssl ... -passout pass:...``), passwords given as plain arguments
(``htpasswd -b FILE USER PASSWORD``, ``mosquitto_passwd -b``,
``rabbitmqctl add_user USER PASSWORD``, ``vault login TOKEN``,
``net user NAME PASSWORD /add``), ``curl -u user:password``, HTTPie's ``http -a user:password``,
``Authorization``/``X-API-Key`` headers, and secret-named settings inside
option values: ``helm install --set auth.password=...`` (also
``--set-string``, comma-separated lists), ``terraform apply -var
'db_password=...'``, ``ansible-playbook -e 'api_token=...'``,
``docker run -e DB_PASSWORD=...``, ``--build-arg``, ``gcloud run deploy
--set-env-vars``, ``kubectl create secret --from-literal=password=...``, and passwords or
tokens inside URLs (``git clone https://user:TOKEN@host/repo.git``,
``pip install --index-url https://user:PASSWORD@host/simple``).  Placeholders are left alone:
``$TOKEN``, ``${TOKEN}``, ``"$(cat token.txt)"``, ``<token>``,
``your-token``, ``xxxx``, ``...``, ``changeme``, plain words such as
``password``, and prompting forms (``-p`` alone, ``--password-stdin``).

## Why is this bad?
A value typed on the command line is stored in the shell history, shown to
every local user by ``ps`` and ``/proc/*/cmdline``, and often ends up in CI
logs.  In documentation it also publishes the secret itself, and readers
copy the pattern into their own scripts.

## Example
```console
$ docker login -u ci-bot -p 9f8e7d6c5b4a3210 registry.example.com
$ export AWS_SECRET_ACCESS_KEY=Zx8pQ2vN7rT1mK4sL9wB3yH6jD0fG5cA2eR8uI1o
```

## Use instead
```console
$ cat ~/.registry-token | docker login -u ci-bot --password-stdin registry.example.com
$ export AWS_SECRET_ACCESS_KEY="$(pass show aws/secret)"   # or read -s, or a credentials file
```

## References
- [CWE-214: Invocation of Process Using Visible Sensitive Information](https://cwe.mitre.org/data/definitions/214.html)
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from ...languages.shell import Command, ShellView
from ...languages.text import NOT_A_SECRET, looks_like_secret, names_a_secret
from ...model import Hit
from ..registry import rule

SECRET_OPTION = re.compile(r"^--?[\w.-]*(?:password|passwd|secret|token|api-?key|apikey|access-key|auth-key"
                           r"|storepass|keypass|pin|so-pin|puk|passcode)$", re.I)  # (keytool's -storepass, pkcs11-tool's --pin)
# Programs whose -p (attached, mysql) or -p/-a VALUE means a password.
ATTACHED_PASSWORD = frozenset({"mysql", "mysqldump", "mysqladmin", "mariadb", "mariadb-dump", "mysqlimport",
                               "7z", "7za", "7zz"})
SHORT_PASSWORD = {"sshpass": "-p", "redis-cli": "-a", "docker": "-p", "podman": "-p", "nerdctl": "-p", "helm": "-p",
                  "mongo": "-p", "mongosh": "-p", "smbclient": "-U", "twine": "-p", "sqlcmd": "-P", "bcp": "-P",
                  "zip": "-P", "unzip": "-P", "ldapsearch": "-w", "ldapadd": "-w", "ldapmodify": "-w",
                  "ldapdelete": "-w", "ldappasswd": "-w", "ldapwhoami": "-w", "influx": "-p"}
# Programs that take the password as a plain argument: the program (and the flag or subcommand that
# says a password follows) → which argument holds it, counted from the end (htpasswd -b FILE USER PASSWORD).
POSITIONAL_PASSWORD = {("htpasswd", "-b"): -1, ("mosquitto_passwd", "-b"): -1, ("rabbitmqctl", "add_user"): -1,
                       ("rabbitmqctl", "change_password"): -1, ("vault", "login"): -1, ("net", "user"): -1}
PASS_ARGUMENT = re.compile(r"^pass:(.+)$")  # openssl's -passin/-passout/-pass pass:VALUE
# Options whose value is one or more NAME=VALUE settings (helm's dotted paths, comma or blank separated).
SETTING_OPTIONS = ("--set", "--set-string", "--set-literal", "-e", "--env", "--build-arg", "--set-env-vars",
                   "--update-env-vars", "--env-vars", "--from-literal", "--conf", "-var", "--var", "--extra-vars",
                   "--parameter-overrides", "--parameters", "--config", "--build-env")
FILE_NAME = re.compile(r"\.(?:ipynb|py|txt|json|ya?ml|toml|cfg|ini|md|rst|html|csv|pem|key|crt|sh)$|^[./~]", re.I)
PAIR_SPLIT = re.compile(r"[,\s]+(?=[\w.\[\]-]+=)")
URL_CREDENTIALS = re.compile(r"\b([a-z][a-z0-9+.-]*://)([^:/@\s]+):([^@/\s]+)@", re.IGNORECASE)
HEADER = re.compile(r"^(?:authorization\s*:\s*(?:bearer|token|basic)\s+|(?:x-)?api-?key\s*:\s*|private-token\s*:\s*)(\S+)",
                    re.IGNORECASE)


@rule(
    id="DSS008",
    symbol="secret-on-command-line",
    title="Secret value typed on the command line",
    severity="high",
    cwe=214,
    languages=("shell",),
    equivalent="none (gitleaks/detect-secrets for the value itself)",
    message="a secret value is on the command line, where history, `ps` and logs keep it; "
            "read it from a file, a prompt or a secret store",
    use_instead="docker login --password-stdin < token.txt; export TOKEN=\"$(pass show service/token)\"",
    # SECRET_NAME (languages.text) and SECRET_OPTION literals and the program names the checks accept
    triggers=("secret", "token", "passw", "pwd", "key", "credential", "-pin", "-puk", "passcode", "mysql", "mariadb", "sshpass",
              "redis-cli", "docker", "podman", "nerdctl", "helm", "mongo", "curl", "http", "wget", "smbclient", "://",
              "twine", "sqlcmd", "bcp", "zip", "ldap", "influx", "7z", "openssl", "rabbitmqctl", "vault", "net"),
)
def check(shell: ShellView) -> Iterator[Hit]:
    for setting in shell.settings:
        if names_a_secret(setting.name) and looks_like_secret(setting.value, 8):
            yield Hit(setting.line, 1, f"`{setting.name}=` is set to a literal secret, which the shell history and "
                      "the docs keep; read it from a secret store or a file (\"$(cat ...)\") or a prompt (read -s)")
    for command in shell.all_commands:
        found = _secret_argument(command)
        if found:
            yield Hit(command.line, 1, f"`{found}` puts a secret on the command line, where history, `ps` and logs "
                      "keep it; use --password-stdin, a prompt, or a credentials file")


def _secret_argument(command: Command) -> Optional[str]:
    program, words = command.program, command.words
    for index, word in enumerate(words[1:], start=1):
        if not word.startswith("-"):
            continue  # both checks below look at options only
        option, equals, value = word.partition("=")
        if SECRET_OPTION.match(option) and not NOT_A_SECRET.search(option):
            if not equals:
                value = words[index + 1] if index + 1 < len(words) else ""
                if FILE_NAME.search(value):
                    continue  # ``voila --token notebook.ipynb``: a flag without a value, then a file
            if looks_like_secret(value):
                return f"{option} {_redact(value)}"
        if program in ATTACHED_PASSWORD and word.startswith("-p") and len(word) > 2 and looks_like_secret(word[2:], 4):
            return f"{program} -p{_redact(word[2:])}"
        if program == "openssl" and option in ("-passin", "-passout", "-pass", "-password") and index + 1 < len(words):
            passed = PASS_ARGUMENT.match(words[index + 1])
            if passed and looks_like_secret(passed.group(1), 4):
                return f"openssl {option} pass:{_redact(passed.group(1))}"
    positional = _positional_password(command)
    if positional:
        return positional
    for value in command.flag_values(*SETTING_OPTIONS):
        for pair in PAIR_SPLIT.split(value):
            name, equals, secret = pair.partition("=")
            leaf = re.split(r"[.\[\]]+", name.strip("[]"))[-1] if name else ""
            if equals and names_a_secret(leaf) and looks_like_secret(secret, 8):
                return f"{name}={_redact(secret)}"
    short = SHORT_PASSWORD.get(program)
    if short and short != "-U":
        password = command.flag_value(short)
        if password and looks_like_secret(password, 4) and (program != "docker" or command.subcommand == "login"):
            return f"{program} {short} {_redact(password)}"
    if program in ("curl", "http", "https", "wget", "smbclient", "xh") or short == "-U":
        flags = ("-a", "--auth") if program in ("http", "https", "xh") else ("-u", "--user", "-U", "--http-password",
                                                                            "--password")
        credentials = command.flag_value(*flags)
        if credentials and ":" in credentials and looks_like_secret(credentials.split(":", 1)[1], 4):
            return f"{program} -u {credentials.split(':', 1)[0]}:{_redact(credentials.split(':', 1)[1])}"
        for header in command.flag_values("-H", "--header"):
            match = HEADER.match(header)
            if match and looks_like_secret(match.group(1), 12):
                return f"-H '{header.split(':', 1)[0]}: {_redact(match.group(1))}'"
    return _secret_header(words) or _url_credentials(words)


# A ``Name: value`` (or ``Name:value``) argument: an HTTP header or object metadata, in any program
# (``swift post -m "Temp-URL-Key:b396..."``, ``http GET url X-Auth-Token:4f9c...``, ``--header "X-Vault-Token: s.x"``).
HEADER_PAIR = re.compile(r"^([A-Za-z][\w-]*)\s*:=?\s*(?:(?:bearer|token|basic)\s+)?(\S+)$", re.IGNORECASE)


def _secret_header(words: tuple[str, ...]) -> Optional[str]:
    for word in words[1:]:
        match = HEADER_PAIR.match(word.partition("=")[2] if word.startswith("-") and "=" in word else word)
        if not match or "://" in word:
            continue
        name, value = match.group(1), match.group(2)
        if (names_a_secret(name) or name.lower() == "authorization") and looks_like_secret(value, 12):
            return f"{name}: {_redact(value)}"
    return None


def _positional_password(command: Command) -> Optional[str]:
    """``htpasswd -b FILE USER PASSWORD``, ``rabbitmqctl add_user USER PASSWORD``, ``vault login TOKEN``,
    ``net user NAME PASSWORD /add``."""
    for (program, marker), position in POSITIONAL_PASSWORD.items():
        if command.program != program:
            continue
        if marker.startswith("-") and not any(w.startswith("-") and not w.startswith("--") and marker[1] in w[1:]
                                              for w in command.words[1:]):
            continue  # (``htpasswd -cb``: -b among combined letters)
        if not marker.startswith("-") and command.subcommand != marker:
            continue
        plain = [w for w in command.words[1:] if not w.startswith(("-", "/"))]
        minimum = 2 if marker.startswith("-") else 3  # (a file or subcommand, then the user)
        if program == "vault":
            minimum = 2  # vault login TOKEN
        if len(plain) >= minimum and looks_like_secret(plain[position], 4) and plain[position] != "*":
            return f"{program} {marker} … {_redact(plain[position])}"
    return None


def _url_credentials(words: tuple[str, ...]) -> Optional[str]:
    """A password or token inside a URL (``git clone https://user:token@host/...``)."""
    for word in words[1:]:
        match = URL_CREDENTIALS.search(word.partition("=")[2] if word.startswith("-") else word)
        if match and looks_like_secret(match.group(3), 6):
            return f"{match.group(1)}{match.group(2)}:{_redact(match.group(3))}@"
    return None


def _redact(value: str) -> str:
    return value[:3] + "…" if len(value) > 6 else "…"
