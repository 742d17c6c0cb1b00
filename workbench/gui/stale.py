"""A panel's refresh after a change, only when someone can see it.

On screen, the panel refreshes on the next turn of the event loop (what the user acted on is
drawn first; a burst of changes refreshes once). Off screen (a hidden tab, a closed dock, a window
not shown yet), it only marks itself stale and refreshes when it is next shown, so a coding action
never waits for a matrix nobody is looking at.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from workbench.gui.deferred import DeferredCall


class RefreshWhenShown(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.stale = False
        self._later = DeferredCall(self._run)
        widget.installEventFilter(self)

    def __call__(self) -> None:
        if self._widget.isVisible():
            self._later()
        else:
            self.stale = True

    @property
    def pending(self) -> bool:
        """A refresh is queued for the next turn of the event loop."""
        return self._later.pending

    def _run(self) -> None:
        if self._widget.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self._later()
        return False
