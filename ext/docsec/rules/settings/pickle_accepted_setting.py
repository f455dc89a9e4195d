"""## What it does
Finds settings that make a message queue, a task queue or a cache accept
pickle: Celery's ``accept_content`` / ``task_serializer`` /
``result_serializer`` set to ``pickle``, Kombu's ``accept=["pickle"]`` and
``serializer="pickle"``, pymemcache's ``serde=pickle_serde``, in Python, YAML
and configuration files.  Loading calls that unpickle
(``numpy.load(..., allow_pickle=True)``, ``pickle.loads``) are DSP005's.

## Why is this bad?
Unpickling runs code: a pickle can name any callable to call while it is
loaded.  A worker that accepts pickle runs whatever the first process able
to publish a message (or write a cache entry, or hand over a file) chooses,
with the worker's rights.  Celery switched its default from pickle to JSON
for this reason.

## Example
```python
app.conf.update(task_serializer="pickle", accept_content=["pickle", "json"])
```

## Use instead
```python
app.conf.update(task_serializer="json", result_serializer="json", accept_content=["json"])
```
Send plain data (JSON, msgpack) and rebuild objects explicitly.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [Celery: Serializers and security](https://docs.celeryq.dev/en/stable/userguide/security.html#serializers)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.key_values import settings_of
from ...model import Hit
from ..registry import rule
from ._knobs import accepts_pickle


@rule(
    id="DSG003",
    symbol="pickle-accepted-setting",
    title="Queue, cache or loader set to accept pickle",
    severity="high",
    cwe=502,
    languages=("python", "yaml", "text"),
    equivalent="Bandit B301 (pickle calls only)",
    message="accepts pickle, which runs code chosen by whoever wrote the data; use json",
    use_instead="task_serializer='json', accept_content=['json']",
    triggers=("pickle",),
)
def check(view: object) -> Iterator[Hit]:
    for setting in settings_of(view):
        why = accepts_pickle(setting)
        if why:
            yield Hit(setting.line, setting.column, why)
