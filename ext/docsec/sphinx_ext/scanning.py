"""Scanning a document's code blocks: in a worker process while Sphinx reads, or in place.

Sphinx reads documents one after the other on one CPU.  When the machine has
another and the build is not already reading in parallel (``-j``), the
blocks of each document are sent to one worker process as soon as the
document is read, and the findings are collected at ``env-updated``, when
every document has been read and before the environment is saved.  The scan
then costs the build the time to hand the blocks over, not the time to scan
them.  Warnings are the same, emitted when the findings come back.

The worker is a ``fork`` of the build, so it starts in milliseconds, and
builds the engine itself.  A worker that fails (it cannot start, or dies) is replaced
by scanning in place, so a problem there never loses a finding.
"""

from __future__ import annotations

import multiprocessing
import os
import socket
import sys
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Optional

from ..core.dialect import DEFAULT, Dialect
from ..model import Diagnostic, Finding
from .blocks import RawBlock, Sources

if TYPE_CHECKING:
    from ..core.engine import Engine

SEND_BUFFER_BYTES = 4 << 20
WORKER_NICENESS = 10
Scanned = list[tuple[list[Finding], list[Diagnostic]]]  # per block, in order


def scan(engine: Engine, srcdir: Path, raws: list[RawBlock], dialect: Dialect = DEFAULT) -> Scanned:
    """Find each block's exact line in its source file, then scan it."""
    sources = Sources(srcdir, engine.config, dialect)
    reports = engine.scan_all([raw.located(sources) for raw in raws])  # (a block shown again is scanned once)
    return [(report.findings, report.diagnostics) for report in reports]


def _serve(connection: Connection, engine_of_build: Callable[[], Engine]) -> None:
    """The worker: scan each document it is sent; send every result back when told to finish.

    Results wait until the end so the worker never blocks writing while the
    build is still sending (the pipe has one buffer each way).
    """
    _yield_to_the_build()
    try:
        engine = engine_of_build()
        results: dict[str, Optional[Scanned]] = {}
        while (message := connection.recv()) is not None:
            docname, srcdir, raws, dialect = message
            try:
                results[docname] = scan(engine, srcdir, raws, dialect)
            except Exception:  # noqa: BLE001 - the build scans this document itself
                results[docname] = None
        connection.send(results)
    except Exception:  # noqa: BLE001 - quietly: the build notices and scans everything itself
        pass
    finally:
        connection.close()


@dataclass
class Worker:
    """One process with the build's engine (inherited by ``fork``) and a pipe to it.

    A pipe, not a ``concurrent.futures`` pool: a pool's feeder thread takes the
    interpreter lock from Sphinx at every hand-over, which cost more than the
    scan it saved.
    """

    connection: Connection
    process: BaseProcess

    @classmethod
    def start(cls, engine_of_build: Callable[[], Engine]) -> "Worker":
        context = multiprocessing.get_context("fork")
        ours, theirs = context.Pipe()
        _widen_send_buffer(ours)
        process = context.Process(target=_serve, args=(theirs, engine_of_build), daemon=True, name="docsec-scan")
        process.start()
        theirs.close()
        return cls(ours, process)

    def send(self, docname: str, srcdir: Path, raws: list[RawBlock], dialect: Dialect = DEFAULT) -> None:
        self.connection.send((docname, srcdir, raws, dialect))

    def finish(self) -> dict[str, Optional[Scanned]]:
        try:
            self.connection.send(None)
            return self.connection.recv()  # type: ignore[no-any-return]
        finally:
            self.connection.close()
            self.process.join(timeout=5)
            if self.process.is_alive():
                self.process.kill()


def _yield_to_the_build() -> None:
    """Run at a lower priority: on a busy machine the build's own process goes first (the scan has
    until the last document is read, and is a small fraction of the reading)."""
    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        pass


def _widen_send_buffer(connection: Connection) -> None:
    """Room for hundreds of documents in flight (the default holds a few dozen), so a worker slowed down
    by a busy machine does not make the build wait on the pipe.  Best effort: the system may cap it."""
    try:
        with socket.socket(fileno=os.dup(connection.fileno())) as duplicate:
            duplicate.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, SEND_BUFFER_BYTES)
    except OSError:
        pass


@dataclass
class Scanner:
    """One build's scanning: ``submit`` per document, ``collect`` once reading is over."""

    engine_of_build: Callable[[], Engine]  # built on first call; in the worker, by the worker
    srcdir: Path
    background: bool
    dialect: Dialect = DEFAULT
    _worker: Optional[Worker] = None
    _pending: dict[str, list[RawBlock]] = field(default_factory=dict)

    def submit(self, docname: str, raws: list[RawBlock]) -> Optional[Scanned]:
        """Scan ``raws`` now (returns the result) or in the worker (returns None)."""
        if not raws:
            return []
        worker = self._started() if self.background else None
        if worker is None:
            return scan(self.engine_of_build(), self.srcdir, raws, self.dialect)
        try:
            worker.send(docname, self.srcdir, raws, self.dialect)
        except (OSError, ValueError):  # the worker is gone: scan here from now on
            self.background = False
            return scan(self.engine_of_build(), self.srcdir, raws, self.dialect)
        self._pending[docname] = raws
        return None

    def collect(self) -> list[tuple[str, Scanned]]:
        """The results of every document sent to the worker, in the order sent; the worker stops."""
        if self._worker is None:
            return []
        try:
            results = self._worker.finish()
        except (OSError, EOFError, ValueError):  # it died: scan in place rather than lose findings
            results = {}
        self._worker = None
        collected = []
        for docname, raws in self._pending.items():
            scanned = results.get(docname)
            collected.append((docname, scanned if scanned is not None
                              else scan(self.engine_of_build(), self.srcdir, raws, self.dialect)))
        self._pending.clear()
        return collected

    def _started(self) -> Optional[Worker]:
        if self._worker is None:
            try:
                self._worker = Worker.start(self.engine_of_build)
            except (OSError, ValueError, RuntimeError):
                self.background = False
        return self._worker


def worth_a_worker(parallel_jobs: int, setting: bool) -> bool:
    """A second CPU to scan on, no parallel reading that spreads the work already, and a cheap and
    safe way to start the worker: ``fork`` of a single-threaded process on Linux (the worker then
    starts with the build's engine and costs milliseconds; elsewhere, or with threads, scan in place)."""
    return (setting and parallel_jobs <= 1 and (os.cpu_count() or 1) > 1 and sys.platform.startswith("linux")
            and threading.active_count() == 1)
