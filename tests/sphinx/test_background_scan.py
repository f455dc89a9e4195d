"""The scan in a worker process: the same findings and warnings as scanning in place, never a lost one."""

from __future__ import annotations

import multiprocessing
import os
import socket
import time
from pathlib import Path

import pytest
from docsec_sphinx_helpers import CONF, SERVER

from docsec.core.engine import Engine
from docsec.sphinx_ext import scanning
from docsec.sphinx_ext.collector import all_findings
from docsec.sphinx_ext.config import runtime
from docsec.sphinx_ext.scanning import SEND_BUFFER_BYTES, _widen_send_buffer

pytestmark = pytest.mark.skipif(not scanning.worth_a_worker(1, True),
                                reason="a background worker needs Linux, two CPUs and a single-threaded process")

PAGES = {
    "index.md": "# Home\n\n```{toctree}\none\ntwo\n```\n",
    "one.md": f"# One\n\n```python\n{SERVER}\n```\n\n:::{{insecure-example}}\n:reason: shown\n\n```python\n"
              f"eval(data)\n```\n:::\n",
    "two.rst": "Two\n===\n\n.. code-block:: bash\n\n   curl -k https://x\n\n::\n\n   chmod 777 /srv\n",
}


def _result(built) -> tuple[list, list[str]]:
    findings = sorted((f.path, f.line, f.rule_id, f.status.value) for f in all_findings(built.app.env))
    return findings, sorted(built.docsec_warnings())


def test_background_and_in_place_scans_agree(build) -> None:
    in_place = build(PAGES, conf=CONF + "docsec_background_scan = False\n")
    assert runtime(in_place.app)._engine is not None
    background = build(PAGES, conf=CONF + "docsec_background_scan = True\n")
    assert _result(background) == _result(in_place)
    assert ("one.md", 4, "DSP014", "unmarked") in _result(background)[0]
    assert background.statuscode == 1
    assert runtime(background.app)._engine is None  # the rules were loaded by the worker, not the build


def test_a_failing_worker_loses_no_finding(build, monkeypatch: pytest.MonkeyPatch) -> None:
    build_process = os.getpid()
    real_scan = scanning.scan

    def scan_but_not_in_the_worker(engine, srcdir, raws, dialect):  # type: ignore[no-untyped-def]
        if os.getpid() != build_process:
            raise RuntimeError("the worker breaks")
        return real_scan(engine, srcdir, raws, dialect)

    monkeypatch.setattr(scanning, "scan", scan_but_not_in_the_worker)
    broken = build(PAGES, conf=CONF + "docsec_background_scan = True\n")
    monkeypatch.undo()
    assert runtime(broken.app)._engine is not None  # the build scanned in place after all
    in_place = build(PAGES, conf=CONF + "docsec_background_scan = False\n")
    assert _result(broken) == _result(in_place)


def test_no_worker_when_reading_in_parallel_or_switched_off() -> None:
    assert not scanning.worth_a_worker(2, True)
    assert not scanning.worth_a_worker(1, False)


def test_the_pipe_to_the_worker_holds_hundreds_of_documents() -> None:
    """A slow worker must not make the build wait: the send buffer is widened (up to the system's cap)."""
    cap = int(Path("/proc/sys/net/core/wmem_max").read_text()) if Path("/proc/sys/net/core/wmem_max").exists() else 0
    ours, theirs = multiprocessing.get_context("fork").Pipe()
    with ours, theirs:
        before = _send_buffer(ours)
        _widen_send_buffer(ours)
        after = _send_buffer(ours)
    assert after >= (min(SEND_BUFFER_BYTES, 2 * cap) if cap else before)  # Linux doubles what is asked


def _send_buffer(connection) -> int:
    with socket.socket(fileno=os.dup(connection.fileno())) as duplicate:
        return duplicate.getsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF)


@pytest.mark.skipif(not hasattr(os, "getpriority"), reason="no process priorities here")
def test_the_worker_runs_below_the_build_priority() -> None:
    worker = scanning.Worker.start(lambda: Engine())
    try:
        assert _eventually(lambda: os.getpriority(os.PRIO_PROCESS, worker.process.pid)) >= \
            os.getpriority(os.PRIO_PROCESS, 0) + scanning.WORKER_NICENESS
    finally:
        assert worker.finish() == {}


def _eventually(read, attempts: int = 100):
    """The worker lowers its own priority once it runs: poll briefly for it."""
    value = read()
    for _ in range(attempts):
        if value >= os.getpriority(os.PRIO_PROCESS, 0) + scanning.WORKER_NICENESS:
            break
        time.sleep(0.01)
        value = read()
    return value
