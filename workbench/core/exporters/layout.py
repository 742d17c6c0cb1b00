"""Decisions shared by the Excel and Word matrix exports: headers, cell text, heat colours."""

from __future__ import annotations

from typing import Any

from workbench.core.analysis.labels import short_name
from workbench.core.analysis.matrix import Matrix, SummaryCell, citation
from workbench.core.queries.passages import Passage

MAX_CELL_CHARACTERS = 32_000  # Excel holds at most 32,767 characters in a cell
LOW, HIGH = (0xFF, 0xFF, 0xFF), (0x5B, 0x8F, 0xC9)  # white to a calm blue


def column_names(matrix: Matrix) -> list[str]:
    """The row header's columns: the case (or code, coder) name, then the attributes shown."""
    return [matrix.row_title, *matrix.spec.shown_attributes]


def passage_lines(passage: Passage) -> tuple[str, str]:
    """A passage as a quotation and its reference, e.g. ``“…”`` and ``(Case · Doc · ¶3, Zoë)``."""
    return f"“{' '.join(passage.text.split())}”", f"({citation(passage)})"


def summary_lines(summary: SummaryCell | None) -> tuple[str, str]:
    if summary is None:
        return "", ""
    byline = " · ".join(part for part in (summary.author, summary.modified.strftime("%Y-%m-%d"))
                        if part)
    return summary.text, f"— {byline}"


def text_cell(matrix: Matrix, value: Any) -> str:
    """A text cell for a spreadsheet: passages one after another, each with its reference."""
    if matrix.spec.cell == "summary":
        text, byline = summary_lines(value)
        return f"{text}\n{byline}" if text else ""
    parts = [" ".join(passage_lines(passage)) for passage in value]
    joined = "\n\n".join(parts)
    if len(joined) <= MAX_CELL_CHARACTERS:
        return joined
    kept, used = [], 0
    for part in parts:
        if used + len(part) + 200 > MAX_CELL_CHARACTERS:
            break
        kept.append(part)
        used += len(part) + 2
    rest = len(parts) - len(kept)
    return "\n\n".join(kept) + f"\n\n[… {rest} more passage(s): see the sheet All passages]"


def heat(value: float, highest: float) -> str:
    """Hex colour of a count on the white-to-blue scale (the colour scale Excel shows too)."""
    share = 0.0 if highest <= 0 else max(0.0, min(1.0, value / highest))
    channels = (round(low + (high - low) * share) for low, high in zip(LOW, HIGH, strict=True))
    return "".join(f"{channel:02X}" for channel in channels)


def chunks(matrix: Matrix, most: int) -> list[tuple[str, list]]:
    """Column groups that fit a page: one per theme (codes), or runs of ``most`` themes."""
    columns = matrix.columns
    if len(columns) <= most:
        return [("", columns)]
    groups: list[tuple[str, list]] = []
    if matrix.spec.columns == "codes":
        by_theme: dict[str, list] = {}
        for column in columns:
            by_theme.setdefault(column.theme, []).append(column)
        for theme, members in by_theme.items():
            parts = [members[n:n + most] for n in range(0, len(members), most)]
            for number, part in enumerate(parts, start=1):
                groups.append((theme if len(parts) == 1 else f"{theme} ({number}/{len(parts)})",
                               part))
        return groups
    for start in range(0, len(columns), most):
        part = columns[start:start + most]
        names = [short_name(column.name) for column in part]
        groups.append((names[0] if len(part) == 1 else f"{names[0]} to {names[-1]}", part))
    return groups
