"""Directives of Sphinx extensions whose content is code, for ``docsec check``.

Sphinx runs these directives and docsec scans the literal blocks they
produce; without Sphinx, docsec reads their content as one code block in
the language below.  A project adds its own directives with the
``directive_languages`` setting (``{"sql-example": "sql"}``), which also
overrides these.

=====================  ==========================  ===========================================
directive              extension                   language
=====================  ==========================  ===========================================
``console``            Django's ``djangodocs``     ``console`` (``$`` prompts)
``code-tab``           sphinx-tabs                 the first argument (``.. code-tab:: python``)
``prompt``             sphinx-prompt               the first argument; commands are written
                                                   without prompts, so ``bash`` is a script;
                                                   with the ``auto`` modifier the prompts are
                                                   written: ``bash`` → ``console``,
                                                   ``python`` → ``pycon``
``ipython``            IPython's Sphinx directive  ``ipython`` (``In [1]:`` prompts);
                                                   ``:suppress:`` hides it
``jupyter-execute``,   jupyter-sphinx              ``python``; ``:hide-code:`` hides it
``jupyter-input``
``plot``               matplotlib                  ``python`` with ``:include-source:``,
                                                   else the code is not shown
=====================  ==========================  ===========================================
"""

from __future__ import annotations

from typing import Any, Mapping, Optional

HIDDEN = ""  # the directive's code is not shown to readers
PROMPT_SESSIONS = {"bash": "console", "shell": "console", "sh": "console", "python": "pycon",
                   "powershell": "ps1con", "batch": "doscon"}
KNOWN = frozenset({"console", "code-tab", "prompt", "ipython", "jupyter-execute", "jupyter-input", "plot"})


def is_code_directive(name: str, configured: Mapping[str, str]) -> bool:
    normal = name.lower()
    return normal in configured or normal in KNOWN


def code_language(name: str, arguments: str, options: Mapping[str, Any],
                  configured: Mapping[str, str]) -> Optional[str]:
    """The language of the code a directive shows; ``HIDDEN`` when it shows none;
    ``None`` when the directive is not a code directive."""
    normal = name.lower()
    words = arguments.split()
    if normal in configured:
        return configured[normal]
    if normal == "console":
        return "console"
    if normal == "code-tab":
        return words[0] if words else "default"
    if normal == "prompt":
        language = str(options.get("language") or (words[0] if words else "text"))
        modifiers = str(options.get("modifiers") or (words[2] if len(words) > 2 else ""))
        if "auto" in modifiers.split(","):
            return PROMPT_SESSIONS.get(language.lower(), language)
        return language
    if normal == "ipython":
        return HIDDEN if "suppress" in options else "ipython"
    if normal in ("jupyter-execute", "jupyter-input"):
        return HIDDEN if "hide-code" in options else "python"
    if normal == "plot":
        shown = "include-source" in options and str(options["include-source"] or "true").lower() not in (
            "false", "no", "0", "off")
        return "python" if shown else HIDDEN
    return None
