"""Export tests share one copy of the sample project with two framework summaries written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.analysis.sample import sample_copy
from workbench.core.analysis.frame import matrix_columns, matrix_rows
from workbench.core.analysis.spec import MatrixSpec
from workbench.core.services.summaries import set_summary
from workbench.core.storage import Project

SUMMARY = "Vakbondsafgevaardigden passen nieuwkomers in; de werkvloer denkt weinig om.\nZie Dirk."


@pytest.fixture(scope="session")
def summarised_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = sample_copy(tmp_path_factory, tmp_path_factory.mktemp("exports") / "sample.cwb")
    with Project.open(path) as project:
        with project.reading() as session:
            rows = matrix_rows(session, MatrixSpec())
            themes = matrix_columns(session, "themes")
        set_summary(project, rows[0].case_id, themes[0].code_id, SUMMARY, author="Lotte")
        set_summary(project, rows[1].case_id, themes[1].code_id, "“Samen sterk”: één strijd.",
                    author="Youssef")
    return path


@pytest.fixture
def sample(summarised_path: Path) -> Iterator[Project]:
    with Project.open(summarised_path) as project:
        yield project
