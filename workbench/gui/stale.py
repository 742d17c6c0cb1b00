"""A panel's refresh after a change, only when someone can see it.

On screen, the panel refreshes on the next turn of the event loop (what the user acted on is
drawn first; a burst of changes refreshes once). Off screen (a hidden tab, a closed dock, a window
not shown yet), it only marks itself stale and refreshes when it is next shown, so a coding action
never waits for a matrix nobody is looking at.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QDockWidget, QWidget

from workbench.gui.deferred import DeferredCall


class RefreshWhenShown(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._refresh = refresh
        self.stale = False
        self._later = DeferredCall(self._run)
        widget.installEventFilter(self)
        self._dock: QDockWidget | None = None

    def watch_dock(self) -> None:
        """Also refresh when the panel's dock becomes the current tab: a dock tabbed behind
        another stays 'visible' to Qt (laid out off screen), so no Show event comes."""
        dock = self._widget.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None and dock is not self._dock:
            self._dock = dock
            dock.visibilityChanged.connect(self._on_dock_visibility)

    def _on_dock_visibility(self, visible: bool) -> None:
        if visible and self.stale:
            self._later()

    def shown(self) -> bool:
        """On screen: visible, and not a tab laid out behind another (an empty visible region)."""
        self.watch_dock()
        return self._widget.isVisible() and not self._widget.visibleRegion().isEmpty()

    def __call__(self) -> None:
        if self.shown():
            self._later()
        else:
            self.stale = True

    @property
    def pending(self) -> bool:
        """A refresh is queued for the next turn of the event loop."""
        return self._later.pending

    def _run(self) -> None:
        if self.shown():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self._later()
        return False
