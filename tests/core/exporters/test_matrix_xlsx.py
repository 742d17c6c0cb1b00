"""A researcher exports the matrix to Excel and finds every view, every passage and the recipe."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.core.exporters.conftest import SUMMARY
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.exporters.matrix_export import export_matrix
from workbench.core.jobs import JobCancelled, JobControl
from workbench.core.queries.code_tree import code_paths
from workbench.core.queries.passages import list_passages
from workbench.core.storage import Project


def all_passages(project: Project) -> list:
    with project.reading() as session:
        return list_passages(session, code_paths(session).keys())


@pytest.mark.slow  # over half a second: writes and reads back the sample's workbook
def test_excel_has_a_sheet_per_view_frozen_headers_and_every_passage(
        sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(by="place"), ["count", "passages", "summary"], "xlsx",
                         tmp_path / "matrix.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Codings", "Passages", "Summaries", "About"]
    counts, passages, summaries = book["Codings"], book["Passages"], book["Summaries"]
    assert counts.freeze_panes == summaries.freeze_panes == "C2"  # header row, name + place
    assert [c.value for c in counts[1]][:3] == ["Case", "place", "Need for transformation "
                                                "(nood aan transformatie)"]
    assert counts.conditional_formatting, "counts carry a colour scale"
    assert counts.page_setup.orientation == "landscape"
    total = sum(cell.value for row in counts.iter_rows(min_row=2, min_col=3) for cell in row)
    assert total == 394

    rows = list(passages.iter_rows(min_row=2, values_only=True))
    wanted = all_passages(sample)
    assert len(wanted) == len(rows) == 394  # one row per passage
    assert [c.value for c in passages[1]][:6] == ["Case", "Theme", "Code", "Coder", "Reference",
                                                   "Passage"]
    listed = {(row[0], row[5]): row[4] for row in rows}
    for passage in wanted:
        where = listed[(passage.case, passage.text)]
        assert where.startswith(f"{passage.document} · ¶")
    assert passages["F2"].alignment.wrap_text
    assert any("Zoë" in " ".join(map(str, row)) for row in rows)
    assert "ë" in " ".join(p.text for p in wanted)

    summary_text = " ".join(str(c.value) for row in summaries.iter_rows() for c in row if c.value)
    assert SUMMARY.split("\n")[0] in summary_text and "— Lotte" in summary_text


@pytest.mark.slow  # over half a second: writes and reads back the sample's 394 codings
def test_long_sheet_has_one_row_per_coding_for_pivoting(sample: Project, tmp_path: Path) -> None:
    path = export_matrix(sample, MatrixSpec(columns="codes"), ["count"], "xlsx",
                         tmp_path / "codes.xlsx")
    book = load_workbook(path)
    codings = book["Codings"]
    assert codings.freeze_panes == "B3"  # theme and code header rows, the case name
    themes = [c.value for c in codings[1] if c.value]
    assert themes[0] == "Case" and len(themes) == 1 + 4  # each theme once, over its codes
    merged = {str(r) for r in codings.merged_cells.ranges}
    assert "A1:A2" in merged and len(merged) == 1 + 4
    long = book["Passages"]
    assert long.freeze_panes == "B2" and long.auto_filter.ref
    header = [c.value for c in long[1]]
    assert header[:2] == ["Case", "Theme"] and "place" in header and "Coder" in header
    rows = list(long.iter_rows(min_row=2, values_only=True))
    wanted = all_passages(sample)
    assert len(rows) == len(wanted) == 394
    key = [header.index(name) for name in ("Document", "Start", "End", "Theme", "Code", "Coder")]
    texts = {tuple(r[n] for n in key): r[header.index("Passage")] for r in rows}
    for passage in wanted:
        theme, _sep, code = passage.code.partition("/")
        found = texts[(passage.document, passage.start, passage.end, theme, code or theme,
                       passage.coder)]
        assert found == passage.text  # accents and emoji intact
    about = {row[0]: row[1] for row in book["About"].iter_rows(min_row=2, values_only=True)}
    assert about["Project"].startswith("Solidarity in diversity")
    assert about["Coders"] == "all coders" and "Codings" in about


def test_a_cancelled_export_leaves_no_file(sample: Project, tmp_path: Path) -> None:
    seen: list[str] = []

    def stop(_done: int, _total: int, message: str) -> None:
        seen.append(message)
        control.cancel()

    control = JobControl(stop)
    with pytest.raises(JobCancelled):
        export_matrix(sample, MatrixSpec(), ["count", "passages"], "xlsx", tmp_path / "m.xlsx",
                      control)
    assert seen and list(tmp_path.iterdir()) == []
