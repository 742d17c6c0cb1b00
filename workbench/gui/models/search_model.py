"""Search hits as a table: a thin Qt adapter over ``workbench.core.queries.search_hits``."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt

from workbench.core.queries.search_hits import TextHit
from workbench.gui.models.row_table import ObjectRole, RowTableModel, SortRole  # noqa: F401

DOCUMENT, CASE, HIT = range(3)
PartsRole = Qt.ItemDataRole.UserRole + 3  # (before, hit, after) for the hit-in-context delegate


class SearchModel(RowTableModel[TextHit]):
    """One row per hit, in reading order (case, document, place in the text)."""

    headers = ("Document", "Case", "Hit in context")

    def set_hits(self, hits: list[TextHit]) -> None:
        self.set_rows(hits)

    def hits(self) -> list[TextHit]:
        return self.rows()

    def display(self, hit: TextHit, column: int) -> Any:
        return (hit.document, hit.case, hit.snippet)[column] if column <= HIT else None

    def sort_key(self, hit: TextHit, row: int, column: int) -> Any:
        return row if column == HIT else (hit.document, hit.case)[column].casefold()

    def cell(self, hit: TextHit, column: int, role: int) -> Any:
        if role == PartsRole and column == HIT:
            return hit.before, hit.text, hit.after
        if role == Qt.ItemDataRole.ToolTipRole and column == HIT:
            return (f"<p>{html.escape(hit.before)}<b>{html.escape(hit.text)}</b>"
                    f"{html.escape(hit.after)}</p>")
        return None
