"""Killing ``import-qdpx`` and ``restore`` part-way (issue 14, points 5 and 10; acceptance 2).

A killed ``import-qdpx`` leaves no project at all (it is built under a hidden name and renamed
at the end), so the retry simply works, and the retry removes what the killed run left. A killed
``restore`` leaves the project as it was or as the backup was, never a mixture.
"""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tests.safety.conftest import Material
from tests.safety.killing import kill_when_paused, kill_when_wal_grows, uncommitted_frames
from tests.safety.state import Content, assert_sound, content
from workbench.core.exchange.qdpx_export import export_project
from workbench.core.exchange.qdpx_import import import_qdpx
from workbench.core.storage import Project
from workbench.core.storage.backups import backup_folder

ATTEMPTS = 5


@pytest.fixture(scope="module")
def package(material: Material, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small coded project as a package: the kill lands at a chosen statement, whatever the
    size, and the retry imports it all."""
    path = tmp_path_factory.mktemp("qdpx") / "colleague.qdpx"
    with Project.open(material.base, access="read") as project:
        export_project(project, path)
    return path


@pytest.mark.parametrize("pause_at", [("INSERT INTO document (", 4), ("INSERT INTO coding ", 2)],
                         ids=["among the documents", "among the codings"])
def test_a_killed_import_qdpx_leaves_no_project_and_the_retry_works(
        scratch: Material, package: Path, pause_at: tuple[str, int]) -> None:
    target = scratch.folder / "colleague.cwb"
    killed = kill_when_paused("import-qdpx", target, package, pause_at=pause_at)

    assert not killed.finished
    assert not target.exists()
    left = [p.name for p in scratch.folder.iterdir()]
    assert left and all(name.startswith((".colleague.cwb.", "..colleague.cwb.")) for name in left)

    report = import_qdpx(package, target)  # the retry: no "already exists"
    assert report.counts["documents"] == 12
    assert sorted(p.name for p in scratch.folder.iterdir()) == ["colleague.cwb"]
    assert_sound(target)


@pytest.fixture(scope="module")
def restore_states(material: Material) -> tuple[Content, Content]:
    return content(material.base), content(material.other)


def _with_backup(scratch: Material, name: str) -> tuple[Path, Path]:
    """A copy of the small project whose newest backup is the large other project."""
    project = scratch.copy_of_base(name)
    folder = backup_folder(project)
    folder.mkdir()
    backup = folder / f"{name}-20261201-120000.cwb"
    shutil.copyfile(scratch.other, backup)
    return project, backup


def test_a_restore_killed_while_its_pages_reach_the_disk_is_all_or_nothing(
        scratch: Material, restore_states: tuple[Content, Content]) -> None:
    before, after = restore_states
    landed = []
    for attempt in range(ATTEMPTS):
        project, backup = _with_backup(replace(scratch), f"killed-{attempt}")
        killed = kill_when_wal_grows("restore", project, backup, by=1_000_000)
        cut_off = uncommitted_frames(project)
        state = assert_sound(project)
        assert state in (before, after)
        landed.append((killed.finished, cut_off, state == before))
        if cut_off and not killed.finished:
            break
    assert landed[-1][1] > 0 and not landed[-1][0], f"no kill landed inside the restore: {landed}"
    assert landed[-1][2]  # a restore cut off mid-way changed nothing
