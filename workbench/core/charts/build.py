"""Which matrix each chart draws, and drawing it: one call from a project to a Figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from workbench.core.analysis.cooccurrence import coder_by_code, cooccurrence_matrix
from workbench.core.analysis.matrix import Matrix, build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.charts import CHART_KINDS
from workbench.core.errors import DomainError

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class ChartRequest:
    """A chart of the project: ``kind`` (see CHART_KINDS), its matrix's spec (columns: themes
    or codes; filters), bars ``stacked`` or grouped, co-occurrence ``across_coders``."""

    kind: str = "frequencies"
    spec: MatrixSpec = MatrixSpec()
    stacked: bool = True
    across_coders: bool = False

    def __post_init__(self) -> None:
        if self.kind not in CHART_KINDS:
            raise DomainError(f"A chart is one of {', '.join(CHART_KINDS)}, not '{self.kind}'.")


def chart_matrix(session: Session, request: ChartRequest) -> Matrix:
    """The counts the chart draws: cases x columns, codes x codes, or coders x columns."""
    spec = request.spec.with_cell("count")
    if request.kind == "network":
        return cooccurrence_matrix(session, spec, "overlap", request.across_coders)
    if request.kind == "coders":
        return coder_by_code(session, spec)
    return build_matrix(session, spec)


def draw(request: ChartRequest, matrix: Matrix) -> Figure:
    """The figure for ``matrix`` (imports matplotlib on first use)."""
    if request.kind == "network":
        from workbench.core.charts.network import network_figure
        return network_figure(matrix)
    if request.kind == "heatmap":
        from workbench.core.charts.heatmap import heatmap_figure
        return heatmap_figure(matrix)
    from workbench.core.charts.bars import bar_figure
    return bar_figure(matrix, stacked=request.stacked and request.kind == "frequencies")


def save_figure(figure: Figure, path: str) -> None:
    """PNG at 300 dpi, or SVG, by the file's extension."""
    suffix = str(path).rsplit(".", 1)[-1].lower()
    if suffix not in ("png", "svg"):
        raise DomainError(f"{path}: charts are saved as .png or .svg.")
    from matplotlib import rc_context

    with rc_context({"svg.fonttype": "none"}):  # SVG text stays text, editable in a paper
        figure.savefig(path, dpi=300, format=suffix, bbox_inches="tight",
                       metadata={"Software": None} if suffix == "png" else {"Date": None})
