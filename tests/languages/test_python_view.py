"""PythonView queries rules rely on: names, origins, constants."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from docsec.languages.python import SINGLETON_BASES, PythonView, build_python_view


def view(text: str) -> PythonView:
    built = build_python_view(text)
    assert built is not None
    return built


def call_named(code: PythonView, name: str):
    return next(call for call in code.calls if call.name == name or call.written == name)


def test_import_aliases_resolve() -> None:
    code = view("from subprocess import run as sh_run\nimport yaml as y\nsh_run(x)\ny.load(f)\nrequests.get(u)\n")
    assert [c.name for c in code.calls] == ["subprocess.run", "yaml.load", "requests.get"]


def test_resolve_follows_variables_and_with_targets() -> None:
    code = view("import tarfile\nwith tarfile.open(p) as tar:\n    tar.extractall(d)\nt = tarfile.open(p)\nt2 = t\nt2.extract(m)\n")
    assert code.receiver(call_named(code, "tar.extractall")) == "tarfile.open()"
    assert code.receiver(call_named(code, "t2.extract")) == "tarfile.open()"
    assert code.resolve(call_named(code, "t2.extract").node.func) == "tarfile.open().extract"


def test_resolve_does_not_loop_on_rebinding() -> None:
    code = view("df = df.dropna()\ndf.head()\n")
    assert code.receiver(call_named(code, "df.head")) == "df"


def test_origin_call_through_accept() -> None:
    code = view("listener = Listener(addr)\nconn = listener.accept()\nconn.recv()\n")
    origin = code.origin_call(ast.parse("conn").body[0].value)  # type: ignore[attr-defined]
    assert origin is not None and code.text_of(origin) == "listener.accept()"


def test_bindings_map_with_targets_to_context_expressions() -> None:
    code = view("with open('x') as f, lock:\n    pass\n")
    assert [ast.unparse(v) for v in code.bindings["f"]] == ["open('x')"]


def test_is_builtin_call_ignores_methods_imports_and_local_definitions() -> None:
    code = view("eval(a)\nmodel.eval()\nbuiltins.eval(b)\n")
    found = [c.written for c in code.calls if code.is_builtin_call(c, "eval")]
    assert found == ["eval", "builtins.eval"]
    shadowed = view("def eval(x):\n    return x\neval(a)\n")
    assert not any(shadowed.is_builtin_call(c, "eval") for c in shadowed.calls)
    imported = view("from asteval import eval\neval(a)\n")
    assert not any(imported.is_builtin_call(c, "eval") for c in imported.calls)


def test_is_constant_follows_single_assignment_and_literal_loops() -> None:
    code = view("cmd = 'ls'\nfor tool in ['a', 'b']:\n    pass\nfor f in files:\n    pass\nx = input()\n")
    names = {name: ast.Name(id=name, ctx=ast.Load()) for name in ("cmd", "tool", "f", "x")}
    assert code.is_constant(names["cmd"]) and code.is_constant(names["tool"])
    assert not code.is_constant(names["f"]) and not code.is_constant(names["x"])


def test_non_constant_parts_of_built_strings() -> None:
    code = view("base = 'ls '\ncmd = 'grep {} {}'.format(pattern, 'x')\n")
    parts = lambda src: [ast.unparse(p) for p in code.non_constant_parts(ast.parse(src, mode="eval").body)]
    assert parts("f'du -sh {path}'") == ["path"]
    assert parts("base + user + '-x'") == ["user"]
    assert parts("'tar %s' % (name,)") == ["name"]
    assert parts("cmd") == ["pattern"]
    assert parts("['bash', '-c', c]") == ["c"]
    assert parts("'ls -l'") == []


def test_text_of_keeps_the_written_form() -> None:
    code = view("os.chmod(p, 0o777)\n")
    call = code.calls[0]
    assert code.text_of(call.node.args[1]) == "0o777"
    assert code.text_of(call.node, limit=10) == "os.chmo..."


def python_examples() -> list[str]:
    rules = Path(__file__).resolve().parents[2] / "ext" / "docsec" / "rules"
    return [path.read_text(encoding="utf-8") for path in sorted(rules.glob("*/examples/*/*.py"))]


INDEX_SOURCES = [
    "x = a.b(c, *d, k=1, **e)[0:2]\nif x == 1 and not y: del z\n",
    "async def f(a, /, b=1, *c, d, **e) -> int:\n    async with g() as h, i:\n        await h\n"
    "    return [j async for j in k if j]\n",
    "match p:\n    case {'a': 1, **rest}: pass\n    case C(x, y=[1, *others]) | None: pass\n    case _ as w: pass\n",
    "try:\n    pass\nexcept (E, F) as err:\n    raise G from err\nfinally:\n    global q\n",
    "lambda: (yield from f'{a!r:>{w}}')\n@dec\nclass K(B, metaclass=M):\n    t: int = 1\n",
]


@pytest.mark.parametrize("source", INDEX_SOURCES + python_examples())
def test_index_is_ast_walk_without_the_shared_singletons(source: str) -> None:
    code = view(source)
    walked = [node for node in ast.walk(code.tree) if not isinstance(node, SINGLETON_BASES)]
    assert code.nodes == walked
    parents = {child: node for node in ast.walk(code.tree) for child in ast.iter_child_nodes(node)
               if not isinstance(child, SINGLETON_BASES)}
    assert code.parents == parents
    for kind in {type(node) for node in walked}:
        assert code.nodes_of(kind) == [node for node in walked if type(node) is kind]
    assert code.nodes_of(ast.Call, ast.Name) == [node for node in walked if type(node) in (ast.Call, ast.Name)]


def test_index_walks_a_hand_built_tree_with_missing_fields() -> None:
    """The index reads each type's child fields in one call; a node without one of its fields
    (built by hand, not parsed) is read field by field, as ``ast.walk`` reads it."""
    from docsec.languages.python import PythonView

    call = ast.Call(func=ast.Name(id="f", ctx=ast.Load()), args=[ast.Constant(1)])  # no keywords
    tree = ast.Module(body=[ast.Expr(value=call)], type_ignores=[])
    code = PythonView(source="f(1)", tree=tree, lines=["f(1)"])
    assert code.nodes == [node for node in ast.walk(tree) if not isinstance(node, SINGLETON_BASES)]
    assert code.parents[call.args[0]] is call


def test_nodes_of_finds_the_singletons_the_index_leaves_out() -> None:
    code = view("a = b + c\nd = e - f\nif a == d: pass\n")
    assert code.nodes_of(ast.Add, ast.Eq) == [n for n in ast.walk(code.tree) if type(n) in (ast.Add, ast.Eq)]
    assert len(code.nodes_of(ast.Store)) == 2 and len(code.nodes_of(ast.Load)) == 6


def test_calls_named_finds_calls_by_short_name_in_order() -> None:
    code = view("import pickle as p\nfrom yaml import load\np.loads(a)\nx.run(b)\nload(c)\nsubprocess.run(d)\nf()(e)\n")
    assert [c.name for c in code.calls_named("loads")] == ["pickle.loads"]
    assert [c.name for c in code.calls_named("run", "load", "loads", "missing")] == [
        "pickle.loads", "x.run", "yaml.load", "subprocess.run"]
    assert code.calls_named("missing", "absent") == [] and code.calls_named() == []
    every = [c.name for c in code.calls]
    assert [c.name for c in code.calls_named(*{c.short for c in code.calls})] == every



def test_call_of_gives_the_named_call_of_a_node() -> None:
    code = view("import hmac as h\nh.new(k)\nf()(x)\nitems[0](y)\n")
    nodes = code.nodes_of(ast.Call)
    assert {code.call_of(node).name for node in nodes if code.call_of(node)} == {"hmac.new", "f", "f()"}
    assert [node for node in nodes if code.call_of(node) is None] == [n for n in nodes if code.qualname(n.func) is None]


# --- string values the trigger text can do without -------------------------------------------------

def shown_in(value: str, source: str) -> bool:
    """Whether every trigger found in the value is found in the source, as the trigger searches
    read text: each run of the value between line breaks and tabs (no trigger holds one), and its
    repr when it has one, is part of the source; its letters and digits are part of the source's
    or, with the escapes ``\\n`` and ``\\t`` removed, of what the joined triggers read."""
    import re

    from docsec.languages import letters_and_digits
    from docsec.languages.text import trigger_form

    found = trigger_form(source)
    if not all(run in found for run in re.split(r"[\n\t]", trigger_form(value))):
        return False
    if not value.isprintable() and trigger_form(repr(value)) not in found:
        return False
    joined = letters_and_digits(value)
    without_escapes = re.sub(r"\\[nt]", "", source)
    return joined in letters_and_digits(source) or joined in letters_and_digits(without_escapes)


@pytest.mark.parametrize("source", [
    "print('hello')\n",
    "x = 1\n",
    "d = {'a': \"it's\", 'b': '#'}  # a 'comment' \"with\" quotes\nopen(p, 'rb')\n",
    "s = '''one line'''\nt = \"\"\"\"\"\"\n",
    "print(f'no braces', rb'raw')\n",
    "d = {'a': 'if'}\nif'x' in d: print(\"don't\")\n",  # a brace, but no f-string (if'x', t')
    "x = ('a',\n     'b')\n",
    "if x: y = 'a'\nelse: y = 'b'\n",
    "x = f'{y}ken'\n",  # an f-string's values are the text between its fields
    "raise LookupError(f\"no task {task_id}: {row.name!r:>10}\")\n",
    "x = f'''a {b} \"c\" {d}'''\n",
    "print(f'no task {t}\\n', '\\tto\\nken', r'a\\n')\n",  # the escapes \n and \t (raw: as written)
    "x = 'a'  # a comment may hold \\ and \\x41\n",
])
def test_values_as_written(source: str) -> None:
    code = view(source)
    assert code.values_as_written
    assert all(shown_in(value, source) for value in code.string_values)


@pytest.mark.parametrize("source", [
    "x = 'to' 'ken'\n",  # implicit concatenation
    "x = ('to'  # a comment\n     # another 'one'\n     'ken')\n",
    "x = ('to'\n\n     f'ken')\n",
    "x = f'{{token}}'\n",  # an f-string with a doubled brace
    "x = f'{y:{w}}ken'\n",  # ... a field with braces in it
    "x = f'{d[\"a\"]}ken'\n",  # ... a field with a literal of its own
    "x = f'{y}' 'ken'\n",  # ... joined to another literal
    "x = f'to {k=}en'\n",  # ... a field that writes its text into the value ('to k=')
    "x = '''to\nken'''\n",  # a line break in the value: the repr joins 'to\\nken'
    "x = 'to\tken'\n",  # a tab: unprintable
    "x = 'to\\x6ben'\n",  # an escape that spells a character
    "x = 'it\\'s'\n",  # ... a quote
    "x = b'to\\\\\\nken'\n",  # ... a backslash: before an escaped line break, the trigger search reads a line join
    "x = 'a\\rb'\n",  # ... a carriage return
    "x = 'to\\\nken'\n",  # ... a line join inside a literal
    "x = 1 + \\\n    2\n",  # a line join outside literals
    "x = f'{y!r:\\n}'\n",  # a backslash in a replacement field
    "x = 'tökén'\n",  # not ASCII
    "x = ('to'\n     $$$ not python\n     'ken')\n",  # the blanked line would join them
    "x = ('to'  # a comment\n     $$$ not python\n     r'ken')\n",
])
def test_values_not_as_written(source: str) -> None:
    assert not view(source).values_as_written


@pytest.mark.parametrize("source", [
    "x = ('to',\n     $$$ not python\n     'ken')\n",  # a comma stays between them
    "x = 'to'\n$$$ not python\ny = 1; z = 'ken'\n",
    "def f():\n    '''Doc.'''\n    $$$ not python\n",  # one literal: nothing to join it to
])
def test_values_as_written_when_lines_are_set_aside(source: str) -> None:
    # The values are read before the parse: setting a line aside must not make them differ.
    code = view(source)
    assert not code.complete and code.values_as_written
    assert all(shown_in(value, source) for value in code.string_values)


@pytest.mark.parametrize("source, written", [
    ("x = t'{y}'\n", True),  # Python 3.14's t-strings, like f-strings
    ("x = Rt'{y}'\n", True),
    ("x = t'{{y}}'\n", False),
    ("x = f'a}b'\n", False),  # (a lone brace: not Python)
    ("x = f'''{\n'a'}'''\n", False),
    ("x = f'{\n'a' 'b'}'\n", False),  # Python 3.12: a line break inside a replacement field
    ("x = f'{x[\"a\"]}'\n", False),  # Python 3.12: the same quotes inside
    ("x = 'a' # 'b'\ny = {'c': 1}\n", True),
    ("if'x{{y}}' in z: pass\n", False),  # conservative: read as an f-string
    ("x = 'a' or'b'\n", False),  # conservative: read as concatenation
])
def test_written_pattern(source: str, written: bool) -> None:
    from docsec.languages.python import WRITTEN

    assert (WRITTEN.fullmatch(source) is not None) is written


LITERAL_PIECES = ["'", '"', "'''", '"""', "a", "k", "#", "{", "}", "{y}", "{y=:>2}", " ", "\t", "\n", "é", "\\n",
                  "\\t", "\\\\", "\\x6b", "\\'", "\\"]
PREFIXES = ["", "", "r", "b", "u", "f", "F", "rb", "Rb", "fr"]
# A line the tolerant parse sets aside ("\n$$$ x\n") may bring the literals around it together.
SEPARATORS = [" ", "\n", "  # c'o\"m # m\n", ", ", " + ", "'x', ", "", "\n$$$ x\n", ",\n$$$ 'y'\n"]


def random_literal(generator) -> str:
    quote = generator.choice(["'", '"', "'''", '"""'])
    pieces = [piece for piece in LITERAL_PIECES if quote[0] not in piece]  # mostly valid literals
    body = "".join(generator.choice(pieces) for _ in range(generator.randint(0, 6)))
    if len(quote) == 1:
        body = body.replace("\n", " ")
    return generator.choice(PREFIXES) + quote + body + quote


def test_values_as_written_on_random_literals_and_comments() -> None:
    """When the view says so, every value is printable and written as it is in the source;
    and the cases that are not must come up, so the test says something."""
    import random

    generator = random.Random(17)
    said = {(True, True): 0, (True, False): 0, (False, True): 0, (False, False): 0}  # (complete, written)
    for _ in range(20000):
        parts = [random_literal(generator) for _ in range(generator.randint(1, 4))]
        source = "x = (" + "".join(generator.choice(SEPARATORS) + part for part in parts) + ")\n"
        code = build_python_view(source)
        if code is None:
            continue
        written = code.values_as_written
        said[code.complete, written] += 1
        if written:
            assert all(shown_in(value, source) for value in code.string_values), source
    assert min(said.values()) > 150, said


def test_values_as_written_on_every_python_example() -> None:
    for source in python_examples():
        code = view(source)
        if code.values_as_written:
            assert all(shown_in(value, source) for value in code.string_values)


def test_the_trigger_text_leaves_the_node_index_to_the_rules_that_need_it() -> None:
    from docsec.languages import build_views
    from docsec.rules.python.eval_non_literal import check

    views = build_views("import os\nprint('reading', os.environ['HOME'])\n", "python")
    assert views.trigger_text is not None and views.joined_trigger_text
    assert "_index" not in views.python.__dict__  # type: ignore[union-attr]
    views = build_views("data = eval(user_input)\n", "python")
    views.trigger_text, views.joined_trigger_text
    assert "_index" not in views.python.__dict__  # type: ignore[union-attr]
    assert [hit.line for hit in check(views.python)] == [1]  # the rule that runs builds it
    assert "_index" in views.python.__dict__  # type: ignore[union-attr]
    views = build_views("x = ('ssl_cert_'\n     'reqs')\n", "python")
    assert "ssl_cert_reqs" in views.trigger_text and "sslcertreqs" in views.joined_trigger_text  # type: ignore[operator]


def test_joined_trigger_text_joins_the_letters_of_one_value_never_of_two() -> None:
    from docsec.languages import build_views

    views = build_views('a = "to\\n"\nb = "ken"\nc = "se" "cret"\nd = """ke\ny"""\n', "python")
    assert not views.python.values_as_written  # type: ignore[union-attr]
    lines = views.joined_trigger_text.split("\n")
    assert "secret" in lines and "key" in lines  # one value each
    assert "token" not in views.joined_trigger_text  # two values


def test_a_value_with_escapes_leaves_the_node_index_alone_and_keeps_its_joined_letters() -> None:
    """``"to\\nken"`` is the value ``to``, line break, ``ken``: its letters join into ``token``
    (a joined trigger), which the block's text spells ``tonken``; the source without escapes
    keeps the join, so the trigger texts need neither the values nor the node index."""
    from docsec.core.engine import Engine
    from docsec.core.triggers import BlockTriggers
    from docsec.languages import build_views

    views = build_views('print("to\\nken", r"\\tab")\n', "python")
    assert views.python.values_as_written  # type: ignore[union-attr]
    assert views.python.source_without_escapes == 'print("token", r"ab")'  # type: ignore[union-attr]
    selection = Engine().selection
    found = BlockTriggers(selection.triggers_for(views.view_kinds), lambda: views.trigger_text,
                          lambda: views.joined_trigger_text, lambda: views.name_trigger_text)
    assert "DSP019" not in found.found and "DSP019" in found.joined_found
    assert "_index" not in views.python.__dict__  # type: ignore[union-attr]


def test_written_pieces_never_compete_for_a_position() -> None:
    """At each position at most one piece of WRITTEN can match, so a source is read in one way
    and a failure late in a block costs no backtracking over earlier literals (with two pieces
    matching one literal, each literal doubled the ways to try: 2**n on a failing block)."""
    import random
    import re

    from docsec.languages.python import WRITTEN_PIECES

    pieces = [re.compile(piece, re.VERBOSE) for piece in WRITTEN_PIECES]
    generator = random.Random(23)
    alphabet = ["'", '"', "'''", '"""', "''", '""', "#", "\n", " ", "a", "f", "rf", "t", "{", "}", "x = "]
    for _ in range(3000):
        source = "".join(generator.choice(alphabet) for _ in range(generator.randint(0, 14)))
        for position in range(len(source) + 1):
            assert sum(piece.match(source, position) is not None for piece in pieces) <= 1, (source, position)
    literal = re.compile(WRITTEN_PIECES[2], re.VERBOSE)
    assert literal.match('"""a"""').group() == '"""a"""' and literal.match('""').group() == '""'
    assert literal.match('"""\n"""') is None  # not "" followed by a quote


def test_parents_are_built_only_for_a_check_that_asks() -> None:
    """The index's walk leaves the parent map out; DSP019 asks for it only for a real-looking
    value (is it inside a test?), and then it equals the map ``ast.walk`` gives."""
    from docsec.rules.python.hardcoded_secret import check

    code = view("headers = {'Authorization': f'Bearer {token}'}\napi_key = os.environ['API_KEY']\n")
    assert list(check(code)) == [] and "parents" not in code.__dict__
    code = view("def test_login():\n    password = 'Xk9#mQ2$vL7p'\n")
    assert list(check(code)) == [] and "parents" in code.__dict__  # inside a test function
    assert code.parents == {child: node for node in ast.walk(code.tree) for child in ast.iter_child_nodes(node)
                            if not isinstance(child, SINGLETON_BASES)}


def test_a_name_is_read_with_the_values_of_its_own_function_or_else_module_level() -> None:

    code = build_python_view(
        "target = 'module'\n"
        "def first():\n"
        "    target = 'first'\n"
        "    return target\n"
        "def second():\n"
        "    return target\n"
        "def third():\n"
        "    target = 'third'\n"
        "    target = target + '!'\n"
        "    return target\n"
    )
    assert code is not None
    returned = {function.name: function.body[-1].value for function in code.tree.body
                if isinstance(function, ast.FunctionDef)}
    def seen(name: str) -> list[str]:
        return [ast.unparse(value) for value in code.assigned_where_read(returned[name])]
    assert seen("first") == ["'first'"]
    assert seen("second") == ["'module'"]  # no assignment of its own: the module's
    assert seen("third") == ["'third'", "target + '!'"]
