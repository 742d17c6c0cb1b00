"""Projects and sources for the safety tests, made once per test run by benchmarks/generate.py."""

from __future__ import annotations

import fcntl
import importlib.util
import os
import random
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers import REPO

TRANSCRIPTS = 3
TRANSCRIPT_WORDS = 130_000  # over 1 MB of text each: with its index, more than SQLite's cache


def _generator() -> ModuleType:
    name = "benchmarks_generate"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "generate.py")
        assert spec is not None and spec.loader is not None
        sys.modules[name] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(sys.modules[name])
    return sys.modules[name]


@dataclass(frozen=True)
class Material:
    base: Path  # a coded project: 3 cases, 12 documents
    other: Path  # another coder's project to merge in: 12 large documents, 3,000 codings
    small_other: Path  # another small one, for a merge whose size does not matter
    transcripts: list[Path]  # large text files to import
    folder: Path

    def copy_of_base(self, name: str) -> Path:
        target = self.folder / f"{name}.cwb"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(self.base, target)
        return target


def _shared_folder(factory: pytest.TempPathFactory) -> Path:
    """A folder of this test run that every pytest-xdist worker sees (the run's own base)."""
    base = factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def material(tmp_path_factory: pytest.TempPathFactory) -> Material:
    """Made by the first worker that needs it; the others wait for it and share it (read only:
    a test copies a project before it changes it)."""
    folder = _shared_folder(tmp_path_factory) / "safety-material"
    with open(f"{folder}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "made").exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed half made
            folder.mkdir()
            _make(folder)
            (folder / "made").touch()
    transcripts = [folder / f"interview-{number}.txt" for number in range(1, TRANSCRIPTS + 1)]
    return Material(folder / "base.cwb", folder / "other.cwb", folder / "small-other.cwb",
                    transcripts, folder)


def _make(folder: Path) -> None:
    generate = _generator()
    base, other = folder / "base.cwb", folder / "other.cwb"
    generate.generate(base, generate.Size(cases=3, documents=12, words=24_000, codings=600,
                                          seed=7))
    generate.generate(other, generate.Size(cases=3, documents=12, words=300_000, codings=3000,
                                           seed=8))
    generate.generate(folder / "small-other.cwb", generate.Size(
        cases=3, documents=12, words=24_000, codings=600, seed=9))
    rng = random.Random(11)
    vocabulary = generate.vocabulary(rng)
    for number in range(1, TRANSCRIPTS + 1):
        path = folder / f"interview-{number}.txt"
        path.write_text(generate.transcript(rng, vocabulary, TRANSCRIPT_WORDS), encoding="utf-8")


@pytest.fixture
def scratch(material: Material, tmp_path: Path) -> Material:
    """The session's material, with copies made in this test's own folder."""
    return replace(material, folder=tmp_path)
