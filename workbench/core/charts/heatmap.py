"""The cases x themes (or codes) heat map, each cell's count written on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.analysis.matrix import Matrix
from workbench.core.charts.style import label, new_figure

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.figure import Figure


def heatmap_figure(matrix: Matrix) -> Figure:
    """One image whose array is the matrix (rows x columns), on the exports' white-to-blue
    scale, with a colour bar as its legend."""
    from matplotlib.colors import LinearSegmentedColormap

    values = matrix.values.to_numpy(dtype="float64")
    width = 3.0 + 0.9 * len(matrix.columns)
    figure = new_figure(min(14.0, max(6.0, width)), 1.6 + 0.42 * len(matrix.rows))
    axes = figure.add_subplot()
    scale = LinearSegmentedColormap.from_list("workbench", ["#FFFFFF", "#5B8FC9", "#1F4E8C"])
    image = axes.imshow(values, cmap=scale, aspect="auto", vmin=0)
    highest = values.max() if values.size else 0
    for (row, column), value in _cells(values):
        axes.text(column, row, f"{value:g}", ha="center", va="center", fontsize=8,
                  color="white" if highest and value > 0.6 * highest else "black")
    axes.set_xticks(range(len(matrix.columns)), [label(c.name, 32) for c in matrix.columns],
                    rotation=30, ha="right")
    axes.set_yticks(range(len(matrix.rows)), [label(r.name, 36) for r in matrix.rows])
    axes.tick_params(length=0)
    for side in axes.spines.values():
        side.set_visible(False)
    figure.colorbar(image, ax=axes, label="Codings", shrink=0.8)
    return figure


def _cells(values: np.ndarray) -> list[tuple[tuple[int, int], float]]:
    rows, columns = values.shape
    return [((r, c), float(values[r, c])) for r in range(rows)
            for c in range(columns)]
