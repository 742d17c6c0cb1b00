"""Backups: one taken on each open for writing, the newest N kept, and putting one back."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from workbench.core.errors import NotAProjectError, ProjectLockedError
from workbench.core.model import Case
from workbench.core.services.cases import create_case
from workbench.core.storage import Project
from workbench.core.storage.backups import backup_folder, find_backup, list_backups, restore
from workbench.core.storage.project_file import Access


def _cases(path: Path) -> list[str]:
    with Project.open(path, access=Access.READ) as project, project.reading() as session:
        return list(session.scalars(select(Case.name).order_by(Case.id)))


def _work_session(path: Path, case: str, keep: int = 5) -> Project:
    """Open the project (taking a backup), add a case, close it."""
    with Project.open(path, backups=keep) as project:
        create_case(project, case)
    return project


def test_each_working_session_starts_with_a_backup_and_the_newest_n_are_kept(study: Path) -> None:
    first = _work_session(study, "Jeugdbeweging", keep=2)
    assert first.backup is not None and first.backup.parent == backup_folder(study)
    assert first.backup.name.startswith("study-") and first.backup.suffix == ".cwb"
    _work_session(study, "Buurthuis", keep=2)
    _work_session(study, "Sportclub", keep=2)

    backups = list_backups(study)
    assert len(backups) == 2  # the oldest was let go
    assert _cases(backups[0].path) == ["Solidaire keuken", "Jeugdbeweging", "Buurthuis"]
    assert _cases(backups[1].path) == ["Solidaire keuken", "Jeugdbeweging"]


def test_opening_an_unchanged_project_again_takes_no_new_backup(study: Path) -> None:
    Project.open(study, backups=5).close()
    again = Project.open(study, backups=5)
    again.close()
    assert again.backup is None
    assert len(list_backups(study)) == 1


def test_no_backups_when_turned_off_or_only_reading(study: Path) -> None:
    Project.open(study, backups=0).close()
    Project.open(study, access=Access.READ, backups=5).close()
    assert not backup_folder(study).exists()


def test_a_failed_backup_does_not_stop_the_work(study: Path) -> None:
    backup_folder(study).write_text("not a folder")  # the backup cannot be written there
    with Project.open(study, backups=5) as project:
        assert project.backup is None
        assert project.backup_warning.startswith("No backup of study.cwb could be made")
        create_case(project, "Jeugdbeweging")  # the project itself works normally
    assert _cases(study) == ["Solidaire keuken", "Jeugdbeweging"]


def test_restoring_a_backup_and_undoing_the_restore(study: Path) -> None:
    _work_session(study, "Jeugdbeweging")  # backup 1: before Jeugdbeweging
    _work_session(study, "Buurthuis")  # backup 2: before Buurthuis
    before_restore = _cases(study)
    oldest = find_backup(study, "2")
    assert oldest.path == list_backups(study)[-1].path

    kept = restore(study, oldest.path)
    assert _cases(study) == ["Solidaire keuken"]
    assert _cases(kept) == before_restore  # the replaced state is itself kept
    with Project.open(study, backups=5) as project:  # the restored project is a working project
        create_case(project, "Sportclub")

    restore(study, kept)  # changed our mind: bring back what the restore replaced
    assert _cases(study) == before_restore


def test_a_restore_is_refused_while_the_project_is_open_for_writing(study: Path) -> None:
    _work_session(study, "Jeugdbeweging")
    digest = hashlib.sha256(study.read_bytes()).hexdigest()
    with Project.open(study) as project:
        with pytest.raises(ProjectLockedError, match="is open for writing by another window"):
            restore(study, list_backups(study)[0].path)
        assert project.read_only_reason is None
    assert hashlib.sha256(study.read_bytes()).hexdigest() == digest
    assert len(list_backups(study)) == 1  # not even the pre-restore copy was taken


def test_a_reader_sees_the_restored_project(study: Path) -> None:
    _work_session(study, "Jeugdbeweging")
    with Project.open(study, access=Access.READ) as reader:
        restore(study, list_backups(study)[0].path)
        with reader.reading() as session:
            assert list(session.scalars(select(Case.name))) == ["Solidaire keuken"]


def test_only_a_project_can_be_restored(study: Path, tmp_path: Path) -> None:
    stranger = tmp_path / "notes.txt"
    stranger.write_text("boodschappenlijst")
    with pytest.raises(NotAProjectError, match="nothing was restored"):
        restore(study, stranger)
    assert _cases(study) == ["Solidaire keuken"]
