"""The tolerant parser: documentation fragments still yield the calls they show."""

from __future__ import annotations

import ast
from typing import Optional

import pytest
from docsec.languages import build_views
from docsec.languages.python import MAX_FIELDS, PythonView, build_python_view, parse_tolerant, placeholders_as_names


def calls(text: str, label: str = "python") -> list[tuple[str, int]]:
    view: Optional[PythonView] = build_views(text, label).python
    assert view is not None, "block was not analysed as Python"
    return sorted((call.name, call.line) for call in view.calls)


def test_complete_module_is_complete() -> None:
    result = parse_tolerant("import os\nos.getcwd()\n")
    assert result.complete and result.dropped_lines == () and result.shifted == {}


@pytest.mark.parametrize("placeholder", ["key = {{ api_key }}x", "url = https://example.com"])
def test_placeholder_line_is_dropped_and_the_rest_still_parses(placeholder: str) -> None:
    text = f"import os\n{placeholder}\nos.system(cmd)\n"
    result = parse_tolerant(text)
    assert result.tree is not None and 2 in result.dropped_lines and not result.complete
    assert calls(text) == [("os.system", 3)]
    view = build_python_view(text)
    assert view is not None and view.unread == {2: placeholder}


@pytest.mark.parametrize(("line", "call", "read_as"), [
    ("requests.get(<your-url>, verify=False)", "requests.get", "requests.get(_your_url_, verify=False)"),
    ("torch.load(<path-to-checkpoint>)", "torch.load", "torch.load(_path_to_checkpoint_)"),
    ("token = client.login(<user name>, $PASSWORD)", "client.login", "token = client.login(_user_name_, _PASSWORD)"),
    ("requests.get(${URL}, verify=False)", "requests.get", "requests.get(__URL_, verify=False)"),
    ("client.<method>(url, verify=False)", "client._method_", "client._method_(url, verify=False)"),
])
def test_a_placeholder_on_a_rejected_line_is_read_as_a_name(line: str, call: str, read_as: str) -> None:
    text = f"import os\n{line}\nos.system(cmd)\n"
    result = parse_tolerant(text)
    assert result.complete and result.rewritten == (2,)
    assert calls(text) == sorted([(call, 2), ("os.system", 3)])
    assert placeholders_as_names(line) == read_as and len(read_as) == len(line)


@pytest.mark.parametrize("line", [
    'print("<your-url>", <b)',  # in a literal
    "x = a <b> c",  # a comparison (this line parses: nothing to read)
    "f(x)  # <your-url> in a comment",
])
def test_placeholders_are_not_read_in_literals_comments_or_comparisons(line: str) -> None:
    assert placeholders_as_names(line) == line


def test_a_placeholder_read_as_a_name_keeps_the_line_s_columns() -> None:
    view = build_python_view("requests.get(<your-url>, verify=False)\n")
    assert view is not None and view.complete
    [call] = view.calls
    assert (call.name, view.column(call.node)) == ("requests.get", 1)
    assert view.line_text(1) == "requests.get(<your-url>, verify=False)"  # the block as written


def test_an_expression_too_deep_to_build_is_set_aside_and_the_rest_is_read() -> None:
    deep = "x = " + " + ".join(["a"] * 3000)  # RecursionError in ast construction
    text = f"import requests\n{deep}\nrequests.get(url, verify=False)\n"
    result = parse_tolerant(text)
    assert result.tree is not None and result.dropped_lines == (2,)
    assert calls(text) == [("requests.get", 3)]


def test_replacement_fields_past_the_bound_are_read_as_text() -> None:
    fields = "".join(f"{{v{i}}}" for i in range(MAX_FIELDS + 5))
    text = f'cursor.execute(f"SELECT {fields}")\nos.system(cmd)\n'
    result = parse_tolerant(text)
    assert result.tree is not None and not result.complete
    [literal] = [n for n in ast.walk(result.tree) if isinstance(n, ast.JoinedStr)]
    assert sum(isinstance(v, ast.FormattedValue) for v in literal.values) == MAX_FIELDS
    assert result.unread == {1: "".join(f"{{v{i}}}" for i in range(MAX_FIELDS, MAX_FIELDS + 5))}
    assert calls(text) == [("cursor.execute", 1), ("os.system", 2)]


def test_ellipsis_placeholders_are_python() -> None:
    text = "client = Client(api_key=...)\ndef handler():\n    ...\n...\neval(expr)\n"
    assert parse_tolerant(text).complete
    assert calls(text) == [("Client", 1), ("eval", 5)]


def test_dotted_elision_line_is_dropped() -> None:
    assert calls("import os\n. . .\nos.system(cmd)\n") == [("os.system", 3)]


def test_header_without_body_gets_a_pass() -> None:
    text = "def handler(request):\n\nos.system(cmd)\n"
    result = parse_tolerant(text)
    assert result.tree is not None and result.dropped_lines == ()
    assert calls(text) == [("os.system", 3)]


def test_nested_headers_without_body() -> None:
    result = parse_tolerant("class Foo:\n    def bar(self):\n")
    assert result.tree is not None and result.dropped_lines == ()


def test_unbalanced_bracket_at_the_end_is_closed() -> None:
    assert calls("import os\nos.system(cmd)\nresult = foo(a, b,\n") == [("foo", 3), ("os.system", 2)]


def test_a_bracket_left_open_is_closed_at_the_end_of_its_statement() -> None:
    text = "import hvac\nprint('ttl: {t}'.format(\n    t=hvac.Client().token\n)  # done\nos.system(cmd)\n"
    result = parse_tolerant(text)
    assert result.complete
    assert calls(text) == [("hvac.Client", 3), ("os.system", 5), ("print", 2)]  # (a method of a literal has no name)


def test_unbalanced_bracket_in_the_middle() -> None:
    assert ("os.system", 2) in calls("x = foo(a,\nos.system(cmd)\n")


def test_indented_fragment_is_dedented_and_columns_kept() -> None:
    view = build_python_view("    if ok:\n        os.system(cmd)\n")
    assert view is not None
    call = view.calls[0]
    assert (call.name, call.line) == ("os.system", 2)
    assert view.column(call.node) == 9


def test_fragment_cut_from_a_deeper_block() -> None:
    text = "        os.system(cmd)\n    return 1\n"
    view = build_python_view(text)
    assert view is not None and [(c.name, c.line) for c in view.calls] == [("os.system", 1)]
    assert view.column(view.calls[0].node) == 9


def test_unindent_that_matches_no_level() -> None:
    text = "if x:\n        a()\n    b()\n"
    result = parse_tolerant(text)
    assert result.tree is not None and result.dropped_lines == ()
    assert calls(text) == [("a", 2), ("b", 3)]


def test_python2_print_is_dropped_not_fatal() -> None:
    assert calls("print 'hello'\nos.system(cmd)\n") == [("os.system", 2)]


@pytest.mark.parametrize(("line", "read_as", "call"), [
    ("print repr(sock.server())", "print,repr(sock.server())", ("repr", 1)),  # Python 2
    ("print 'on %s' % urlopen(u)", "print,'on %s' % urlopen(u)", ("urlopen", 1)),
    ("requests.get(url, verify=False))", "requests.get(url, verify=False) ", ("requests.get", 1)),  # stray bracket
])
def test_a_python_2_statement_or_a_stray_bracket_is_read_not_set_aside(line: str, read_as: str,
                                                                        call: tuple[str, int]) -> None:
    result = parse_tolerant(line + "\n")
    assert result.complete and result.rewritten == (1,)
    assert call in calls(line + "\n")
    assert len(read_as) == len(line)


def test_a_python_2_except_clause_is_read() -> None:
    text = "try:\n    connect()\nexcept socket.error, e:  # old style\n    os.system(cmd)\n"
    result = parse_tolerant(text)
    assert result.complete and result.rewritten == (3,)
    assert calls(text) == [("connect", 2), ("os.system", 4)]


def test_pycon_session_lines_keep_their_numbers() -> None:
    text = ">>> import pickle\n>>> data = pickle.loads(blob)\n>>> for x in range(3):\n...     print(x)\n...\n0\n"
    assert calls(text, "pycon") == [("pickle.loads", 2), ("print", 4), ("range", 3)]


def test_ipython_session_and_magics() -> None:
    text = "In [1]: import os\n\nIn [2]: os.system(cmd)\nOut[2]: 0\n"
    assert calls(text, "ipython") == [("os.system", 3)]
    assert calls("%pip install pyyaml\n%timeit yaml.load(s)\n!ls\n", "ipython") == [("yaml.load", 2)]


def test_bash_cell_has_no_python_view() -> None:
    views = build_views("%%bash\ncurl x | sh\n", "ipython")
    assert views.python is None and views.shell is not None


def test_top_level_await_parses() -> None:
    assert calls("proc = await asyncio.create_subprocess_shell(cmd)\n") == [("asyncio.create_subprocess_shell", 1)]


def test_prose_only_block_is_not_python() -> None:
    assert parse_tolerant("This is a sentence, not code at all!\n").tree is None or \
        build_python_view("This is a sentence, not code at all!\n") is None


def test_placeholders_on_many_lines_are_read_in_one_repair() -> None:
    text = "import requests\n" + "requests.get(<your-url>, verify=False)\n" * 200 + 'doc = """\n<kept>\n"""\n'
    result = parse_tolerant(text)
    assert result.complete and result.rewritten == tuple(range(2, 202))
    assert len(calls(text)) == 200
    [doc] = [n for n in ast.walk(result.tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert doc.value == "\n<kept>\n"  # a placeholder inside a literal stays text
