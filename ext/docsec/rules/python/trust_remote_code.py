"""## What it does
Finds Hugging Face loaders told to run code that comes with a model or a
dataset: ``trust_remote_code=True`` in any call
(``AutoModel.from_pretrained``, ``AutoTokenizer.from_pretrained``,
``pipeline``, ``datasets.load_dataset``, ``SentenceTransformer``...), the
command-line options ``--trust-remote-code`` / ``--trust_remote_code``
(``vllm serve``, ``lm_eval``, the ``transformers`` example scripts, TGI's
launcher) and ``HF_DATASETS_TRUST_REMOTE_CODE=1``.  An explicit ``False``
is left alone.

## Why is this bad?
With ``trust_remote_code`` the library downloads Python files from the
model or dataset repository and imports them: whoever controls that
repository, or takes it over later, runs code on the reader's machine with
the reader's credentials.  The option is meant for repositories you have
read and pinned, not for a copy-paste example.

## Example
```python
from transformers import AutoModelForCausalLM
model = AutoModelForCausalLM.from_pretrained("some-org/new-arch-7b", trust_remote_code=True)
```

## Use instead
```python
from transformers import AutoModelForCausalLM
# A model whose architecture ships with transformers needs no remote code.  If one
# does, review its code and pin the reviewed commit with revision="<commit sha>".
model = AutoModelForCausalLM.from_pretrained("some-org/new-arch-7b")
```

## References
- [CWE-829: Inclusion of Functionality from Untrusted Control Sphere](https://cwe.mitre.org/data/definitions/829.html)
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [Transformers: custom models and trust_remote_code](https://huggingface.co/docs/transformers/en/custom_models)
"""

from __future__ import annotations

import re
from typing import Iterator, Union

from ...languages.python import PythonView
from ...languages.shell import ShellView
from ...model import Hit
from ..registry import rule

OPTIONS = ("--trust-remote-code", "--trust_remote_code")
FALSE = re.compile(r"^(?:false|0|no|off)$", re.IGNORECASE)
TRUE = re.compile(r"^(?:true|1|yes|on)$", re.IGNORECASE)


@rule(
    id="DSP050",
    symbol="trust-remote-code",
    title="Hugging Face loader runs code from the model repository",
    severity="medium",
    cwe=829,
    languages=("python", "shell"),
    triggers=("trust_remote_code", "trust-remote-code"),
    equivalent="none",
    message="`trust_remote_code=True` imports and runs Python files from the model or dataset repository; "
            "drop it, or review the code and pin the revision",
    use_instead="from_pretrained(name) without trust_remote_code, or with a reviewed, pinned revision=<commit sha>",
)
def check(view: Union[PythonView, ShellView]) -> Iterator[Hit]:
    if isinstance(view, ShellView):
        yield from _shell(view)
        return
    for call in view.calls:
        if view.is_true(call.keyword("trust_remote_code")):
            yield Hit(call.line, view.column(call.node),
                      f"`{call.written}(..., trust_remote_code=True)` downloads and runs Python code from the "
                      "repository; drop it, or review that code and pin `revision=` to the reviewed commit")


def _shell(shell: ShellView) -> Iterator[Hit]:
    for command in shell.all_commands:
        for index, word in enumerate(command.words[1:], start=1):
            option, equals, value = word.partition("=")
            if option not in OPTIONS:
                continue
            following = command.words[index + 1] if index + 1 < len(command.words) else ""
            if (equals and FALSE.match(value)) or (not equals and FALSE.match(following)):
                continue
            yield Hit(command.line, 1, f"`{command.program} {option}` runs Python code from the model repository; "
                      "drop it, or review the code and pin the revision")
            break
    for setting in shell.settings:
        if setting.name.upper() == "HF_DATASETS_TRUST_REMOTE_CODE" and TRUE.match(setting.value):
            yield Hit(setting.line, 1, f"`{setting.name}={setting.value}` lets every dataset run its loading script; "
                      "leave it unset and pass trust only for a reviewed dataset")
