"""Fixtures shared by the core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A closed project file holding one case."""
    path = tmp_path / "study.cwb"
    with create_project(path) as project:
        create_case(project, "Solidaire keuken")
    return path
