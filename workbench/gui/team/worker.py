"""One team job at a time off the GUI thread: the worker every team call in the window uses.

Jobs that the user asked for (sync, publish, join, flip) are *shown*: they report busy and
progress. Status checks run unseen; a shown job asked for while one runs starts right after it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from workbench.core.jobs import JobControl
from workbench.gui.workers import JobRunner

Job = Callable[[JobControl], Any]


class TeamWorker(QObject):
    busyChanged = Signal(bool)  # a shown job started or ended
    progress = Signal(int, int, str)  # done, total, message (shown jobs only)
    idle = Signal()  # no job runs any more

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner: JobRunner | None = None
        self._runner_shown = False
        self._next: tuple[Job, Callable[[Any], None], Callable[[str], None]] | None = None

    @property
    def busy(self) -> bool:
        return self._runner is not None

    def run(self, job: Job, done: Callable[[Any], None], failed: Callable[[str], None], *,
            shown: bool = True) -> bool:
        """Run ``job``; False (nothing started) while another job runs, except that one shown
        job may wait for an unseen check to end."""
        if self._runner is not None:
            if not shown or self._runner_shown or self._next is not None:
                return False
            self._next = (job, done, failed)
            self.busyChanged.emit(True)
            return True
        self._start(job, done, failed, shown)
        return True

    def _start(self, job: Job, done: Callable[[Any], None], failed: Callable[[str], None],
               shown: bool) -> None:
        runner = JobRunner(job, self)
        if shown:
            runner.progress.connect(self.progress.emit)

        def finished(value: Any) -> None:
            self._release(runner, shown)
            done(value)

        def refused(message: str) -> None:
            self._release(runner, shown)
            failed(message)

        runner.finished.connect(finished)
        runner.failed.connect(refused)
        runner.cancelled.connect(lambda: self._release(runner, shown))
        self._runner, self._runner_shown = runner, shown
        if shown:
            self.busyChanged.emit(True)
        runner.start()

    def _release(self, runner: JobRunner, shown: bool) -> None:
        runner.deleteLater()
        self._runner = None
        if self._next is not None:
            waiting, self._next = self._next, None
            self._start(*waiting, shown=True)
            return
        if shown:
            self.busyChanged.emit(False)
        self.idle.emit()

    def wait(self) -> None:
        """Let a running job end (before the project closes under it); one waiting to start
        after it is dropped."""
        if self._next is not None:
            self._next = None
            self.busyChanged.emit(False)
        if self._runner is not None:
            self._runner.wait()
