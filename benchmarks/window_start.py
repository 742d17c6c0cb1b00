"""Child process of bench_gui.py: start the window as `workbench open` does and report when it is
usable (first paint with the cases tree filled), with the heavy libraries imported by then.
``--bare``: the baseline, a bare PySide6 window painting a filled tree.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTreeView

HEAVY = ("pandas", "numpy", "openpyxl", "docx")


class FirstPaint(QObject):
    def __init__(self, tree: QTreeView, app: QApplication) -> None:
        super().__init__()
        self._tree, self._app = tree, app
        tree.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._tree.model().rowCount() > 0:
            heavy = [name for name in HEAVY if name in sys.modules]
            print(f"ready {self._tree.model().rowCount()} {','.join(heavy) or '-'}", flush=True)
            self._tree.viewport().removeEventFilter(self)
            QTimer.singleShot(0, self._app.quit)
        return False


def main() -> None:
    if sys.argv[1] == "--bare":
        from PySide6.QtGui import QStandardItem, QStandardItemModel

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

        from workbench.gui.settings import Settings

        settings = Settings(Path(sys.argv[2]) / "settings.ini")
        settings.coder_name = "Lotte"
        settings.keep_backups = 0
        try:
            from workbench.gui.app import start_window
        except ImportError:  # an older version, measured for comparison: as its run_gui did
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
    probe = FirstPaint(tree, app)  # noqa: F841 (kept alive until the loop ends)
    app.exec()


if __name__ == "__main__":
    main()
