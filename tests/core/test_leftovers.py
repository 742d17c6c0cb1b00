"""Scratch files left by killed commands are removed by the next run in that folder; those a
running command still writes are left alone (issue 14, point 10)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO
from workbench.core.exporters import written_whole
from workbench.core.leftovers import held_scratch
from workbench.core.storage.backups import backup_folder, take_backup

_KILLED_WRITER = """
import os, sys, time
from workbench.core.leftovers import held_scratch
with held_scratch(__import__("pathlib").Path(sys.argv[1])):
    with open(sys.argv[1], "wb") as out:
        out.write(b"half a workbook")
    print("writing", flush=True)
    time.sleep(60)
"""


def _killed_while_writing(scratch: Path) -> None:
    """A real process holds ``scratch`` while it writes, and is killed (SIGKILL) part-way."""
    child = subprocess.Popen([sys.executable, "-c", _KILLED_WRITER, str(scratch)], cwd=REPO,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()


def test_an_export_removes_what_a_killed_export_left_in_its_folder(tmp_path: Path) -> None:
    killed = tmp_path / ".matrix.xlsx.0badc0de.writing"
    _killed_while_writing(killed)
    assert killed.exists()

    with held_scratch(tmp_path / ".codebook.docx.12345678.writing"):  # still being written
        with written_whole(tmp_path / "matrix.xlsx") as scratch:
            scratch.write_bytes(b"a whole workbook")
        remaining = sorted(p.name for p in tmp_path.iterdir())
    assert remaining == [".codebook.docx.12345678.writing", "matrix.xlsx"]


def test_a_backup_removes_the_partial_copy_a_killed_backup_left(study: Path) -> None:
    folder = backup_folder(study)
    folder.mkdir()
    partial = folder / ".study-20261201-120000.cwb.partial"
    _killed_while_writing(partial)
    Path(f"{partial}-wal").write_bytes(b"")

    taken = take_backup(study)

    assert sorted(p.name for p in folder.iterdir()) == [taken.name]


def test_a_new_project_removes_what_a_killed_creation_left(tmp_path: Path) -> None:
    from workbench.core.services.codebook import create_project

    building = tmp_path / ".study.cwb.0123abcd.building"
    _killed_while_writing(building)
    (tmp_path / "..study.cwb.0123abcd.building.lock").write_text("{}")
    create_project(tmp_path / "other.cwb").close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.cwb"]
    assert not os.path.lexists(building)
