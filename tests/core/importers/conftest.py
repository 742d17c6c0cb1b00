"""A project with one case to import into."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.importers.job import FileOutcome, import_files
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.storage import Project


@pytest.fixture
def project_with_case(tmp_path: Path) -> Iterator[tuple[Project, int]]:
    with create_project(tmp_path / "veldwerk.cwb") as project:
        yield project, create_case(project, "Woonkollektief Tussenruimte").subject.id


def import_one(project: Project, case_id: int, path: Path, **options: object) -> FileOutcome:
    [outcome] = import_files(project, case_id, [path], **options).outcomes  # type: ignore[arg-type]
    return outcome
