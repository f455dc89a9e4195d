"""Write a realistic synthetic documentation tree, deterministic from a seed.

The tree mixes reStructuredText and MyST pages, notebooks (.ipynb), prose
written the way reference documentation is (cross-references, roles, inline
literals, links, lists, admonitions, version notes, tables) and code blocks in
many languages, composed from parts so that no two pages repeat each other and
few blocks repeat word for word (about 9 %; Django's documentation repeats
1.5 % of its blocks: a tree that repeats more flatters the engine's per-word
caches); a share of the blocks are insecure, and some of those are marked as
deliberate examples.

It is calibrated on the large real tree the speed targets are stated for
(about 760 pages, 6,800 code blocks, 1.6 MB of code, half of it Python,
30 s for a ``sphinx-build -b dummy`` read on a 2-core machine): 800 pages
give about 6,800 blocks and 1.8 MB of code, and per page about as much
markup as Django's documentation holds (9 KB a page).

    python benchmarks/generate.py OUT_DIR --pages 800 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

WORDS = ("the server reads configuration from the environment and returns a response when the client sends "
         "a request with a token the handler validates input before writing records to the database each "
         "option is documented below a model defines fields and methods queries are lazy until evaluated "
         "middleware wraps every view templates render context values settings control caching sessions "
         "and logging deployment requires a process manager tests run against a fresh database").split()
NAMES = ("user", "order", "invoice", "report", "session", "record", "item", "account", "event", "message",
         "payload", "config", "article", "comment", "profile", "ticket", "upload", "job", "task", "entry")
OBJECTS = ("json.loads", "pathlib.Path", "logging.getLogger", "asyncio.run", "functools.cache", "dataclasses.field",
           "typing.Optional", "collections.Counter", "itertools.chain", "contextlib.suppress", "os.environ",
           "re.compile", "datetime.datetime", "urllib.parse.urlsplit", "subprocess.run", "secrets.token_hex")


# Real documentation rarely repeats a block word for word (Django's: 1.5% of its blocks), so most
# names get a qualifier: "pending_invoice", "shared_report".
QUALIFIERS = ("draft", "archived", "pending", "shared", "remote", "local", "cached", "nested", "primary", "legacy",
              "daily", "billing", "customer", "team", "project", "media", "search", "recent", "weekly", "export",
              "imported", "parent", "child", "linked", "monthly", "external", "internal", "queued", "signed", "raw")


def _name(rng: random.Random) -> str:
    name = rng.choice(NAMES)
    return name if rng.random() < 0.2 else f"{rng.choice(QUALIFIERS)}_{name}"


def _class(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _py_function(rng: random.Random) -> str:
    name, other = _name(rng), _name(rng)
    return (f"def load_{name}({name}_id: int, *, strict: bool = False) -> dict:\n"
            f'    """Return the {name} with ``{name}_id`` as a dictionary."""\n'
            f"    row = database.fetch_one(\"SELECT * FROM {name}s WHERE id = ?\", ({name}_id,))\n"
            f"    if row is None:\n"
            f"        raise LookupError(f\"no {name} {{{name}_id}}\")\n"
            f"    result = dict(row)\n"
            f"    result[\"{other}s\"] = [dict(item) for item in database.fetch_all_{other}s({name}_id)]\n"
            f"    return result\n")


def _py_class(rng: random.Random) -> str:
    name = _name(rng)
    cls = _class(name)
    return (f"from dataclasses import dataclass, field\nfrom datetime import datetime\n\n\n"
            f"@dataclass\nclass {cls}:\n    id: int\n    title: str\n"
            f"    created: datetime = field(default_factory=datetime.now)\n    tags: list[str] = field(default_factory=list)\n\n"
            f"    def describe(self) -> str:\n        return f\"{cls} #{{self.id}}: {{self.title}} ({{len(self.tags)}} tags)\"\n")


def _py_model(rng: random.Random) -> str:
    name = _name(rng)
    cls = _class(name)
    return (f"from django.db import models\n\n\nclass {cls}(models.Model):\n"
            f"    title = models.CharField(max_length=200)\n    body = models.TextField(blank=True)\n"
            f"    published = models.DateTimeField(null=True, db_index=True)\n"
            f"    owner = models.ForeignKey(\"auth.User\", on_delete=models.CASCADE, related_name=\"{name}s\")\n\n"
            f"    class Meta:\n        ordering = [\"-published\"]\n\n"
            f"    def __str__(self):\n        return self.title\n")


def _py_view(rng: random.Random) -> str:
    name = _name(rng)
    return (f"from django.shortcuts import get_object_or_404, render\n\n\n"
            f"def {name}_detail(request, pk):\n"
            f"    {name} = get_object_or_404({_class(name)}, pk=pk, owner=request.user)\n"
            f"    return render(request, \"{name}s/detail.html\", {{\"{name}\": {name}}})\n")


def _py_requests(rng: random.Random) -> str:
    name = _name(rng)
    return (f"import requests\n\nresponse = requests.get(\n    \"https://api.example.com/v1/{name}s\",\n"
            f"    params={{\"page\": 2, \"per_page\": 50}},\n    headers={{\"Authorization\": f\"Bearer {{token}}\"}},\n"
            f"    timeout=10,\n)\nresponse.raise_for_status()\nfor {name} in response.json()[\"results\"]:\n"
            f"    print({name}[\"id\"], {name}[\"name\"])\n")


def _py_async(rng: random.Random) -> str:
    name = _name(rng)
    return (f"import asyncio\n\n\nasync def fetch_{name}(client, {name}_id):\n"
            f"    async with client.get(f\"/{name}s/{{{name}_id}}\") as response:\n"
            f"        return await response.json()\n\n\nasync def main(ids):\n"
            f"    async with Session() as client:\n"
            f"        return await asyncio.gather(*(fetch_{name}(client, i) for i in ids))\n")


def _py_cli(rng: random.Random) -> str:
    name = _name(rng)
    return (f"import argparse\nimport logging\nfrom pathlib import Path\n\nlogger = logging.getLogger(__name__)\n\n\n"
            f"def main(argv=None):\n    parser = argparse.ArgumentParser(description=\"Export {name}s\")\n"
            f"    parser.add_argument(\"output\", type=Path)\n    parser.add_argument(\"--limit\", type=int, default=100)\n"
            f"    args = parser.parse_args(argv)\n    rows = export_{name}s(limit=args.limit)\n"
            f"    args.output.write_text(\"\\n\".join(rows), encoding=\"utf-8\")\n"
            f"    logger.info(\"wrote %d {name}s to %s\", len(rows), args.output)\n")


def _py_short(rng: random.Random) -> str:
    name = _name(rng)
    return rng.choice([
        f"import json\n\nwith open(\"{name}.json\", encoding=\"utf-8\") as handle:\n    data = json.load(handle)\nprint(data[\"name\"])\n",
        f"{name}s = sorted({name}s, key=lambda {name}: {name}.created, reverse=True)[:10]\n",
        f"from collections import Counter\n\ncounts = Counter({name}.status for {name} in {name}s)\nprint(counts.most_common(3))\n",
        f"import subprocess\n\nresult = subprocess.run([\"git\", \"log\", \"--oneline\", \"{name}s/\"], capture_output=True, text=True, check=True)\n",
        f"settings = yaml.safe_load(stream)\n{name}_port = settings[\"{name}\"].get(\"port\", 8080)\n",
        f"def count_{name}s(batches):\n    total = 0\n    for batch in batches:\n        total += len(batch.{name}s)\n    return total\n",
    ])


PYTHON = (_py_function, _py_class, _py_model, _py_view, _py_requests, _py_async, _py_cli, _py_short, _py_short)


def _pycon(rng: random.Random) -> str:
    name = _name(rng)
    return (f">>> from myapp.models import {_class(name)}\n>>> {name} = {_class(name)}.objects.get(pk={rng.randint(1, 999)})\n"
            f">>> {name}.title\n'First {name}'\n>>> {name}.tags.count()\n3\n"
            f">>> [t.name for t in {name}.tags.all()]\n['alpha', 'beta', 'gamma']\n")


def _console(rng: random.Random) -> str:
    name = _name(rng)
    return rng.choice([
        f"$ python -m pip install --upgrade {name}-tools\nCollecting {name}-tools\nSuccessfully installed {name}-tools-1.{rng.randint(0, 40)}.{rng.randint(0, 9)}\n",
        f"$ python manage.py makemigrations {name}s\nMigrations for '{name}s':\n  {name}s/migrations/0002_auto.py\n"
        f"$ python manage.py migrate\nOperations to perform:\n  Apply all migrations: {name}s\n",
        f"$ git clone https://github.com/example/{name}.git\n$ cd {name}\n$ python -m venv .venv\n$ . .venv/bin/activate\n",
    ])


def _bash(rng: random.Random) -> str:
    name = _name(rng)
    return (f"set -euo pipefail\nfor file in build/{name}s/*.txt; do\n  wc -l \"$file\"\ndone\n"
            f"tar -czf {name}-backup.tar.gz build/{name}s/\n")


def _yaml(rng: random.Random) -> str:
    name = _name(rng)
    return (f"apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {name}-web\nspec:\n  replicas: 2\n"
            f"  template:\n    spec:\n      containers:\n        - name: web\n          image: example/{name}:1.0\n"
            f"          ports:\n            - containerPort: 8000\n          securityContext:\n"
            f"            runAsNonRoot: true\n            allowPrivilegeEscalation: false\n")


def _dockerfile(rng: random.Random) -> str:
    return (f"FROM python:3.12-slim\nWORKDIR /srv/{_name(rng)}\nCOPY requirements.txt .\n"
            "RUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN useradd --create-home app\n"
            f"USER app\nCMD [\"gunicorn\", \"{_name(rng)}.wsgi:application\", \"--bind\", \"127.0.0.1:8000\"]\n")


def _javascript(rng: random.Random) -> str:
    name = _name(rng)
    return rng.choice([
        f"const express = require(\"express\");\nconst app = express();\n\napp.get(\"/{name}s/:id\", async (req, res) => {{\n"
        f"  const {name} = await db.query(\"SELECT * FROM {name}s WHERE id = $1\", [req.params.id]);\n"
        f"  res.json({name}.rows[0]);\n}});\n\napp.listen({rng.randint(3000, 9000)});\n",
        f"import {{ ref, onMounted }} from \"vue\";\n\nexport function use{_class(name)}s() {{\n  const items = ref([]);\n"
        f"  onMounted(async () => {{\n    const response = await fetch(`/api/{name}s?page=${{page}}`);\n"
        f"    items.value = await response.json();\n  }});\n  return {{ items }};\n}}\n",
        f"document.querySelector(\"#{name}-count\").textContent = String(count);\n"
        f"button.addEventListener(\"click\", () => load{_class(name)}s({rng.randint(1, 50)}));\n",
    ])


def _typescript(rng: random.Random) -> str:
    name, cls = _name(rng), _class(_name(rng))
    return (f"interface {cls} {{\n  id: number;\n  title: string;\n  tags: string[];\n}}\n\n"
            f"export async function load{cls}(id: number): Promise<{cls}> {{\n"
            f"  const response = await fetch(`/api/{name}s/${{id}}`);\n  if (!response.ok) throw new Error(response.statusText);\n"
            f"  return (await response.json()) as {cls};\n}}\n")


def _sql(rng: random.Random) -> str:
    name = _name(rng)
    return rng.choice([
        f"CREATE TABLE {name}s (\n  id SERIAL PRIMARY KEY,\n  title TEXT NOT NULL,\n  created TIMESTAMPTZ DEFAULT now()\n);\n"
        f"CREATE INDEX {name}s_created ON {name}s (created);\n",
        f"SELECT t.name, count(*) AS uses\nFROM {name}_tags AS t\nJOIN {name}s AS p ON p.id = t.{name}_id\n"
        f"WHERE p.published IS NOT NULL\nGROUP BY t.name\nORDER BY uses DESC\nLIMIT {rng.randint(5, 50)};\n",
        f"CREATE ROLE {name}_reader NOLOGIN;\nGRANT SELECT ON {name}s TO {name}_reader;\n",
    ])


def _html(rng: random.Random) -> str:
    name = _name(rng)
    return (f"{{% extends \"base.html\" %}}\n{{% block content %}}\n<h1>{{{{ {name}.title }}}}</h1>\n<ul>\n"
            f"{{% for tag in {name}.tags.all %}}\n  <li>{{{{ tag.name }}}}</li>\n{{% endfor %}}\n</ul>\n{{% endblock %}}\n")


def _rust(rng: random.Random) -> str:
    name, cls = _name(rng), _class(_name(rng))
    return (f"use serde::Deserialize;\n\n#[derive(Debug, Deserialize)]\nstruct {cls} {{\n    id: u64,\n    title: String,\n}}\n\n"
            f"async fn load_{name}(client: &reqwest::Client, id: u64) -> reqwest::Result<{cls}> {{\n"
            f"    client.get(format!(\"https://api.example.com/{name}s/{{id}}\")).send().await?.json().await\n}}\n")


def _terraform(rng: random.Random) -> str:
    name = _name(rng)
    return (f"resource \"aws_s3_bucket\" \"{name}\" {{\n  bucket = \"{name}-assets\"\n}}\n\n"
            f"resource \"aws_s3_bucket_public_access_block\" \"{name}\" {{\n  bucket                  = aws_s3_bucket.{name}.id\n"
            "  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n"
            "  restrict_public_buckets = true\n}\n")


def _powershell(rng: random.Random) -> str:
    name = _name(rng)
    return (f"$items = Get-ChildItem -Path C:\\{name}s -Filter *.log\n"
            f"$items | ForEach-Object {{ Write-Output $_.Name }}\n"
            f"Invoke-WebRequest https://example.com/{name}.zip -OutFile {name}.zip\n")


def _webserver(rng: random.Random) -> tuple[str, str]:
    name = _name(rng)
    return rng.choice([
        ("nginx", f"server {{\n    listen 443 ssl;\n    server_name {name}.example.com;\n    ssl_protocols TLSv1.2 TLSv1.3;\n"
                  f"    location / {{\n        proxy_pass http://127.0.0.1:{rng.randint(3000, 9000)};\n    }}\n}}\n"),
        ("apacheconf", f"<VirtualHost *:443>\n    ServerName {name}.example.com\n    SSLEngine on\n"
                       "    SSLProtocol -all +TLSv1.2 +TLSv1.3\n</VirtualHost>\n"),
        ("caddyfile", f"{name}.example.com {{\n\treverse_proxy localhost:{rng.randint(3000, 9000)}\n\tencode gzip\n}}\n"),
        ("systemd", f"[Unit]\nDescription={name} worker\n\n[Service]\nExecStart=/opt/{name}/bin/worker\nUser={name}\n"
                    "NoNewPrivileges=yes\nProtectSystem=strict\n"),
    ])


def _misc(rng: random.Random) -> tuple[str, str]:
    name = _name(rng)
    return rng.choice([
        ("json", f'{{"name": "{name}", "version": "1.0.0", "private": true, "scripts": {{"build": "vite build"}}}}\n'),
        ("sql", f"SELECT id, title FROM {name}s WHERE published IS NOT NULL ORDER BY published DESC LIMIT 10;\n"),
        ("text", f"Output is written to build/{name}.txt and the log to build/log.txt.\n"),
        ("ini", f"[{name}]\nhost = 127.0.0.1\nport = 8000\nworkers = 4\nlog_level = info\n"),
        ("toml", f"[project]\nname = \"{name}\"\nversion = \"1.0\"\ndependencies = [\"requests>=2.31\"]\n"),
        ("javascript", f"const response = await fetch(`/api/{name}s/${{id}}`);\nconst {name} = await response.json();\n"),
        ("html", f"<label for=\"{name}\">Name</label>\n<input id=\"{name}\" name=\"{name}\" value=\"${{{name}}}\">\n"),
    ])


INSECURE = {
    "python": [
        "from http.server import HTTPServer, SimpleHTTPRequestHandler\n\nHTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler).serve_forever()\n",
        "import pickle\n\nobj = pickle.loads(request.body)\n",
        "import subprocess\n\nsubprocess.run(f'convert {name} out.png', shell=True)\n",
        "requests.get(url, verify=False)\n",
        "data = yaml.load(open('config.yml'))\n",
        "cursor.execute(f\"SELECT * FROM users WHERE name = '{name}'\")\n",
        "import hashlib\n\npassword_hash = hashlib.md5(password.encode()).hexdigest()\n",
        "app.run(host='0.0.0.0', debug=True)\n",
    ],
    "console": ["$ curl -fsSL https://get.example.com/install.sh | bash\n", "$ python3 -m http.server 8000\n"],
    "bash": ["chmod -R 777 /var/www\n"],
    "yaml": ["spec:\n  containers:\n    - name: debug\n      securityContext:\n        privileged: true\n"],
    "dockerfile": ["FROM debian\nRUN curl -sSL https://example.com/setup.sh | sh\n"],
    "javascript": ["const { exec } = require(\"child_process\");\nexec(`convert ${req.query.file} thumb.png`);\n",
                   "el.innerHTML = `<b>${params.get(\"name\")}</b>`;\n",
                   "const agent = new https.Agent({ rejectUnauthorized: false });\n"],
    "sql": ["GRANT ALL PRIVILEGES ON DATABASE shop TO PUBLIC;\n"],
    "rust": ["let client = reqwest::Client::builder().danger_accept_invalid_certs(true).build()?;\n"],
    "terraform": ["resource \"aws_s3_bucket_acl\" \"site\" {\n  bucket = aws_s3_bucket.site.id\n  acl    = \"public-read\"\n}\n"],
    "powershell": ["$password = ConvertTo-SecureString \"Wint3r-2024!\" -AsPlainText -Force\n"],
    "nginx": ["location /files/ {\n    autoindex on;\n}\n"],
    "html": ["<a href=${profileUrl}>Profile</a>\n"],
}
# A line of context before an insecure example, so that the examples do not repeat word for word either.
INSECURE_CONTEXT = {"python": "{name} = load_{name}()\n", "console": "$ cd {name}\n", "bash": "cd /srv/{name}\n",
                    "yaml": "# {name}\n", "dockerfile": "# {name}\n", "javascript": "// {name}\n", "sql": "-- {name}\n",
                    "rust": "// {name}\n", "terraform": "# {name}\n", "powershell": "# {name}\n", "nginx": "# {name}\n",
                    "html": "<!-- {name} -->\n"}
SAFE_LANGUAGES = {"python": 44, "pycon": 10, "console": 12, "bash": 5, "yaml": 6, "dockerfile": 4, "html": 6, "misc": 13,
                  "javascript": 4, "typescript": 2, "sql": 2, "rust": 1, "terraform": 1, "powershell": 1, "webserver": 2}


def pick_block(rng: random.Random, insecure_share: float) -> tuple[str, str, bool]:
    if rng.random() < insecure_share:
        language = rng.choice(list(INSECURE))
        return language, INSECURE_CONTEXT[language].format(name=_name(rng)) + rng.choice(INSECURE[language]), True
    kind = rng.choices(list(SAFE_LANGUAGES), weights=list(SAFE_LANGUAGES.values()))[0]
    if kind == "python":
        parts = rng.choices(PYTHON, k=rng.choice((1, 1, 1, 2)))
        return "python", "\n\n".join(part(rng).rstrip("\n") for part in parts) + "\n", False
    if kind in ("misc", "webserver"):
        language, code = _misc(rng) if kind == "misc" else _webserver(rng)
        return language, code, False
    makers = {"pycon": _pycon, "console": _console, "bash": _bash, "yaml": _yaml, "dockerfile": _dockerfile,
              "html": _html, "javascript": _javascript, "typescript": _typescript, "sql": _sql,
              "rust": _rust, "terraform": _terraform, "powershell": _powershell}
    return ("html+django" if kind == "html" else kind), makers[kind](rng), False


class Markup:
    """Inline and block markup in one of the two syntaxes."""

    def __init__(self, rst: bool) -> None:
        self.rst = rst

    def literal(self, text: str) -> str:
        return f"``{text}``" if self.rst else f"`{text}`"

    def role(self, role: str, target: str) -> str:
        return f":{role}:`{target}`" if self.rst else f"{{{role}}}`{target}`"

    def link(self, text: str, url: str) -> str:
        return f"`{text} <{url}>`_" if self.rst else f"[{text}]({url})"

    def heading(self, text: str, level: int) -> str:
        if self.rst:
            return f"{text}\n{'=-~'[level - 1] * len(text)}\n"
        return f"{'#' * level} {text}\n"

    def label(self, name: str) -> str:
        return f".. _{name}:\n" if self.rst else f"({name})=\n"

    def admonition(self, kind: str, body: str) -> str:
        if self.rst:
            return f".. {kind}::\n\n   " + body.replace("\n", "\n   ") + "\n"
        return f"```{{{kind}}}\n{body}\n```\n"

    def version(self, kind: str, version: str, body: str) -> str:
        if self.rst:
            return f".. {kind}:: {version}\n\n   {body}\n"
        return f"```{{{kind}}} {version}\n{body}\n```\n"

    def table(self, rows: list[tuple[str, str]]) -> str:
        if self.rst:
            lines = [".. list-table::", "   :header-rows: 1", "", "   * - Setting", "     - Meaning"]
            for key, value in rows:
                lines += [f"   * - {self.literal(key)}", f"     - {value}"]
            return "\n".join(lines) + "\n"
        lines = ["| Setting | Meaning |", "|---|---|"] + [f"| {self.literal(k)} | {v} |" for k, v in rows]
        return "\n".join(lines) + "\n"


def sentence(rng: random.Random, markup: Markup, labels: list[str]) -> str:
    words = rng.choices(WORDS, k=rng.randint(9, 20))
    for _ in range(rng.choice((0, 1, 1, 2, 3))):
        position = rng.randrange(len(words))
        kind = rng.random()
        if kind < 0.3:
            words[position] = markup.literal(rng.choice(NAMES) + rng.choice(("_id", ".save()", "s", "_set")))
        elif kind < 0.55:
            words[position] = markup.role(rng.choice(("func", "class", "meth", "mod", "attr")), rng.choice(OBJECTS))
        elif kind < 0.7 and labels:
            words[position] = markup.role("ref", rng.choice(labels))
        elif kind < 0.85:
            words[position] = markup.link(rng.choice(WORDS), f"https://example.com/{rng.choice(NAMES)}/")
        else:
            words[position] = f"*{words[position]}*" if rng.random() < 0.5 else f"**{words[position]}**"
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, markup: Markup, labels: list[str], sentences: int = 4) -> str:
    return " ".join(sentence(rng, markup, labels) for _ in range(rng.randint(sentences - 1, sentences + 1))) + "\n"


def extras(rng: random.Random, markup: Markup, labels: list[str]) -> str:
    choice = rng.random()
    if choice < 0.3:
        return "\n".join(f"* {sentence(rng, markup, labels)}" for _ in range(rng.randint(2, 5))) + "\n"
    if choice < 0.45:
        return markup.admonition(rng.choice(("note", "tip", "warning", "seealso")), paragraph(rng, markup, labels, 2))
    if choice < 0.55:
        return markup.version(rng.choice(("versionadded", "versionchanged")), f"{rng.randint(2, 5)}.{rng.randint(0, 9)}",
                              sentence(rng, markup, labels))
    if choice < 0.62:
        return markup.table([(f"{rng.choice(NAMES).upper()}_{rng.choice(NAMES).upper()}", sentence(rng, markup, labels))
                             for _ in range(rng.randint(2, 5))])
    return paragraph(rng, markup, labels)


def page(rng: random.Random, markup: Markup, number: int, title: str, blocks: int, share: float,
         marked_share: float, labels: list[str]) -> str:
    parts = [markup.label(f"page-{number}"), markup.heading(title, 1), paragraph(rng, markup, labels),
             paragraph(rng, markup, labels)]
    for index in range(blocks):
        language, code, insecure = pick_block(rng, share)
        if index % 3 == 0:
            parts += [markup.label(f"page-{number}-{index}"), markup.heading(f"Section {index}", 2),
                      paragraph(rng, markup, labels)]
        parts.append(extras(rng, markup, labels))
        parts.append(sentence(rng, markup, labels)[:-1] + ":\n")
        parts.append(_code(rng, markup, language, code, insecure and rng.random() < marked_share))
        parts.append(paragraph(rng, markup, labels, 3))
    return "\n".join(parts)


def _code(rng: random.Random, markup: Markup, language: str, code: str, marked: bool) -> str:
    if not markup.rst:
        fence = f"```{language}\n{code}```\n"
        return f":::{{insecure-example}}\n:reason: demonstration\n\n{fence}:::\n" if marked else fence
    body = "\n".join(("   " + line) if line else "" for line in code.splitlines())
    if language == "python" and rng.random() < 0.3:
        block = f"Example::\n\n{body}\n"
    else:
        block = f".. code-block:: {language}\n\n{body}\n"
    if marked:
        nested = "\n".join(("   " + line) if line else "" for line in block.splitlines())
        block = f".. insecure-example::\n   :reason: demonstration\n\n{nested}\n"
    return block


def notebook(rng: random.Random, title: str, blocks: int, share: float, labels: list[str]) -> str:
    markup = Markup(rst=False)
    cells = [_markdown_cell(f"# {title}\n\n{paragraph(rng, markup, labels)}", 0)]
    for _ in range(blocks):
        language, code, insecure = pick_block(rng, share)
        if language in ("python", "pycon"):
            source = code if language == "python" else _py_short(rng)
        elif language == "console":
            source = "\n".join("!" + line[2:] for line in code.splitlines() if line.startswith("$ "))
        else:
            source = _py_short(rng)
        tags = ["docsec-insecure"] if insecure and rng.random() < 0.3 else []
        cells.append({"cell_type": "code", "execution_count": None, "id": f"c{len(cells)}", "metadata": {"tags": tags},
                      "outputs": [{"output_type": "stream", "name": "stdout", "text": "ok\n"}], "source": source})
        cells.append(_markdown_cell(paragraph(rng, markup, labels, 3), len(cells)))
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                    "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1)


def _markdown_cell(source: str, index: int) -> dict:
    return {"cell_type": "markdown", "id": f"m{index}", "metadata": {}, "source": source}


CONF = '''project = "bench"
extensions = {extensions!r}
myst_enable_extensions = ["colon_fence"]
nb_execution_mode = "off"
exclude_patterns = ["_build"]
suppress_warnings = ["misc.highlighting_failure"]
docsec_fail_on = "never"
'''


def generate(out: Path, pages: int, seed: int = 1, blocks_per_page: int = 9,
             insecure_share: float = 0.05, marked_share: float = 0.5) -> dict[str, int]:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "docs").mkdir(parents=True)
    names, counts = [], {"md": 0, "rst": 0, "ipynb": 0}
    labels: list[str] = []  # of earlier pages, so every :ref: resolves
    for number in range(pages):
        kind = rng.choices(["md", "rst", "ipynb"], weights=[45, 45, 10])[0]
        name = f"page{number:04d}"
        title = f"Page {number}: {' '.join(rng.choices(WORDS, k=3))}"
        blocks = max(1, int(rng.gauss(blocks_per_page, 3)))
        if kind == "ipynb":
            text = notebook(rng, title, blocks, insecure_share, labels)
        else:
            text = page(rng, Markup(rst=kind == "rst"), number, title, blocks, insecure_share, marked_share, labels)
            labels.append(f"page-{number}")
        (out / "docs" / f"{name}.{kind}").write_text(text, encoding="utf-8")
        names.append(name)
        counts[kind] += 1
    toctree = "\n".join(names)
    (out / "docs" / "index.md").write_text(f"# Bench\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8")
    for variant, extensions in (("with", ["myst_nb", "docsec"]), ("without", ["myst_nb"])):
        (out / f"conf_{variant}").mkdir()
        (out / f"conf_{variant}" / "conf.py").write_text(CONF.format(extensions=extensions), encoding="utf-8")
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=800)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = generate(args.out, args.pages, args.seed)
    print(f"wrote {sum(counts.values())} pages to {args.out}: {counts}")


if __name__ == "__main__":
    main()
