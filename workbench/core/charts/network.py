"""The code co-occurrence network: codes on a circle, grouped by theme; node area by codings,
edge width by co-occurrences."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from workbench.core.analysis.matrix import Matrix
from workbench.core.charts.style import colour, label, new_figure

if TYPE_CHECKING:
    from matplotlib.figure import Figure

NODE_AREA = 900.0  # points² of the busiest code's node
EDGE_WIDTH = 6.0  # points of the heaviest edge


def edges(matrix: Matrix) -> list[tuple[int, int, int]]:
    """(row index, column index, co-occurrences) for every pair above the diagonal that meets."""
    values = matrix.values.to_numpy()
    first, second = np.nonzero(np.triu(values, k=1))
    return [(int(a), int(b), int(values[a, b])) for a, b in zip(first, second, strict=True)]


def network_figure(matrix: Matrix) -> Figure:
    """Nodes: a scatter whose sizes follow the diagonal (each code's codings); edges: one
    LineCollection whose array holds the weights (co-occurrences), in :func:`edges` order."""
    from matplotlib.collections import LineCollection

    count = len(matrix.columns)
    angles = np.linspace(np.pi / 2, np.pi / 2 - 2 * np.pi, count, endpoint=False)
    places = np.column_stack([np.cos(angles), np.sin(angles)])
    codings = np.diag(matrix.values.to_numpy()).astype("float64")
    figure = new_figure(8.0, 8.0)
    axes = figure.add_subplot()
    found = edges(matrix)
    weights = np.array([weight for _a, _b, weight in found], dtype="float64")
    heaviest = weights.max() if weights.size else 1.0
    lines = LineCollection([(places[a], places[b]) for a, b, _w in found],
                           linewidths=0.5 + EDGE_WIDTH * weights / heaviest, cmap="Greys",
                           alpha=0.7, zorder=1)
    lines.set_array(weights)
    lines.set_clim(-heaviest * 0.3, heaviest)
    axes.add_collection(lines)
    busiest = codings.max() if codings.size and codings.max() > 0 else 1.0
    axes.scatter(places[:, 0], places[:, 1], s=NODE_AREA * codings / busiest + 10,
                 c=[colour(column, n) for n, column in enumerate(matrix.columns)],
                 edgecolors="white", linewidths=0.8, zorder=2)
    for (x, y), column, total in zip(places, matrix.columns, codings, strict=True):
        axes.annotate(f"{label(column.name, 30)} ({int(total)})", (x, y),
                      xytext=(x * 1.12, y * 1.12), ha="left" if x > 0.05 else
                      "right" if x < -0.05 else "center", va="center", fontsize=7)
    axes.set_xlim(-1.9, 1.9)
    axes.set_ylim(-1.35, 1.35)
    axes.set_aspect("equal")
    axes.axis("off")
    return figure
