"""Commands that only read never upgrade a file; the upgrade says so when it happens (issue 14,
point 11)."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

OLD = REPO / "tests" / "data" / "project-v1.cwb"


def _workbench(*arguments: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "workbench", *map(str, arguments)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_reading_an_older_project_leaves_it_as_it_was_and_writing_says_it_upgrades(
        tmp_path: Path) -> None:
    old = tmp_path / "old.cwb"
    shutil.copyfile(OLD, old)
    digest = hashlib.sha256(old.read_bytes()).hexdigest()

    info = _workbench("info", old, "--json")
    assert info.returncode == 0, info.stderr
    assert json.loads(info.stdout)["schema_version"] >= 2  # read from an upgraded copy
    for command in (("check", old), ("cases", old), ("documents", old), ("export", old, "-o",
                                                                           tmp_path / "old.qdpx")):
        done = _workbench(*command)
        assert done.returncode == 0, (command, done.stderr)
        assert done.stderr == ""
    assert hashlib.sha256(old.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.cwb", "old.qdpx"]  # no backups

    changed = _workbench("case", "add", old, "Buurthuis")
    assert changed.returncode == 0, changed.stderr
    assert (f"workbench: note: old.cwb was upgraded from project format 1; the file as it was is "
            f"kept as old.bak-1-") in changed.stderr
    assert len(list(tmp_path.glob("old.bak-1-*.cwb"))) == 1
