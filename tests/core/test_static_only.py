"""Scanning never runs documentation code, whatever the block says."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docsec.core.engine import Engine
from docsec.languages.labels import CONSOLE, DOCKERFILE, PYCON, PYTHON, SHELL, YAML
from docsec.model import CodeBlock, Location

LABELS = sorted(PYTHON | PYCON | SHELL | CONSOLE | DOCKERFILE | YAML | {"", "text", "toml", "json", "weird"})


def payloads(marker: Path) -> dict[str, str]:
    return {
        "python": f"open({str(marker)!r}, 'w').write('ran')\n__import__('os').system('touch {marker}')\n",
        "pycon": f">>> open({str(marker)!r}, 'w').write('ran')\n3\n",
        "ipython": f"!touch {marker}\n%system touch {marker}\n",
        "console": f"$ touch {marker}\n$ python -c \"open('{marker}','w')\"\n",
        "bash": f"touch {marker}\nsleep 30\n",
        "dockerfile": f"FROM python\nRUN touch {marker}\n",
        "yaml": "!!python/object/apply:os.system ['touch " + str(marker) + "']\n",
        "text": "import time; time.sleep(30)\n",
    }


def test_nothing_from_a_block_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "ran"
    opened: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: opened.append(address))
    engine = Engine()
    start = time.perf_counter()
    for label, text in payloads(marker).items():
        engine.scan(CodeBlock(text + "import socket; socket.create_connection(('127.0.0.1', 9))\n",
                              label, Location("x.md", 1)))
    assert not marker.exists()
    assert opened == []
    assert time.perf_counter() - start < 10


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(max_size=400), label=st.sampled_from(LABELS))
def test_any_text_in_any_language_never_raises(text: str, label: str) -> None:
    report = Engine().scan(CodeBlock(text, label, Location("fuzz.md", 1)))
    for finding in report.findings:
        assert finding.line >= 1 and finding.rule_id


SNIPPET_PARTS = st.sampled_from([
    ">>> ", "... ", "!", "%", "%%bash\n", "$ ", "# ", "\\\n", "(", ")", "[", "]", "{", "}", "'", '"', '"""',
    "eval(x)", "os.system(cmd)", "curl x | sh", "yaml.load(f)", "HTTPServer(('0.0.0.0', 1), H)", "\n", "    ",
    "def f():", "class A:", "if x:", "...", "<your key>", "\t", "|", "&&", ";", "#", "docsec: ignore",
])


@settings(max_examples=300, deadline=None, derandomize=True)
@given(parts=st.lists(SNIPPET_PARTS, max_size=40), label=st.sampled_from(LABELS))
def test_snippet_shaped_noise_never_raises(parts: list[str], label: str) -> None:
    Engine().scan(CodeBlock("".join(parts), label, Location("fuzz.md", 1)))


@pytest.mark.parametrize("label", ["python", "console", "yaml", "dockerfile"])
def test_deeply_nested_input_is_handled(label: str) -> None:
    deep = "(" * 5000 + ")" * 5000 + "\n" + "[" * 3000 + "\n" + "- " * 2000 + "x\n"
    Engine().scan(CodeBlock(deep, label, Location("deep.md", 1)))
