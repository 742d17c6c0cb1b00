"""Child processes forked from a preloaded server, for the tests that kill a process part-way.

A cold ``python -m workbench`` spends a second or more importing SQLAlchemy, pandas and the
exporters before it does any work, and the kill tests start dozens of children. Here
multiprocessing's forkserver (started once per test process, with those modules already
imported) forks each child instead. The child is still a process of its own, as a user's is:
its own PID and file descriptors, SIGKILLed by the test, its exit status reported. (The pytest
process has Qt's threads, so it must never fork itself: the server is a fresh interpreter.)
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import tempfile
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from pathlib import Path
from typing import IO

Main = Callable[[], object]  # reads sys.argv, as a program's entry point does

# What the children run, imported once in the server. The command line imports each command's
# module (and pandas, openpyxl, python-docx...) only when that command runs: import them all.
PRELOAD = [
    "sqlalchemy", "sqlalchemy.dialects.sqlite", "pandas", "openpyxl", "docx", "lxml.etree",
    "workbench.cli",
    *(f"workbench.cli.{module}" for module in (
        "project_commands", "document_commands", "exchange_commands", "analysis_commands",
        "maintenance_commands", "restore_commands")),
    "workbench.core.analysis.matrix", "workbench.core.exporters.matrix_export",
    "workbench.core.integrity", "workbench.core.storage.restoring",
    "tests.safety.kill_child", "tests.safety.export_child",
]

_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(PRELOAD)


def _nothing() -> None:
    pass


def start_server() -> None:
    """Start the server and wait for its imports, so that a child timed next is timed alone."""
    child = Forked(_nothing, [], printed=False)
    assert child.wait(timeout=120) == 0, child.errors()
    child.errors()


def _enter(main: Main, argv: list[str], output: Connection | None, errors: str) -> None:
    """In the child: standard output into the parent's pipe (or nowhere), standard error into a
    file."""
    if output is None:
        descriptor = os.open(os.devnull, os.O_WRONLY)
        os.dup2(descriptor, 1)
        os.close(descriptor)
    else:
        os.dup2(output.fileno(), 1)
        output.close()
    descriptor = os.open(errors, os.O_WRONLY | os.O_TRUNC)
    os.dup2(descriptor, 2)
    os.close(descriptor)
    sys.argv = argv
    status = main()
    sys.exit(status if isinstance(status, int) else None)


class Forked:
    """``main()`` run with ``argv`` as ``sys.argv`` in a child forked from the preloaded server.

    What it prints can be read from ``output`` line by line (unless ``printed`` is False: then it
    goes to /dev/null)."""

    def __init__(self, main: Main, argv: Sequence[str], *, printed: bool = True) -> None:
        descriptor, self._errors = tempfile.mkstemp(prefix="forked-", suffix=".err")
        os.close(descriptor)
        reader, writer = _CONTEXT.Pipe(duplex=False) if printed else (None, None)
        self._process = _CONTEXT.Process(target=_enter, args=(main, list(argv), writer,
                                                              self._errors), daemon=True)
        self._process.start()
        self.output: IO[str] | None = None
        if reader is not None and writer is not None:
            writer.close()  # the child holds the only writing end: its death ends the output
            self.output = os.fdopen(os.dup(reader.fileno()), encoding="utf-8")
            reader.close()

    @property
    def pid(self) -> int | None:
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        """As subprocess gives it: negative for a signal; None while the child runs."""
        return self._process.exitcode

    def wait(self, timeout: float) -> int | None:
        self._process.join(timeout)
        return self._process.exitcode

    def kill(self) -> None:
        assert self._process.pid is not None  # started in __init__
        if self._process.exitcode is None:
            os.kill(self._process.pid, signal.SIGKILL)

    def errors(self) -> str:
        """What the child wrote to standard error (call once, after it ended)."""
        path = Path(self._errors)
        try:
            return path.read_text(encoding="utf-8", errors="replace")
        finally:
            path.unlink(missing_ok=True)
            if self.output is not None:
                self.output.close()
