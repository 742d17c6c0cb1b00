"""Shared fixtures. GUI tests run offscreen; every test gets its own temporary project."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from workbench.core.services.codebook import create_project  # noqa: E402
from workbench.core.storage import Project  # noqa: E402


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "study.cwb"


@pytest.fixture
def project(project_path: Path) -> Iterator[Project]:
    """An empty project (no codebook)."""
    with create_project(project_path) as opened:
        yield opened


@pytest.fixture
def solidarity_project(project_path: Path) -> Iterator[Project]:
    """A new project started from the built-in Solidarity in diversity codebook."""
    with create_project(project_path, codebook="solidarity") as opened:
        yield opened
