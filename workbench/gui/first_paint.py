"""Work that waits until the window has been painted for the first time.

What the first sight of the window does not need (reopening the last document, freezing the
start-up objects out of the garbage collector's sight) runs right after it, so the window is
usable sooner (issue 9: usable in under 1.5 s on a large project).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


def after_first_paint(window: QWidget, work: Callable[[], object]) -> None:
    """Run ``work`` once ``window`` has been painted (at once if it has been already)."""
    handle = window.windowHandle()
    if handle is None or handle.isExposed():  # not shown, or shown and painted already
        QTimer.singleShot(0, window, work)
    else:
        _FirstPaint(handle, window, work)


class _FirstPaint(QObject):
    def __init__(self, handle: QObject, window: QWidget, work: Callable[[], object]) -> None:
        super().__init__(handle)
        self._window, self._work = window, work
        handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The native window paints its widgets when first exposed; the timer runs after that.
        if event.type() in (QEvent.Type.Expose, QEvent.Type.UpdateRequest):
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._window, self._work)
            self.deleteLater()
        return False
