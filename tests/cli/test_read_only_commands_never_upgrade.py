"""Commands that only read never upgrade a file; the upgrade says so when it happens (issue 14,
point 11)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Result
from tests.helpers import REPO

OLD = REPO / "tests" / "data" / "project-v1.cwb"



@pytest.mark.slow  # over half a second: every read-only command on an old project
def test_reading_an_older_project_leaves_it_as_it_was_and_writing_says_it_upgrades(
        workbench: Callable[..., Result], tmp_path: Path) -> None:
    old = tmp_path / "old.cwb"
    shutil.copyfile(OLD, old)
    digest = hashlib.sha256(old.read_bytes()).hexdigest()

    info = workbench("info", old, "--json")
    assert info.code == 0, info.err
    assert json.loads(info.out)["schema_version"] >= 2  # read from an upgraded copy
    for command in (("check", old), ("cases", old), ("documents", old), ("export", old, "-o",
                                                                           tmp_path / "old.qdpx")):
        done = workbench(*command)
        assert done.code == 0, (command, done.err)
        assert done.err == ""
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.cwb", "old.qdpx"]  # no backups

    changed = workbench("case", "add", old, "Buurthuis")
    assert changed.code == 0, changed.err
    assert ("workbench: note: old.cwb was upgraded from project format 1; the file as it was is "
            "kept as old.bak-1-") in changed.err
    assert len(list(tmp_path.glob("old.bak-1-*.cwb"))) == 1
