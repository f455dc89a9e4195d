"""What the tree-sitter grammars and the web server readers cost: wheel and installed sizes, import time,
parse time.

    python benchmarks/grammars.py [--wheels DIR] [--repeat 5]

``--wheels`` names a folder of downloaded wheels (``pip download --no-deps -d DIR
tree-sitter tree-sitter-javascript ...``) whose sizes are listed; the installed
size is the size of each package's folder in this interpreter's site-packages.
Import time is measured in a fresh interpreter per grammar (``import tree_sitter``,
of the module and ``Language(module.language())``), bare and after
``docsec.core.engine`` (which has loaded what the binding shares with docsec), the
median of ``--repeat`` runs.  Parse time is the median time to parse a typical
documentation block of the language, already loaded.  Measurements, not tests.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import statistics
import subprocess
import sys
import time
from pathlib import Path

GRAMMARS = {
    "tree_sitter_javascript": ("language", "const res = await fetch(`/api/users/${id}`);\n"
                               "const user = await res.json();\n"
                               "document.querySelector('#name').textContent = user.name;\n"),
    "tree_sitter_typescript": ("language_typescript",
                               "interface User { id: number; name: string }\n"
                               "export async function load(id: number): Promise<User> {\n"
                               "  const res = await fetch(`/api/users/${id}`);\n  return res.json();\n}\n"),
    "tree_sitter_java": ("language", "String q = \"SELECT * FROM users WHERE id = ?\";\n"
                         "PreparedStatement st = conn.prepareStatement(q);\nst.setInt(1, id);\n"),
    "tree_sitter_c_sharp": ("language", "using var conn = new SqlConnection(cs);\n"
                            "var cmd = new SqlCommand(\"SELECT 1\", conn);\nconn.Open();\n"),
    "tree_sitter_php": ("language_php", "<?php\n$stmt = $pdo->prepare('SELECT * FROM users WHERE id = ?');\n"
                        "$stmt->execute([$id]);\n"),
    "tree_sitter_ruby": ("language", "user = User.find(params[:id])\nputs user.name\n"),
    "tree_sitter_go": ("language", "package main\n\nfunc main() {\n\trows, err := db.Query(\"SELECT 1\")\n"
                       "\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tdefer rows.Close()\n}\n"),
    "tree_sitter_rust": ("language", "fn main() {\n    let client = reqwest::Client::new();\n"
                         "    println!(\"{:?}\", client);\n}\n"),
    "tree_sitter_sql": ("language", "SELECT id, title FROM posts WHERE published IS NOT NULL\n"
                        "ORDER BY published DESC LIMIT 10;\n"),
    "tree_sitter_hcl": ("language", "resource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"my-logs\"\n}\n"),
    "tree_sitter_powershell": ("language", "$items = Get-ChildItem -Path C:\\logs -Filter *.log\n"
                               "$items | ForEach-Object { Write-Output $_.Name }\n"),
    "tree_sitter_bash": ("language", "cd /srv/app && pip install -r requirements.txt\n"),
}
# The web server readers that are not tree-sitter grammars: module to import -> (server, a typical block).
READERS = {
    "crossplane.lexer": ("nginx", "server {\n    listen 443 ssl;\n    ssl_protocols TLSv1.2 TLSv1.3;\n"
                                  "    location / {\n        proxy_pass http://127.0.0.1:8000;\n    }\n}\n"),
    "apacheconfig": ("apache", "<VirtualHost *:443>\n    ServerName example.com\n    SSLEngine on\n"
                               "    SSLProtocol -all +TLSv1.2 +TLSv1.3\n</VirtualHost>\n"),
    "docsec.languages.webserver": ("caddy", "example.com {\n\treverse_proxy localhost:8000\n\tencode gzip\n}\n"),
}
IMPORT_READER = """
import time{prelude}
start = time.perf_counter()
import {module}
print(time.perf_counter() - start)
"""
IMPORT_ONE = """
import time, importlib{prelude}
start = time.perf_counter()
import tree_sitter
module = importlib.import_module({module!r})
tree_sitter.Language(getattr(module, {function!r})())
print(time.perf_counter() - start)
"""
AFTER_DOCSEC = ", docsec.core.engine"  # what `docsec check` has imported before it meets a block
IMPORT_BINDING = "import time\nstart = time.perf_counter()\nimport tree_sitter\nprint(time.perf_counter() - start)\n"


def fresh(code: str, repeat: int) -> float:
    runs = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
            for _ in range(repeat)]
    return statistics.median(runs)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, help="folder of downloaded wheels to list the sizes of")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import tree_sitter

    site = Path(tree_sitter.__file__).parent.parent
    wheels = {}
    if args.wheels:
        for wheel in sorted(args.wheels.glob("*.whl")):
            wheels[wheel.name.split("-")[0].lower()] = wheel.stat().st_size
    print("| package | wheel KB | installed KB | import + load ms, bare | the same after docsec's engine | "
          "parse of a typical block µs |")
    print("|---|---:|---:|---:|---:|---:|")
    binding = fresh(IMPORT_BINDING, args.repeat)
    print(f"| tree_sitter (binding alone) | {wheels.get('tree_sitter', 0) / 1000:,.0f} | "
          f"{folder_size(site / 'tree_sitter') / 1000:,.0f} | {binding * 1000:.1f} | | |")
    total_wheel, total_installed = wheels.get("tree_sitter", 0), folder_size(site / "tree_sitter")
    for module, (function, sample) in GRAMMARS.items():
        if importlib.util.find_spec(module) is None:
            print(f"| {module} | {wheels.get(module, 0) / 1000:,.0f} | not installed | | | |")
            total_wheel += wheels.get(module, 0)
            continue
        loaded = fresh(IMPORT_ONE.format(module=module, function=function, prelude=""), args.repeat)
        after = fresh(IMPORT_ONE.format(module=module, function=function, prelude=AFTER_DOCSEC), args.repeat)
        language = tree_sitter.Language(getattr(importlib.import_module(module), function)())
        ts_parser = tree_sitter.Parser(language)
        source = sample.encode()
        runs = []
        for _ in range(max(args.repeat, 5) * 20):
            start = time.perf_counter()
            ts_parser.parse(source)
            runs.append(time.perf_counter() - start)
        installed = folder_size(site / module)
        total_wheel += wheels.get(module, 0)
        total_installed += installed
        print(f"| {module} | {wheels.get(module, 0) / 1000:,.0f} | {installed / 1000:,.0f} | "
              f"{loaded * 1000:.1f} | {after * 1000:.1f} | {statistics.median(runs) * 1e6:.0f} |")
    print(f"| total | {total_wheel / 1000:,.0f} | {total_installed / 1000:,.0f} | | | |")
    print()
    print("| web server reader | wheel KB | installed KB | import ms, bare | the same after docsec's engine | "
          "read of a typical block µs |")
    print("|---|---:|---:|---:|---:|---:|")
    from docsec.languages.webserver import build_webserver_view

    for module, (server, sample) in READERS.items():
        top = module.split(".")[0]
        if importlib.util.find_spec(top) is None:
            print(f"| {module} | {wheels.get(top, 0) / 1000:,.0f} | not installed | | | |")
            continue
        loaded = fresh(IMPORT_READER.format(module=module, prelude=""), args.repeat)
        after = fresh(IMPORT_READER.format(module=module, prelude=AFTER_DOCSEC), args.repeat)
        runs = []
        for _ in range(max(args.repeat, 5) * 20):
            start = time.perf_counter()
            build_webserver_view(sample, server)
            runs.append(time.perf_counter() - start)
        installed = folder_size(site / top) if (site / top).is_dir() else 0
        wheel = wheels.get(top, 0) / 1000 if top != "docsec" else 0
        print(f"| {module} ({server}) | {wheel:,.0f} | {installed / 1000:,.0f} | {loaded * 1000:.1f} | {after * 1000:.1f} | "
              f"{statistics.median(runs) * 1e6:.0f} |")


if __name__ == "__main__":
    main()
