"""The document's context menu codes the selection with any code.

"Code selection with" lists the recent codes first, then every theme as a submenu (a theme that
can hold codings is its own first entry), then "New code…" and "In vivo". A line at the top
filters: typing part of a name (accents optional) replaces the tree by the matching codes.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLineEdit, QMenu, QWidget, QWidgetAction

from workbench.core.queries.listing import CodeRow, list_codes, passage_text
from workbench.core.services.codes import create_code
from workbench.core.text import fold
from workbench.gui.code_names import shown_name
from workbench.gui.context import AppContext
from workbench.gui.i18n import tr

MAX_MATCHES = 40


def colour_icon(colour: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class CodeMenu(QMenu):
    """The "Code selection with" submenu; built fresh each time the context menu opens."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(tr("Code selection with"), parent)
        self.context = context
        self.setObjectName("codeSelectionMenu")
        has_selection = context.selection is not None and context.writable
        self.setEnabled(has_selection)
        with context.reading() as session:
            self.codes = list_codes(session)
        self.by_id = {code.id: code for code in self.codes}
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(tr("Type to filter the codes…"))
        self.filter_edit.setClearButtonEnabled(True)
        holder = QWidgetAction(self)
        holder.setDefaultWidget(self.filter_edit)
        self.addAction(holder)
        self.recent_actions = [self._code_action(self, self.by_id[code_id])
                               for code_id in context.recent_codes if code_id in self.by_id]
        self.recent_separator = self.addSeparator()
        self.theme_actions = [self._branch(self, code) for code in self.codes if code.depth == 0]
        self.match_actions = [
            (self._code_action(self, code, full_path=True), fold(self._path(code)))
            for code in self.codes
            if code.codable
        ]
        for action, _key in self.match_actions:
            action.setVisible(False)
        self.addSeparator()
        self.new_code_action = self.addAction(tr("New code…"))
        self.new_code_action.triggered.connect(self.new_code)
        self.in_vivo_action = self.addAction(tr("In vivo (name a new code after the selection)"))
        self.in_vivo_action.triggered.connect(self.in_vivo)
        self.filter_edit.textChanged.connect(self.filter)
        self.aboutToShow.connect(self.filter_edit.setFocus)

    # -- building ---------------------------------------------------------------------------

    def _children(self, code: CodeRow) -> list[CodeRow]:
        return [child for child in self.codes if child.parent_id == code.id]

    def _path(self, code: CodeRow) -> str:
        parts = [shown_name(code.name)]
        while code.parent_id is not None and code.parent_id in self.by_id:
            code = self.by_id[code.parent_id]
            parts.insert(0, shown_name(code.name))
        return " › ".join(parts)

    def _code_action(self, menu: QMenu, code: CodeRow, full_path: bool = False) -> QAction:
        action = menu.addAction(colour_icon(code.colour),
                                self._path(code) if full_path else shown_name(code.name))
        action.setData(code.id)
        action.setEnabled(code.codable)
        action.triggered.connect(lambda _=False, c=code.id: self.context.code_selection(c))
        return action

    def _branch(self, menu: QMenu, code: CodeRow) -> QAction:
        children = self._children(code)
        if not children:
            return self._code_action(menu, code)
        sub = menu.addMenu(colour_icon(code.colour), shown_name(code.name))
        if code.codable:
            self._code_action(sub, code)
            sub.addSeparator()
        for child in children:
            self._branch(sub, child)
        return sub.menuAction()

    # -- filtering ----------------------------------------------------------------------------

    def filter(self, text: str) -> None:
        """Show the codes whose path holds every typed word (accents and case ignored)."""
        words = fold(text).split()
        for action in (*self.recent_actions, *self.theme_actions):
            action.setVisible(not words)
        self.recent_separator.setVisible(not words)
        shown = 0
        for action, key in self.match_actions:
            visible = bool(words) and shown < MAX_MATCHES and all(word in key for word in words)
            action.setVisible(visible)
            shown += visible

    def visible_codes(self) -> list[str]:
        """The code entries a user sees now (for tests and screen readers)."""
        actions = [*self.recent_actions, *self.theme_actions, *(a for a, _ in self.match_actions)]
        return [action.text() for action in actions if action.isVisible()]

    # -- new code and in vivo -------------------------------------------------------------------

    def new_code(self) -> int | None:
        name = self.context.prompts.ask_text(self.context.window, tr("Name of the new code:"),
                                             tr("New code"))
        if not name or not name.strip():
            return None
        return self._create_and_code(name.strip())

    def in_vivo(self) -> int | None:
        from workbench.gui.panels.codebook_panel import in_vivo_name

        selection = self.context.selection
        if selection is None:
            return None
        with self.context.reading() as session:
            text = passage_text(session, selection.document_id, selection.start, selection.end)
        name = in_vivo_name(text)
        if not name:
            self.context.prompts.error(self.context.window,
                                       tr("The selected passage holds no words to name a code."))
            return None
        return self._create_and_code(name)

    def _create_and_code(self, name: str) -> int | None:
        selection = self.context.selection
        changes = self.context.run(create_code, name)
        if changes is None:
            return None
        self.context.set_selection(selection)  # creating a code does not move the selection
        self.context.code_selection(changes.subject.id)
        return changes.subject.id
