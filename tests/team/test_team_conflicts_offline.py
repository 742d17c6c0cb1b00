"""The conflict list travels into the project file with each sync: in the field, with no
network, a researcher still reads it (and when it was last brought up to date), on the command
line too; flipping one needs the server and says so in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import workbench  # noqa: F401 - the fixture
from tests.team.cluster import Cluster
from tests.team.helpers import ids, join_copy, local_dump, publish, start_project
from workbench.core.services.codes import update_code
from workbench.core.storage import Project
from workbench.core.team import api


@pytest.mark.slow
def test_conflicts_are_read_from_the_file_when_the_server_is_gone(
        workbench, cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:  # noqa: F811
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    chief = Project.open(join_copy(cluster, team_db, pgpass, tmp_path, "chief", lead=True))
    try:
        update_code(lead, ids(lead)[1]["Encounter"], definition="Meeting people unlike oneself.")
        update_code(chief, ids(chief)[1]["Encounter"], definition="Organised social mix.")
        api.synchronise(chief)
        assert api.conflicts(lead) == []  # the lead has not synchronised since
        assert api.synchronise(lead).conflicts == 1
        assert len(api.conflicts(lead)) == 1 and api.conflicts(chief) == []
        api.synchronise(chief)
        assert api.conflicts(chief) == api.conflicts(lead)  # the same list on every copy
        synced_at = api.last_synchronised(chief)
    finally:
        chief.close()
        lead.close()

    cluster.stop()
    try:
        with Project.open(tmp_path / "chief.cwb") as chief:
            [conflict] = api.conflicts(chief)
            assert (conflict.kind, conflict.field) == ("code", "definition")
            assert (conflict.kept, conflict.lost) == ("Meeting people unlike oneself.",
                                                      "Organised social mix.")
            status = api.status(chief)
            assert (status.state, status.conflicts) == ("offline", 1)
            assert api.status(chief, ask_server=False).state == "conflicts"
            dump = local_dump(chief)
        listed = workbench("team", "conflicts", tmp_path / "chief.cwb")
        assert listed.code == 0, listed.err
        assert f"as of the last sync, {synced_at}" in listed.out
        assert "'Organised social mix.'" in listed.out
        flipped = workbench("team", "conflicts", tmp_path / "chief.cwb", "--flip",
                            str(conflict.id), "--keep-backups", "0")
        assert flipped.code == 2 and len(flipped.err.strip().splitlines()) == 1
        assert "cannot reach the team server" in flipped.err
        with Project.open(tmp_path / "chief.cwb") as chief:
            assert local_dump(chief) == dump and api.conflicts(chief) == [conflict]
    finally:
        cluster.start()

    with Project.open(tmp_path / "chief.cwb") as chief:
        api.flip(chief, conflict.id)
        [after] = api.conflicts(chief)  # the file's copy follows the flip at once
        assert after.flipped and after.kept == "Organised social mix."
