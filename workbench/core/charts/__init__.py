"""Charts of the matrices, drawn with matplotlib: the same figure in the window and in exports.

Why matplotlib: it is the most widely kept plotting library in Python (a NumFOCUS project with
regular releases), draws without a display through its Agg backend (PNG at any resolution) and
writes SVG, and its Qt canvas shows the very same Figure object in a PySide6 window. Figures are
built as plain ``matplotlib.figure.Figure`` objects (no pyplot, so no global state), and
matplotlib is imported only when a chart is drawn: the command line and the window start
without it.

Every chart draws a :class:`~workbench.core.analysis.matrix.Matrix` and keeps its numbers in
the figure's artists (bar heights, the image array, edge weights as the edge collection's
array), so a test can check a chart against its matrix without looking at pixels.
"""

from __future__ import annotations

CHART_KINDS = ("frequencies", "heatmap", "network", "coders")
CHART_TITLES = {
    "frequencies": "Code frequencies per case",
    "heatmap": "Cases x themes heat map",
    "network": "Code co-occurrence network",
    "coders": "Coder comparison per code",
}
