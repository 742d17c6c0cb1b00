"""What every chart shares: a figure without pyplot, labels, the codebook's colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.core.analysis.frame import MatrixColumn
from workbench.core.analysis.labels import short_name

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FALLBACK = ("#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3",
            "#8C8C8C", "#CCB974", "#64B5CD")


def new_figure(width: float = 8.0, height: float = 5.0) -> Figure:
    """A Figure of ``width`` x ``height`` inches, drawn by Agg until a window shows it."""
    from matplotlib.figure import Figure
    figure = Figure(figsize=(width, height), layout="constrained")
    return figure


def colour(column: MatrixColumn, number: int) -> str:
    """The code's colour from the codebook, else one from a calm palette."""
    value = (column.colour or "").strip()
    if len(value) == 7 and value.startswith("#"):
        return value
    return FALLBACK[number % len(FALLBACK)]


def label(name: str, most: int = 28) -> str:
    """A short label: the code's own name without its translation, cut at ``most`` characters."""
    text = short_name(name.rsplit("/", 1)[-1])
    return text if len(text) <= most else text[:most - 1] + "…"
