"""Screenshots of the main window on the sample project and of the import dialog.

Run offscreen (or under Xvfb): ``python -m workbench.gui.screenshots OUTPUT_FOLDER``.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from workbench.core.queries.resolve import resolve_case, resolve_code, resolve_document
from workbench.core.sample.builder import build_sample_project
from workbench.gui.context import AppContext
from workbench.gui.main_window import MainWindow
from workbench.gui.qt_app import application_or_new
from workbench.gui.settings import Settings

DOCUMENT = "Interview met Dirk, vakbondsafgevaardigde bij Moervaart Components"
CODES = ("Sources of solidarity/Interdependence", "Sources of solidarity/Shared struggle")


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main_window_shot(app: QApplication, folder: Path, work: Path) -> Path:
    project = work / "sample.cwb"
    build_sample_project(project).close()
    settings = Settings(work / "settings.ini")
    settings.coder_name = "Lotte"
    context = AppContext(settings)
    window = MainWindow(context)
    window.resize(1680, 1020)
    context.open_project(project)
    window.show()
    settle(app)
    with context.reading() as session:
        document = resolve_document(session, DOCUMENT).id
        codes = [resolve_code(session, code).id for code in CODES]
    context.open_document(document)
    context.codesSelected.emit(codes)
    window.document_view.editor.verticalScrollBar().setValue(
        window.document_view.editor.verticalScrollBar().maximum() // 3)
    settle(app)
    path = folder / "main-window.png"
    window.grab().save(str(path))
    window.close()
    return path


def import_dialog_shot(app: QApplication, folder: Path, work: Path) -> Path:
    from workbench.gui.dialogs.import_dialog import ImportDialog

    files = work / "incoming"
    files.mkdir()
    (files / "interview-ahmed.txt").write_text("I: Hoe lang werk je hier al?\n\nR: Zes jaar.\n",
                                              encoding="utf-8")
    (files / "veldnotitie-markt.md").write_text("Zaterdag op de markt. Drukte bij de kraam.\n",
                                                encoding="utf-8")
    (files / "leeg.txt").write_bytes(b"")
    (files / "scan.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    settings = Settings(work / "settings-import.ini")
    settings.coder_name = "Lotte"
    context = AppContext(settings)
    context.open_project(work / "sample.cwb")
    with context.reading() as session:
        case = resolve_case(session, "Moervaart Components").id
    dialog = ImportDialog.for_paths(context, [str(p) for p in sorted(files.iterdir())], None,
                                    case_id=case)
    dialog.resize(860, 560)
    dialog.show()
    settle(app)
    finished: list[object] = []
    dialog.importFinished.connect(finished.append)
    dialog.start_import()
    while not finished:
        app.processEvents()
    settle(app)
    path = folder / "import-dialog.png"
    dialog.grab().save(str(path))
    dialog.close()
    context.close_project()
    return path


def main(argv: list[str] | None = None) -> int:
    folder = Path((argv or sys.argv[1:] or ["screenshots"])[0])
    folder.mkdir(parents=True, exist_ok=True)
    app = application_or_new([])
    with tempfile.TemporaryDirectory() as scratch:
        for shot in (main_window_shot, import_dialog_shot):
            print(shot(app, folder, Path(scratch)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
