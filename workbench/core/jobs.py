"""Long jobs report progress and can be cancelled through a plain, Qt-free control object."""

from __future__ import annotations

import threading
from collections.abc import Callable

from workbench.core.errors import WorkbenchError

ProgressCallback = Callable[[int, int, str], None]


class JobCancelled(WorkbenchError):
    """The user cancelled the job; what was finished before stays."""


class JobControl:
    """Passed into a job: it reports ``(done, total, message)`` and checks for cancellation.

    The GUI runs the job in a worker thread and calls :meth:`cancel` from its own thread.
    """

    def __init__(self, on_progress: ProgressCallback | None = None) -> None:
        self._on_progress = on_progress
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def report(self, done: int, total: int, message: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, message)

    def check(self) -> None:
        """Raise :class:`JobCancelled` if the user asked to stop."""
        if self._cancelled.is_set():
            raise JobCancelled("Cancelled.")
