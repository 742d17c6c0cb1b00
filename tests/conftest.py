"""Shared fixtures. GUI tests run offscreen; every test gets its own temporary project."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from workbench.core.services.codebook import create_project
from workbench.core.storage import Project


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own home, data folders and log folder, so tests running in parallel
    (pytest-xdist) never share a settings file, a log file or the user's real data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("WORKBENCH_LOG_DIR", str(home / "logs"))
    monkeypatch.delenv("WORKBENCH_DEBUG", raising=False)


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


# Whole folders whose every test is slow: fuzzing (hypothesis at a large budget) and the safety
# tests (they share generated projects of several megabytes, built once per worker).
SLOW_FOLDERS = ("fuzz", "safety")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests_dir = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(tests_dir) and \
                item.path.relative_to(tests_dir).parts[0] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)
