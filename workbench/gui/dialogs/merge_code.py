"""Merging a code into another: pick the target from a filterable list, confirm, merge."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from workbench.core.queries.listing import CodeDetails
from workbench.core.services.codes import merge_codes
from workbench.core.text import fold
from workbench.gui.context import AppContext
from workbench.gui.dialogs.quick_code import CODE_ID_ROLE, CodePathDelegate, code_item, tree_order
from workbench.gui.i18n import tr


def counted_codings(count: int) -> str:
    """``1 coding`` / ``3 codings`` (the plural comes from the translation's %n forms)."""
    return tr("%n coding(s)", "", count)


def counted_sub_codes(count: int) -> str:
    return tr("%n sub-code(s)", "", count)


def display_path(path: str) -> str:
    return path.replace("/", " › ")


class MergeCodeDialog(QDialog):
    """Opened with :meth:`open`; OK asks for confirmation, then runs ``merge_codes``."""

    def __init__(self, context: AppContext, code_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        codes = tree_order(context)
        self._details = {code.id: code for code in codes}
        self.source = self._details[code_id]
        self.setWindowTitle(tr("Merge code"))
        self.setMinimumSize(480, 420)
        self._build()
        self._fill(codes)

    def _build(self) -> None:
        intro = QLabel(tr("Merge “{name}” into:").format(name=self.source.name))
        intro.setWordWrap(True)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(tr("Filter codes…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setItemDelegate(CodePathDelegate(self.list))
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(lambda *_: self._update_ok())
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Merge"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(self.buttons)

    def _fill(self, codes: list[CodeDetails]) -> None:
        excluded = self._subtree(self.source.id, self._details)
        for code in codes:
            if code.id not in excluded:
                self.list.addItem(code_item(code))
        self._update_ok()

    @staticmethod
    def _subtree(code_id: int, details: dict[int, CodeDetails]) -> set[int]:
        found = {code_id}
        grew = True
        while grew:
            before = len(found)
            found |= {d.id for d in details.values() if d.parent_id in found}
            grew = len(found) > before
        return found

    def _apply_filter(self, text: str) -> None:
        words = fold(text).split()
        for row in range(self.list.count()):
            item = self.list.item(row)
            folded = fold(item.text())
            item.setHidden(not all(word in folded for word in words))
        current = self.list.currentItem()
        if current is None or current.isHidden():
            visible = [self.list.item(r) for r in range(self.list.count())
                       if not self.list.item(r).isHidden()]
            if visible:
                self.list.setCurrentItem(visible[0])
            else:
                self.list.setCurrentRow(-1)  # no current item
        self._update_ok()

    def _update_ok(self) -> None:
        current = self.list.currentItem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(current is not None and not current.isHidden())

    def choose(self, code_id: int) -> None:
        """Make ``code_id`` the target (as a click on its row does)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(CODE_ID_ROLE) == code_id:
                self.list.setCurrentRow(row)
                return
        raise LookupError(f"Code {code_id} cannot be a merge target here.")

    def target_id(self) -> int | None:
        current = self.list.currentItem()
        return None if current is None or current.isHidden() else int(current.data(CODE_ID_ROLE))

    def confirmation_text(self, target_id: int) -> str:
        target = self._details[target_id]
        source = self.source
        text = tr("Merge “{source}” into “{target}”? {codings} move to “{target}” and "
                  "“{source}” is deleted.").format(
            source=source.name, target=target.name,
            codings=counted_codings(source.codings))
        if source.sub_codes:
            text += " " + tr("Its {subs} (with {codings}) go along.").format(
                subs=counted_sub_codes(source.sub_codes),
                codings=counted_codings(source.subtree_codings - source.codings))
        return text

    def accept(self) -> None:
        target_id = self.target_id()
        if target_id is None:
            return
        if not self._context.prompts.confirm(self, self.confirmation_text(target_id),
                                             tr("Merge code")):
            return
        if self._context.run(merge_codes, self.source.id, target_id) is not None:
            super().accept()
