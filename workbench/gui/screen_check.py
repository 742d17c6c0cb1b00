"""Render the main window and every dialog on a simulated screen and list what falls off it.

    python -m workbench.gui.screen_check OUTPUT_FOLDER PROJECT --screen 1366x768 [--dpr 2]
        [--theme dark] [--language nl]

Runs offscreen on a screen of the given size (device-independent pixels) and device pixel ratio,
saves one PNG per window into OUTPUT_FOLDER, and prints a JSON object: ``problems`` lists every
visible control that does not lie inside the screen (or is cut off by its own window);
``shots`` the PNG files. The project is opened as it is (pass a copy).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QDockWidget,
    QMenu,
    QTabBar,
    QWidget,
)

Check = Callable[[QWidget, str], None]
TASK_BAR = 48  # a desktop's panel or task bar takes about this much of a laptop screen
# Qt maps PNG quality to zlib's level: 80 is level 1, a third quicker than the default level
# for files of about the same size (these are flat screenshots).
PNG_QUALITY = 80


def screen_config(width: int, height: int, dpr: float) -> dict:
    return {"synchronousWindowSystemEvents": True, "windowFrameMargins": False,
            "screens": [{"name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
                         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": dpr}]}


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def _hidden_by_design(widget: QWidget, top: QWidget) -> bool:
    """Inside a scroll area's content (it may extend past the view: that is what scrolls), or
    in a dock tabbed behind another one (Qt parks those outside the window)."""
    current: QWidget | None = widget
    while current is not None and current is not top:
        parent = current.parentWidget()
        if isinstance(parent, QAbstractScrollArea) and parent.viewport() is current:
            return True
        if (isinstance(current, QDockWidget) or (isinstance(current, QTabBar) and parent is top)
                ) and current.visibleRegion().isEmpty():
            return True
        current = parent
    return False


def problems_of(top: QWidget, name: str) -> list[str]:
    """Every visible control of ``top`` that is not inside the screen or inside its window."""
    area = top.screen().availableGeometry()
    found = []
    frame = top.frameGeometry()
    if not area.contains(frame):
        found.append(f"{name}: the window {frame.getRect()} is larger than the screen "
                     f"{area.getRect()}")
    minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
    if minimum.width() > area.width() or minimum.height() > area.height() - TASK_BAR:
        found.append(f"{name}: its minimum size {minimum.toTuple()} does not fit the screen "
                     f"{area.size().toTuple()} with a task bar")
    window = global_rect(top)
    for widget in top.findChildren(QWidget):
        if (not widget.isVisible() or widget.isWindow() or isinstance(widget, QMenu)
                or widget.width() <= 0 or _hidden_by_design(widget, top)):
            continue
        rect = global_rect(widget)
        label = f"{name}: {type(widget).__name__} '{widget.objectName() or _text(widget)}'"
        if not area.contains(rect):
            found.append(f"{label} at {rect.getRect()} lies outside the screen {area.getRect()}")
        elif not window.contains(rect):
            found.append(f"{label} at {rect.getRect()} is cut off by its window")
    return found


def _text(widget: QWidget) -> str:
    for getter in ("text", "title", "windowTitle", "placeholderText"):
        value = getattr(widget, getter, None)
        if callable(value):
            try:
                text = value()
            except TypeError:
                continue
            if isinstance(text, str) and text:
                return text[:40]
    return ""


def settle(app: QApplication, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()


def run(folder: Path, project: Path, app: QApplication) -> dict:
    from workbench.core.queries.listing import list_cases, list_codes
    from workbench.core.services.codebook import export_codebook
    from workbench.gui.code_menu import CodeMenu
    from workbench.gui.context import AppContext
    from workbench.gui.dialogs.agreement_dialog import open_agreement_dialog
    from workbench.gui.dialogs.code_editor import CodeEditorDialog
    from workbench.gui.dialogs.import_dialog import ImportDialog
    from workbench.gui.dialogs.merge_code import MergeCodeDialog
    from workbench.gui.dialogs.merge_dialog import open_codebook_merge
    from workbench.gui.dialogs.quick_code import open_quick_code
    from workbench.gui.help_menu import about_html, guide_html, shortcuts_html, show_text
    from workbench.gui.main_window import MainWindow
    from workbench.gui.prompts import Prompts
    from workbench.gui.settings import Settings
    from workbench.gui.window_menus import open_preferences

    folder.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp())
    codebook_file = scratch / "codebook.qdc"

    class Answers(Prompts):
        def open_file(self, parent, title, filters=""):
            return str(codebook_file)

    settings = Settings(scratch / "settings.ini")
    settings.coder_name = "Lotte"
    context = AppContext(settings, Answers())
    window = MainWindow(context)
    window.show()
    context.open_project(project)
    settle(app)
    with context.reading() as session:
        codes = list_codes(session)
        case_id = list_cases(session)[0].id
    theme = [c.id for c in codes if c.depth == 0][1]
    leaf = [c.id for c in codes if c.depth == 1][3]
    window.codebook_panel.select_code(leaf)
    settle(app)
    assert context.project is not None  # opened above
    export_codebook(context.project, codebook_file)
    problems: list[str] = []
    shots: list[str] = []

    def check(top: QWidget, name: str) -> None:
        settle(app)
        problems.extend(problems_of(top, name))
        path = folder / f"{name}.png"
        top.grab().save(str(path), "PNG", PNG_QUALITY)
        shots.append(str(path))

    check(window, "main-window")
    window.show_matrix()
    check(window, "main-window-matrix")
    window.enlarge_action.trigger()
    check(window, "main-window-matrix-enlarged")
    window.enlarge_action.trigger()
    view = window.document_view
    view.select_range(0, 40)
    menu = view.build_context_menu(QPoint(10, 10))
    code_menu = next(shown for a in menu.actions() if isinstance(shown := a.menu(), CodeMenu))
    code_menu.popup(window.mapToGlobal(QPoint(200, 200)))
    check(code_menu, "context-menu-codes")
    code_menu.close()
    dialogs: list[tuple[str, Callable[[], QWidget | None]]] = [
        ("preferences", lambda: open_preferences(window)),
        ("agreement", lambda: open_agreement_dialog(context, window)),
        ("code-editor", lambda: _shown(CodeEditorDialog(context, leaf, window))),
        ("merge-code", lambda: _shown(MergeCodeDialog(context, theme, window))),
        ("quick-code", lambda: open_quick_code(context, window)),
        ("import", lambda: _shown(ImportDialog(context, case_id, window))),
        ("merge-codebook", lambda: open_codebook_merge(context, window)),
        ("user-guide", lambda: show_text(window, "guide", guide_html(), "userGuide")),
        ("shortcuts", lambda: show_text(window, "keys", shortcuts_html(window), "shortcuts")),
        ("about", lambda: show_text(window, "about", about_html(), "about")),
    ]
    for name, opener in dialogs:
        dialog = opener()
        if dialog is None:
            problems.append(f"{name}: did not open")
            continue
        check(dialog, name)
        if isinstance(dialog, QDialog):
            dialog.done(0)
        dialog.close()
    window.close()
    return {"problems": problems, "shots": shots}


def _shown(dialog: QWidget) -> QWidget:
    dialog.show()
    return dialog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m workbench.gui.screen_check")
    parser.add_argument("folder", type=Path)
    parser.add_argument("project", type=Path)
    parser.add_argument("--screen", default="1366x768")
    parser.add_argument("--dpr", type=float, default=1.0)
    parser.add_argument("--theme", default="light", choices=("light", "dark", "system"))
    parser.add_argument("--language", default="en", choices=("en", "nl", "system"))
    arguments = parser.parse_args(argv)
    width, height = (int(part) for part in arguments.screen.split("x"))
    config = Path(tempfile.mkdtemp()) / "screen.json"
    # A screen of width x height device-independent pixels at the ratio: Qt's own scaling
    # (QT_SCALE_FACTOR) on a screen of that many device pixels, as 150% or 200% on a desktop.
    physical = (round(width * arguments.dpr), round(height * arguments.dpr))
    if arguments.dpr != 1:
        os.environ["QT_SCALE_FACTOR"] = str(arguments.dpr)
    config.write_text(json.dumps(screen_config(*physical, 1.0)), encoding="utf-8")
    app = QApplication(["workbench", "-platform", f"offscreen:configfile={config}"])
    from workbench.gui.i18n import install_language
    from workbench.gui.theme import apply_theme

    install_language(arguments.language, app)
    apply_theme(arguments.theme, app)
    result = run(arguments.folder, arguments.project, app)
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
