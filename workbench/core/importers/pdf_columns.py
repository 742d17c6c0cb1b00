"""Two-column pages read column by column.

A gutter is a vertical band no line of either column crosses, with at least a few lines of
running text (several words each, most reaching close to the gutter) on both sides; that tells
two columns of prose from a table of short cells. A line that crosses the gutter (a title over
both columns) cuts the page into bands, each read left column first, then right.
"""

from __future__ import annotations

import statistics

from workbench.core.importers.pdf_layout import Line, Row

_MIN_LINES = 4
_MIN_WORDS = 4
_MAX_GAPS = 8


def reading_regions(rows: list[Row]) -> list[list[Row]]:
    """The page's rows in reading order, as regions: full-width bands and columns."""
    gutter = _gutter([line for row in rows for line in row])
    if gutter is None:
        return [rows]
    start, end = gutter
    regions: list[list[Row]] = []
    left: list[Row] = []
    right: list[Row] = []
    full: list[Row] = []
    for row in rows:
        if any(line.x0 < start and line.x1 > end for line in row):
            regions += [region for region in (left, right) if region]
            left, right = [], []
            full.append(row)
            continue
        if full:
            regions.append(full)
            full = []
        on_left = [line for line in row if line.x1 <= start]
        on_right = [line for line in row if line.x0 >= end]
        if on_left:
            left.append(on_left)
        if on_right:
            right.append(on_right)
    regions += [region for region in (left, right, full) if region]
    return regions


def _gutter(lines: list[Line]) -> tuple[float, float] | None:
    """The widest gap between two columns of running text, if the page has one."""
    if len(lines) < 2 * _MIN_LINES:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    narrow = sorted((line for line in lines if line.x1 - line.x0 < 0.6 * (right_edge - left_edge)),
                    key=lambda line: line.x0)
    height = statistics.median(line.height for line in lines)
    gaps: list[tuple[float, float]] = []
    reach = narrow[0].x1 if narrow else 0.0
    for line in narrow[1:]:
        if line.x0 - reach >= 0.5 * height:
            gaps.append((reach, line.x0))
        reach = max(reach, line.x1)
    # the widest few are enough: a page of scattered cells must not cost a scan per gap
    for start, end in sorted(gaps, key=lambda gap: gap[0] - gap[1])[:_MAX_GAPS]:
        if _columns(narrow, left_edge, start, end, right_edge):
            return start, end
    return None


def _columns(lines: list[Line], left_edge: float, start: float, end: float,
             right_edge: float) -> bool:
    left = [line for line in lines if line.x1 <= start]
    right = [line for line in lines if line.x0 >= end]
    return _running_text(left, left_edge, start) and _running_text(right, end, right_edge)


def _running_text(lines: list[Line], start: float, end: float) -> bool:
    if len(lines) < _MIN_LINES:
        return False
    if statistics.median(len(line.words) for line in lines) < _MIN_WORDS:
        return False
    full = sum(1 for line in lines if line.x1 >= end - 0.15 * (end - start))
    return full >= 0.5 * len(lines)
