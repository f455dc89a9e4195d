"""docsec for mystmd and Jupyter Book 2: the ``docsec.mjs`` plugin and its Python half.

mystmd has no Sphinx, so docsec reaches it through a JavaScript plugin
shipped in this package (``docsec.mjs``, copied into a project by
``docsec myst-plugin install``) and loaded from myst.yml::

    project:
      plugins:
        - docsec.mjs

Design, and the trade-offs taken
--------------------------------
*A JavaScript plugin, not an executable (Python) one.*  Executable plugins
see neither the page's path nor a vfile, so they can only fail a build with
bare line numbers or a non-zero exit; a JS transform can call
``vfile.message(...)`` with ``fatal = true``, which myst prints as
``⛔️ page.md:12 ...`` and counts for ``myst build --strict``.

*Directives in JavaScript.*  ``security``, ``insecure-example`` and
``secure-example`` are small tree builders; as executable-plugin directives
each use would cost a Python spawn (~95 ms), so a book with hundreds of them
would take minutes.  Their options and classes follow the Sphinx extension.
The price: the RFC 2119 keyword table exists once in JS (here) and once in
Python; ``tests/mystmd/test_plugin_js.py`` pins the JS behaviour.

*One Python process per build.*  The scan transform (stage ``document``)
collects each page's ``code`` nodes and sends them as one JSON line to a
long-lived ``python -m docsec.mystmd serve`` started lazily by the plugin;
replies come back as JSON lines, matched by id (pages are transformed
concurrently).  The engine and its rules are imported once, so a page costs
milliseconds instead of a ~150 ms interpreter start.  The child is
``unref``-ed while idle, so it never keeps myst alive, and exits when myst
closes its stdin.  If it cannot start or dies, every remaining page falls
back to one ``python -m docsec.mystmd scan`` spawn (also forced by
``DOCSEC_MYST_SERVER=0``); if Python or docsec is missing altogether, each
page gets a fatal message saying so: the gate fails closed.

*Line numbers.*  Fenced code has a position; code made by directives
(``{code}``, ``{code-block}``, ``{code-cell}``) has none, so the plugin sends
the nearest known line as a hint and :mod:`.scan` finds the code's first
line in the source file (:func:`docsec.core.locate.first_code_line`); code
that cannot be found is reported against the file without a line rather
than a wrong one.  Notebook findings name the cell and the line in it.

Finding the Python: ``DOCSEC_PYTHON``, else ``$VIRTUAL_ENV``'s python, else
``python3`` / ``python`` on PATH.  The process runs with the docs project's
working directory removed from ``sys.path``, and nothing from the pages is
executed: code blocks are only parsed.
"""
