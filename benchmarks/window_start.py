"""Child process of bench_gui.py: start the window as `workbench open` does and report when it is
usable (first paint with the cases tree filled), with the heavy libraries imported by then.
``--bare``: the baseline, a bare PySide6 window painting a filled tree.
"""

from __future__ import annotations

import os
import sys
import time
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HEAVY = ("pandas", "numpy", "openpyxl", "docx")


def first_paint_probe(tree: Any, app: Any) -> Any:
    """Prints "ready" at the tree's first paint with rows, then quits. Qt is imported here,
    after the application's own modules, in the order `workbench open` imports them."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and tree.model().rowCount() > 0:
                heavy = [name for name in HEAVY if name in sys.modules]
                # and the processor seconds spent so far: a figure a loaded machine inflates less
                print(f"ready {tree.model().rowCount()} {','.join(heavy) or '-'} "
                      f"{time.process_time():.3f}", flush=True)
                tree.viewport().removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    probe = FirstPaint()
    tree.viewport().installEventFilter(probe)
    return probe


def main() -> None:
    if sys.argv[1] == "--bare":
        from PySide6.QtGui import QStandardItem, QStandardItemModel
        from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        model = QStandardItemModel()
        for n in range(31):
            model.appendRow(QStandardItem(f"Case {n:02d}"))
        tree = QTreeView()
        tree.setModel(model)
        window.setCentralWidget(tree)
        window.resize(1400, 900)
        window.show()
    else:
        from pathlib import Path

        try:  # as `workbench open` does before it imports the window (run_open)
            from workbench.core.start_up import hold_collection
        except ImportError:  # an older version, measured for comparison
            def hold_collection() -> None:
                pass
        hold_collection()
        from workbench.gui.settings import Settings

        settings = Settings(Path(sys.argv[2]) / "settings.ini")
        settings.coder_name = "Lotte"
        settings.keep_backups = 0
        try:
            from workbench.gui.app import start_window
        except ImportError:  # an older version, measured for comparison: as its run_gui did
            from PySide6.QtWidgets import QApplication

            from workbench.gui.context import AppContext
            from workbench.gui.main_window import MainWindow

            def start_window(project, settings):
                app = QApplication(sys.argv[:1])
                context = AppContext(settings)
                window = MainWindow(context)
                context.open_project(project)
                window.show()
                return app, window
        app, window = start_window(Path(sys.argv[1]), settings=settings)
        tree = window.cases_panel.tree
    probe = first_paint_probe(tree, app)  # noqa: F841 (kept alive until the loop ends)
    app.exec()


if __name__ == "__main__":
    main()
