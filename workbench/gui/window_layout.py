"""The window fits the screen it is on: restored geometry clamped, a layout that resets, and a
panel that can take the whole window.

A laptop at 1280x720 or 1366x768, or 200% scaling on a large screen, leaves about 1,280 x 650
device-independent pixels: no panel may ask for more, a saved size from a bigger screen is
shrunk to the one in use, and whatever the user dragged around, View > Reset layout puts it back.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

DEFAULT_SIZE = (1400, 900)
MARGIN = 0


def available(window: QWidget) -> QRect:
    """The available area of the screen the window is (or will be) on."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def clamp_to_screen(window: QWidget, area: QRect | None = None) -> None:
    """Shrink and move the window so that all of it lies on the available screen area."""
    area = area or available(window)
    frame = window.frameGeometry()
    extra_w, extra_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(frame.x(), area.left()), area.right() + 1 - width - extra_w)
    y = min(max(frame.y(), area.top()), area.bottom() + 1 - height - extra_h)
    if (x, y) != (frame.x(), frame.y()):
        window.move(x, y)


def restore_geometry(window: QMainWindow, saved: QByteArray | None) -> None:
    """Restore a saved size and place, clamped to this screen; else a default that fits."""
    area = available(window)
    if saved is not None and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return
    else:
        window.resize(min(DEFAULT_SIZE[0], area.width()), min(DEFAULT_SIZE[1], area.height()))
        window.move(area.topLeft())
    clamp_to_screen(window, area)


class PanelFocus:
    """View > Enlarge the current panel: one dock takes the whole window; again to go back."""

    def __init__(self, window: QMainWindow, docks: list[QDockWidget]) -> None:
        self.window = window
        self.docks = docks
        self.saved: QByteArray | None = None
        self.enlarged: QDockWidget | None = None

    def current_dock(self) -> QDockWidget | None:
        focus = QGuiApplication.focusObject()
        for dock in self.docks:
            if isinstance(focus, QWidget) and dock.isAncestorOf(focus):
                return dock
        visible = [d for d in self.docks if d.isVisible() and not d.visibleRegion().isEmpty()]
        bottom = [d for d in visible if d.objectName().startswith("dock_bottom")]
        shown = bottom or visible
        return shown[0] if shown else None

    def toggle(self, dock: QDockWidget | None = None) -> QDockWidget | None:
        if self.saved is not None:
            self.restore()
            return None
        dock = dock or self.current_dock()
        if dock is None:
            return None
        self.saved = self.window.saveState()
        self.enlarged = dock
        for other in self.docks:
            if other is not dock:
                other.hide()
        dock.show()
        dock.raise_()
        central = self.window.centralWidget()
        if central is not None:
            central.hide()
        return dock

    def restore(self) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.show()
        if self.saved is not None:
            self.window.restoreState(self.saved)
        self.saved, self.enlarged = None, None


def fit_size(widget: QWidget, width: int, height: int, margin: int = 48) -> None:
    """Resize to ``width`` x ``height``, or less when the screen is smaller (room for a frame)."""
    area = available(widget)
    widget.resize(max(min(width, area.width() - margin), 200),
                  max(min(height, area.height() - margin), 200))
