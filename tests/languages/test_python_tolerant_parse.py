"""The tolerant parser: documentation fragments still yield the calls they show."""

from __future__ import annotations

from typing import Optional

import pytest
from docsec.languages import build_views
from docsec.languages.python import PythonView, build_python_view, parse_tolerant


def calls(text: str, label: str = "python") -> list[tuple[str, int]]:
    view: Optional[PythonView] = build_views(text, label).python
    assert view is not None, "block was not analysed as Python"
    return sorted((call.name, call.line) for call in view.calls)


def test_complete_module_is_complete() -> None:
    result = parse_tolerant("import os\nos.getcwd()\n")
    assert result.complete and result.dropped_lines == () and result.shifted == {}


@pytest.mark.parametrize("placeholder", ["token = <your-token>", "key = {{ api_key }}x", "url = https://example.com"])
def test_placeholder_line_is_dropped_and_the_rest_still_parses(placeholder: str) -> None:
    text = f"import os\n{placeholder}\nos.system(cmd)\n"
    result = parse_tolerant(text)
    assert result.tree is not None and 2 in result.dropped_lines and not result.complete
    assert calls(text) == [("os.system", 3)]


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


def test_unbalanced_bracket_at_the_end() -> None:
    assert calls("import os\nos.system(cmd)\nresult = foo(a, b,\n") == [("os.system", 2)]


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
