"""The mouse wheel never changes a value by accident.

Scrolling a page over a choice box, spin box or slider used to change the value under the
pointer (and save it). Every such control of the main window and of every dialog is guarded:
the wheel only changes a control that has keyboard focus (click or Tab into it first);
otherwise the wheel event goes on to the scroll area around it.

One helper does it for the whole application: a proxy of the application style, whose
``polish`` Qt calls once for every widget as it is first shown (also for controls created
later, such as a case's attribute editors). It gives each guarded control a small event filter.
An application-wide event filter would do the same but costs a Python call for every event of
every widget (benchmarks/bench_wheel_guard.py measures both).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyleFactory,
    QWidget,
)

from workbench.gui.qt_app import application

GUARDED = (QComboBox, QAbstractSpinBox, QAbstractSlider)


def is_guarded(widget: QObject) -> bool:
    """A value control the wheel may change only when it has focus (scroll bars scroll freely)."""
    if not isinstance(widget, GUARDED):
        return False
    return not (isinstance(widget, QAbstractSlider) and widget.inherits("QScrollBar"))


class WheelFilter(QObject):
    """Installed on each guarded control: a wheel turn without focus goes to the parent."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget)
                and not watched.hasFocus()):
            event.ignore()  # not accepted: Qt passes it on to the parent (the page scrolls)
            return True
        return False


def guard(widget: QWidget, wheel_filter: WheelFilter) -> None:
    # Wheel focus would hand the control focus on the first turn: click or Tab instead.
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.removeEventFilter(wheel_filter)
    widget.installEventFilter(wheel_filter)


class WheelGuardStyle(QProxyStyle):
    """The application's own style, which also guards every control it polishes."""

    def __init__(self, base_key: str) -> None:
        super().__init__(QStyleFactory.create(base_key) if base_key else None)
        self.setObjectName("wheelGuardStyle")
        self.wheel_filter = WheelFilter(self)

    def polish(self, target):
        result = super().polish(target)
        if isinstance(target, QWidget) and is_guarded(target):
            guard(target, self.wheel_filter)
        return result


def install_wheel_guard(app: QApplication | None = None) -> WheelGuardStyle:
    """Guard every value control of the application (idempotent)."""
    app = app or application()
    style = app.style()
    if isinstance(style, WheelGuardStyle):
        return style
    palette = app.palette()
    guarded = WheelGuardStyle(style.name())
    app.setStyle(guarded)  # re-polishes (and so guards) every widget that already exists
    app.setPalette(palette)  # a style change must not undo a chosen theme
    return guarded
