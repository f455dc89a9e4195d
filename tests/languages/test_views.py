"""The views of a block: which kinds it may have, and the Python parse left until a rule asks."""

from __future__ import annotations

import pytest

from docsec.languages import build_views
from docsec.rules.registry import VIEW_KINDS

BLOCKS = [
    ("import os\n!curl -k https://example.com\n", "ipython"),
    (">>> import pickle\n>>> pickle.loads(data)\n", "pycon"),
    ("$ pip install --trusted-host example.com app\n", "python"),  # a transcript labelled Python
    ("$ curl -k https://example.com\n", "console"),
    ("curl -k https://example.com\n", "bash"),
    ("FROM python:3.12\nRUN curl -k https://example.com | sh\n", "dockerfile"),
    ("services:\n  app:\n    privileged: true\n", "yaml"),
    ("<p>{{ value|safe }}</p>\n", "html+jinja"),
    ("var x = {{ value }};\n", "js+jinja"),
    ("token = 'x'\n", "text"),
    ("import yaml\nyaml.load(stream)\n", ""),
]


@pytest.mark.parametrize("text, label", BLOCKS)
def test_every_view_a_block_has_is_of_a_kind_it_says_it_may_have(text: str, label: str) -> None:
    views = build_views(text, label)
    had = [kind for kind in VIEW_KINDS if views.get(kind) is not None]
    assert had and set(had) <= set(views.view_kinds)
    assert list(views.view_kinds) == [kind for kind in VIEW_KINDS if kind in views.view_kinds]


def test_a_transcript_labelled_python_is_read_as_a_session_when_its_shell_view_is_asked_for() -> None:
    views = build_views("$ pip install --trusted-host example.com app\n", "python")
    shell = views.get("shell")
    assert shell is not None and [c.program for c in shell.commands] == ["pip"]  # type: ignore[attr-defined]
    assert views.python is None and views.analysed


def test_python_is_parsed_on_first_use_only() -> None:
    views = build_views("import yaml\nyaml.load(stream)\n", "python")
    assert views.trigger_text is not None and views.joined_trigger_text and views.get("shell") is None
    assert "python" not in views.__dict__  # the values are written as they are: no parse was needed
    assert views.python is not None and [call.name for call in views.python.calls] == ["yaml.load"]


def test_prompts_are_found_as_the_prompt_pattern_finds_them_line_by_line() -> None:
    """Only lines holding a prompt character are tried: that must lose no prompt the pattern knows."""
    import random

    from docsec.languages import _has_prompts
    from docsec.languages.shell import PROMPT

    def reference(text: str) -> bool:
        return any(PROMPT.match(line) and not line.lstrip().startswith("#") for line in text.splitlines())

    pieces = ["$", "#", "%", ">", ">>", "❯", "➜", "λ", "$ ", "# ", "% ", "> ", " ", "\t", "\n", "\n", "(venv)",
              "user@host", ":~", "[root@box ~]", "~/src", "bash-5.1", "PS", "C:\\Users\\me", "x = 1", "pip install",
              "print(a)", "a > b", "'%s' % x"]
    generator = random.Random(5)
    said = {True: 0, False: 0}
    for _ in range(5000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 12)))
        said[reference(text)] += 1
        assert _has_prompts(text) == reference(text), repr(text)
    assert min(said.values()) > 1000, said


def test_ci_steps_scripts_are_a_shell_view_at_their_lines() -> None:
    from docsec.languages import build_views

    text = ("jobs:\n  build:\n    steps:\n      - run: |\n          pip install x\n          make test\n"
            "      - run: echo one\nlint:\n  script:\n    - flake8 .\n")
    views = build_views(text, "yaml")
    assert "shell" in views.view_kinds
    shell = views.get("shell")
    assert [(c.line, c.program) for c in shell.commands] == [(5, "pip"), (6, "make"), (7, "echo"), (10, "flake8")]


def test_python_one_liners_in_a_shell_block_are_python() -> None:
    from docsec.languages import build_views

    views = build_views("ls\npython3 -c 'import os; os.system(cmd)'\nnode -e 'x'\n", "bash")
    python = views.get("python")
    assert python is not None and [call.name for call in python.calls] == ["os.system"]
    assert python.calls[0].line == 2
    # (``not python (`` would now be read: a bracket left open is closed at the end of its statement)
    assert build_views("python -c 'not python :'\n", "bash").get("python") is None  # left unread, not "not analysed"
    assert build_views("python -c 'not python :'\n", "bash").analysed


def test_settings_are_read_alike_in_every_language() -> None:
    from docsec.languages import build_views
    from docsec.languages.key_values import NOT_LITERAL, settings_of

    def settings(text: str, label: str) -> list[tuple[str, object, int]]:
        views = build_views(text, label)
        return [(s.key, s.value, s.line) for kind in views.view_kinds if views.get(kind) is not None
                for s in settings_of(views.get(kind))]

    assert ("verify_ssl", False, 1) in settings('c = {"verify_ssl": False}\n', "python")
    assert ("hostkeys", None, 2) in settings("opts = CnOpts()\nopts.hostkeys = None\n", "python")
    assert ("verify_ssl", False, 2) in settings("client:\n  verify_ssl: false\n", "yaml")
    assert ("strict-ssl", False, 2) in settings("[global]\nstrict-ssl = false ; npm\n", "ini")
    assert ("api_key", "abc123", 1) in settings('"api_key": "abc123",\n', "json")
    assert ("FORWARDED_ALLOW_IPS", "*", 1) in settings("export FORWARDED_ALLOW_IPS='*'\n", "bash")
    assert ("forwarded-allow-ips", "*", 1) in settings("uvicorn app:app --forwarded-allow-ips '*'\n", "bash")
    # not literals: code in a text block, inline tables, comments; unquoted names in code docsec has no view for
    assert settings("pass = models.IntegerField()  # reserved\n", "text") == [("pass", NOT_LITERAL, 1)]
    assert settings('token = { env = "GH_TOKEN" }\n', "toml") == [("token", NOT_LITERAL, 1)]
    assert settings("password = # a project token\n", "ini") == [("password", "", 1)]
    # JavaScript through its grammar (a name is no literal), and its quoted literals as text too
    assert settings("  privateKey: existingPrivateKey,\n  passphrase: 'abc'\n", "js") == [
        ("privateKey", NOT_LITERAL, 1), ("passphrase", "abc", 2), ("passphrase", "abc", 2)]


def test_javascript_settings_come_from_its_grammar() -> None:
    """Object properties with the objects and call around them, assignments (``process.env`` is the
    environment) and Express's setters: what the settings rules read in JavaScript and TypeScript."""
    from docsec.languages import build_views
    from docsec.languages.key_values import NOT_LITERAL, settings_of

    text = ("const client = new MongoClient(uri, { tls: { allowInvalid: true, ca: caFile } });\n"
            "process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n"
            "app.set('trust proxy', true);\napp.enable('trust proxy');\napp.disable('x-powered-by');\n"
            "const limit = 0x10;\n")
    view = build_views(text, "ts").get("javascript")
    found = [(s.key, s.value, s.line, s.context[:-1] if s.form == "mapping" else s.context, s.form)
             for s in settings_of(view)]
    assert found == [
        ("tls", NOT_LITERAL, 1, ("MongoClient",), "mapping"),
        ("allowInvalid", True, 1, ("MongoClient", "tls"), "mapping"),
        ("ca", NOT_LITERAL, 1, ("MongoClient", "tls"), "mapping"),
        ("client", NOT_LITERAL, 1, (), "assignment"),
        ("limit", 16, 6, (), "assignment"),
        ("NODE_TLS_REJECT_UNAUTHORIZED", "0", 2, ("process.env",), "environment"),
        ("trust proxy", True, 3, ("app.set",), "setter"),
        ("trust proxy", True, 4, ("app.enable",), "setter"),
        ("x-powered-by", False, 5, ("app.disable",), "setter"),
    ]
    objects = {s.context[-1] for s in settings_of(view) if s.form == "mapping"}
    assert len(objects) == 2  # the outer object and the one under tls: two mappings, never one
