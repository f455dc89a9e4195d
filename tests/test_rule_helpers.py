"""Helpers the rules share, against their plain definitions."""

from __future__ import annotations

import random
import re

from docsec.rules.python._secret_heuristics import words


def test_words_split_names_as_the_plain_definition_does() -> None:
    camel = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")

    def plain(identifier: str) -> list[str]:  # the tail after the last separator, each alphanumeric run split
        tail = re.split(r"[.\[\]'\"]+", identifier.strip(".[]'\""))[-1] if identifier else ""
        return [part.lower() for chunk in re.split(r"[^A-Za-z0-9]+", tail) for part in camel.findall(chunk)]

    generator = random.Random(5)
    for _ in range(20000):
        identifier = "".join(generator.choice("aBz9_.[]'\"-\u00e9 \u0131\u017fKxY0") for _ in range(generator.randint(0, 12)))
        assert words(identifier) == plain(identifier), identifier
    assert words("app.config['SECRET_KEY']") == ["secret", "key"] and words("dbPassword2") == ["db", "password", "2"]


def test_secret_and_password_names_as_the_plain_definition_does() -> None:
    from docsec.languages import credentials as h

    def plain_secret(identifier: str) -> bool:
        parts = h.words(identifier)
        if any(a == "cookie" and b == "secret" for a, b in zip(parts, parts[1:])):
            return True
        if not parts or any(p in h.META_WORDS for p in parts):
            return False
        return (any(p in h.PASSWORD_WORDS or p in h.SECRET_WORDS for p in parts) or h._names_key(parts)
                or "".join(parts) in h.SECRET_WORDS or glued(parts))

    def glued(parts: list[str]) -> bool:  # ``bindpass``, ``rootpw``: a password word run onto a name
        last = parts[-1] if parts else ""
        return any(last.endswith(w) and len(last) >= len(w) + 2 and last[:-len(w)].isalpha()
                   for w in ("password", "passwd", "pass", "pwd", "pw")) and last not in h.NOT_PASSWORD_ENDINGS

    def plain_password(identifier: str) -> bool:
        parts = h.words(identifier)
        return (any(p in h.PASSWORD_WORDS for p in parts) or glued(parts)) and not any(p in h.META_WORDS for p in parts)

    vocabulary = ["cookie", "secret", "key", "keys", "api", "to", "ken", "pass", "word", "url", "db", "Token",
                  "PASSWORD", "x", "2", "auth", "session", "name", "pw", "Pwd", "cred", "ential", "s", "bear", "er",
                  "\u00e9", "\u017f"]
    generator = random.Random(11)
    for _ in range(20000):
        identifier = generator.choice(["", "_", ".", "['", "-"]).join(
            generator.choice(vocabulary) for _ in range(generator.randint(0, 4)))
        assert h.is_secret_name(identifier) == plain_secret(identifier), identifier
        assert h.is_password_name(identifier) == plain_password(identifier), identifier
    # (the fast "no hint, no secret" answer holds only while every word has a hint in it)
    assert all(h.SECRET_NAME_HINTS.search(word) for word in h.SECRET_OR_PASSWORD_WORDS | h.KEY_WORDS)


def test_every_cloud_token_match_holds_one_of_its_pattern_texts() -> None:
    """DSC002 searches a block only for the patterns whose texts its trigger text holds: on
    matches built for each pattern (with letters a case-insensitive pattern reads as ASCII,
    and quotes around them), and on every rule example, a pattern that matches the text
    always has one of its texts in the trigger text."""
    from pathlib import Path

    from docsec.languages.text import TextView
    from docsec.rules.secrets.cloud_token import TOKENS, check

    samples = [
        "AKIA" + "Q" * 16, "ASIA" + "Z7" * 8, "aws_secret_access_key = " + "a/B+" * 10,
        "\u017fecret_acce\u017f\u017f_\u212aey: '" + "x9" * 20 + "'",  # ſ and the Kelvin sign: (?i) reads s, k
        "SecretAccessKey=\"" + "Q" * 40 + "\"", "ghp_" + "a1" * 18, "github_pat_" + "b" * 60,
        "glpat-" + "c" * 20, "xoxb-123456-abcdefghij", "https://hooks.slack.com/services/TABCDEF1/BABCDEF1/" + "d" * 20,
        "rk_live_" + "e" * 20, "AIza" + "f" * 35, "sk-proj-" + "g" * 40, "sk-" + "h" * 20 + "T3BlbkFJ" + "i" * 20,
        "sk-ant-api03-" + "j" * 80, "hf_" + "k" * 34, "npm_" + "l" * 36, "pypi-AgEIcHlwaS5vcmc" + "m" * 50,
        "SG." + "n" * 22 + "." + "o" * 43, "SK" + "0f" * 16, "eyJ" + "p" * 10 + ".eyJ" + "q" * 10 + "." + "r" * 20,
    ]
    examples = [path.read_text(encoding="utf-8")
                for path in (Path(__file__).resolve().parents[1] / "ext" / "docsec" / "rules").glob("*/examples/*/*")]
    matched = set()
    for text in samples + [f'token = "{sample}"' for sample in samples] + examples:
        lowered = TextView(text).trigger_text
        for name, pattern, texts in TOKENS:
            if pattern.search(text):
                matched.add(name)
                assert lowered is None or any(held in lowered for held in texts), (name, text)
    assert matched == {name for name, _, _ in TOKENS}
    assert [hit.line for hit in check(TextView("aws_secret_access_key = " + "a/B9" * 10))] == [1]


def test_hardcoded_secret_reads_the_short_name_of_every_call_it_could_use() -> None:
    """DSP019 skips a call whose short name, read from the callee without resolving the block's
    calls, is none of CALL_SHORTS; for every call of every Python example that resolves to
    one of them, that reading gives the resolved short name."""
    import ast
    from pathlib import Path

    from docsec.languages.python import build_python_view
    from docsec.rules.python.hardcoded_secret import CALL_SHORTS, _short_name

    rules = Path(__file__).resolve().parents[1] / "ext" / "docsec" / "rules"
    sources = [path.read_text(encoding="utf-8") for path in sorted(rules.glob("python/examples/*/*.py"))]
    sources.append("import os as o\nfrom requests import get as fetch\nfrom x import y as login\n"
                   "o.getenv('K', 'v')\nfetch(u, auth=('a', 'b'))\nlogin(u, p)\nf()()\nd[0].get('k', 1)\n")
    checked = 0
    for source in sources:
        code = build_python_view(source)
        if code is None:
            continue
        for node in code.nodes_of(ast.Call):
            resolved = code.call_of(node)  # type: ignore[arg-type]
            if resolved is not None and resolved.short in CALL_SHORTS:
                assert _short_name(code, node.func) == resolved.short, (source, resolved.name)  # type: ignore[attr-defined]
                checked += 1
    assert checked > 50


def test_every_jupyter_empty_token_match_holds_dot_token() -> None:
    """DSJ001 returns at once from a block without ``.token`` or ``"token"``: every match of its
    line patterns holds one of them."""
    from pathlib import Path

    from docsec.rules.jupyter.jupyter_exposed import EMPTY_TOKEN, JSON_TOKEN

    rules = Path(__file__).resolve().parents[1] / "ext" / "docsec" / "rules"
    lines = [line for path in rules.glob("jupyter/examples/*/*") for line in path.read_text(encoding="utf-8").splitlines()]
    lines += ["jupyter lab --ServerApp.token=", 'CMD ["jupyter", "lab", "--ServerApp.token", ""]',
              "c.NotebookApp.token = u''", '{"ServerApp": {"token": ""}}']
    found = 0
    for line in lines:
        for pattern, held in ((EMPTY_TOKEN, ".token"), (JSON_TOKEN, '"token"')):
            for match in pattern.finditer(line):
                assert held in match.group(0), line
                found += 1
    assert found >= 4


def _python(source: str):
    from docsec.languages.python import build_python_view

    view = build_python_view(source)
    assert view is not None
    return view


def test_route_parameters_are_what_the_client_writes_not_dependencies_or_framework_objects() -> None:
    from docsec.rules.python._web_helpers import route_parameters

    code = _python(
        "@app.get('/items/{item_id}')\n"
        "async def item(item_id: str, q: str = None, *, request: Request, db: Session = Depends(get_db),\n"
        "               user=Security(current_user), req: Request = None, tasks: BackgroundTasks = None):\n"
        "    pass\n"
        "@app.route('/<path:url>')\n"
        "def view(url):\n"
        "    pass\n"
        "def helper(path):\n"
        "    pass\n"
        "@functools.cache\n"
        "def cached(key):\n"
        "    pass\n"
    )
    assert route_parameters(code) == {"item_id", "q", "url"}
    numbers = _python(
        "@app.get('/items/{item_id}')\n"
        "def item(item_id: int, page: float = 1):\n"
        "    pass\n"
        "@app.route('/post/<int:post_id>')\n"
        "def post(post_id, slug):\n"
        "    pass\n"
        "@use_args({'per_page': fields.Int(), 'name': fields.Str()})\n"
        "def listing(args, per_page):\n"
        "    pass\n"
    )
    assert route_parameters(numbers) == {"slug", "args"}  # numbers cannot carry markup or a URL


def test_client_input_follows_names_to_request_fields_and_not_to_what_the_server_decides() -> None:
    import ast

    from docsec.rules.python._web_helpers import client_input

    code = _python(
        "a = request.args.get('next')\n"
        "b = a or '/'\n"
        "c = request.url\n"
        "d = self.get_argument('target')\n"
        "e = request.GET['x']\n"
        "f = session['user']\n"
        "g = f'{b}/more'\n"
    )
    values = {target.id: node.value for node in code.tree.body if isinstance(node, ast.Assign)
              for target in node.targets if isinstance(target, ast.Name)}
    found = {name: client_input(code, value, frozenset()) for name, value in values.items()}
    assert {name for name, origin in found.items() if origin is not None} == {"a", "b", "d", "e", "g"}
    assert ast.unparse(found["g"]) == "request.args"  # the origin, through two names
