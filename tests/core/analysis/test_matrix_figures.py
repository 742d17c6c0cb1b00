"""Matrix figures equal an independent computation in plain SQL over the same project file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.core.analysis.sql_oracle import oracle
from workbench.core.analysis.matrix import Matrix, build_matrix
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.storage import Project

FILTERS = [((), ()), (("Lotte",), ()), ((), ("interview",)), (("Youssef",), ("fieldnote",))]


def figures(matrix: Matrix) -> dict[tuple[int, int], float]:
    """The matrix's non-empty cells as {(case id, column id): value}."""
    return {(row, column): float(value) for row, series in matrix.values.iterrows()
            for column, value in series.items() if value}


def assert_same(ours: dict, expected: dict) -> None:
    """Equal cell by cell; an empty cell is absent from ``ours`` and zero (or absent) in SQL's."""
    expected = {cell: value for cell, value in expected.items() if value}
    assert ours.keys() == expected.keys()
    for cell, value in expected.items():
        assert ours[cell] == pytest.approx(value), cell


@pytest.mark.parametrize("columns", ["themes", "codes"])
@pytest.mark.parametrize(("coders", "kinds"), FILTERS)
def test_sample_matrix_equals_plain_sql(sample: Project, sample_path: Path, columns: str,
                                        coders: tuple, kinds: tuple) -> None:
    expected = oracle(sample_path, columns, coders, kinds)
    assert expected["count"], "the filters leave codings to compare"
    with sample.reading() as session:
        for mode in ("count", "documents", "words", "share"):
            matrix = build_matrix(session, MatrixSpec(columns, mode, coders=coders, kinds=kinds))
            assert_same(figures(matrix), expected[mode])
        presence = build_matrix(
            session, MatrixSpec(columns, "presence", coders=coders, kinds=kinds)
        )
    assert {cell for cell, value in figures(presence).items() if value} == expected["count"].keys()


def test_theme_counts_add_up_to_every_coding_once(sample: Project, sample_path: Path) -> None:
    with sample.reading() as session:
        themes = build_matrix(session, MatrixSpec("themes", "count"))
        codes = build_matrix(session, MatrixSpec("codes", "count"))
    connection = sqlite3.connect(sample_path)
    total = connection.execute("SELECT count(*) FROM coding").fetchone()[0]
    connection.close()
    assert total == 394
    assert int(themes.values.to_numpy().sum()) == total == int(codes.values.to_numpy().sum())


def test_theme_words_are_fewer_than_its_codes_words_where_codes_overlap(sample: Project) -> None:
    """The double-coded documents overlap: a theme's union is smaller than the sum of its parts."""
    with sample.reading() as session:
        themes = build_matrix(session, MatrixSpec("themes", "words"))
        codes = build_matrix(session, MatrixSpec("codes", "words"))
    per_theme = {column.code_id: [c.code_id for c in codes.columns if c.theme == column.name]
                 for column in themes.columns}
    summed = sum(int(codes.values[members].to_numpy().sum()) for members in per_theme.values())
    assert int(themes.values.to_numpy().sum()) < summed
    for column, members in per_theme.items():
        assert (themes.values[column] <= codes.values[members].sum(axis=1)).all()
        assert (themes.values[column] >= codes.values[members].max(axis=1)).all()


def test_rows_are_grouped_by_an_attribute_in_its_choice_order(sample: Project) -> None:
    with sample.reading() as session:
        matrix = build_matrix(session, MatrixSpec(by="place", show=("city",)))
        only_school = build_matrix(session, MatrixSpec(attributes={"place": ("school",)}))
    groups = [row.group for row in matrix.rows]
    order = ["work", "living", "school", "public space", "leisure"]
    assert groups == sorted(groups, key=order.index)
    assert list(matrix.rows[0].values) == ["place", "city"]
    assert [row.name for row in only_school.rows] == ["Basisschool Het Klaverveld"]
    assert list(only_school.values.index) == [only_school.rows[0].case_id]
