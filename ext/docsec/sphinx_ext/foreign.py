"""Code shown by other extensions' directives that emit no literal block.

sphinx-prompt's ``prompt`` directive renders its code as raw HTML, so the
doctree holds no ``literal_block`` for docsec to scan.  When such a
directive is registered, it is wrapped so that its raw nodes carry the code
and its language (the same language ``docsec check`` gives it), and
:mod:`.blocks` scans them like any code block.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives

from ..sources._directives import code_language

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config as SphinxConfig

CODE_ATTR = "docsec_code"
LANGUAGE_ATTR = "docsec_language"
RAW_CODE_DIRECTIVES = ("prompt",)


def wrap_raw_code_directives(app: Sphinx, _config: SphinxConfig) -> None:
    for name in RAW_CODE_DIRECTIVES:
        original = directives._directives.get(name)  # registered by the extension's setup()
        if original is None or getattr(original, "_docsec_wrapped", False):
            continue
        app.add_directive(name, _wrapped(name, original), override=True)


def _wrapped(name: str, original: Any) -> Any:
    class CodeRecordingDirective(original):  # type: ignore[misc, valid-type]
        _docsec_wrapped = True

        def run(self) -> list[nodes.Node]:
            result = super().run()
            language = code_language(name, " ".join(self.arguments), self.options, {})
            code = "\n".join(self.content)
            source, line = self.state_machine.get_source_and_line(self.lineno)
            for node in result:
                if isinstance(node, nodes.raw) and language:
                    node[CODE_ATTR], node[LANGUAGE_ATTR] = code, language
                    node.source, node.line = source, line
            return result

    CodeRecordingDirective.__name__ = f"DocsecRecording{original.__name__}"
    return CodeRecordingDirective
