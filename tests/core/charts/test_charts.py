"""Each chart draws exactly its matrix: checked from the figure's artists, not its pixels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.container import BarContainer
from matplotlib.image import AxesImage

from tests.core.analysis.sample import sample_copy
from workbench.core.analysis.cooccurrence import coder_by_code, cooccurrence_matrix
from workbench.core.analysis.matrix import build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.charts.build import ChartRequest, chart_matrix, draw, save_figure
from workbench.core.charts.network import NODE_AREA, edges
from workbench.core.errors import DomainError
from workbench.core.storage import Project


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    path = sample_copy(tmp_path_factory, tmp_path_factory.mktemp("charts") / "sample.cwb")
    with Project.open(path) as project:
        yield project


def figure_of(project: Project, request: ChartRequest):
    with project.reading() as session:
        matrix = chart_matrix(session, request)
    return matrix, draw(request, matrix)


@pytest.mark.parametrize("stacked", [True, False])
@pytest.mark.parametrize("columns", ["themes", "codes"])
def test_frequency_bars_are_the_count_matrix_in_codebook_colours(
        sample: Project, stacked: bool, columns: str) -> None:
    with sample.reading() as session:
        expected = build_matrix(session, MatrixSpec(columns=columns))
    matrix, figure = figure_of(sample, ChartRequest("frequencies", MatrixSpec(columns=columns),
                                                    stacked=stacked))
    axes = figure.axes[0]
    series = [c for c in axes.containers if isinstance(c, BarContainer)]
    assert len(series) == len(expected.columns)
    for container, column in zip(series, expected.columns, strict=True):
        heights = [bar.get_height() for bar in container]
        assert heights == expected.values[column.code_id].tolist()
        assert container.get_label() == column.path
        face = container[0].get_facecolor()
        red, green, blue = (round(255 * c) for c in face[:3])
        assert f"#{red:02x}{green:02x}{blue:02x}" == column.colour.lower()
    if stacked:  # the bars of a case stand on each other: their tops are the case's total
        tops = [max(bar.get_y() + bar.get_height() for c in series for bar in [c[n]])
                for n in range(len(expected.rows))]
        assert tops == expected.values.sum(axis=1).tolist()
    labels = [tick.get_text() for tick in axes.get_xticklabels()]
    assert labels[0] == expected.rows[0].name[:31] or expected.rows[0].name.startswith(
        labels[0].rstrip("…"))


def test_heat_map_image_is_the_cases_by_themes_matrix(sample: Project) -> None:
    with sample.reading() as session:
        expected = build_matrix(session, MatrixSpec())
    _matrix, figure = figure_of(sample, ChartRequest("heatmap"))
    image = next(a for a in figure.axes[0].get_children() if isinstance(a, AxesImage))
    assert np.array_equal(image.get_array(), expected.values.to_numpy())
    written = [text.get_text() for text in figure.axes[0].texts]
    assert written == [f"{v:g}" for v in expected.values.to_numpy().ravel()]


def test_network_edges_weigh_the_cooccurrences_and_nodes_the_codings(sample: Project) -> None:
    with sample.reading() as session:
        expected = cooccurrence_matrix(session, MatrixSpec(columns="codes"))
    matrix, figure = figure_of(sample, ChartRequest("network", MatrixSpec(columns="codes")))
    axes = figure.axes[0]
    lines = next(c for c in axes.collections if isinstance(c, LineCollection))
    values = expected.values.to_numpy()
    pairs = edges(matrix)
    assert len(lines.get_segments()) == len(pairs) == np.count_nonzero(np.triu(values, 1))
    assert lines.get_array().tolist() == [values[a, b] for a, b, _w in pairs]
    nodes = next(c for c in axes.collections if isinstance(c, PathCollection))
    codings = np.diag(values)
    assert np.allclose(nodes.get_sizes(), NODE_AREA * codings / codings.max() + 10)
    across = figure_of(sample, ChartRequest("network", MatrixSpec(columns="codes"),
                                            across_coders=True))[1]
    wider = next(c for c in across.axes[0].collections if isinstance(c, LineCollection))
    assert wider.get_array().sum() > lines.get_array().sum()  # other coders' codes too


def test_coder_comparison_bars_are_the_coder_by_code_matrix(sample: Project) -> None:
    with sample.reading() as session:
        expected = coder_by_code(session, MatrixSpec(columns="codes"))
    _matrix, figure = figure_of(sample, ChartRequest("coders", MatrixSpec(columns="codes")))
    series = [c for c in figure.axes[0].containers if isinstance(c, BarContainer)]
    assert [c.get_label() for c in series] == ["Lotte", "Youssef"]
    for container, row in zip(series, expected.rows, strict=True):
        assert [bar.get_width() for bar in container] == expected.values.loc[
            row.case_id].tolist()


@pytest.mark.slow  # renders every chart at 300 dpi and as SVG
def test_charts_are_written_as_300_dpi_png_and_as_svg(sample: Project, tmp_path: Path) -> None:
    from PIL import Image

    _matrix, figure = figure_of(sample, ChartRequest("heatmap"))
    save_figure(figure, str(tmp_path / "heat.png"))
    save_figure(figure, str(tmp_path / "heat.svg"))
    with Image.open(tmp_path / "heat.png") as image:
        assert round(image.info["dpi"][0]) == 300 and image.width > 1500
    svg = (tmp_path / "heat.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "Klaverveld" in svg
    with pytest.raises(DomainError, match=".png or .svg"):
        save_figure(figure, str(tmp_path / "heat.gif"))
    with pytest.raises(DomainError, match="not 'pie'"):
        ChartRequest("pie")
