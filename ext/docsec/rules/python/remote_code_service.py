"""## What it does
Finds network services whose purpose is to run the caller's code: eventlet's
``backdoor.backdoor_server(...)`` and gevent's ``BackdoorServer``, Twisted's
manhole (``manhole_tap``, ``manhole_ssh``, ``telnet.ShellFactory``), RPyC's
classic service (``ThreadedServer(SlaveService)``/``ClassicService``), and
XML-RPC servers that register ``eval``, ``exec``, ``os.system`` or
``subprocess`` functions or expose an instance with
``allow_dotted_names=True``.  Loopback-only backdoors are reported too: any
local user, and any web page through the browser, can reach them.

## Why is this bad?
These services hand whoever connects a Python prompt inside the running
program, with its memory, credentials and files; they authenticate nobody
unless told to.  ``allow_dotted_names=True`` lets a caller walk from the
registered object to its module globals and on to ``os``.

## Example
```python
import eventlet
from eventlet import backdoor

eventlet.spawn(backdoor.backdoor_server, eventlet.listen(("localhost", 3000)))
```

## Use instead
Leave the backdoor out of code that ships; to inspect a live process, use a
debugger attached by its owner (``py-spy``, ``pdb`` over a Unix socket with
0600 permissions), or an SSH manhole with keys.

## References
- [CWE-489: Active Debug Code](https://cwe.mitre.org/data/definitions/489.html)
- [CWE-94: Improper Control of Generation of Code](https://cwe.mitre.org/data/definitions/94.html)
- [Python docs: SimpleXMLRPCServer.register_instance, allow_dotted_names](https://docs.python.org/3/library/xmlrpc.server.html#xmlrpc.server.SimpleXMLRPCServer.register_instance)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ...languages.python import Call, PythonView
from ...model import Hit
from ..registry import rule

BACKDOORS = frozenset({"backdoor_server", "backdoor", "BackdoorServer", "manhole_tap", "ShellFactory"})
RPYC_CLASSIC = frozenset({"SlaveService", "ClassicService"})
CODE_RUNNERS = frozenset({"eval", "exec", "compile", "os.system", "os.popen", "subprocess.run", "subprocess.call",
                          "subprocess.Popen", "subprocess.check_output", "subprocess.getoutput"})


@rule(
    id="DSP074",
    symbol="remote-code-service",
    title="Network service that runs the caller's code (backdoor, manhole, RPyC classic, XML-RPC eval)",
    severity="high",
    cwe=94,
    languages=("python",),
    equivalent="none",
    message="serves a Python prompt or code execution to whoever connects; remove it from code that ships",
    use_instead="no backdoor in shipped code; attach a debugger as the process owner when needed",
    name_triggers=("backdoor_server", "backdoor", "backdoorserver", "manhole_tap", "shellfactory", "slaveservice",
                   "classicservice", "register_function", "register_instance"),
)
def check(code: PythonView) -> Iterator[Hit]:
    for call in code.calls:
        what = _runs_callers_code(code, call)
        if what:
            yield Hit(call.line, code.column(call.node), f"`{call.written}(...)` {what}, to whoever connects and "
                      "with no authentication; remove it from code that ships")


def _runs_callers_code(code: PythonView, call: Call) -> str:
    arguments = [*call.node.args, *(k.value for k in call.node.keywords)]
    names = {(code.qualname(a) or "").rsplit(".", 1)[-1] for a in arguments if isinstance(a, (ast.Name, ast.Attribute))}
    if call.short in BACKDOORS and ("backdoor" in call.name or "manhole" in call.name or "telnet" in call.name
                                   or call.short == "BackdoorServer"):
        return "serves an interactive Python prompt inside the program"
    if call.short == "spawn" and names & {"backdoor_server"}:
        return "serves an interactive Python prompt inside the program (eventlet's backdoor)"
    if names & RPYC_CLASSIC and call.short.endswith("Server"):
        return "serves RPyC's classic service, which runs any Python the client sends"
    if call.short == "register_function" and call.node.args:
        registered = code.qualname(call.node.args[0]) or ""
        if registered in CODE_RUNNERS:
            return f"registers `{registered}` as a remote procedure, which runs what the caller sends"
    if call.short == "register_instance" and code.is_true(call.keyword("allow_dotted_names")):
        return "exposes the instance with `allow_dotted_names=True`, from which callers reach module globals and `os`"
    return ""
