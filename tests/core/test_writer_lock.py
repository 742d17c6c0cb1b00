"""One writer per project: a second window or process reads, or is told who is writing."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.helpers import table_contents
from tests.preloaded_python import PreloadedPython
from tests.project_holder import HoldingProcess
from workbench.core.errors import (
    ProjectLockedError,
    ProjectReadOnlyError,
)
from workbench.core.model import Case
from workbench.core.services.cases import create_case
from workbench.core.services.history import undo
from workbench.core.storage import Project, writer_lock
from workbench.core.storage.project_file import Access
from workbench.core.storage.writer_lock import lock_path, read_holder

DATA = Path(__file__).resolve().parent.parent / "data"



def _cases(project: Project) -> list[str]:
    with project.reading() as session:
        return list(session.scalars(select(Case.name).order_by(Case.id)))


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.slow
def test_a_second_process_reads_while_the_first_writes(study: Path) -> None:
    with HoldingProcess(study, user="Youssef") as colleague:
        with pytest.raises(ProjectLockedError) as refused:
            Project.open(study)
        host = socket.gethostname()
        assert f"open for writing by Youssef on host {host} since" in str(refused.value)

        with Project.open(study, access=Access.WRITE_OR_READ) as mine:
            assert mine.read_only
            assert mine.read_only_reason.startswith("it is open for writing by Youssef on host")
            assert _cases(mine) == ["Solidaire keuken"]
            colleague.add_case("Jeugdbeweging")  # the other process goes on writing ...
            assert _cases(mine) == ["Solidaire keuken", "Jeugdbeweging"]  # ... and we see it
            with pytest.raises(ProjectReadOnlyError, match="your change was not made"):
                create_case(mine, "Buurthuis")
    with Project.open(study) as after:  # the colleague closed it: now it can be written
        assert not after.read_only
        assert _cases(after) == ["Solidaire keuken", "Jeugdbeweging"]
    assert not lock_path(study).exists()  # closing removes the lock file


def test_the_same_project_in_two_windows_of_one_process(study: Path) -> None:
    first = Project.open(study)
    try:
        with pytest.raises(ProjectLockedError, match="another window of this program"):
            Project.open(study)
        second = Project.open(study, access=Access.WRITE_OR_READ)
        assert second.read_only and "another window" in second.read_only_reason
        second.close()
    finally:
        first.close()
    Project.open(study).close()


@pytest.mark.slow  # a holder process is started and killed
def test_a_crashed_holder_does_not_block_the_project(study: Path) -> None:
    colleague = HoldingProcess(study, user="Youssef")
    colleague.crash()  # killed while holding the project
    left_behind = read_holder(study)
    assert left_behind is not None and left_behind.pid == colleague.pid  # the lock file stays

    with Project.open(study) as project:
        assert not project.read_only
        assert project.stale_lock is not None and project.stale_lock.pid == colleague.pid
        assert read_holder(study).pid == os.getpid()  # the lock file now names us
        create_case(project, "Buurthuis")
    assert not lock_path(study).exists()


def test_a_read_only_project_refuses_every_change_and_writes_nothing(study: Path) -> None:
    with Project.open(study) as project:
        create_case(project, "Jeugdbeweging")  # something Undo could take back
    before, digest = table_contents(study), _digest(study)

    with Project.open(study, access=Access.READ) as reader:
        assert reader.read_only_reason == "it was opened for reading only"
        with pytest.raises(ProjectReadOnlyError) as refused:
            create_case(reader, "Buurthuis")
        assert str(refused.value) == ("study.cwb is open read-only because it was opened for "
                                      "reading only; your change was not made.")
        with pytest.raises(ProjectReadOnlyError):
            undo(reader)
        with pytest.raises(Exception, match="readonly|read-only"):  # the second guard: SQLite's
            with reader.reading() as session:
                session.connection().exec_driver_sql("DELETE FROM case_")
    assert table_contents(study) == before
    assert _digest(study) == digest


def test_reading_does_not_keep_anyone_from_writing(study: Path) -> None:
    with Project.open(study, access=Access.READ) as reader, Project.open(study) as writer:
        create_case(writer, "Jeugdbeweging")
        assert _cases(reader) == ["Solidaire keuken", "Jeugdbeweging"]


def test_an_old_project_open_elsewhere_is_read_from_an_upgraded_copy(tmp_path: Path) -> None:
    """Reading never upgrades a file: not while another window holds it, nor when it is free."""
    old = tmp_path / "old.cwb"
    old.write_bytes((DATA / "project-v1.cwb").read_bytes())
    other_window = writer_lock.WriterLock.acquire(old, user="Lotte")
    try:
        with Project.open(old, access=Access.WRITE_OR_READ) as reader:
            assert reader.read_only and "open for writing by" in reader.read_only_reason
            assert reader.upgrade_backup is None and _cases(reader) != []
    finally:
        other_window.release()
    with Project.open(old, access=Access.READ) as reader:
        assert reader.read_only and reader.upgrade_backup is None and _cases(reader) != []
    assert _digest(old) == _digest(DATA / "project-v1.cwb")  # unchanged, nothing beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.cwb"]


def test_without_os_locks_a_live_holder_still_counts(
        study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Some network shares refuse locks: then the lock file's content decides."""

    def refuse(_descriptor: int) -> None:
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(writer_lock, "_try_lock", refuse)
    with Project.open(study) as first:
        assert first._lock is not None and not first._lock.os_lock
        with pytest.raises(ProjectLockedError):
            Project.open(study)
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # a process that ended
    dead = {"user": "Lotte", "host": socket.gethostname(), "pid": int(gone.stdout),
            "since": "2026-01-05T14:02:00"}
    lock_path(study).write_text(json.dumps(dead), encoding="utf-8")
    with Project.open(study) as project:  # its process is gone: the lock is stale
        assert project.stale_lock.user == "Lotte"


# -- a read-only location -------------------------------------------------------------------

# As root, permission bits do not stop writes. The opener therefore runs in a child process
# that gives up the capabilities that let root ignore them (CAP_DAC_OVERRIDE and friends);
# it stays uid 0, so it can still read a checkout in a private (0700) temporary folder.
_OPENER = r"""
import ctypes, json, os, sys

if os.geteuid() == 0:
    libc = ctypes.CDLL(None, use_errno=True)
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this process
    caps = (ctypes.c_uint32 * 6)()
    assert libc.capget(header, caps) == 0, os.strerror(ctypes.get_errno())
    keep = ~((1 << 1) | (1 << 2) | (1 << 3)) & 0xFFFFFFFF  # DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER
    caps[0] &= keep
    caps[1] &= keep
    assert libc.capset(header, caps) == 0, os.strerror(ctypes.get_errno())

from workbench.core.errors import WorkbenchError
from workbench.core.services.cases import create_case
from workbench.core.storage import Project

path, probe = sys.argv[1], sys.argv[2]
try:  # prove the place really is read-only for this process before trusting the rest
    if probe == "file":
        open(path, "r+b").close()
    elif probe == "lock file":
        lock = os.path.join(os.path.dirname(path), "." + os.path.basename(path) + ".lock")
        open(lock, "r+b").close()
    else:
        open(os.path.join(os.path.dirname(path), "probe"), "w").close()
    result = {"writable": True}
except PermissionError:
    result = {"writable": False}
try:
    Project.open(path).close()
except WorkbenchError as error:
    result["write"] = str(error)
with Project.open(path, access="write-or-read") as project:
    result["reason"] = project.read_only_reason
    with project.reading() as session:
        rows = session.connection().exec_driver_sql("SELECT name FROM case_")
        result["cases"] = rows.scalars().all()
    try:
        create_case(project, "Buurthuis")
    except WorkbenchError as error:
        result["change"] = str(error)
print(json.dumps(result))
"""


def _open_in_read_only_place(python: PreloadedPython, path: Path, probe: str) -> dict:
    if sys.platform != "linux" and os.geteuid() == 0:
        pytest.skip("dropping root's file capabilities is done the Linux way")
    completed = python.run("opener", [str(path), probe], code=_OPENER, env=os.environ,
                           timeout=120)
    assert completed.returncode == 0, completed.stderr
    result = json.loads(completed.stdout)
    assert result["writable"] is False, "the test could not make the place read-only"
    return result


@pytest.mark.slow  # a fresh process
def test_a_project_in_a_read_only_folder_opens_read_only(study: Path,
                                                         python: PreloadedPython) -> None:
    before, digest = table_contents(study), _digest(study)
    for index in ("-wal", "-shm"):  # as on a copy burnt to a disc: the project file alone
        Path(f"{study}{index}").unlink(missing_ok=True)
    study.parent.chmod(0o555)
    try:
        result = _open_in_read_only_place(python, study, "folder")
    finally:
        study.parent.chmod(0o755)
    assert "cannot be written to; it can only be opened read-only" in result["write"]
    assert result["reason"] == f"its folder {study.parent} cannot be written to"
    assert result["cases"] == ["Solidaire keuken"]
    assert result["change"].startswith("study.cwb is open read-only because its folder")
    assert sorted(p.name for p in study.parent.iterdir()) == ["study.cwb"]  # no lock, no probe
    assert table_contents(study) == before and _digest(study) == digest


@pytest.mark.slow
def test_a_read_only_project_file_opens_read_only(study: Path, python: PreloadedPython) -> None:
    before, digest = table_contents(study), _digest(study)
    study.chmod(0o444)
    try:
        result = _open_in_read_only_place(python, study, "file")
    finally:
        study.chmod(0o644)
    assert "the file is read-only" in result["write"]
    assert result["reason"] == "the file cannot be written to"
    assert result["cases"] == ["Solidaire keuken"]
    assert "your change was not made" in result["change"]
    assert table_contents(study) == before and _digest(study) == digest


def test_a_colleagues_leftover_lock_file_on_a_shared_folder_is_cleared(
        study: Path, python: PreloadedPython) -> None:
    """The lock file of a colleague who crashed belongs to them; we may not write it, only
    replace it (the folder is shared)."""
    left = lock_path(study)
    left.write_text(json.dumps({"user": "Lotte", "host": "lotte-laptop", "pid": 4242,
                                "since": "2026-01-05T14:02:00"}), encoding="utf-8")
    if os.geteuid() == 0:
        os.chown(left, 4242, 4242)
    left.chmod(0o444)
    study.parent.chmod(0o777)
    try:
        result = _open_in_read_only_place(python, study, "lock file")
    finally:
        study.parent.chmod(0o755)
    assert "write" not in result and result["reason"] is None  # opened for writing
    assert result["cases"] == ["Solidaire keuken"] and "change" not in result
    assert not left.exists()
