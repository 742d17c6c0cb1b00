"""How many codings a code holds, written the same way in the window and on the command line:
its own count, and for a code with sub-codes the count of its whole subtree in brackets
(``1 (106)``: one passage coded with the theme itself, 106 with it or any of its sub-codes)."""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.queries.listing import CodeRow


def subtree_totals(rows: Sequence[CodeRow]) -> dict[int, int]:
    """Codings of each code and all its descendants (rows in tree order, as list_codes gives)."""
    totals = {row.id: row.codings for row in rows}
    for row in reversed(rows):  # children come after their parents: add upwards
        if row.parent_id is not None and row.parent_id in totals:
            totals[row.parent_id] += totals[row.id]
    return totals


def count_text(own: int, total: int, has_children: bool) -> str:
    return f"{own} ({total})" if has_children else str(own)


def count_texts(rows: Sequence[CodeRow]) -> dict[int, str]:
    totals = subtree_totals(rows)
    parents = {row.parent_id for row in rows}
    return {row.id: count_text(row.codings, totals[row.id], row.id in parents) for row in rows}
