"""An export that cannot be written whole says why, names the file, and leaves nothing half-written.

Every exporter writes through workbench/core/atomic_file.py: a scratch file beside the target,
moved over it only once complete. /dev/full stands in for a full disk (each write fails with
ENOSPC); a cap on file sizes (RLIMIT_FSIZE, in a child process: tests/safety/_forked.py) makes
a regular file's writes fail part-way, which shows that an older file of the same name survives
untouched.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.safety import export_child
from tests.safety._forked import Forked
from tests.safety.conftest import Material
from tests.safety.export_child import EXPORTS, Export
from workbench.core.errors import WorkbenchError
from workbench.core.storage import Project

DEV_FULL = Path("/dev/full")


@pytest.mark.skipif(not DEV_FULL.exists(), reason="needs Linux's /dev/full")
@pytest.mark.parametrize("export", EXPORTS.values(), ids=EXPORTS.keys())
def test_an_export_to_a_full_disk_names_the_file_and_says_the_disk_is_full(
        scratch: Material, export: Export) -> None:
    with Project.open(scratch.copy_of_base("project")) as project:
        with pytest.raises(WorkbenchError) as raised:
            export(project, DEV_FULL)

    assert (
        str(raised.value) == "/dev/full: cannot be written (there is not enough space on the disk)."
    )
    assert stat.S_ISCHR(DEV_FULL.stat().st_mode)  # still the device, never replaced by a file


def test_an_export_cut_off_part_way_leaves_the_older_file_and_no_scratch(
        scratch: Material) -> None:
    project = scratch.copy_of_base("project")
    folder = scratch.folder / "exports"
    folder.mkdir()
    for name in EXPORTS:
        (folder / name).write_bytes(b"the report of last week")

    child = Forked(export_child.main, ["export_child", str(project), str(folder), "4000"])
    assert child.output is not None
    printed = child.output.read()

    assert child.wait(timeout=120) == 0, child.errors()
    child.errors()
    errors = json.loads(printed)
    assert errors == {name: f"{folder / name}: cannot be written (the file would be too large)."
                      for name in EXPORTS}
    assert sorted(p.name for p in folder.iterdir()) == sorted(EXPORTS)
    for name in EXPORTS:
        assert (folder / name).read_bytes() == b"the report of last week"
