"""The mouse wheel never changes a value by accident.

Scrolling a page over a choice box, spin box or slider used to change the value under the
pointer (and save it). One application-wide event filter guards every such control of the main
window and of every dialog: the wheel only changes a control that has keyboard focus (click or
Tab into it first); otherwise the wheel event goes on to the scroll area around it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QWidget

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def is_guarded(widget: QObject) -> bool:
    """A value control the wheel may change only when it has focus (scroll bars scroll freely)."""
    if not isinstance(widget, GUARDED):
        return False
    return not (isinstance(widget, QAbstractSlider) and widget.inherits("QScrollBar"))


class WheelGuard(QObject):
    """Installed once on the application; see :func:`install_wheel_guard`."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.Polish and is_guarded(watched):
            # Wheel focus would hand the control focus on the first turn: click or Tab instead.
            if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == QEvent.Type.Wheel and is_guarded(watched) and not watched.hasFocus():
            event.ignore()  # not accepted: Qt passes it on to the parent (the page scrolls)
            return True
        return False


def install_wheel_guard(app: QApplication | None = None) -> WheelGuard:
    """Guard every value control of the application (idempotent)."""
    app = app or QApplication.instance()
    guard = app.findChild(WheelGuard, "wheelGuard")
    if guard is None:
        guard = WheelGuard(app)
        guard.setObjectName("wheelGuard")
        app.installEventFilter(guard)
    return guard


def guard_existing(root: QWidget) -> None:
    """Apply the focus rule to controls polished before the guard was installed."""
    for widget in root.findChildren(QWidget):
        if is_guarded(widget) and widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
