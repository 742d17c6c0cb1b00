"""Bars: code frequencies per case (stacked or grouped), and coders compared per code."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from workbench.core.analysis.matrix import Matrix
from workbench.core.charts.style import FALLBACK, colour, label, new_figure

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.ticker import Locator


def bar_figure(matrix: Matrix, stacked: bool = True) -> Figure:
    """Cases (or coders) along the axis, one bar series per column in the code's colour.

    Each series is one BarContainer labelled with its column's path; its bars' heights are
    that column of the matrix, in row order."""
    coders = matrix.row_title == "Coder"
    rows = [row.name for row in matrix.rows]
    figure = new_figure(9.0, 5.5 if not coders else 4.0 + 0.25 * len(matrix.columns))
    axes = figure.add_subplot()
    if coders:  # codes along the axis, one series per coder: who used which code how often
        _coder_bars(axes, matrix)
        return figure
    places = np.arange(len(rows))
    width = 0.8 if stacked else 0.8 / max(1, len(matrix.columns))
    bottom = np.zeros(len(rows))
    for number, column in enumerate(matrix.columns):
        heights = matrix.values[column.code_id].to_numpy(dtype="float64")
        offset = 0.0 if stacked else (number - (len(matrix.columns) - 1) / 2) * width
        axes.bar(places + offset, heights, width, bottom=bottom if stacked else None,
                 color=colour(column, number), label=column.path, edgecolor="white",
                 linewidth=0.4)
        if stacked:
            bottom += heights
    axes.set_xticks(places, [label(name, 32) for name in rows], rotation=30, ha="right")
    axes.set_ylabel("Codings")
    _whole_numbers(axes.yaxis.get_major_locator())
    axes.spines[["top", "right"]].set_visible(False)
    handles, _labels = axes.get_legend_handles_labels()
    axes.legend(handles, [label(c.name, 40) for c in matrix.columns], fontsize=7,
                loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                ncols=1 if len(matrix.columns) <= 14 else 2)
    return figure


def _coder_bars(axes: Axes, matrix: Matrix) -> None:
    places = np.arange(len(matrix.columns))
    height = 0.8 / max(1, len(matrix.rows))
    for number, row in enumerate(matrix.rows):
        widths = matrix.values.loc[row.case_id].to_numpy(dtype="float64")
        offset = (number - (len(matrix.rows) - 1) / 2) * height
        axes.barh(places + offset, widths, height, label=row.name,
                  color=FALLBACK[number % len(FALLBACK)])
    axes.set_yticks(places, [label(c.name, 36) for c in matrix.columns])
    axes.invert_yaxis()
    axes.set_xlabel("Codings")
    _whole_numbers(axes.xaxis.get_major_locator())
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(title="Coder", frameon=False, fontsize=8)


def _whole_numbers(locator: Locator) -> None:
    """Ticks only at whole numbers (counts of codings)."""
    from matplotlib.ticker import MaxNLocator  # loaded with the figure, not with this module

    if isinstance(locator, MaxNLocator):  # the default AutoLocator is one
        locator.set_params(integer=True)
