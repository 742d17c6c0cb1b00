"""Two leads move codes apart so that together they would close a circle: Lotte puts
*Encounter* under *Interdependence* while Amal puts *Interdependence* under *Encounter*. Each
move alone is fine; both copies and the server end with the same tree, without a cycle, the
move that reached the server later undone and listed as a conflict on the code's place. The
same when one deletes a branch of the tree while the other files a code (and its codings)
under it: the code goes back where it was instead of vanishing with the branch."""

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
from workbench.core.errors import DomainError
from workbench.core.services.codes import create_code, delete_code, move_code
from workbench.core.services.codings import apply_code
from workbench.core.storage import Project
from workbench.core.team import api
from workbench.core.team.code_moves import Referee
from workbench.core.team.code_tree import find_cycle, parents


def tree(project: Project) -> dict[str, str | None]:
    """Each code's parent, by name."""
    codes = local_dump(project)["code"]
    return {code["name"]: codes[code["parent"]]["name"] if code["parent"] else None
            for code in codes.values()}


def test_the_codebook_refuses_a_move_under_a_code_s_own_sub_code(tmp_path: Path) -> None:
    with start_project(tmp_path / "lead.cwb") as project:
        codes = ids(project)[1]
        with pytest.raises(DomainError, match="under itself or one of its sub-codes"):
            move_code(project, codes["Sources of solidarity"], codes["Encounter"])


def test_the_referee_settles_on_the_tree_in_memory() -> None:
    """The sync settles the moves before its push, on dicts: the move of this copy not yet
    sent loses (back to its place at the last sync), listed on ``parent``; the position
    conflicts of the cycle's codes are not listed."""
    last = {"A": {"parent": "S", "position": 2}, "B": {"parent": "S", "position": 1},
            "H": {"parent": None, "position": 0}}
    here = {"A": "B", "B": "S", "S": None, "H": "P", "P": None}  # A and H moved here
    referee = Referee(here, last.get, lambda uuid: uuid in ("A", "H"))
    batch = [("B", {"parent": "A", "name": "B"}), ("P", None)]  # pulled: B under A, P deleted
    rescued = referee.rescue(batch)
    assert rescued == {"H": {"parent": None, "position": 0}}
    settled, others = referee.untangle(batch, rescued)
    assert settled == batch
    assert others == [("A", {"parent": "S", "position": 2})]
    assert referee.moved_back == [("code", "H", "parent", None, "P"),
                                  ("code", "A", "parent", "S", "B")]

    class Listed:
        def __init__(self, kind: str, uuid: str, field: str, *_rest: object) -> None:
            self.kind, self.uuid, self.field = kind, uuid, field

    listed = referee.listed([Listed("code", "A", "position"), Listed("code", "S", "position")],
                            Listed, "amal")
    assert [(item.uuid, item.field) for item in listed] == [
        ("S", "position"), ("H", "parent"), ("A", "parent")]


@pytest.mark.slow
def test_crossed_moves_end_in_one_tree_without_a_cycle_and_one_conflict(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    amal = Project.open(join_copy(cluster, team_db, pgpass, tmp_path, "amal", lead=True))
    try:
        mine, hers = ids(lead)[1], ids(amal)[1]
        move_code(lead, mine["Encounter"], mine["Interdependence"])
        move_code(amal, hers["Interdependence"], hers["Encounter"])
        api.synchronise(lead)  # Lotte's move reaches the server first
        report = api.synchronise(amal)  # Amal's would close the circle: it is undone
        assert report.conflicts == 1
        # Settled before the push: the move that lost was never sent.
        server_codes = server_dump(cluster, team_db)["code"]
        [interdependence] = [code for code in server_codes.values()
                             if code["name"] == "Interdependence"]
        assert server_codes[interdependence["parent"]]["name"] == "Sources of solidarity"
        api.synchronise(lead)

        for project in (lead, amal):
            with project.reading() as session:
                assert find_cycle(parents(session.connection())) is None
            assert tree(project)["Encounter"] == "Interdependence"
            assert tree(project)["Interdependence"] == "Sources of solidarity"
        assert differences(local_dump(lead), local_dump(amal),
                           server_dump(cluster, team_db)) == []
        [conflict] = api.conflicts(lead)
        assert api.conflicts(amal) == [conflict]
        codes = local_dump(lead)["code"]
        assert (conflict.kind, conflict.field) == ("code", "parent")
        assert codes[conflict.uuid]["name"] == "Interdependence"
        assert codes[conflict.kept]["name"] == "Sources of solidarity"  # where it was
        assert codes[conflict.lost]["name"] == "Encounter"  # the move that lost
        assert conflict.lost_by == f"{team_db}_amal"

        # Flipping it back would close the circle again: refused, nothing changed.
        dump = local_dump(amal)
        with pytest.raises(api.TeamError, match="own sub-codes"):
            api.flip(amal, conflict.id)
        assert local_dump(amal) == dump
        # Once Encounter moves out, the lost place can be taken after all.
        move_code(amal, ids(amal)[1]["Encounter"], None)
        api.flip(amal, conflict.id)
        api.synchronise(lead)
        assert tree(lead)["Interdependence"] == "Encounter"
        assert differences(local_dump(lead), local_dump(amal),
                           server_dump(cluster, team_db)) == []
    finally:
        amal.close()
        lead.close()


def _hope_coded_and_sent(amal: Project) -> int:
    """Amal adds the code Hope, codes a passage with it and synchronises; Hope's id."""
    hope = create_code(amal, "Hope").subject.id
    documents, _codes = ids(amal)
    apply_code(amal, documents[0], hope, 0, 20, coder="Amal")
    api.synchronise(amal)
    return hope


@pytest.mark.slow
def test_a_code_moved_under_one_deleted_meanwhile_goes_back_with_its_codings(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    amal = Project.open(join_copy(cluster, team_db, pgpass, tmp_path, "amal", lead=True))
    try:
        hope = _hope_coded_and_sent(amal)
        # Lotte deletes a branch of the tree while Amal files Hope under it.
        delete_code(lead, ids(lead)[1]["Shared struggle"])
        move_code(amal, hope, ids(amal)[1]["Shared struggle"])
        api.synchronise(lead)
        assert api.synchronise(amal).conflicts == 1
        api.synchronise(lead)

        assert tree(amal)["Hope"] is None and "Shared struggle" not in tree(amal)
        assert len(local_dump(amal)["coding"]) == 1  # her coding of Hope is still there
        assert differences(local_dump(lead), local_dump(amal),
                           server_dump(cluster, team_db)) == []
        [conflict] = api.conflicts(lead)
        assert (conflict.field, conflict.kept) == ("parent", None)
        assert local_dump(lead)["code"][conflict.uuid]["name"] == "Hope"
    finally:
        amal.close()
        lead.close()


@pytest.mark.slow
def test_a_code_moved_under_one_deleted_here_meanwhile_stays_with_its_codings(
        cluster: Cluster, team_db: str, pgpass: Path, tmp_path: Path) -> None:
    """The same two edits, the move reaching the server first: the deletion not yet sent
    would take the code along on the server, so the deleting copy keeps it where it was."""
    lead = start_project(tmp_path / "lead.cwb")
    publish(cluster, team_db, pgpass, lead)
    amal = Project.open(join_copy(cluster, team_db, pgpass, tmp_path, "amal", lead=True))
    try:
        hope = _hope_coded_and_sent(amal)
        api.synchronise(lead)
        move_code(amal, hope, ids(amal)[1]["Shared struggle"])
        delete_code(lead, ids(lead)[1]["Shared struggle"])
        api.synchronise(amal)
        assert api.synchronise(lead).conflicts == 1
        api.synchronise(amal)

        assert tree(lead)["Hope"] is None and "Shared struggle" not in tree(lead)
        assert tree(amal)["Hope"] is None and "Shared struggle" not in tree(amal)
        assert len(local_dump(amal)["coding"]) == 1  # her coding of Hope is still there
        assert differences(local_dump(lead), local_dump(amal),
                           server_dump(cluster, team_db)) == []
        [conflict] = api.conflicts(amal)
        assert (conflict.kind, conflict.field, conflict.kept) == ("code", "parent", None)
        assert local_dump(lead)["code"][conflict.uuid]["name"] == "Hope"
        assert conflict.lost_by == f"{team_db}_amal"
    finally:
        amal.close()
        lead.close()
