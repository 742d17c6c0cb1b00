"""Bringing another team's codebook in: a preview of every difference, a choice per row, one
undo step, and an audit record of who merged what."""

from __future__ import annotations

import copy
import json
from pathlib import Path

from sqlalchemy import select

from tests.helpers import code_id
from workbench.core.codebooks.builtin import builtin_codebook
from workbench.core.codebooks.description import DefinitionFields
from workbench.core.codebooks.model import Codebook, CodebookCode
from workbench.core.codebooks.qdc import read_codebook, write_codebook
from workbench.core.merge.codebook_apply import merge_codebook
from workbench.core.merge.codebook_plan import Choice, Difference, plan_codebook_merge
from workbench.core.model import AuditEntry, Code
from workbench.core.queries.code_tree import code_paths
from workbench.core.services.history import undo
from workbench.core.storage import Project

SOURCES = "Sources of solidarity (bronnen van solidariteit)"


def their_codebook() -> Codebook:
    """The solidarity codebook as a colleague left it: one code renamed, one moved, one
    recoloured, one redefined, two new ones (one a likely duplicate), a new GUID for an old name."""
    codebook = copy.deepcopy(read_codebook(builtin_codebook("solidarity").path))
    transformation, sources = codebook.codes[0], codebook.codes[1]
    sources.children[0].name = "Organised encounters (georganiseerde ontmoeting)"
    moved = sources.children.pop(1)
    transformation.children.append(moved)
    sources.children[1].colour = "#123456"
    sources.children[2].fields = DefinitionFields("Een nieuwe definitie.")
    sources.children.append(CodebookCode("0c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f",
                                         "Shared strugle", colour="#AA0000"))
    sources.children.append(CodebookCode("1c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f", "Buurtfeesten"))
    codebook.codes[2].uuid = "2c6f4d2e-8b1a-4c3d-9e5f-6a7b8c9d0e1f"
    codebook.codes[2].name = "PEDAGOGY of solidarity (pédagogie van solidariteit)"
    return codebook


def row_for(plan, name: str):
    [row] = [r for r in plan.rows if r.theirs is not None and r.theirs.name == name]
    return row


def test_the_preview_pairs_codes_and_names_each_difference(solidarity_project: Project) -> None:
    with solidarity_project.reading() as session:
        plan = plan_codebook_merge(session, their_codebook(), "collega.qdc")

    renamed = row_for(plan, "Organised encounters (georganiseerde ontmoeting)")
    assert renamed.matched_by == "guid" and renamed.differences == (Difference.RENAMED,)
    moved = [r for r in plan.rows if Difference.MOVED in r.differences]
    assert len(moved) == 1 and moved[0].theirs.path[0].startswith("Need for transformation")
    assert any(Difference.COLOUR in r.differences for r in plan.rows)
    assert any(Difference.DEFINITION in r.differences for r in plan.rows)
    by_name = row_for(plan, "PEDAGOGY of solidarity (pédagogie van solidariteit)")
    assert by_name.matched_by == "path" and by_name.ours is not None
    duplicate = row_for(plan, "Shared strugle")
    assert duplicate.differences == (Difference.ONLY_THERE,)
    assert [plan.ours[i].name for i in duplicate.suggestions] == [
        "Shared struggle (gezamenlijke strijd)"]
    assert row_for(plan, "Buurtfeesten").choice is Choice.TAKE_THEIRS
    assert not [r for r in plan.rows if Difference.ONLY_HERE in r.differences]


def test_choices_are_carried_out_in_one_undoable_step_with_an_audit_record(
        solidarity_project: Project) -> None:
    project = solidarity_project
    codebook = their_codebook()
    with project.reading() as session:
        before = sorted(code_paths(session).values())
        plan = plan_codebook_merge(session, codebook, "collega.qdc")
    struggle = code_id(project, "Shared struggle")
    rows = plan.rows
    plan.choose(rows.index(row_for(plan, "Organised encounters (georganiseerde ontmoeting)")),
                Choice.TAKE_THEIRS)
    plan.choose(rows.index(row_for(plan, "Shared strugle")), Choice.PAIR, pair_with=struggle)
    [recoloured] = [n for n, r in enumerate(rows) if Difference.COLOUR in r.differences]
    plan.choose(recoloured, Choice.KEEP_BOTH)

    changes = merge_codebook(project, codebook, plan, author="Lotte", source="collega.qdc")

    with project.reading() as session:
        paths = sorted(code_paths(session).values())
        [entry] = session.scalars(select(AuditEntry)).all()
    assert f"{SOURCES}/Organised encounters (georganiseerde ontmoeting)" in paths
    assert f"{SOURCES}/Buurtfeesten" in paths
    assert not any("strugle" in path for path in paths)
    assert len(paths) == len(before) + 2
    twin = f"{SOURCES}/{rows[recoloured].theirs.name} (theirs)"
    assert twin in paths
    assert entry.author == "Lotte" and entry.action == "codebook merge"
    assert "collega.qdc" in entry.summary
    assert json.loads(entry.details_json)["source"] == "collega.qdc"
    assert "2 code(s) added" in changes.message

    undo(project)
    with project.reading() as session:
        assert sorted(code_paths(session).values()) == before
        assert session.scalars(select(AuditEntry)).all() == []


def test_merging_the_same_codebook_twice_changes_nothing_the_second_time(
        solidarity_project: Project, tmp_path: Path) -> None:
    path = write_codebook(their_codebook(), tmp_path / "collega.qdc")
    merge_codebook(solidarity_project, read_codebook(path), source="collega.qdc")
    with solidarity_project.reading() as session:
        first = sorted((c.uuid, c.name, c.parent_id, c.colour)
                       for c in session.scalars(select(Code)))

    again = merge_codebook(solidarity_project, read_codebook(path), source="collega.qdc")

    with solidarity_project.reading() as session:
        second = sorted((c.uuid, c.name, c.parent_id, c.colour)
                        for c in session.scalars(select(Code)))
        assert len(session.scalars(select(AuditEntry)).all()) == 1
    assert second == first
    assert again.created == () and again.updated == ()


def test_a_project_made_before_the_audit_trail_gets_it_on_its_first_merge(
        solidarity_project: Project) -> None:
    with solidarity_project.transaction("Simulate an older project file") as session:
        connection = session.connection()
        for kind in ("insert", "update", "delete"):
            connection.exec_driver_sql(f"DROP TRIGGER undo_audit_entry_{kind}")
        connection.exec_driver_sql("DROP TABLE audit_entry")

    merge_codebook(solidarity_project, their_codebook(), author="Youssef", source="collega.qdc")

    with solidarity_project.reading() as session:
        [entry] = session.scalars(select(AuditEntry)).all()
    assert entry.author == "Youssef"
    undo(solidarity_project)
    with solidarity_project.reading() as session:
        assert session.scalars(select(AuditEntry)).all() == []
