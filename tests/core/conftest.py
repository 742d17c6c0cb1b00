"""Fixtures shared by the core tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import copy_of_template
from tests.preloaded_python import PreloadedPython
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project


@pytest.fixture
def study(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed project file holding one case."""
    def build(path: Path) -> None:
        with create_project(path) as project:
            create_case(project, "Solidaire keuken")

    return copy_of_template(tmp_path_factory, "one-case", build, tmp_path / "study.cwb")


@pytest.fixture(scope="module")
def python() -> Iterator[PreloadedPython]:
    """The read-only openers of test_writer_lock and test_one_file run in processes forked from
    one that has imported the core (each gives up its own capabilities), not cold interpreters."""
    with PreloadedPython(["workbench.core.errors", "workbench.core.services.cases",
                          "workbench.core.storage"]) as preloaded:
        yield preloaded
