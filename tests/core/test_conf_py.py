"""conf.py is read with ``ast`` only: literal values are followed, anything else is named with its line."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from docsec.core.conf_py import read_conf_py
from docsec.core.dialect import sphinx_dialect
from docsec.core.projects import Tool, UnreadableSetting, configure, sphinx_tool
from docsec.core.config import ConfigError


def conf(text: str):
    return read_conf_py(Path("conf.py"), textwrap.dedent(text))


def test_literals_and_the_usual_ways_of_growing_them() -> None:
    read = conf("""\
        import os
        extensions = ["myst_parser"]
        extensions += ["sphinx.ext.todo"]
        extensions.append("docsec")
        extensions.extend(("sphinx_design",))
        base = ["_build"]
        exclude_patterns = base + ["drafts/**"]
        source_suffix = {".rst": "restructuredtext"}
        source_suffix[".txt"] = "markdown"
        substitutions = {"a": "1"} | {"b": "2"}
        myst_substitutions = {**substitutions, "c": "3"}
        docsec_min_severity: str = "medium"
        first = second = "same"
        highlight_language, pygments_style = "console", "sphinx"
        """)
    assert read.value("extensions") == ["myst_parser", "sphinx.ext.todo", "docsec", "sphinx_design"]
    assert read.value("exclude_patterns") == ["_build", "drafts/**"]
    assert read.value("source_suffix") == {".rst": "restructuredtext", ".txt": "markdown"}
    assert read.value("myst_substitutions") == {"a": "1", "b": "2", "c": "3"}
    assert (read.value("first"), read.value("second")) == ("same", "same")
    assert (read.value("highlight_language"), read.get("extensions").line) == ("console", 5)
    assert {key: setting.value for key, setting in read.docsec_settings().items()} == {"min_severity": "medium"}
    assert read.problems == ()


@pytest.mark.parametrize("text, name, line, problem", [
    ("import os\ndocsec_ignore = os.environ['X']\n", "docsec_ignore", 2, "its value is an item of another value"),
    ("docsec_ignore = [f'DSP{n}' for n in range(3)]\n", "docsec_ignore", 1, "its value is a comprehension"),
    ("docsec_guidance = dict(DSP001='x')\n", "docsec_guidance", 1, "its value is the result of a call"),
    ("x = 1\nif x:\n    extensions = ['myst_parser']\n", "extensions", 2,
     "it is set inside a `if` statement (line 2), so its value depends on running conf.py"),
    ("extensions = []\ntry:\n    import foo\n    extensions.append('foo')\nexcept ImportError:\n    pass\n",
     "extensions", 2, "it is set inside a `try` statement (line 2)"),
    ("extensions = EXTRA + ['docsec']\n", "extensions", 1, "its value is the name `EXTRA`, which conf.py does not "
                                                           "assign a literal"),
    ("extensions = []\nextensions.append(name_from_elsewhere)\n", "extensions", 2,
     "`.append(...)` changes it with something docsec cannot read"),
    ("highlight_language = 'py' if True else 'sh'\n", "highlight_language", 1, "a conditional expression"),
])
def test_what_is_not_a_literal_says_why_and_where(text: str, name: str, line: int, problem: str) -> None:
    setting = conf(text).get(name)
    assert setting is not None and not setting.literal
    assert setting.line == line
    assert problem in setting.problem


def test_file_level_problems() -> None:
    assert conf("from shared_conf import *\n").problems == (
        (1, "`from shared_conf import *` may set any setting, and docsec reads only conf.py itself"),)
    assert conf("extensions = [\n").problems[0][0] == 1
    assert "not valid Python" in conf("def (:\n").problems[0][1]


def test_names_inside_functions_are_the_functions_own() -> None:
    read = conf("""\
        extensions = ["myst_parser"]
        def setup(app):
            extensions = ["other"]
            app.add_config_value("x", 1, "env")
        """)
    assert read.value("extensions") == ["myst_parser"]


def test_it_is_never_run(tmp_path: Path) -> None:
    canary = tmp_path / "ran"
    path = tmp_path / "conf.py"
    path.write_text(f"open({str(canary)!r}, 'w').close()\nextensions = ['docsec']\n__import__('os').system('x')\n",
                    encoding="utf-8")
    assert read_conf_py(path).value("extensions") == ["docsec"]
    assert not canary.exists()


def test_a_conf_py_that_is_a_pipe_is_not_read(tmp_path: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("needs POSIX pipes")
    os.mkfifo(tmp_path / "conf.py")
    assert "cannot read it" in read_conf_py(tmp_path / "conf.py").problems[0][1]


# -- what docsec makes of it -------------------------------------------------------------------------------

def test_the_dialect_follows_the_extensions_and_settings() -> None:
    read = sphinx_dialect(conf("""\
        extensions = ["myst_nb"]
        source_suffix = {".rst": "restructuredtext", ".txt": "markdown"}
        myst_enable_extensions = ["colon_fence", "substitution"]
        myst_substitutions = {"key": "value"}
        highlight_language = "console"
        exclude_patterns = ["_build"]
        templates_path = ["_templates"]
        """))
    dialect = read.dialect
    assert dict(dialect.suffixes) == {".rst": "rst", ".txt": "markdown", ".md": "markdown", ".ipynb": "notebook"}
    assert dialect.myst_extensions == {"colon_fence", "substitution"}
    assert (dialect.highlight_language, dialect.substitution_map) == ("console", {"key": "value"})
    assert dialect.raw_markdown_cells == "commonmark"  # MyST-NB's default nb_render_markdown_format
    assert read.exclude_patterns == ("_build", "_templates")
    assert read.problems == []


def test_without_a_markdown_extension_markdown_is_no_page() -> None:
    dialect = sphinx_dialect(conf("extensions = ['sphinx.ext.autodoc']\n")).dialect
    assert dict(dialect.suffixes) == {".rst": "rst"}
    assert dialect.myst_extensions == frozenset()


def test_settings_that_decide_blocks_fail_closed_and_the_others_read_more() -> None:
    read = sphinx_dialect(conf("""\
        import os
        extensions = os.environ["EXTENSIONS"].split()
        exclude_patterns = [os.environ["BUILD"]]
        myst_enable_extensions = os.environ["MYST"].split()
        """))
    problems = {problem.message.split(" ", 1)[0]: problem for problem in read.problems}
    assert problems["myst_enable_extensions"].error and problems["myst_enable_extensions"].line == 4
    assert not problems["extensions"].error and not problems["exclude_patterns"].error
    assert ".md" in dict(read.dialect.suffixes) and ".ipynb" in dict(read.dialect.suffixes)  # every reader
    assert read.exclude_patterns == ()  # nothing excluded


def test_unread_parsers_are_listed() -> None:
    read = sphinx_dialect(conf("source_suffix = {'.rst': 'restructuredtext', '.Rmd': 'jupytext'}\n"))
    assert read.unread_suffixes == ((".Rmd", "jupytext"),)


def test_conf_py_wins_over_pyproject_and_names_the_line_of_a_bad_value(tmp_path: Path) -> None:
    path = tmp_path / "conf.py"
    path.write_text("extensions = []\ndocsec_ignore = ['DSP003']\ndocsec_min_severity = 'urgent'\n", encoding="utf-8")
    tool = sphinx_tool(path, read_conf_py(path))
    with pytest.raises(ConfigError, match=rf"{path}:3: docsec_min_severity = 'urgent' is invalid"):
        configure(tool, {"ignore": ["DSP005"]})
    path.write_text("extensions = []\ndocsec_ignore = ['DSP003']\n", encoding="utf-8")
    configured = configure(sphinx_tool(path, read_conf_py(path)), {"ignore": ["DSP005"], "min_severity": "high"})
    assert (configured.config.ignore, configured.config.min_severity.label) == (("DSP003",), "high")


def test_a_docsec_setting_that_is_not_a_literal_is_a_configuration_error(tmp_path: Path) -> None:
    path = tmp_path / "conf.py"
    path.write_text("import os\ndocsec_ignore = os.environ.get('X')\n", encoding="utf-8")
    with pytest.raises(UnreadableSetting) as error:
        configure(sphinx_tool(path, read_conf_py(path)), {})
    assert str(error.value).startswith(f"{path}:2: docsec_ignore is not a literal")
    assert "or in [tool.docsec] of pyproject.toml" in str(error.value)


def test_unknown_keys_get_the_closest_names(tmp_path: Path) -> None:
    path = tmp_path / "conf.py"
    path.write_text("docsec_ignroe = ['DSP003']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"docsec_ignroe .* \(did you mean docsec_ignore\?\)"):
        configure(sphinx_tool(path, read_conf_py(path)), {})
    with pytest.raises(ConfigError, match=r"min_severty .* \(did you mean min_severity\?\)"):
        configure(Tool("", tmp_path), {"min_severty": "low"})
    myst = tmp_path / "myst.yml"
    myst.write_text("version: 1\ndocsec:\n  legacy_phrase: [x]\n", encoding="utf-8")
    from docsec.core.projects import mystmd_tool

    with pytest.raises(ConfigError, match=rf"{myst}:3: docsec.legacy_phrase .* \(did you mean docsec.legacy_phrases"):
        configure(mystmd_tool(myst), {})


def test_myst_yml_is_read_safely(tmp_path: Path) -> None:
    from docsec.core.projects import mystmd_tool

    myst = tmp_path / "myst.yml"
    myst.write_text("version: 1\nproject:\n  exclude: [drafts/**]\ndocsec:\n  ignore: [DSP003]\n", encoding="utf-8")
    tool = mystmd_tool(myst)
    assert (tool.settings, tool.lines, tool.exclude) == ({"ignore": ["DSP003"]}, {"ignore": 5}, ("drafts/**",))
    myst.write_text("a: &a [x, x]\nb: &b [*a, *a]\ndocsec:\n  ignore: *b\n", encoding="utf-8")
    assert "aliases" in mystmd_tool(myst).problems[0].message
    myst.write_text("docsec: [1, 2]\n", encoding="utf-8")
    assert mystmd_tool(myst).problems[0].error


def test_hostile_files_stay_small_and_never_raise() -> None:
    doubling = conf("a = ['x']\n" + "a += a\n" * 40 + "extensions = ['myst_parser']\n")
    assert "larger than 100000 items" in doubling.get("a").problem
    assert doubling.value("extensions") == ["myst_parser"]  # the rest is still read
    nested = conf("extensions = " + "[" * 5000 + "]" * 5000 + "\n")
    assert nested.problems or not nested.get("extensions").literal
