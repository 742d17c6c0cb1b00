"""Coded passages as a table: a thin Qt adapter over ``workbench.core.queries.passages``."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt

from workbench.core.queries.passages import Passage
from workbench.gui.code_names import shown_name, shown_path
from workbench.gui.i18n import tr
from workbench.gui.icons import swatch
from workbench.gui.models.row_table import ObjectRole, RowTableModel, SortRole  # noqa: F401

REFERENCE, CODE, CODER, PASSAGE, MEMO = range(5)
_TOOLTIP_CHARACTERS = 1500


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _leaf(path: str) -> str:
    return path.rsplit("/", 1)[-1]


class PassagesModel(RowTableModel[Passage]):
    """One row per coded passage, in the order the core gives (reading order)."""

    headers = ("Reference", "Code", "Coder", "Passage", "Memo")

    def set_passages(self, passages: list[Passage]) -> None:
        self.set_rows(passages)

    def passages(self) -> list[Passage]:
        return self.rows()

    def passage(self, row: int) -> Passage:
        return self.row_object(row)

    def cell(self, passage: Passage, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(passage, column)
        if role == Qt.ItemDataRole.DecorationRole and column == CODE:
            return swatch(passage.code_colour)
        return None

    def display(self, passage: Passage, column: int) -> str | None:
        if column == REFERENCE:
            return passage.reference
        if column == CODE:
            return shown_name(_leaf(passage.code))
        if column == CODER:
            return passage.coder
        if column == PASSAGE:
            speaker = f"{passage.speaker}: " if passage.speaker else ""
            return speaker + _one_line(passage.text)
        if column == MEMO:
            return _one_line(passage.memo)
        return None

    def sort_key(self, passage: Passage, row: int, column: int) -> int | str:
        if column == REFERENCE:
            return row  # the core lists passages in reading order
        return (self.display(passage, column) or "").casefold()

    def _tooltip(self, passage: Passage, column: int) -> str | None:
        if column == REFERENCE:
            return passage.reference
        if column == CODE:
            return shown_path(passage.code).replace("/", " › ")
        if column == PASSAGE:
            return _rich(passage.text, passage.reference)
        if column == MEMO and passage.memo:
            return _rich(passage.memo, tr("Memo"))
        return None


def _rich(text: str, heading: str) -> str:
    """A tooltip that wraps long text (rich text wraps, plain text does not)."""
    shown = text if len(text) <= _TOOLTIP_CHARACTERS else text[:_TOOLTIP_CHARACTERS] + "…"
    body = html.escape(shown).replace("\n", "<br>")
    return f"<p><b>{html.escape(heading)}</b></p><p>{body}</p>"
