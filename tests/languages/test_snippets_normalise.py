"""Snippet normalisation: prompts, output, magics and shell escapes, line for line."""

from __future__ import annotations

import pytest
from docsec.languages.snippets import normalise_python


def test_pycon_keeps_input_and_continuation_and_blanks_output() -> None:
    text = ">>> total = 0\n>>> for x in range(3):\n...     total += x\n...\n>>> total\n3\n"
    snippet = normalise_python(text, console=True)
    assert snippet.python == ["total = 0", "for x in range(3):", "    total += x", "", "total", ""]
    assert snippet.column_offsets[1] == 4 and snippet.column_offsets[3] == 4


def test_pycon_detected_without_console_flag() -> None:
    snippet = normalise_python(">>> import os\n>>> os.getcwd()\n'/home/user'\n")
    assert snippet.python == ["import os", "os.getcwd()", ""]


def test_pycon_bracketed_continuation_is_kept() -> None:
    text = ">>> d = {'a': 1,\n...      'b': 2}\n>>> d['b']\n2\n"
    assert normalise_python(text, console=True).python == ["d = {'a': 1,", "     'b': 2}", "d['b']", ""]


def test_pycon_continuation_without_a_prompt_inside_open_brackets_is_kept() -> None:
    text = (">>> twitter = OAuth1Session('client_key',\n"
            "                            client_secret='(not a bracket')\n"
            ">>> twitter.get(url)\n"
            "<Response [200]>\n"
            "  (an indented output line)\n")
    assert normalise_python(text, console=True).python == [
        "twitter = OAuth1Session('client_key',", "                            client_secret='(not a bracket')",
        "twitter.get(url)", "", ""]


def test_a_script_before_the_first_prompt_is_code_and_output_after_it_is_not() -> None:
    # A page's script, then a session that inspects its result: no input ran before the first
    # prompt, so those lines cannot be output.
    text = ("import winrm\n\ns = winrm.Session('host', auth=('user', 'secret'))\n"
            ">>> r = s.run_cmd('ipconfig')\n>>> r.status_code\n0\n")
    assert normalise_python(text).python == [
        "import winrm", "", "s = winrm.Session('host', auth=('user', 'secret'))", "r = s.run_cmd('ipconfig')",
        "r.status_code", ""]


def test_an_interpreter_banner_before_the_first_prompt_is_not_code() -> None:
    text = ("Python 3.12.1 (main, Dec  8 2026, 10:00:00) [GCC 13.2.0] on linux\n"
            'Type "help", "copyright", "credits" or "license" for more information.\n'
            ">>> import django\n>>> print(django.get_version())\n5.2\n")
    assert normalise_python(text).python == ["", "", "import django", "print(django.get_version())", ""]


def test_output_line_starting_with_dots_after_output_is_not_code() -> None:
    # "..." only continues a session that is in progress; after output it is output.
    text = ">>> print(list(range(100)))\n[0, 1, 2, ...]\n... more output\n"
    assert normalise_python(text, console=True).python == ["print(list(range(100)))", "", ""]


def test_ipython_console_prompts() -> None:
    text = "In [1]: import os\n\nIn [2]: for f in files:\n   ...:     print(f)\n   ...:\nOut[2]: None\nplain output\n"
    snippet = normalise_python(text)
    assert snippet.python == ["import os", "", "for f in files:", "    print(f)", "", "", ""]
    assert snippet.column_offsets[1] == len("In [1]: ")
    assert snippet.column_offsets[4] == len("   ...: ")


def test_shell_escapes_become_pass_and_reach_the_shell_view() -> None:
    snippet = normalise_python("!pip install requests\nfiles = !ls -la\nimport os\n")
    assert snippet.python == ["pass", "pass", "import os"]
    assert snippet.shell == [(1, "pip install requests"), (2, "ls -la")]


def test_not_equal_is_not_a_shell_escape() -> None:
    assert normalise_python("x != 1\n").python == ["x != 1"]


@pytest.mark.parametrize("line, shell", [("%pip install pyyaml", "pip install pyyaml"),
                                         ("%conda install numpy", "conda install numpy")])
def test_package_magics_go_to_the_shell(line: str, shell: str) -> None:
    snippet = normalise_python(line + "\nimport yaml\n")
    assert snippet.python == ["pass", "import yaml"]
    assert snippet.shell == [(1, shell)]


def test_env_magic_becomes_an_export() -> None:
    assert normalise_python("%env API_URL=http://localhost\n").shell == [(1, "export API_URL=http://localhost")]


@pytest.mark.parametrize("line, code", [
    ("%timeit yaml.load(text)", "yaml.load(text)"),
    ("%timeit -n 10 -r 3 eval(expr)", "eval(expr)"),
    ("%time result = pickle.loads(blob)", "result = pickle.loads(blob)"),
    ("%prun -s cumulative main()", "main()"),
])
def test_timing_magics_keep_their_statement(line: str, code: str) -> None:
    snippet = normalise_python(line + "\n")
    assert snippet.python == [code]
    assert snippet.column_offsets[1] == line.index(code)


def test_other_line_magics_become_pass() -> None:
    assert normalise_python("%matplotlib inline\n%load_ext autoreload\n").python == ["pass", "pass"]


def test_bash_cell_magic_is_all_shell() -> None:
    snippet = normalise_python("%%bash\ncurl -fsSL https://example.com/x.sh | sh\necho done\n")
    assert snippet.cell_language == "shell"
    assert snippet.python == ["", "", ""]
    assert snippet.shell == [(2, "curl -fsSL https://example.com/x.sh | sh"), (3, "echo done")]


def test_script_bash_cell_magic_is_shell() -> None:
    assert normalise_python("%%script bash\nls\n").cell_language == "shell"


def test_timeit_cell_magic_keeps_setup_and_body() -> None:
    snippet = normalise_python("%%timeit data = load()\nyaml.load(data)\n")
    assert snippet.cell_language == "python"
    assert snippet.python == ["data = load()", "yaml.load(data)"]


def test_html_cell_magic_is_skipped() -> None:
    assert normalise_python("%%html\n<b>hi</b>\n").cell_language == "skip"


def test_writefile_python_keeps_code_but_other_files_are_skipped() -> None:
    assert normalise_python("%%writefile app.py\nimport os\n").python == ["", "import os"]
    assert normalise_python("%%writefile app.yaml\nkey: value\n").cell_language == "skip"


def test_help_lines_are_blanked() -> None:
    assert normalise_python("os.system?\n??json.loads\nx = 1\n").python == ["", "", "x = 1"]


def test_line_count_never_changes() -> None:
    text = ">>> a = 1\nout\n\n>>> b = 2\n...\n"
    assert len(normalise_python(text).python) == len(text.splitlines())
