"""The command line next to an open window: reading works, changing is refused; backups, restore."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from tests.cli.conftest import run_subprocess
from tests.project_holder import HoldingProcess
from workbench.core.storage.backups import backup_folder, list_backups


@pytest.fixture
def study(workbench, tmp_path: Path) -> Path:
    path = tmp_path / "study.cwb"
    assert workbench("new", path).code == 0
    assert workbench("case", "add", path, "Solidaire keuken", "--keep-backups", "0").code == 0
    return path


def _case_names(workbench, path: Path) -> list[str]:
    return [case["name"] for case in workbench("cases", path, "--json").json()]


@pytest.mark.slow
def test_while_a_colleague_has_the_project_open_reading_works_and_changing_is_refused(
        workbench, study: Path) -> None:
    with HoldingProcess(study, user="Lotte") as colleague:
        colleague.add_case("Jeugdbeweging")
        refused = run_subprocess("case", "add", study, "Buurthuis")  # a real second process
        assert refused.code == 2 and refused.out == ""
        assert refused.err.count("\n") == 1
        assert refused.err.startswith(
            f"workbench: error: study.cwb is open for writing by Lotte on host "
            f"{socket.gethostname()} since ")
        assert refused.err.rstrip().endswith("close it there and try again")

        assert _case_names(workbench, study) == ["Solidaire keuken", "Jeugdbeweging"]
        assert workbench("info", study, "--json").json()["cases"] == 2
        assert workbench("check", study).code == 0
        assert workbench("restore", study).code == 2  # restoring changes it: refused too
    assert workbench("case", "add", study, "Buurthuis").code == 0  # closed: now it works
    assert _case_names(workbench, study) == ["Solidaire keuken", "Jeugdbeweging", "Buurthuis"]


@pytest.mark.slow
def test_a_crashed_window_does_not_lock_the_command_line_out(
        workbench, study: Path) -> None:
    HoldingProcess(study, user="Lotte").crash()
    added = workbench("case", "add", study, "Buurthuis")
    assert added.code == 0
    assert "was not closed properly by Lotte on host" in added.err


def test_backups_kept_by_the_command_line(
        workbench, study: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("Jeugdbeweging", "Buurthuis", "Sportclub"):
        assert workbench("case", "add", study, name, "--keep-backups", "2").code == 0
    assert len(list_backups(study)) == 2

    kept = list_backups(study)
    monkeypatch.setenv("WORKBENCH_BACKUPS", "0")  # for scripts: no new ones (old ones stay)
    assert workbench("case", "add", study, "Moskee").code == 0
    assert list_backups(study) == kept
    monkeypatch.setenv("WORKBENCH_BACKUPS", "many")
    wrong = workbench("case", "add", study, "Kerk")
    assert wrong.code == 2 and "WORKBENCH_BACKUPS must be a whole number" in wrong.err


def test_listing_and_restoring_backups(workbench, study: Path) -> None:
    assert "No backups of study.cwb yet" in workbench("restore", study, "--list").out
    workbench("case", "add", study, "Jeugdbeweging")  # backup: before Jeugdbeweging
    workbench("case", "add", study, "Buurthuis")  # backup: before Buurthuis

    listing = workbench("restore", study, "--list", "--json").json()
    assert [row["number"] for row in listing] == [1, 2]
    assert listing[0]["file"].startswith("study-") and listing[0]["size"] > 0
    table = workbench("restore", study, "--list").out.splitlines()
    assert table[0].split() == ["#", "backup", "taken", "project", "last", "changed", "size"]

    restored = workbench("restore", study, "2")
    assert restored.code == 0, restored.err
    assert restored.out.startswith(f"Restored study.cwb from {listing[1]['file']}")
    assert _case_names(workbench, study) == ["Solidaire keuken"]

    kept = restored.out.split("kept as ")[1].split(":")[0]
    assert (backup_folder(study) / kept).exists()
    assert workbench("restore", study, kept).code == 0  # undo the restore
    assert _case_names(workbench, study) == ["Solidaire keuken", "Jeugdbeweging", "Buurthuis"]

    missing = workbench("restore", study, "study-19990101-000000.cwb")
    assert missing.code == 2 and "has no backup 'study-19990101-000000.cwb'" in missing.err
