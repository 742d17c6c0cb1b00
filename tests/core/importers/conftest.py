"""A project with one case to import into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import case_id, copy_of_prepared
from workbench.core.importers.job import FileOutcome, import_files
from workbench.core.services.cases import create_case
from workbench.core.storage import Project

CASE = "Woonkollektief Tussenruimte"


@pytest.fixture
def project_with_case(tmp_path: Path,
                      tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Project, int]]:
    """A copy of a project built once per test process."""
    path = copy_of_prepared(tmp_path_factory, "import-into",
                            lambda project: create_case(project, CASE), tmp_path / "veldwerk.cwb",
                            codebook="none")
    with Project.open(path) as project:
        yield project, case_id(project, CASE)


def import_one(project: Project, case_id: int, path: Path, **options: object) -> FileOutcome:
    [outcome] = import_files(project, case_id, [path], **options).outcomes  # type: ignore[arg-type]
    return outcome
