"""What the wheel guard costs: the same burst of events (a full repaint and an update request to
every widget) delivered to the real main window with no guard (the baseline, measured in the
same run), with the guard we use (the application style's polish gives each combo box, spin box
and slider a filter of its own), and with an application-wide event filter (the simple design
we rejected: every event of every widget passes through Python).

    python benchmarks/bench_wheel_guard.py [--rounds 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from workbench.gui import main_window as main_window_module
from workbench.gui.context import AppContext
from workbench.gui.settings import Settings
from workbench.gui.wheel_guard import install_wheel_guard, is_guarded


class AppWideFilter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and is_guarded(watched) and not watched.hasFocus():
            event.ignore()
            return True
        return False


def burst(app: QApplication, window: QWidget) -> float:
    start = time.perf_counter()
    window.repaint()
    for child in window.findChildren(QWidget):
        QCoreApplication.sendEvent(child, QEvent(QEvent.Type.UpdateRequest))
    app.processEvents()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    rounds = parser.parse_args().rounds
    app = QApplication.instance() or QApplication([])
    plain = app.style().name()
    main_window_module.install_wheel_guard = lambda: None  # the baseline window: no guard yet
    settings = Settings(Path(tempfile.mkdtemp()) / "settings.ini")
    settings.coder_name = "bench"
    window = main_window_module.MainWindow(AppContext(settings))
    window.resize(1366, 768)
    window.show()
    app.processEvents()
    widgets = window.findChildren(QWidget)
    print(f"main window: {len(widgets)} widgets, {sum(map(is_guarded, widgets))} guarded controls")
    app_wide = AppWideFilter(app)
    timings: dict[str, list[float]] = {"no guard (baseline)": [], "guard per control (ours)": [],
                                       "application-wide filter": []}
    for _ in range(rounds):  # interleaved, so all see the same machine load
        app.setStyle(QStyleFactory.create(plain))
        app.processEvents()
        timings["no guard (baseline)"].append(burst(app, window))
        guard = install_wheel_guard(app)
        app.processEvents()
        timings["guard per control (ours)"].append(burst(app, window))
        for widget in window.findChildren(QWidget):  # back to no guard at all
            widget.removeEventFilter(guard.wheel_filter)
        app.setStyle(QStyleFactory.create(plain))
        app.installEventFilter(app_wide)
        app.processEvents()
        timings["application-wide filter"].append(burst(app, window))
        app.removeEventFilter(app_wide)
    base = statistics.median(timings["no guard (baseline)"])
    for name, values in timings.items():
        median = statistics.median(values)
        change = 100 * (median / base - 1)
        print(f"{name:26} median {1000 * median:7.2f} ms per burst ({change:+6.1f} %)")
    window.close()


if __name__ == "__main__":
    main()
