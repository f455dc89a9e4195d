"""reStructuredText rewrites: directives, ``::`` blocks and doctest paragraphs re-indented under the wrapper."""

from __future__ import annotations

from pathlib import Path

import pytest
from fix_helpers import LEGACY, NOTICE, fixed

from docsec.fix import Choice, fix_text
from docsec.sources import extract


MOVING = "Shows the **insecure practice** of evaluating ``user``\ninput."


def test_a_code_block_after_a_notice_takes_its_words_and_markup(tmp_path: Path) -> None:
    text = f"Title\n=====\n\n{MOVING}\n\n.. code-block:: python\n   :caption: eval\n\n   eval(data)\n\nAfter.\n"
    assert fixed(tmp_path, "page.rst", text) == (
        "Title\n=====\n\n.. insecure-example::\n   :reason: Shows the **insecure practice** of evaluating ``user`` "
        "input.\n\n   .. code-block:: python\n      :caption: eval\n\n      eval(data)\n\nAfter.\n")
    assert fixed(tmp_path, "banner.rst", f"{NOTICE}\n\n.. code-block:: python\n\n   eval(data)\n") == (
        ".. insecure-example::\n\n   .. code-block:: python\n\n      eval(data)\n")  # the banner says it all


def test_a_danger_admonition_around_the_block_becomes_the_wrapper(tmp_path: Path) -> None:
    text = ".. danger::\n\n   Never open the folder to *every* user:\n\n   .. code-block:: bash\n\n      chmod -R 777 /srv\n"
    assert fixed(tmp_path, "page.rst", text) == text.replace(".. danger::", ".. insecure-example::")
    titled = (".. admonition:: Security risk\n   :class: danger\n\n   Careful.\n\n   .. code-block:: python\n\n"
              "      eval(data)\n\nAfter.\n")
    assert fixed(tmp_path, "titled.rst", titled) == titled.replace(
        ".. admonition:: Security risk\n   :class: danger\n", ".. insecure-example:: Security risk\n")


def test_a_literal_block_keeps_its_paragraph_as_readers_saw_it(tmp_path: Path) -> None:
    text = ".. highlight:: console\n\nThen run it (never like this)::\n\n   $ curl -k https://x\n\nDone.\n"
    path = tmp_path / "page.rst"
    path.write_text(text, encoding="utf-8")
    [block] = extract(path, "page.rst", LEGACY).blocks
    result = fix_text(path, "page.rst", text, [Choice(block, "")], LEGACY)
    assert result.problem == ""
    assert result.after == (".. highlight:: console\n\nThen run it (never like this):\n\n.. insecure-example::\n\n"
                            "   ::\n\n      $ curl -k https://x\n\nDone.\n")


@pytest.mark.parametrize(("paragraph", "shown"), [("Run it ::", "Run it"), ("::", None)])
def test_the_other_literal_forms(tmp_path: Path, paragraph: str, shown: str | None) -> None:
    text = f"{paragraph}\n\n   $ curl -k https://x\n"
    path = tmp_path / "page.rst"
    path.write_text(".. highlight:: console\n\n" + text, encoding="utf-8")
    [block] = extract(path, "page.rst", LEGACY).blocks
    result = fix_text(path, "page.rst", path.read_text(), [Choice(block, "")], LEGACY)
    assert result.problem == ""
    head = f"{shown}\n\n" if shown else ""
    assert result.after == (".. highlight:: console\n\n" + head +
                            ".. insecure-example::\n\n   ::\n\n      $ curl -k https://x\n")


def test_a_literal_block_whose_paragraph_is_the_notice(tmp_path: Path) -> None:
    text = ".. highlight:: console\n\nThis is insecure practice::\n\n   $ curl -k https://x\n"
    assert fixed(tmp_path, "page.rst", text) == (
        ".. highlight:: console\n\n.. insecure-example::\n   :reason: This is insecure practice\n\n"
        "   ::\n\n      $ curl -k https://x\n")


def test_doctest_blocks_and_admonitions_in_lists(tmp_path: Path) -> None:
    text = ("* Item.\n\n  .. danger::\n\n     >>> import yaml\n     >>> yaml.load(data, Loader=yaml.Loader)\n\n"
            "* Next.\n")
    assert fixed(tmp_path, "page.rst", text) == text.replace(".. danger::", ".. insecure-example::")
    kept = text.replace("* Next.", "  .. code-block:: python\n\n     print('clean')\n\n* Next.").replace(
        "     >>> yaml.load(data, Loader=yaml.Loader)\n\n", "     >>> yaml.load(data, Loader=yaml.Loader)\n\n"
        "     ::\n\n        print('clean, inside the danger too')\n\n")
    assert fixed(tmp_path, "kept.rst", kept) == kept.replace(
        "     >>> import yaml\n     >>> yaml.load(data, Loader=yaml.Loader)\n",
        "     .. insecure-example::\n\n        >>> import yaml\n        >>> yaml.load(data, Loader=yaml.Loader)\n")


def test_crlf(tmp_path: Path) -> None:
    text = "This is insecure practice.\r\n\r\n.. code-block:: python\r\n\r\n   eval(data)\r\n"
    assert fixed(tmp_path, "page.rst", text) == (
        ".. insecure-example::\r\n   :reason: This is insecure practice.\r\n\r\n   .. code-block:: python\r\n\r\n"
        "      eval(data)\r\n")


def test_second_run_changes_nothing(tmp_path: Path) -> None:
    text = f"{NOTICE}\n\n.. code-block:: python\n\n   eval(data)\n\n.. danger::\n\n   >>> eval(data)\n"
    once = fixed(tmp_path, "page.rst", text)
    assert once is not None
    assert fixed(tmp_path, "again.rst", once) is None


def test_tabs_are_refused(tmp_path: Path) -> None:
    text = f"{NOTICE}\n\n.. code-block:: python\n\n\teval(data)\n"
    path = tmp_path / "page.rst"
    path.write_text(text, encoding="utf-8")
    [block] = extract(path, "page.rst", LEGACY).blocks
    result = fix_text(path, "page.rst", text, [Choice(block, block.marker.reason)], LEGACY)
    assert result.after == text
    assert "tabs" in result.problem


def test_guidance_leaves_the_rfc_2119_boilerplate_alone(tmp_path: Path) -> None:
    boilerplate = ('The key words "MUST", "MUST NOT" and "SHOULD" in this document are to be interpreted as\n'
                   "described in RFC 2119.")
    text = f"Guide\n=====\n\n{boilerplate}\n\nTokens MUST expire.\n"
    path = tmp_path / "page.rst"
    path.write_text(text, encoding="utf-8")
    result = fix_text(path, "page.rst", text, [], LEGACY, guidance=True)
    assert result.after == f"Guide\n=====\n\n{boilerplate}\n\n.. security::\n\n   Tokens MUST expire.\n"
