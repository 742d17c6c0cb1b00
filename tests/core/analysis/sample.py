"""The sample project, built once per test session and shared read-only by the matrix tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from workbench.core.sample.builder import build_sample_project


def sample_copy(factory: pytest.TempPathFactory, target: Path) -> Path:
    """A private copy of the session's sample project (build it on first use)."""
    root = factory.getbasetemp() / "matrix_sample"
    built = root / "sample.cwb"
    if not built.exists():
        root.mkdir(exist_ok=True)
        build_sample_project(built).close()
    shutil.copy(built, target)
    return target
