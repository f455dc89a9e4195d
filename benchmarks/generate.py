"""Write a realistic synthetic documentation tree, deterministic from a seed.

The tree mixes reStructuredText and MyST pages, notebooks (.ipynb) and MyST
text notebooks, prose, and code blocks in many languages; a share of the
blocks are insecure, and some of those are marked as deliberate examples.

    python benchmarks/generate.py OUT_DIR --pages 800 --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

WORDS = ("the server reads configuration from the environment and returns a response "
         "when the client sends a request with a token the handler validates input "
         "before writing records to the database documentation explains each option").split()

SAFE = {
    "python": [
        "import json\n\nwith open(path, encoding='utf-8') as handle:\n    data = json.load(handle)\nprint(data['name'])\n",
        "from dataclasses import dataclass\n\n@dataclass\nclass Point:\n    x: float\n    y: float\n\n    def norm(self) -> float:\n        return (self.x ** 2 + self.y ** 2) ** 0.5\n",
        "import subprocess\n\nresult = subprocess.run(['git', 'status', '--short'], capture_output=True, text=True, check=True)\nfor line in result.stdout.splitlines():\n    print(line)\n",
        "import hashlib\n\ndigest = hashlib.sha256(payload).hexdigest()\nassert len(digest) == 64\n",
        "import yaml\n\nsettings = yaml.safe_load(stream)\nport = settings.get('port', 8080)\n",
        "def fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint([fibonacci(i) for i in range(10)])\n",
    ],
    "pycon": [">>> import math\n>>> math.sqrt(16)\n4.0\n>>> sorted({'b': 1, 'a': 2})\n['a', 'b']\n"],
    "console": ["$ pip install --upgrade mypackage\nCollecting mypackage\nSuccessfully installed mypackage-1.2.3\n$ mypackage --version\nmypackage 1.2.3\n"],
    "bash": ["set -euo pipefail\nfor file in build/*.txt; do\n  wc -l \"$file\"\ndone\n"],
    "yaml": ["apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: web\n          image: example/web:1.0\n          securityContext:\n            runAsNonRoot: true\n"],
    "dockerfile": ["FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nUSER app\nCMD [\"gunicorn\", \"app:app\"]\n"],
    "json": ['{"name": "demo", "version": "1.0.0", "private": true}\n'],
    "text": ["Output is written to build/output.txt and the log to build/log.txt.\n"],
}
INSECURE = {
    "python": [
        "from http.server import HTTPServer, SimpleHTTPRequestHandler\n\nHTTPServer(('0.0.0.0', 8000), SimpleHTTPRequestHandler).serve_forever()\n",
        "import pickle\n\nobj = pickle.loads(request.body)\n",
        "import subprocess\n\nsubprocess.run(f'convert {name} out.png', shell=True)\n",
        "requests.get(url, verify=False)\n",
        "data = yaml.load(open('config.yml'))\n",
    ],
    "console": ["$ curl -fsSL https://get.example.com/install.sh | bash\n", "$ python3 -m http.server 8000\n"],
    "bash": ["chmod -R 777 /var/www\n"],
    "yaml": ["spec:\n  containers:\n    - name: debug\n      securityContext:\n        privileged: true\n"],
    "dockerfile": ["FROM debian\nRUN curl -sSL https://example.com/setup.sh | sh\n"],
}


def prose(rng: random.Random, sentences: int = 3) -> str:
    out = []
    for _ in range(sentences):
        words = rng.choices(WORDS, k=rng.randint(8, 18))
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


def pick_block(rng: random.Random, insecure_share: float) -> tuple[str, str, bool]:
    if rng.random() < insecure_share:
        language = rng.choice(list(INSECURE))
        return language, rng.choice(INSECURE[language]), True
    language = rng.choices(list(SAFE), weights=[40, 8, 12, 8, 6, 5, 5, 6])[0]
    return language, rng.choice(SAFE[language]), False


def myst_page(rng: random.Random, title: str, blocks: int, share: float, marked_share: float) -> str:
    parts = [f"# {title}\n", prose(rng, 4) + "\n"]
    for index in range(blocks):
        language, code, insecure = pick_block(rng, share)
        if index % 3 == 0:
            parts.append(f"## Section {index}\n\n{prose(rng)}\n")
        fence = f"```{language}\n{code}```\n"
        if insecure and rng.random() < marked_share:
            fence = f":::{{insecure-example}}\n:reason: demonstration\n\n{fence}:::\n"
        parts.append(fence)
        parts.append(prose(rng, 2) + "\n")
    return "\n".join(parts)


def rst_page(rng: random.Random, title: str, blocks: int, share: float, marked_share: float) -> str:
    parts = [f"{title}\n{'=' * len(title)}\n", prose(rng, 4) + "\n"]
    for index in range(blocks):
        language, code, insecure = pick_block(rng, share)
        body = "\n".join(("   " + line) if line else "" for line in code.splitlines())
        if language == "python" and rng.random() < 0.3:
            block = f"Example::\n\n{body}\n"
        else:
            block = f".. code-block:: {language}\n\n{body}\n"
        if insecure and rng.random() < marked_share:
            nested = "\n".join(("   " + line) if line else "" for line in block.splitlines())
            block = f".. insecure-example::\n   :reason: demonstration\n\n{nested}\n"
        if index % 3 == 0:
            heading = f"Section {index}"
            parts.append(f"{heading}\n{'-' * len(heading)}\n\n{prose(rng)}\n")
        parts.append(block)
        parts.append(prose(rng, 2) + "\n")
    return "\n".join(parts)


def notebook(rng: random.Random, title: str, blocks: int, share: float) -> str:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": f"# {title}\n\n{prose(rng)}"}]
    for _ in range(blocks):
        language, code, insecure = pick_block(rng, share)
        if language in ("python", "pycon"):
            source = code if language == "python" else "import math\nmath.sqrt(16)\n"
        elif language == "console":
            source = "\n".join("!" + line[2:] for line in code.splitlines() if line.startswith("$ "))
        else:
            source = "print('configuration written')\n"
        tags = ["docsec-insecure"] if insecure and rng.random() < 0.3 else []
        cells.append({"cell_type": "code", "execution_count": None, "metadata": {"tags": tags},
                      "outputs": [{"output_type": "stream", "name": "stdout", "text": "ok\n"}], "source": source})
        cells.append({"cell_type": "markdown", "metadata": {}, "source": prose(rng, 2)})
    return json.dumps({"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                                    "language": "python"}},
                       "nbformat": 4, "nbformat_minor": 5}, indent=1)


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
    for number in range(pages):
        kind = rng.choices(["md", "rst", "ipynb"], weights=[45, 45, 10])[0]
        name = f"page{number:04d}"
        title = f"Page {number}: {' '.join(rng.choices(WORDS, k=3))}"
        blocks = max(1, int(rng.gauss(blocks_per_page, 3)))
        if kind == "md":
            text = myst_page(rng, title, blocks, insecure_share, marked_share)
        elif kind == "rst":
            text = rst_page(rng, title, blocks, insecure_share, marked_share)
        else:
            text = notebook(rng, title, blocks, insecure_share)
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
