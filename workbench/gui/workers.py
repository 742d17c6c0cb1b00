"""Running a core job off the GUI thread: progress, cancel, and its result as Qt signals.

A core job is a plain function taking a :class:`JobControl` (see ``workbench.core.jobs``). The
runner calls it in a :class:`QThread`; the control's progress callback emits
:attr:`JobRunner.progress` from that thread, and Qt queues the signal to receivers in the GUI
thread.

Database access from the worker is safe on the same :class:`Project`: every ``reading()`` or
``transaction()`` opens its own session, which checks a connection out of the engine's pool for
that one unit of work, so no SQLite connection is ever used by two threads at once (SQLAlchemy
opens file databases with ``check_same_thread=False`` for exactly this). SQLite's WAL mode lets the
GUI keep reading while the job writes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from workbench.core.errors import WorkbenchError
from workbench.core.jobs import JobCancelled, JobControl

log = logging.getLogger(__name__)

Job = Callable[[JobControl], Any]


class _JobThread(QThread):
    """Runs the job once and keeps its outcome for the runner to read when the thread ends."""

    def __init__(self, job: Job, control: JobControl, parent: QObject) -> None:
        super().__init__(parent)
        self._job = job
        self._control = control
        self.outcome: tuple[str, Any] = ("failed", "The job did not run.")

    def run(self) -> None:
        try:
            self.outcome = ("finished", self._job(self._control))
        except JobCancelled:
            self.outcome = ("cancelled", None)
        except WorkbenchError as error:
            self.outcome = ("failed", str(error))
        except Exception as error:
            log.exception("A background job failed")
            self.outcome = ("failed", f"Unexpected error: {type(error).__name__}: {error}")


class JobRunner(QObject):
    """Runs one job in a worker thread.

    Signals arrive in the GUI thread; ``finished``, ``failed`` and ``cancelled`` are emitted only
    after the worker thread has ended, so the runner can be dropped from their slots.
    """

    progress = Signal(int, int, str)  # done, total, message
    finished = Signal(object)  # the job's result
    failed = Signal(str)  # a message to show the user
    cancelled = Signal()  # the job stopped by raising JobCancelled

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.control = JobControl(self._report)
        self._thread = _JobThread(job, self.control, self)
        self._thread.finished.connect(self._on_thread_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; what it finished stays."""
        self.control.cancel()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = -1) -> bool:
        """Block until the worker thread ends (for shutdown); True if it has."""
        if milliseconds < 0:
            return self._thread.wait()
        return self._thread.wait(milliseconds)

    def _report(self, done: int, total: int, message: str) -> None:
        self.progress.emit(done, total, message)  # called in the worker thread: queued to the GUI

    def _on_thread_finished(self) -> None:
        self._thread.wait()  # ``finished`` comes from the thread just before it ends: let it end
        state, value = self._thread.outcome
        if state == "finished":
            self.finished.emit(value)
        elif state == "cancelled":
            self.cancelled.emit()
        else:
            self.failed.emit(value)
