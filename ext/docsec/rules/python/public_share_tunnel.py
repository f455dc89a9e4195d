"""## What it does
Finds local applications published to the whole internet through a share
tunnel: Gradio's ``demo.launch(share=True)``, ngrok from Python
(``ngrok.connect(...)`` with pyngrok or the ``ngrok`` SDK, flask-ngrok's
``run_with_ngrok(app)``), and ``localtunnel``/``pyngrok``-style helpers.

## Why is this bad?
A share link is a public URL: anyone who finds or guesses it reaches the
application, with none of the authentication a public service would have.
Demos and notebooks shared this way often run models, shells or file
browsers with the author's credentials and files, and the links end up in
chats, issues and logs.

## Example
```python
import gradio as gr

demo = gr.Interface(fn=run_query, inputs="text", outputs="text")
demo.launch(share=True)
```

## Use instead
```python
demo.launch(auth=("reviewer", os.environ["DEMO_PASSWORD"]))  # local, with a login
```
Keep the demo local, or publish it with authentication (``launch(auth=...)``,
ngrok's ``basic_auth``/OAuth options) and take the tunnel down afterwards.

## References
- [CWE-284: Improper Access Control](https://cwe.mitre.org/data/definitions/284.html)
- [Gradio: Sharing your app, security](https://www.gradio.app/guides/sharing-your-app)
"""

from __future__ import annotations

from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

TUNNEL_CALLS = frozenset({"run_with_ngrok"})
AUTH_KEYWORDS = ("auth", "basic_auth", "oauth_provider", "oauth", "auth_dependency", "traffic_policy")


@rule(
    id="DSP073",
    symbol="public-share-tunnel",
    title="Application published to the internet through a share tunnel",
    severity="medium",
    cwe=284,
    languages=("python",),
    equivalent="none",
    message="publishes the application on a public share URL with no login; keep it local or add authentication",
    use_instead='demo.launch(auth=("reviewer", os.environ["DEMO_PASSWORD"])), or no share link',
    name_triggers=("share", "ngrok", "run_with_ngrok", "connect", "forward"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        what = _tunnel(code, call)
        if what and not any(call.keyword(k) is not None for k in AUTH_KEYWORDS):
            yield Hit(call.line, code.column(call.node),
                      f"`{call.written}(...)` {what}: anyone with the link reaches the application, with no login; "
                      "keep it local or add authentication (`auth=`, ngrok's `basic_auth`)")


def _tunnel(code: PythonView, call: Call) -> str:
    if call.short == "launch" and code.is_true(call.keyword("share")):
        return "opens a public share link"
    if call.short in TUNNEL_CALLS:
        return "publishes the app through ngrok"
    if call.short in ("connect", "forward") and "ngrok" in call.name.split("."):
        return "opens a public ngrok tunnel"
    return ""
