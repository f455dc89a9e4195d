"""Rule triggers: the one-pass index finds exactly the rules a block triggers, and no
trigger ever hides a finding the rule's check would make."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from docsec.core.catalog import Catalog, builtin_catalog
from docsec.core.config import Config
from docsec.core.engine import Engine
from docsec.core.triggers import TriggerIndex
from docsec.model import CodeBlock, Confidence, Location, Rule, Severity

RULES = Path(__file__).resolve().parents[2] / "ext" / "docsec" / "rules"
LABELS = {
    ".py": "python", ".pycon": "pycon", ".ipy": "ipython", ".console": "console", ".sh": "bash",
    ".ps1": "powershell", ".dockerfile": "dockerfile", ".yaml": "yaml", ".txt": "text",
    ".toml": "toml", ".ini": "ini", ".env": "text", ".json": "json",
    ".html": "html+django", ".jinja": "jinja",
}


def made_up_rule(number: int, *triggers: str) -> Rule:
    return Rule(id=f"TST{number:03d}", symbol=f"test-{number}", title="t", severity=Severity.LOW,
                confidence=Confidence.LOW, cwe=None, languages=("text",), message="m", use_instead="u",
                triggers=triggers)


def by_substring(rules: list[Rule], text: str) -> set[str]:
    """What the prefilter must compute: the rules one of whose triggers is in the text."""
    return {rule.id for rule in rules if any(trigger in text for trigger in rule.triggers)}


# Triggers that are prefixes, suffixes and infixes of each other, and overlap across each other's ends.
OVERLAPPING = [made_up_rule(1, "ab"), made_up_rule(2, "abcd"), made_up_rule(3, "bc"), made_up_rule(4, "c"),
               made_up_rule(5, "cda", "x*"), made_up_rule(6, "*"), made_up_rule(7, "abcde"),
               made_up_rule(8, "{{", "d.e")]


@pytest.mark.parametrize("text, expected", [
    ("", set()),
    ("zzz", set()),
    ("ab", {"TST001"}),
    ("abc", {"TST001", "TST003", "TST004"}),
    ("abcd", {"TST001", "TST002", "TST003", "TST004"}),
    ("abcda", {"TST001", "TST002", "TST003", "TST004", "TST005"}),
    ("abcde", {"TST001", "TST002", "TST003", "TST004", "TST007"}),
    ("x*", {"TST005", "TST006"}),
    ("d.e {{", {"TST008"}),
    ("dxe", set()),  # "." is a literal, not "any character"
])
def test_overlapping_triggers(text: str, expected: set[str]) -> None:
    assert TriggerIndex.build(OVERLAPPING).triggered(text) == expected == by_substring(OVERLAPPING, text)


def test_index_agrees_with_substring_search_on_random_text() -> None:
    rules = [registered.rule for registered in builtin_catalog()] + OVERLAPPING
    index = TriggerIndex.build(rules)
    pieces = sorted({trigger for rule in rules for trigger in rule.triggers}) + list("abcdex*{.- _\n")
    generator = random.Random(7)
    for _ in range(3000):
        text = "".join(generator.choice(pieces)[: generator.randint(1, 6)] for _ in range(generator.randint(0, 12)))
        assert index.triggered(text) == by_substring(rules, text), text


# Triggers with characters other than ASCII letters, digits and "_": anchored by a run of those
# (at the start, the end, in the middle, several runs), and none at all (looked for on every block).
PUNCTUATED = [made_up_rule(20, "index-url", "a.b.c"), made_up_rule(21, "--x", "x--"), made_up_rule(22, "://"),
              made_up_rule(23, "private key", "é"), made_up_rule(24, "{{", "ab_c"), made_up_rule(25, "ß-ss", "-"),
              made_up_rule(26, "url"), made_up_rule(27, "a.b")]
ALPHABET = list("abcx_-. :/{}\n\té0ßSİ\udc80") + ["index", "url", "private", "key", "ss", "ab"]


def random_text(generator: random.Random, pieces: list[str]) -> str:
    return "".join(generator.choice(pieces)[: generator.randint(1, 8)] for _ in range(generator.randint(0, 16)))


def test_index_agrees_with_substring_search_on_punctuated_and_non_ascii_text() -> None:
    rules = PUNCTUATED + OVERLAPPING
    index = TriggerIndex.build(rules)
    pieces = ALPHABET + sorted({trigger for rule in rules for trigger in rule.triggers})
    generator = random.Random(11)
    for _ in range(5000):
        text = random_text(generator, pieces)
        assert index.triggered(text) == by_substring(rules, text), text


def test_index_agrees_with_substring_search_on_long_words_and_a_full_memory(monkeypatch) -> None:
    import docsec.core.triggers as triggers

    monkeypatch.setattr(triggers, "MAX_WORDS", 5)
    rules = [registered.rule for registered in builtin_catalog()] + PUNCTUATED
    index = TriggerIndex.build(rules)
    pieces = ALPHABET + sorted({trigger for rule in rules for trigger in rule.triggers})
    generator = random.Random(5)
    for _ in range(2000):
        word = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 30))).replace(" ", "_")
        for text in (word, random_text(generator, pieces) + word):  # a word longer than LONGEST_KEPT is not kept
            assert index.triggered(text) == by_substring(rules, text), text
            assert len(index.words) <= 5
    assert all(len(word) <= triggers.LONGEST_KEPT for word in index.words)


def test_index_agrees_with_substring_search_on_every_example_and_doc() -> None:
    from docsec.languages import build_views

    rules = [registered.rule for registered in builtin_catalog()]
    index = TriggerIndex.build(rules)
    root = RULES.parents[2]
    paths = sorted(RULES.glob("*/examples/*/*")) + sorted((root / "docs").rglob("*.md"))
    assert len(paths) > 100
    for path in paths:
        text = path.read_text(encoding="utf-8")
        views = build_views(text, LABELS.get(path.suffix, ""))
        for candidate in (text, text.lower(), views.trigger_text or "", views.joined_trigger_text):
            assert index.triggered(candidate) == by_substring(rules, candidate), path


def test_rules_without_triggers_are_never_in_the_index() -> None:
    index = TriggerIndex.build([made_up_rule(1), made_up_rule(2, "ab")])
    assert index.triggered("ab ab") == {"TST002"}
    assert TriggerIndex.build([made_up_rule(1)]).triggered("anything") == set()


def without_triggers() -> Catalog:
    return Catalog(dataclasses.replace(registered, rule=dataclasses.replace(registered.rule, triggers=(),
                                                                            joined_triggers=(), name_triggers=()))
                   for registered in builtin_catalog())


def example_blocks() -> list[CodeBlock]:
    """Every rule example whole, unlabelled, and line by line (fragments without their imports)."""
    blocks = []
    for path in sorted(RULES.glob("*/examples/*/*")):
        if path.suffix not in LABELS:
            continue
        text, label = path.read_text(encoding="utf-8"), LABELS[path.suffix]
        blocks += [CodeBlock(text, label, Location(str(path), 1)), CodeBlock(text, "", Location(str(path), 1))]
        blocks += [CodeBlock(line, label, Location(str(path), number))
                   for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    return blocks


def findings(engine: Engine, blocks: list[CodeBlock]) -> list[tuple]:
    return [(f.path, f.line, f.column, f.rule_id, f.message, f.status, f.snippet)
            for block in blocks for f in engine.scan(block).findings]


@pytest.mark.parametrize("profile", ["default", "audit"])
def test_triggers_never_hide_a_finding(profile: str) -> None:
    blocks = example_blocks()
    expected = findings(Engine(Config(profile=profile), catalog=without_triggers()), blocks)
    assert expected, "the examples must give findings for this test to mean anything"
    assert findings(Engine(Config(profile=profile)), blocks) == expected


@pytest.mark.parametrize("text", [
    "ssh -o UserKnownHostsF\u0130le=/dev/null host",  # İ: "i" to a case-insensitive pattern
    "ssh -o UserKnownHostsF\u0131le=/dev/null host",  # ı
    "ssh -o UserKnownHo\u017ftsFile=/dev/null host",  # ſ: "s"
    "ssh -o User\u212anownHostsFile=/dev/null host",  # Kelvin sign: "k"
])
def test_letters_a_case_insensitive_pattern_reads_as_ascii_still_trigger(text: str) -> None:
    block = [CodeBlock(text, "bash", Location("x.md", 1))]
    expected = findings(Engine(catalog=without_triggers()), block)
    assert [f[3] for f in expected] == ["DSS006"]
    assert findings(Engine(), block) == expected


@pytest.mark.parametrize("text", [
    'context = {"ssl_cert_"  # split\n    "reqs": "none"}\n',  # DSP011: a dict key only the parsed value spells
    'url = ("rediss://h:6379/0?ssl_cert_"\n       "reqs=none")\n',  # DSP011: inside a string
])
def test_string_values_a_python_check_reads_are_in_the_trigger_text(text: str) -> None:
    block = [CodeBlock(text, "python", Location("x.md", 1))]
    expected = findings(Engine(catalog=without_triggers()), block)
    assert [f[3] for f in expected] == ["DSP011"]
    assert findings(Engine(), block) == expected


def test_few_triggers_are_looked_for_one_by_one_with_the_same_answer() -> None:
    from docsec.core.triggers import FEW

    words = ["ab", "abcd", "bc", "c", "cda", "x*", "*", "{{", "d.e", "abcde"]
    generator = random.Random(13)
    for count in (1, FEW, FEW + 1, len(words)):
        rules = [made_up_rule(number, word) for number, word in enumerate(words[:count])]
        index = TriggerIndex.build(rules)
        assert (index.pattern is not None) and (len(index.owners) == count)
        for _ in range(500):
            text = "".join(generator.choice(words + ["z", " "]) for _ in range(generator.randint(0, 8)))
            assert index.triggered(text) == by_substring(rules, text), (count, text)


def test_triggers_hold_no_tab() -> None:
    """A string value may spell a tab as ``\\t`` (the Python view then leaves the values to the
    rules, see ``values_as_written``): the block's text holds a ``t`` there, so no trigger may hold one."""
    rule = made_up_rule(1, "ab")
    for bad in ("a\tb", "a\nb", "a'b", "a\\b"):
        with pytest.raises(ValueError, match="must be lower-case text"):
            dataclasses.replace(rule, triggers=(bad,))


def test_joined_triggers_must_be_letters_and_digits() -> None:
    assert made_up_rule(1).has_triggers is False
    rule = Rule(id="TST009", symbol="t", title="t", severity=Severity.LOW, confidence=Confidence.LOW, cwe=None,
                languages=("text",), message="m", use_instead="u", joined_triggers=("token", "k3y"))
    assert rule.has_triggers
    for bad in ("to_ken", "Token", "", "to ken"):
        with pytest.raises(ValueError, match="joined trigger"):
            dataclasses.replace(rule, joined_triggers=(bad,))


@pytest.mark.parametrize("text", [
    'to_ken = "Xk9#mQ2$vL7p"\n',  # the name's words join into "token"
    'settings = {"TO-KEN": "Xk9#mQ2$vL7p"}\n',
    'cfg["\token"] = "Xk9#mQ2$vL7p"\n',  # a tab: the subscript's name shows it as \t, so "token"
    'ｔo_ken = "Xk9#mQ2$vL7p"\n',  # Python reads the fullwidth letter as "t"
])
def test_joined_triggers_find_names_whose_words_only_join_into_a_trigger(text: str) -> None:
    block = [CodeBlock(text, "python", Location("x.md", 1))]
    expected = findings(Engine(catalog=without_triggers()), block)
    assert [f[3] for f in expected] == ["DSP019"]
    assert findings(Engine(), block) == expected


def test_block_triggers_look_once_and_let_every_rule_run_on_escapes() -> None:
    from docsec.core.triggers import BlockTriggers, Triggers

    rules = [made_up_rule(1, "ab"), made_up_rule(2, "cd"),
             dataclasses.replace(made_up_rule(3), joined_triggers=("token",))]
    triggers = Triggers.build(rules)
    asked: list[str] = []

    def text() -> str:
        asked.append("text")
        return "ab to_ken"

    def joined() -> str:
        asked.append("joined")
        return "abtoken"

    block = BlockTriggers(triggers, text, joined)
    assert "TST001" in block.found and "TST002" not in block.found and "TST003" not in block.found
    assert block.joined_found == {"TST003"}
    assert asked == ["text", "joined"]  # each looked for once
    escaped = BlockTriggers(triggers, lambda: None, joined)
    assert all(rule.id in escaped.found for rule in rules)


def test_the_engine_runs_exactly_the_rules_whose_triggers_the_block_holds_in_selection_order() -> None:
    """``KindRules.to_run`` against the rule-by-rule test it replaces, for random found sets."""
    from docsec.core.engine import KindRules
    from docsec.core.triggers import Everything
    from docsec.rules.registry import RegisteredRule

    def registered(rule: Rule) -> RegisteredRule:
        return RegisteredRule(rule, lambda view: (), "tests")

    rules = tuple(registered(rule) for rule in [
        made_up_rule(1, "ab"), made_up_rule(2), dataclasses.replace(made_up_rule(3, "cd"), joined_triggers=("cd",)),
        dataclasses.replace(made_up_rule(4), joined_triggers=("token",)), made_up_rule(5, "ef"), made_up_rule(6),
        made_up_rule(7, "gh")])
    group = KindRules.build(rules)

    class Found:
        def __init__(self, found: frozenset, joined: frozenset) -> None:
            self.found, self.joined_found = found, joined

    ids = [r.rule.id for r in rules] + ["TST099"]  # (an id of a rule of another view kind)
    generator = random.Random(3)
    for _ in range(500):
        found = frozenset(generator.sample(ids, generator.randint(0, len(ids))))
        joined = frozenset(generator.sample(ids, generator.randint(0, 3)))
        for block in (Found(found, joined), Found(Everything(), joined)):
            expected = [r for r in rules if not r.rule.has_triggers or r.rule.id in block.found
                        or (r.rule.joined_triggers and r.rule.id in block.joined_found)]
            assert list(group.to_run(block)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("text, label, rule_id", [
    # DSP005: a loader's module is in the block; numpy needs allow_pickle
    ("import cPickle as p\nobj = p.load(f)\n", "python", "DSP005"),
    ("from dill import loads as l\nobj = l(data)\n", "python", "DSP005"),
    ("import joblib\nmodel = joblib.load(path)\n", "python", "DSP005"),
    ("import numpy as np\na = np.load(f, allow_pickle=True)\n", "python", "DSP005"),
    ("import pandas as pd\ndf = pd.read_pickle(path)\n", "python", "DSP005"),
    # DSP013: every branch names debug, or use_evalex
    ("from werkzeug.serving import run_simple\nrun_simple('localhost', 5000, app, use_evalex=True)\n", "python", "DSP013"),
    ("from flask import Flask\napp = Flask(__name__)\napp.config.update(DEBUG=True)\n", "python", "DSP013"),
    ("from flask import Flask\napp = Flask(__name__)\napp.config['DEBUG'] = True\n", "python", "DSP013"),
    # DSP001: an argument vector through a shell flag
    ("import subprocess\nsubprocess.run(['bash', '-lc', cmd])\n", "python", "DSP001"),
    ("import subprocess\nsubprocess.Popen(['cmd', '/C', cmd])\n", "python", "DSP001"),
    ("import asyncio\nawait asyncio.create_subprocess_shell(cmd)\n", "python", "DSP001"),
    # DSS002: chmod, or a mode option
    ("install -D -m 777 app /usr/local/bin/app\n", "bash", "DSS002"),
    ("mkdir --mode=777 /srv/shared\n", "bash", "DSS002"),
    ("mkdir -m0777 /srv/shared\n", "bash", "DSS002"),
    ("/bin/CHMOD o+w /srv/shared\n", "bash", "DSS002"),
    # DSS005: trusted, insecure or a cleartext URL
    ("pip install -i HTTP://pypi.example.com/simple pkg\n", "bash", "DSS005"),
    ("pip install --index-url 'http:'//pypi.example.com/simple pkg\n", "bash", "DSS005"),
    ("export PIP_TRUSTED_HOST=pypi.example.com\n", "bash", "DSS005"),
    ("uv pip install --allow-insecure-host pypi.example.com pkg\n", "bash", "DSS005"),
    ("pip config set global.trusted-host pypi.example.com\n", "bash", "DSS005"),
    ("[global]\nextra_index_url = http://pypi.example.com/simple\n", "ini", "DSS005"),
    ("--find-links http://pypi.example.com/wheels\nrequests==2.32.3\n", "text", "DSS005"),
    # DSS009: a tool name or the word its branch needs
    ("ng serve --host 0.0.0.0\n", "bash", "DSS009"),
    ("npx vite --host\n", "bash", "DSS009"),
    ("pnpm dev -H 0.0.0.0\n", "bash", "DSS009"),
    ("python manage.py runserver 0:8000\n", "bash", "DSS009"),
    ("uvicorn app:app --reload --host 0.0.0.0\n", "bash", "DSS009"),
    ("ray start --head --dashboard-host=0.0.0.0\n", "bash", "DSS009"),
    ("celery -A proj flower --address=0.0.0.0\n", "bash", "DSS009"),
    ("FLASK_RUN_HOST=0.0.0.0 python -m flask run\n", "bash", "DSS009"),
])
def test_tightened_triggers_keep_the_findings(text: str, label: str, rule_id: str) -> None:
    block = [CodeBlock(text, label, Location("x.md", 1))]
    expected = findings(Engine(Config(profile="audit"), catalog=without_triggers()), block)
    assert rule_id in [f[3] for f in expected]
    assert findings(Engine(Config(profile="audit")), block) == expected


def named_rule(number: int, *names: str) -> Rule:
    return dataclasses.replace(made_up_rule(number), name_triggers=names)


def test_name_triggers_must_be_identifiers_in_lower_case() -> None:
    assert named_rule(1, "text", "read_sql", "des3").has_triggers
    for bad in ("Text", "", "index-url", "a b", "é"):
        with pytest.raises(ValueError, match="name trigger"):
            named_rule(1, bad)


def test_the_name_index_finds_whole_words_only() -> None:
    """Against a reference: the rules one of whose names is a maximal run of ASCII letters,
    digits and ``_`` in the text, on random text made of names, longer words and separators."""
    import re

    from docsec.core.triggers import NameIndex

    rules = [named_rule(1, "text"), named_rule(2, "raw", "read_sql"), named_rule(3, "text", "des3"), named_rule(4)]
    index = NameIndex.build(rules)
    pieces = ["text", "raw", "read_sql", "des3", "con", "_", "3", "s", "é", " ", ".", "(", "'", "\\\n", "-"]
    generator = random.Random(29)
    for _ in range(3000):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 8)))
        whole = set(re.findall(r"[A-Za-z0-9_]+", text))
        expected = {rule.id for rule in rules if whole & set(rule.name_triggers)}
        assert index.triggered(text) == expected, text


@pytest.mark.parametrize("text, found", [
    ("print(context, textwrap, text_)", set()),  # inside longer words: no
    ("conn.execute(sa.text(q))", {"TST001"}),
    ("x = 1 if c else\\\n    text(q)", {"TST001"}),  # a line join: two words
    ("x = 'a' if 'b'else text(q)", {"TST001"}),
])
def test_block_triggers_look_for_names_in_the_text_with_nothing_removed(text: str, found: set) -> None:
    from docsec.core.triggers import BlockTriggers, Triggers
    from docsec.languages import build_views

    triggers = Triggers.build([named_rule(1, "text"), made_up_rule(2, "zz")])
    views = build_views(text, "python")
    block = BlockTriggers(triggers, lambda: views.trigger_text, lambda: views.joined_trigger_text,
                          lambda: views.name_trigger_text)
    assert set(block.found) == found
    assert "TST001" in BlockTriggers(triggers, lambda: views.trigger_text, lambda: "").found  # no name text: runs


def test_name_trigger_text_holds_what_python_reads_a_non_ascii_identifier_as() -> None:
    from docsec.core.triggers import words
    from docsec.languages import build_views

    views = build_views("conn.execute(ｔｅｘｔ(q))\n", "python")  # fullwidth: Python reads `text`
    assert b"text" in words(views.name_trigger_text)


@pytest.mark.parametrize("text, label, rule_id", [
    # DSP020: a sink's short name, `extra`, the `template` keyword or an expression base, each a whole name
    ("from sqlalchemy import text as T\nconn.execute(T(f\"SELECT * FROM t WHERE id = {request.args['id']}\"))\n",
     "python", "DSP020"),
    ("import sqlalchemy\nq = 1 if c else\\\n    sqlalchemy.text('SELECT * FROM t WHERE a = ' + request.args['a'])\n",
     "python", "DSP020"),
    ("User.objects.extra(where=[\"name = '%s'\" % request.GET['name']])\n", "python", "DSP020"),
    ("cursor.ｅｘｅｃｕｔｅ(\"SELECT * FROM t WHERE id = \" + request.args['id'])\n", "python", "DSP020"),
    # DSP029: umask, a MODE_POSITION call, a permission keyword
    ("import os\nos.chmod(path, 0o777)\n", "python", "DSP029"),
    ("from pathlib import Path\nPath(p).mkdir(mode=0o777)\n", "python", "DSP029"),
    ("import os as o\no.umask(0)\n", "python", "DSP029"),
    ("ftp.storbinary(name, handle, file_permissions=0o666)\n", "python", "DSP029"),
    # DSP014: a host keyword, an address-tuple or host-first call, a setting name
    ("app.run(host='0.0.0.0')\n", "python", "DSP014"),
    ("from http.server import HTTPServer as S\nS(('0.0.0.0', 8000), Handler)\n", "python", "DSP014"),
    ("BIND = '0.0.0.0:8000'\n", "python", "DSP014"),
    # DSP052: a cipher module, a MODE_ attribute, a short name
    ("from Crypto.Cipher import DES\nc = DES.new(key, DES.MODE_CBC, iv)\n", "python", "DSP052"),
    ("from Crypto.Cipher import AES\nm = AES.MODE_ECB\nc = AES.new(key, m)\n", "python", "DSP052"),
    ("from cryptography.hazmat.primitives.ciphers import modes\nmodes.CBC(b'0123456789abcdef')\n",
     "python", "DSP052"),
    # DSP025: a short name ending in XMLParser (a substring), or a whole parse function's name
    ("from lxml import etree\np = etree.MyXMLParser(resolve_entities=True)\n", "python", "DSP025"),
    ("import xml.etree.ElementTree as ET\nET.fromstring(request.data)\n", "python", "DSP025"),
    # DSP019: the short name of a keyed call (through an import alias), the keyword auth, a login call
    ("import hmac\nsig = hmac.new(b'k9Zq2Lx7Wp4Rt8Vn', msg, 'sha256')\n", "python", "DSP019"),
    ("from itsdangerous import URLSafeTimedSerializer as S\ns = S('f3a9c1e7b2d84f6a9c0e1b7d3a5f8c2e')\n",
     "python", "DSP019"),
    ("r = requests.get(url, auth=('deploy', 'K9#mZ2!qL7x'))\n", "python", "DSP019"),
    ("server.login('alerts@example.com', 'hrXq9ZtL2wYp')\n", "python", "DSP019"),
    ('session.headers.update({"Author" "ization": "Basic ZGVwbG95Oks5I216MiFxTDd4"})\n', "python", "DSP019"),
    # DSC002: a Twilio key is SK and a hex digit
    ("export TWILIO_KEY=SKa3f9c1e7b2d84f6a9c0e1b7d3a5f8c2e\n", "bash", "DSC002"),
])
def test_name_triggers_keep_the_findings(text: str, label: str, rule_id: str) -> None:
    block = [CodeBlock(text, label, Location("x.md", 1))]
    expected = findings(Engine(Config(profile="audit"), catalog=without_triggers()), block)
    assert rule_id in [f[3] for f in expected]
    assert findings(Engine(Config(profile="audit")), block) == expected


def test_the_engine_looks_for_names_only_in_blocks_with_a_view_whose_rules_have_them() -> None:
    """Name triggers of Python rules: a YAML block is never split into name words, a Python block
    is; a text rule's name triggers are looked for in every block."""
    from docsec.core.engine import Selection
    from docsec.languages import build_views
    from docsec.model import Hit
    from docsec.rules.registry import RegisteredRule

    def fires(view: object) -> list[Hit]:
        return [Hit(1)]

    python_rule = dataclasses.replace(named_rule(1, "text"), languages=("python",))
    catalog = Catalog([RegisteredRule(python_rule, fires, "tests")])
    engine = Engine(Config(), catalog=catalog)
    yaml_views, python_views = build_views("text: 1\n", "yaml"), build_views("sa.text(q)\n", "python")
    assert engine._run_rules(yaml_views, engine.selection) == []
    assert "name_trigger_text" not in yaml_views.__dict__
    assert [rule.id for rule, _ in engine._run_rules(python_views, engine.selection)] == ["TST001"]

    text_rule = named_rule(2, "text")  # (made_up_rule's language: text)
    selection = Selection.build(Catalog([RegisteredRule(text_rule, fires, "tests")]), Config())
    yaml_views = build_views("text: 1\n", "yaml")
    assert [rule.id for rule, _ in engine._run_rules(yaml_views, selection)] == ["TST002"]


@pytest.mark.parametrize("text, rule_id", [
    ("book = Book(author='Jane Austen')\nquery = urlencode(params)\nsubscription.renew()\n", "DSP019"),
    ("from flask import Flask\napp = Flask(__name__)\ntasks = ask(risk)\n", "DSC002"),
])
def test_rules_do_not_run_on_words_that_only_contain_their_names(text: str, rule_id: str) -> None:
    from docsec.core.triggers import BlockTriggers
    from docsec.languages import build_views

    views = build_views(text, "python")
    selection = Engine(Config(profile="audit")).selection
    found = BlockTriggers(selection.triggers_for(views.view_kinds), lambda: views.trigger_text,
                          lambda: views.joined_trigger_text, lambda: views.name_trigger_text)
    assert rule_id not in found.found and rule_id not in found.joined_found
