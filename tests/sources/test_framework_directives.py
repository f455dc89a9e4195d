"""``docsec check`` reads code from other extensions' directives, and from the
project's own ones named in ``directive_languages``."""

from __future__ import annotations

from pathlib import Path

import pytest

from docsec.core.config import Config, ConfigError
from docsec.sources import markdown, rst

RST = """
.. console::

   $ python manage.py migrate

.. tabs::

   .. code-tab:: python Python 3

      import os

.. prompt:: bash $

   pip install django

.. prompt:: python >>> auto

   >>> import django

.. ipython::
   :verbatim:

   In [1]: x = 1

.. ipython::
   :suppress:

   In [1]: import secret_setup

.. jupyter-execute::
   :hide-code:

   setup()

.. jupyter-execute::

   print("shown")

.. sql-example::

   SELECT 1;
"""

MD = """
```{console}
$ django-admin startproject mysite
```

```{code-tab} js
let x = 1;
```

```{prompt} bash $ auto
$ flask run
```

```{sql-example}
SELECT 2;
```
"""


def blocks(suffix: str, text: str, config: Config) -> list[tuple[str, str, int]]:
    module = rst if suffix == ".rst" else markdown
    result = module.extract(Path("page" + suffix), "page" + suffix, config, text=text)
    return [(b.language, b.text.strip(), b.location.line) for b in result.blocks]


def test_rst_directives_of_common_extensions() -> None:
    assert blocks(".rst", RST, Config()) == [
        ("console", "$ python manage.py migrate", 4),
        ("python", "import os", 10),
        ("bash", "pip install django", 14),
        ("pycon", ">>> import django", 18),
        ("ipython", "In [1]: x = 1", 23),
        ("python", 'print("shown")', 37),
    ]


def test_markdown_directives_of_common_extensions() -> None:
    assert blocks(".md", MD, Config()) == [
        ("console", "$ django-admin startproject mysite", 3),
        ("js", "let x = 1;", 7),
        ("console", "$ flask run", 11),
    ]


@pytest.mark.parametrize("suffix, text, line", [(".rst", RST, 41), (".md", MD, 15)])
def test_project_directives_from_the_configuration(suffix: str, text: str, line: int) -> None:
    config = Config.from_mapping({"directive_languages": {"SQL-Example": "sql"}})
    assert config.directive_languages == {"sql-example": "sql"}
    assert blocks(suffix, text, config)[-1] == ("sql", f"SELECT {1 if suffix == '.rst' else 2};", line)


def test_a_configured_language_overrides_the_builtin_one() -> None:
    config = Config.from_mapping({"directive_languages": {"console": "powershell"}})
    assert blocks(".rst", ".. console::\n\n   Get-ChildItem\n", config) == [("powershell", "Get-ChildItem", 3)]


def test_bad_directive_languages_name_the_key() -> None:
    with pytest.raises(ConfigError, match="directive_languages"):
        Config.from_mapping({"directive_languages": {"my directive": "sql"}})
    with pytest.raises(ConfigError, match="directive_languages"):
        Config.from_mapping({"directive_languages": ["console"]})
