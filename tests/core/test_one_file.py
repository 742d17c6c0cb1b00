"""One project is one file, also after a crash (issue 14, point 7).

The writer folds the write-ahead log into the file after every action (the copy of an open
project is in tests/gui/test_replaced_file.py). What a crash leaves in a log still opens: in
a place nobody can write, read-only from a private copy of the file and its log.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.core.test_writer_lock import _open_in_read_only_place
from tests.helpers import table_contents
from tests.preloaded_python import PreloadedPython
from workbench.core.services.cases import create_case
from workbench.core.storage import Project


def _crashed_with_work_in_the_log(study: Path, place: Path) -> Path:
    """A copy of ``study`` as a crash leaves it: the last case committed, in the log only."""
    writer = sqlite3.connect(study)
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    with writer:
        writer.execute("INSERT INTO case_ (uuid, name, description, position, created_at, "
                       "modified_at) VALUES ('0b7f2c4e-4f47-4d1b-9a57-5d5c2a2b7e01', "
                       "'Buurthuis', '', 1, '2026-12-01 12:00:00', '2026-12-01 12:00:00')")
    place.mkdir()
    for suffix in ("", "-wal"):  # copied while the writer still runs: as a crash leaves them
        shutil.copyfile(f"{study}{suffix}", place / f"study.cwb{suffix}")
    writer.close()
    return place / "study.cwb"


def test_after_each_action_the_file_alone_holds_it(study: Path, tmp_path: Path) -> None:
    with Project.open(study) as project:
        create_case(project, "Buurthuis")
        alone = tmp_path / "alone.cwb"
        shutil.copyfile(study, alone)
        assert Path(f"{study}-wal").stat().st_size == 0  # the log is folded in and emptied
    assert [row[1] for row in table_contents(alone)["case_"]] == ["Solidaire keuken", "Buurthuis"]


@pytest.mark.slow  # a fresh process opens it from a read-only folder
def test_a_leftover_log_in_a_read_only_folder_opens_read_only_with_its_work(
        study: Path, tmp_path: Path, python: PreloadedPython) -> None:
    crashed = _crashed_with_work_in_the_log(study, tmp_path / "disc")
    assert Path(f"{crashed}-wal").stat().st_size > 0
    crashed.parent.chmod(0o555)
    try:
        result = _open_in_read_only_place(python, crashed, "folder")
    finally:
        crashed.parent.chmod(0o755)
    assert result["reason"] == f"its folder {crashed.parent} cannot be written to"
    assert sorted(result["cases"]) == ["Buurthuis", "Solidaire keuken"]
    assert sorted(p.name for p in crashed.parent.iterdir()) == ["study.cwb", "study.cwb-wal"]


def test_an_import_of_many_files_is_folded_into_the_file_once_at_its_end(
        study: Path, tmp_path: Path) -> None:
    from workbench.core.importers.job import import_files

    sources = []
    for number in range(3):
        source = tmp_path / f"interview-{number}.txt"
        source.write_text(f"Griet: gesprek {number}, over de keuken.\n", encoding="utf-8")
        sources.append(source)
    with Project.open(study) as project:
        folds = []
        original = project.fold_log

        def counted() -> None:
            folds.append(project._batch_depth)
            original()

        project.fold_log = counted  # type: ignore[method-assign]
        report = import_files(project, 1, sources)
        assert report.summary == "3 imported, 0 skipped, 0 failed"
        assert folds[-1] == 0 and folds.count(0) == 1  # one real fold, after the last file
        alone = tmp_path / "alone.cwb"
        shutil.copyfile(study, alone)
    assert len(table_contents(alone)["document"]) == 3
