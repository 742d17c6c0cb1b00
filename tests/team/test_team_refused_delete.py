"""A coder deletes a document they may not delete: the next sync brings the document back from
the server, and with it the coder's own codings on it, those sent before and those never sent,
which then reach the server too. A coding they removed by an action of its own stays removed."""

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
from tests.team.test_team_sync_while_coding import HeldSync
from workbench.core.services.changes import Changes, EntityRef
from workbench.core.services.codings import apply_code, remove_coding
from workbench.core.services.documents import delete_document
from workbench.core.storage import Project
from workbench.core.team import api, sync


def coding(made: Changes) -> EntityRef:
    return next(ref for ref in made.created if ref.kind == "coding")


def test_a_refused_deletion_keeps_the_coders_unsent_codings(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    with start_project(tmp_path / "lead.cwb") as lead:
        publish(cluster, team_db, pgpass, lead)
    with Project.open(join_copy(cluster, team_db, pgpass, tmp_path, "amal")) as amal:
        documents, codes = ids(amal)
        sent = coding(apply_code(amal, documents[0], codes["Encounter"], 0, 20, coder="Amal"))
        api.synchronise(amal)
        unsent = [coding(apply_code(amal, documents[0], codes["Encounter"], start, start + 10,
                                    coder="Amal")) for start in (40, 80, 120)]
        remove_coding(amal, unsent[2].id)  # on purpose, before the deletion: stays removed
        delete_document(amal, documents[0])
        assert len(local_dump(amal)["coding"]) == 0

        report = api.synchronise(amal)
        assert report.refused >= 1
        codings = local_dump(amal)["coding"]
        assert set(codings) == {sent.uuid, unsent[0].uuid, unsent[1].uuid}
        assert sorted((c["start"], c["end"]) for c in codings.values()) == [
            (0, 20), (40, 50), (80, 90)]
        assert differences(local_dump(amal), server_dump(cluster, team_db)) == []
        assert api.status(amal, ask_server=False).pending == 0


def test_a_refused_deletion_during_a_sync_loses_nothing_pulled_onto_it(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    amal = Project.open(join_copy(cluster, team_db, pgpass, tmp_path, "amal"))
    try:
        documents, codes = ids(lead)
        lotte = coding(apply_code(lead, documents[0], codes["Encounter"], 0, 20, coder="Lotte"))
        api.synchronise(lead)

        held = HeldSync(amal, "pulled", monkeypatch)  # the pull holds Lotte's coding
        delete_document(amal, ids(amal)[0][0])  # not hers to delete: taken back next time
        held.finish()
        monkeypatch.setattr(sync, "_pause", lambda _point: None)
        assert api.synchronise(amal).refused >= 1
        assert lotte.uuid in local_dump(amal)["coding"]
        api.synchronise(lead)
        assert differences(local_dump(amal), local_dump(lead),
                           server_dump(cluster, team_db)) == []
    finally:
        amal.close()
        lead.close()
