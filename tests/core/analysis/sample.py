"""The sample project, built once per test run and copied for each test (or module) that uses it.

Building it takes ten seconds of processor time. With pytest-xdist the workers share one build:
the first to need it builds it, and any other that needs it meanwhile waits for that build.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from workbench.core.sample.builder import build_sample_project

WAIT_SECONDS = 900  # for another worker's build, even on a crowded machine


def sample_copy(factory: pytest.TempPathFactory, target: Path) -> Path:
    """A private copy of the run's sample project (built on first use)."""
    shutil.copyfile(_built(factory), target)
    return target


def _built(factory: pytest.TempPathFactory) -> Path:
    base = factory.getbasetemp()
    # xdist gives each worker its own basetemp inside the run's: share the run's.
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "shared_sample"
    built, failed = root / "sample.cwb", root / "failed"
    if built.exists():
        return built
    root.mkdir(parents=True, exist_ok=True)
    try:
        os.close(os.open(root / "building", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # another worker builds it
        deadline = time.monotonic() + WAIT_SECONDS
        while not built.exists():
            if failed.exists() or time.monotonic() > deadline:
                pytest.fail("the sample project could not be built (see the test that built it)")
            time.sleep(0.1)
        return built
    scratch = root / f"building-{os.getpid()}"
    scratch.mkdir()
    try:
        build_sample_project(scratch / "sample.cwb").close()
        os.replace(scratch / "sample.cwb", built)  # appears whole or not at all
    except BaseException:
        failed.touch()
        raise
    return built
