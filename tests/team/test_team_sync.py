"""A team of three works on one project: the lead publishes it, two coders join, everyone codes
offline and synchronises; every copy and the server end with the same content."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.team.cluster import Cluster
from tests.team.helpers import (
    add_login,
    bodies,
    coder_url,
    differences,
    ids,
    local_dump,
    publish,
    same,
    server_dump,
    start_project,
)
from workbench.core.services.codes import rename_code
from workbench.core.services.codings import apply_code, remove_coding
from workbench.core.services.memos import MemoTarget, create_memo
from workbench.core.storage import Project
from workbench.core.team import api


@pytest.mark.slow  # over half a second: three copies code and sync in rounds
def test_three_copies_code_offline_and_end_equal(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    lead = start_project(tmp_path / "lead.cwb")
    published = publish(cluster, team_db, pgpass, lead)
    assert published.entities > 5 and "postgres:" not in published.url  # no password stored
    add_login(cluster, team_db, pgpass, f"{team_db}_amal")
    add_login(cluster, team_db, pgpass, f"{team_db}_bo")
    api.join(coder_url(cluster, team_db, f"{team_db}_amal"), tmp_path / "amal.cwb")
    api.join(coder_url(cluster, team_db, f"{team_db}_bo"), tmp_path / "bo.cwb")
    amal, bo = Project.open(tmp_path / "amal.cwb"), Project.open(tmp_path / "bo.cwb")
    try:
        assert same(local_dump(lead), local_dump(amal), local_dump(bo),
                    server_dump(cluster, team_db))
        texts = bodies(amal)  # the texts with their speaker turns, as the lead imported them
        assert texts == bodies(lead) and len(next(iter(texts.values()))["turns"]) == 12
        documents, codes = ids(amal)
        first = apply_code(amal, documents[0], codes["Encounter"], 0, 40, coder="Amal").subject.id
        apply_code(amal, documents[1], codes["Encounter"], 10, 60, coder="Amal")
        documents, codes = ids(bo)
        apply_code(bo, documents[0], codes["Shared struggle"], 5, 80, coder="Bo")
        create_memo(bo, "Fridays", "Cooking together as encounter", author="Bo",
                    target=MemoTarget(kind="document", id=documents[0]))
        documents, codes = ids(lead)
        rename_code(lead, codes["Interdependence"], "Division of labour")

        for copy in (amal, bo, lead, amal, bo):
            api.synchronise(copy)
        remove_coding(amal, first)
        api.synchronise(amal)
        for copy in (bo, lead):
            api.synchronise(copy)

        dumps = [local_dump(lead), local_dump(amal), local_dump(bo), server_dump(cluster, team_db)]
        assert differences(*dumps) == []
        assert len(dumps[0]["coding"]) == 2 and len(dumps[0]["memo"]) == 1
        assert "Division of labour" in {code["name"] for code in dumps[1]["code"].values()}
        assert api.status(amal).state == "synchronised"
    finally:
        amal.close()
        bo.close()
        lead.close()
