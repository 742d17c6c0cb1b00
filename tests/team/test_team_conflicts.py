"""Two edits of one field since the last common sync: every copy ends with the later one, the
other is listed as a conflict with both values, and flipping it takes the other everywhere.
Edits of different fields of one code merge without a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.team.cluster import Cluster
from tests.team.helpers import (
    differences,
    ids,
    join_copy,
    local_dump,
    publish,
    server_dump,
    start_project,
)
from workbench.core.services.codes import update_code
from workbench.core.storage import Project
from workbench.core.team import api


def definition(project: Project) -> str:
    return next(code["definition"] for code in local_dump(project)["code"].values()
                if code["name"] == "Encounter")


@pytest.mark.slow
def test_two_leads_define_one_code_differently(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    chief = Project.open(join_copy(cluster, team_db, pgpass, tmp_path, "chief", lead=True))
    try:
        encounter = ids(lead)[1]["Encounter"]
        update_code(lead, encounter, definition="Meeting people unlike oneself.", colour="#112233")
        update_code(chief, ids(chief)[1]["Encounter"], definition="Organised social mix.")
        assert api.synchronise(chief).conflicts == 0
        assert api.synchronise(lead).conflicts == 1
        api.synchronise(chief)

        assert differences(local_dump(lead), local_dump(chief), server_dump(cluster, team_db)) == []
        assert definition(chief) == "Meeting people unlike oneself."  # the later push
        code = next(c for c in local_dump(chief)["code"].values() if c["name"] == "Encounter")
        assert code["colour"] == "#112233"  # another field: merged, no conflict
        [conflict] = api.conflicts(chief)
        assert (conflict.kind, conflict.field) == ("code", "definition")
        assert conflict.kept == "Meeting people unlike oneself."
        assert conflict.lost == "Organised social mix."
        assert (conflict.kept_by, conflict.lost_by) == ("postgres", f"{team_db}_chief")
        assert api.status(lead).state == "conflicts"

        api.flip(chief, conflict.id)
        api.synchronise(lead)
        assert definition(lead) == definition(chief) == "Organised social mix."
        [flipped] = api.conflicts(lead)
        assert flipped.flipped and flipped.kept == "Organised social mix."
        assert differences(local_dump(lead), local_dump(chief), server_dump(cluster, team_db)) == []
    finally:
        chief.close()
        lead.close()
