"""Who may do what is enforced by the server: a coder's own connection, in raw SQL, cannot
change or delete another coder's coding, an existing code, or the change log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from tests.team.cluster import Cluster
from tests.team.helpers import add_login, coder_url, ids, local_dump, publish, start_project
from workbench.core.services.codes import rename_code
from workbench.core.services.codings import apply_code
from workbench.core.storage import Project
from workbench.core.team import api


@pytest.fixture
def team(cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> Iterator[dict]:
    """The lead's published project; Amal has coded a passage; Bo and Amal are coders."""
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    passwords = {name: add_login(cluster, team_db, pgpass, f"{team_db}_{name}")
                 for name in ("amal", "bo")}
    passwords["chief"] = add_login(cluster, team_db, pgpass, f"{team_db}_chief", lead=True)
    api.join(coder_url(cluster, team_db, f"{team_db}_amal"), tmp_path / "amal.cwb")
    with Project.open(tmp_path / "amal.cwb") as amal:
        documents, codes = ids(amal)
        coding = apply_code(amal, documents[0], codes["Encounter"], 0, 30, coder="Amal").subject
        api.synchronise(amal)
    yield {"lead": lead, "passwords": passwords, "coding": coding.uuid,
           "code": next(uuid for uuid, code in local_dump(lead)["code"].items()
                        if code["name"] == "Encounter")}
    lead.close()


def connect(cluster: Cluster, database: str, name: str, password: str) -> psycopg.Connection:
    return psycopg.connect(host="127.0.0.1", port=cluster.port, dbname=database,
                           user=f"{database}_{name}", password=password, autocommit=True)


def payload(connection: psycopg.Connection, uuid: str) -> dict:
    return connection.execute("SELECT payload FROM entity WHERE uuid = %s", (uuid,)).fetchone()[0]


def test_a_coder_cannot_change_or_delete_another_coders_coding(
        cluster: Cluster, team_db: str, team: dict) -> None:
    with connect(cluster, team_db, "bo", team["passwords"]["bo"]) as bo:
        before = payload(bo, team["coding"])
        moved = bo.execute("UPDATE entity SET payload = jsonb_set(payload, '{start}', '5') "
                           "WHERE uuid = %s", (team["coding"],))
        tombstoned = bo.execute("UPDATE entity SET deleted = true WHERE uuid = %s",
                                (team["coding"],))
        assert moved.rowcount == 0 and tombstoned.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bo.execute("DELETE FROM entity WHERE uuid = %s", (team["coding"],))
        assert payload(bo, team["coding"]) == before
    with connect(cluster, team_db, "amal", team["passwords"]["amal"]) as amal:  # her own: yes
        assert amal.execute("UPDATE entity SET payload = jsonb_set(payload, '{end}', '20') "
                            "WHERE uuid = %s", (team["coding"],)).rowcount == 1


def test_only_a_lead_changes_an_existing_code(cluster: Cluster, team_db: str, team: dict) -> None:
    rename = ("UPDATE entity SET payload = jsonb_set(payload, '{name}', '\"Meeting\"') "
              "WHERE uuid = %s")
    with connect(cluster, team_db, "bo", team["passwords"]["bo"]) as bo:
        assert bo.execute(rename, (team["code"],)).rowcount == 0
        assert bo.execute("UPDATE entity SET deleted = true WHERE uuid = %s",
                          (team["code"],)).rowcount == 0
        # A code Bo adds himself is part of the codebook too: once there, only leads change it.
        bo.execute("INSERT INTO entity (uuid, kind, payload) VALUES "
                   "('6f1c2a52-0000-4000-8000-000000000001', 'code', '{\"name\": \"Mine\"}')")
        assert bo.execute(rename.replace("Meeting", "Ours"),
                          ("6f1c2a52-0000-4000-8000-000000000001",)).rowcount == 0
        assert payload(bo, team["code"])["name"] == "Encounter"
    with connect(cluster, team_db, "chief", team["passwords"]["chief"]) as chief:
        assert chief.execute(rename, (team["code"],)).rowcount == 1


def test_a_coder_cannot_forge_the_change_log_or_anothers_ownership(
        cluster: Cluster, team_db: str, team: dict) -> None:
    with connect(cluster, team_db, "bo", team["passwords"]["bo"]) as bo:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bo.execute("INSERT INTO change (seq, kind, uuid, op, coder) VALUES "
                       "(999999, 'coding', %s, 'delete', %s)", (team["coding"], f"{team_db}_amal"))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            bo.execute("UPDATE change SET coder = 'nobody'")
        bo.execute("INSERT INTO entity (uuid, kind, owner, payload) VALUES "
                   "('6f1c2a52-0000-4000-8000-000000000002', 'memo', %s, '{\"title\": \"x\"}')",
                   (f"{team_db}_amal",))
        owner, coder = bo.execute(
            "SELECT e.owner, c.coder FROM entity AS e JOIN change AS c ON c.seq = e.seq "
            "WHERE e.uuid = '6f1c2a52-0000-4000-8000-000000000002'").fetchone()
        assert owner == coder == f"{team_db}_bo"


@pytest.mark.slow  # over half a second: a second coder joins and syncs twice
def test_a_coders_edit_of_a_code_is_taken_back_by_the_next_sync(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path, team: dict) -> None:
    api.join(coder_url(cluster, team_db, f"{team_db}_bo"), tmp_path / "bo.cwb")
    with Project.open(tmp_path / "bo.cwb") as bo:
        _, codes = ids(bo)
        rename_code(bo, codes["Encounter"], "Meeting")
        report = api.synchronise(bo)
        assert report.refused == 1 and report.pushed == 0
        assert "Encounter" in ids(bo)[1] and "Meeting" not in ids(bo)[1]
        assert api.status(bo).state == "synchronised"
