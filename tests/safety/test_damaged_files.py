"""Damaged project files give a clear message naming the file and the reason, and are never written.

tests/core/test_project_file.py covers files that are no project at all (empty, zeros, another
program's database, a newer format, a header cut short); these are projects damaged later.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Result
from tests.helpers import table_contents
from tests.safety.conftest import Material
from workbench.cli import main
from workbench.core.errors import ProjectFileError
from workbench.core.integrity import check_project
from workbench.core.storage import Project

PAGE = 4096


def _truncate_to(fraction: float, extra: int = 0):
    def damage(path: Path) -> None:
        size = path.stat().st_size
        os.truncate(path, int(size * fraction) // PAGE * PAGE + extra)
    return damage


def _scribble(offset: int, length: int):
    def damage(path: Path) -> None:
        with path.open("r+b") as handle:
            handle.seek(offset)
            handle.write(bytes(range(256)) * (length // 256) + b"\xff" * (length % 256))
    return damage


DAMAGE = {
    "cut off in the middle of its pages": _truncate_to(0.5),
    "cut off in the middle of a page": _truncate_to(0.5, extra=1234),
    "only its first page left": _truncate_to(0, extra=PAGE),
    "its table of contents overwritten": _scribble(100, 400),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_project_is_refused_with_the_file_and_reason_and_left_as_it_was(
        scratch: Material, damage) -> None:
    path = scratch.copy_of_base("damaged")
    damage(path)
    before = path.read_bytes()

    with pytest.raises(ProjectFileError) as raised:
        Project.open(path)

    assert str(raised.value) == (f"{path}: cannot be opened (the file is damaged). Put a backup "
                                 f"back with 'workbench restore {path}' (see its --list).")
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]


def _wal_header(page_size: int = PAGE) -> bytes:
    """A write-ahead log header with the right magic number but salts of no real log."""
    return struct.pack(">IIIIII", 0x377F0682, 3007000, page_size, 0, 0x1234, 0x5678) + b"\0" * 8


WAL_GARBAGE = {
    "random bytes": os.urandom(3 * PAGE),
    "a log header with frames of no transaction": _wal_header() + os.urandom(2 * (24 + PAGE)),
}


@pytest.mark.parametrize("garbage", WAL_GARBAGE.values(), ids=WAL_GARBAGE.keys())
def test_a_garbage_log_beside_a_sound_project_is_ignored(scratch: Material, garbage: bytes) -> None:
    path = scratch.copy_of_base("sound")
    before, file_before = table_contents(path), path.read_bytes()
    Path(f"{path}-wal").write_bytes(garbage)

    with Project.open(path) as project:
        assert check_project(project).clean
    assert table_contents(path) == before
    assert path.read_bytes() == file_before


def test_a_folder_named_like_a_project_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "study.cwb"
    folder.mkdir()
    with pytest.raises(ProjectFileError, match=f"^{folder}: is a folder, not a project file.$"):
        Project.open(folder)
    assert list(folder.iterdir()) == []


def test_a_page_damaged_in_the_middle_is_reported_by_the_check(scratch: Material) -> None:
    path = scratch.copy_of_base("damaged")
    last_page = path.stat().st_size // PAGE - 1
    _scribble(last_page * PAGE, PAGE)(path)
    before = path.read_bytes()

    try:
        with Project.open(path) as project:
            report = check_project(project)
        assert [p.kind for p in report.problems if not p.repairable] == ["database"]
    except ProjectFileError as error:  # refusing to open it, with a clear message, is fine too
        assert str(error).startswith(f"{path}: ") and "damaged" in str(error)
    assert path.read_bytes() == before


# -- issue 14, point 2: restore and check work on the damaged files that need them ---------------

@pytest.fixture
def workbench(capsys: pytest.CaptureFixture[str]) -> Callable[..., Result]:
    """The command line, run in this process (what it prints is captured)."""

    def run(*arguments: object) -> Result:
        capsys.readouterr()
        code = main([str(argument) for argument in arguments])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def _rot_a_table_name(path: Path) -> None:
    """Bit rot in the schema on the first pages: a table's name no longer decodes."""
    data = bytearray(path.read_bytes())
    at = data.index(b"tablecase_attribute_value") + len(b"table")
    data[at:at + 4] = b"\xff\xfe\xff\xfe"
    path.write_bytes(bytes(data))


FIRST_PAGES = {
    "bit rot in a table's name": _rot_a_table_name,
    "its first pages scribbled over": _scribble(100, 2 * PAGE),
    "cut off in the middle of its pages": _truncate_to(0.5),
}


@pytest.mark.parametrize("damage", FIRST_PAGES.values(), ids=FIRST_PAGES.keys())
def test_a_project_damaged_in_its_first_pages_is_named_damaged_and_restore_brings_it_back(
        scratch: Material, damage, workbench: Callable[..., Result]) -> None:
    path = scratch.copy_of_base("study")
    good = table_contents(path)
    assert workbench("case", "add", path, "Buurthuis").code == 0  # backs it up first
    damage(path)
    damaged_bytes = path.read_bytes()
    Path(f"{path}-wal").write_bytes(_wal_header() + os.urandom(24 + PAGE))  # left by a crash

    for command in (("info", path), ("check", path), ("case", "add", path, "Jeugdbeweging")):
        done = workbench(*command)
        assert done.code == 2, command
        assert done.err.startswith(f"workbench: error: {path}: cannot be opened (the file is "
                                      f"damaged). Put a backup back with 'workbench restore ")
        assert "unexpected" not in done.err and "run 'workbench check'" not in done.err

    restored = workbench("restore", path)
    assert restored.code == 0, restored.err
    assert not Path(f"{path}-wal").exists()  # the log belonged to the damaged file
    assert table_contents(path) == good
    kept = path.parent / f"{path.name}.backups" / restored.out.split("kept as ")[1].split(":")[0]
    assert kept.read_bytes() == damaged_bytes  # the damaged state, byte for byte, can come back
    assert workbench("check", path).code == 0
