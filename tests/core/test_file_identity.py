"""The file under the window is the file we opened: replaced files, links, pipes, private copies.

Issue 14, points 1 (a replaced project), 3 (one lock per file, not per name), 6 (private stays
private) and 11 (a named pipe given as the project).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.helpers import REPO
from workbench.core.errors import (
    NotAProjectError,
    ProjectLockedError,
    ProjectReadOnlyError,
    ProjectReplacedError,
)
from workbench.core.integrity import check_project
from workbench.core.model import Case
from workbench.core.services.cases import create_case
from workbench.core.services.codebook import create_project
from workbench.core.services.history import undo
from workbench.core.storage import Project
from workbench.core.storage.backups import backup_folder, list_backups, take_backup
from workbench.core.storage.migrations import upgrade_project
from workbench.core.storage.writer_lock import lock_path


def _cases(path: Path) -> list[str]:
    with Project.open(path, access="read") as project, project.reading() as session:
        return list(session.scalars(select(Case.name).order_by(Case.id)))


def _other_project(tmp_path: Path) -> Path:
    other = tmp_path / "elsewhere" / "study.cwb"
    other.parent.mkdir()
    with create_project(other) as project:
        create_case(project, "Jeugdbeweging")
    return other


# -- 1. a project replaced while a window holds it ----------------------------------------------

REPLACE = {
    "moved over it (os.replace)": lambda other, path: os.replace(other, path),
    "copied over it in place (cp)": lambda other, path: shutil.copyfile(other, path),
}


@pytest.mark.parametrize("replace", REPLACE.values(), ids=REPLACE.keys())
def test_a_window_stops_writing_when_its_file_is_replaced_and_can_save_its_state(
        study: Path, tmp_path: Path, replace) -> None:
    other = _other_project(tmp_path)
    window = Project.open(study)
    create_case(window, "Buurthuis")  # work the window holds

    replace(other, study)  # a sync tool drops the colleague's copy at the same path

    with pytest.raises(ProjectReplacedError, match="nothing more is written to it"):
        create_case(window, "Typed after the replace")
    assert window.read_only and "after it was opened here" in window.read_only_reason
    with pytest.raises(ProjectReadOnlyError):
        undo(window)
    saved = window.save_copy(tmp_path / "my-work.cwb")  # what the window held, kept
    window.close()

    assert _cases(saved) == ["Solidaire keuken", "Buurthuis"]
    assert _cases(study) == ["Jeugdbeweging"]  # the new file is whole: no stale log went in
    with Project.open(study) as reopened:
        assert check_project(reopened).clean


def test_a_window_checks_its_file_without_writing(study: Path, tmp_path: Path) -> None:
    """What the window calls when it comes back into focus."""
    with Project.open(study) as window:
        create_case(window, "Buurthuis")
        window.check_file()  # its own writes do not count as a replacement
        os.replace(_other_project(tmp_path), study)
        with pytest.raises(ProjectReplacedError, match="was replaced by another file"):
            window.check_file()


# -- 3. one lock per file, not per spelling of its path -----------------------------------------

def test_a_symlink_and_a_hard_link_to_an_open_project_are_refused(study: Path,
                                                                  tmp_path: Path) -> None:
    symlink = tmp_path / "link.cwb"
    symlink.symlink_to(study)
    hard_link = tmp_path / "second-name.cwb"
    os.link(study, hard_link)
    spelled = tmp_path / "." / ".." / tmp_path.name / "study.cwb"

    with Project.open(study) as window:
        for other_name in (symlink, spelled):
            with pytest.raises(ProjectLockedError, match="open for writing by another window"):
                Project.open(other_name)
        with pytest.raises(ProjectLockedError, match="under another name"):
            Project.open(hard_link)
        create_case(window, "Buurthuis")
    with Project.open(symlink, access="write") as through_link:
        assert through_link.read_only_reason is None
    assert lock_path(symlink) == lock_path(study)


def test_backups_through_a_symlink_go_beside_the_real_file(study: Path, tmp_path: Path) -> None:
    (tmp_path / "links").mkdir()
    symlink = tmp_path / "links" / "link.cwb"
    symlink.symlink_to(study)
    with Project.open(symlink, backups=5) as project:
        assert project.backup is not None
    assert backup_folder(symlink) == backup_folder(study) == tmp_path / "study.cwb.backups"
    assert [b.path for b in list_backups(symlink)] == [b.path for b in list_backups(study)]
    assert not (tmp_path / "links" / "link.cwb.backups").exists()


# -- 6. private stays private -------------------------------------------------------------------

def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_copies_and_the_lock_of_a_private_project_are_private(tmp_path: Path) -> None:
    """Modes are checked themselves: the suite runs as root in CI, and root ignores them."""
    (tmp_path / "shared").mkdir(mode=0o755)
    tmp_path.joinpath("shared").chmod(0o755)
    path = tmp_path / "shared" / "study.cwb"
    old = os.umask(0o022)
    try:
        with create_project(path) as project:
            create_case(project, "Solidaire keuken")
        path.chmod(0o600)
        with Project.open(path, backups=5) as project:
            assert _mode(lock_path(path)) == 0o600
            assert project.backup is not None and _mode(project.backup) == 0o600
        assert _mode(backup_folder(path)) == 0o700
        assert _mode(take_backup(path)) == 0o600
        upgraded = upgrade_project(path, 2)  # the copy an upgrade keeps
        assert _mode(upgraded) == 0o600
    finally:
        os.umask(old)


def test_a_project_readable_by_the_group_keeps_its_backups_readable_by_the_group(
        study: Path) -> None:
    study.chmod(0o640)
    study.parent.chmod(0o755)
    taken = take_backup(study)
    assert _mode(taken) == 0o640 and _mode(taken.parent) == 0o750


# -- 11. a named pipe is not a project ----------------------------------------------------------

@pytest.mark.slow  # a fresh process
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_given_as_the_project_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "study.cwb"
    os.mkfifo(fifo)
    with pytest.raises(NotAProjectError, match="is not a project file \\(it is a named pipe\\)"):
        Project.open(fifo, access="read")
    done = subprocess.run([sys.executable, "-m", "workbench", "info", str(fifo)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr == f"workbench: error: {fifo} is not a project file (it is a named pipe).\n"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_given_as_a_source_a_package_or_a_codebook_is_refused(
        tmp_path: Path) -> None:
    from workbench.core.codebooks.qdc import read_codebook
    from workbench.core.errors import CodebookFileError, ImportFileError
    from workbench.core.exchange.qdpx_import import read_qdpx
    from workbench.core.importers.registry import read_source

    fifo = tmp_path / "pipe.qdpx"
    os.mkfifo(fifo)
    with pytest.raises(ImportFileError, match="is not a file"):
        read_qdpx(fifo)
    with pytest.raises(CodebookFileError, match="is not a file"):
        read_codebook(fifo)
    text = tmp_path / "pipe.txt"
    os.mkfifo(text)
    with pytest.raises(ImportFileError, match="^pipe.txt: is not a file"):
        read_source(text)
