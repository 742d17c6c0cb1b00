"""The Help menu: keyboard shortcuts, a short user guide (English and Dutch), and About."""

from __future__ import annotations

import html
from importlib import metadata

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from workbench import __version__
from workbench.core.paths import bundled_dir
from workbench.core.storage.migrations import SCHEMA_VERSION
from workbench.gui.i18n import current_language, tr

# (distribution, licence) of what a wheel install brings along.
BUNDLED = (("PySide6-Essentials", "LGPL-3.0 (Qt for Python and Qt)"), ("SQLAlchemy", "MIT"),
           ("pandas", "BSD-3-Clause"), ("numpy", "BSD-3-Clause"), ("openpyxl", "MIT"),
           ("python-docx", "MIT"), ("lxml", "BSD-3-Clause"), ("pdfminer.six", "MIT"))


def build_help_menu(window: QMainWindow) -> QMenu:
    menu = window.menuBar().addMenu(tr("&Help"))
    guide = QAction(tr("&User guide"), window)
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    guide.triggered.connect(lambda: show_text(window, tr("User guide"), guide_html(), "userGuide"))
    shortcuts = QAction(tr("&Keyboard shortcuts"), window)
    shortcuts.setShortcut(QKeySequence("Ctrl+/"))
    shortcuts.triggered.connect(
        lambda: show_text(window, tr("Keyboard shortcuts"), shortcuts_html(window), "shortcuts"))
    about = QAction(tr("&About Coding Workbench"), window)
    about.triggered.connect(lambda: show_text(window, tr("About Coding Workbench"), about_html(),
                                              "about"))
    menu.addActions([guide, shortcuts])
    menu.addSeparator()
    menu.addAction(about)
    return menu


def show_text(parent: QWidget, title: str, body: str, name: str) -> QDialog:
    """A non-modal reading window (one of each kind; reopening raises it)."""
    existing = parent.findChild(QDialog, name)
    if existing is not None:
        existing.raise_()
        existing.show()
        return existing
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    browser = QTextBrowser(dialog)
    browser.setOpenExternalLinks(True)
    browser.setHtml(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.close)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    screen = parent.screen().availableGeometry() if parent.screen() else None
    width, height = 640, 560
    if screen is not None:
        width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
    dialog.resize(width, height)
    dialog.show()
    return dialog


def shortcuts_html(window: QMainWindow) -> str:
    """Every menu command with a shortcut, as the window has them now, plus mouse gestures."""
    rows = []
    # Undo and redo name the step they would take back; the sheet names the command.
    fixed = {getattr(window, "undo_action", None): tr("Undo"),
             getattr(window, "redo_action", None): tr("Redo")}
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and action.text():
                rows.append((fixed.get(action) or action.text().replace("&", ""), keys))
    rows = sorted(set(rows), key=lambda row: row[0].casefold())
    rows += [(tr("Select exact characters (not whole words)"), tr("Alt + drag")),
             (tr("Code the selection with a code"), tr("Double-click the code, or drag onto it")),
             (tr("Filter the codes in the context menu"), tr("Type in its top line"))]
    body = "".join(f"<tr><td>{html.escape(text)}</td><td><b>{html.escape(keys)}</b></td></tr>"
                   for text, keys in rows)
    return "<h3>" + tr("Keyboard shortcuts") + f"</h3><table cellpadding='4'>{body}</table>"


def guide_html(language: str | None = None) -> str:
    """The user guide in the interface language (Markdown files in resources/guide)."""
    from PySide6.QtGui import QTextDocument

    language = language or current_language()
    folder = bundled_dir("resources") / "guide"
    path = folder / f"guide_{language}.md"
    if not path.exists():
        path = folder / "guide_en.md"
    document = QTextDocument()
    document.setMarkdown(path.read_text(encoding="utf-8"))
    return document.toHtml()


def about_html() -> str:
    rows = []
    for name, licence in BUNDLED:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        rows.append(f"<tr><td>{html.escape(name)} {html.escape(version)}</td>"
                    f"<td>{html.escape(licence)}</td></tr>")
    lines = [tr("Offline qualitative coding of interviews and fieldnotes."),
             tr("Project file format version: {0}").format(SCHEMA_VERSION),
             tr("Exchange: REFI-QDA 1.5 (.qdc codebooks, .qdpx projects)"),
             tr("Licence: MIT"), tr("Bundled libraries and their licences")]
    return (f"<h2>Coding Workbench {__version__}</h2><p>{lines[0]}</p>"
            f"<p>{lines[1]}<br>{lines[2]}<br>{lines[3]}</p><h3>{lines[4]}</h3>"
            f"<table cellpadding='3'>{''.join(rows)}"
            f"<tr><td>REFI-QDA schemas</td><td>MIT</td></tr></table>")
