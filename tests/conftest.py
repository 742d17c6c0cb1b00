"""Shared fixtures. GUI tests run offscreen; every test gets its own temporary project."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import copy_of_template
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
def project(project_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """An empty project (no codebook)."""
    copy_of_template(tmp_path_factory, "empty", lambda path: create_project(path).close(),
                     project_path)
    with Project.open(project_path) as opened:
        yield opened


@pytest.fixture
def solidarity_project(project_path: Path,
                       tmp_path_factory: pytest.TempPathFactory) -> Iterator[Project]:
    """A new project started from the built-in Solidarity in diversity codebook."""
    copy_of_template(tmp_path_factory, "solidarity",
                     lambda path: create_project(path, codebook="solidarity").close(), project_path)
    with Project.open(project_path) as opened:
        yield opened


# Whole folders whose every test is slow: fuzzing (hypothesis at a large budget) and the safety
# tests (they share generated projects of several megabytes, built once per worker).
SLOW_FOLDERS = ("fuzz", "safety")
# Test files that run a benchmark script (a fresh process on a generated project) are slow too:
# tests/test_bench_*.py, tests/**/test_*benchmark*.py.
SLOW_FILE_WORD = "bench"


def _slow_by_place(path: Path) -> bool:
    parts = path.relative_to(Path(__file__).parent).parts
    return bool(parts) and (parts[0] in SLOW_FOLDERS or SLOW_FILE_WORD in path.name)


def _quick_part(config: pytest.Config) -> bool:
    return " ".join(str(config.option.markexpr).split()) == "not slow"


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config: pytest.Config) -> None:
    """``pytest -m "not slow"`` (the quick part) runs on every core by itself, as `-n auto`
    would: a developer's quick check should not depend on remembering the option. ``-n 0`` (or
    any ``-n``) still decides. Runs before pytest-xdist reads the option (conftest hooks are
    called before those of plugins installed earlier)."""
    if _quick_part(config) and config.option.numprocesses is None \
            and not hasattr(config, "workerinput") and not config.getoption("usepdb", False):
        config.option.numprocesses = "auto"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Running the quick part (``-m "not slow"``), the folders and files whose every test is slow
    are not imported at all: each worker saves their imports (hypothesis, the fuzzers' builders)."""
    if not _quick_part(config):
        return None
    tests_dir = Path(__file__).parent
    if not collection_path.is_relative_to(tests_dir) or collection_path == tests_dir:
        return None
    if collection_path.is_file() and not collection_path.name.startswith("test_"):
        return None  # conftest.py and helpers stay
    return True if _slow_by_place(collection_path) else None


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    tests_dir = Path(__file__).parent
    for item in items:
        if not item.path.is_relative_to(tests_dir):
            continue
        if _slow_by_place(item.path):
            item.add_marker(pytest.mark.slow)
    # Files holding slow tests run first, then the team tests (a worker's first one starts its
    # PostgreSQL cluster) and the window tests: xdist hands out the rest one by one as workers
    # free up, so the run ends on short tests and no worker idles while another finishes a long
    # one. A file stays in one piece (its module-scoped fixtures are built once).
    slow_files = {item.path for item in items if "slow" in item.keywords}
    items.sort(key=lambda item: (item.path not in slow_files, _rank(item.path)))


_RUN_EARLY = ("team", "gui")


def _rank(path: Path) -> int:
    """Where a quick test's folder comes in the run: team, then gui, then the rest."""
    folder = path.relative_to(Path(__file__).parent).parts[0] if path.is_relative_to(
        Path(__file__).parent) else ""
    return _RUN_EARLY.index(folder) if folder in _RUN_EARLY else len(_RUN_EARLY)


# Time spent in tests (setup, call and teardown; summed over every worker), by part: the quick
# part (not marked slow) must stay under a minute of wall time on two cores.
_test_seconds = {"quick": 0.0, "slow": 0.0}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    _test_seconds["slow" if "slow" in report.keywords else "quick"] += report.duration


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter,
                            config: pytest.Config) -> None:
    quick, slow = _test_seconds["quick"], _test_seconds["slow"]
    if quick or slow:
        workers = getattr(config.option, "numprocesses", None)
        workers = workers if isinstance(workers, int) and workers > 0 else 1
        terminalreporter.write_line(
            f"test time, summed over workers: quick part {quick:.0f} s, slow part {slow:.0f} s; "
            f"the quick part alone (pytest -m 'not slow') is about {quick / workers:.0f} s on "
            f"{workers} worker(s), plus each worker's start")
