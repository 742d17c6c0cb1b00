"""Matrix tests share the sample project (built once per session)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.core.analysis.sample import sample_copy
from workbench.core.storage import Project


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sample_copy(tmp_path_factory, tmp_path_factory.mktemp("analysis") / "sample.cwb")


@pytest.fixture
def sample(sample_path: Path) -> Iterator[Project]:
    with Project.open(sample_path) as project:
        yield project


@pytest.fixture
def own_sample(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Project]:
    """A private copy of the sample project, for tests that change it."""
    with Project.open(sample_copy(tmp_path_factory, tmp_path / "own.cwb")) as project:
        yield project
